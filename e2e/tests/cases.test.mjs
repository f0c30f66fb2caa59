// Browser walk-through of the case lifecycle: every role from intake to the return visit, and the side paths
// (回退, 延期, 挂账, 返工), plus the public report and lookup. Runs against a started cityops (demo profile).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, pickCategory } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A point in the demo city (central Changzhou).
const LAT = '31.780000';
const LON = '119.950000';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function as(user, fn, options) {
  const page = await newPage(browser, options);
  page.setDefaultTimeout(60000); // the shared 2-core machine is slow under load
  try {
    await login(page, user);
    return await fn(page);
  } finally {
    await page.context().close();
  }
}

/** Intake from the console form; returns the case id. */
async function report(user, description, options) {
  return as(user, async (page) => {
    await page.goto('/cases/new');
    await pickCategory(page);
    await page.fill('textarea[name=description]', description);
    await page.fill('input[name=lat]', LAT);
    await page.fill('input[name=lon]', LON);
    await page.setInputFiles('input[name=photo]', { name: 'p.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click('[data-testid=submit]')]);
    assert.match(await page.textContent('[data-testid=case-number]'), /^\d{13,}$/);
    return page.url().split('/').pop();
  }, options);
}

/** One click on an action button of the case page (after filling its fields); waits for the new status. */
async function act(user, id, action, expected, fill = {}) {
  return as(user, async (page) => {
    await page.goto(`/cases/${id}`);
    const form = `form[data-action-form=${action}]`;
    for (const [name, value] of Object.entries(fill)) {
      const field = `${form} [name=${name}]`;
      const tag = await page.$eval(field, (el) => el.tagName);
      if (tag === 'SELECT') {
        await page.selectOption(field, { label: value }).catch(() => page.selectOption(field, value));
      } else if (name === 'photo') {
        await page.setInputFiles(field, { name: 'p.png', mimeType: 'image/png', buffer: PNG });
      } else if (name === 'reopen') {
        await page.check(field);
      } else {
        await page.fill(field, value);
      }
    }
    await page.click(`button[data-action=${action}]`);
    await page.waitForSelector(`#case-panel[data-status=${expected}]`);
    const error = await page.$('[data-testid=action-error]');
    assert.equal(error, null, error ? await error.textContent() : '');
    return page;
  });
}

test('one case goes through every role from intake to the return visit', async () => {
  const id = await report('operator1', '浏览器测试：路边垃圾堆积 ' + Date.now());
  await act('inspector1', id, 'VERIFY', 'PENDING_FILE', { note: '现场核实属实' });
  await act('shiftlead1', id, 'FILE', 'FILED');
  await as('dispatcher1', async (page) => {
    await page.goto('/cases/queue');
    assert.ok(await page.$(`tr[data-case-id="${id}"] .countdown`), 'the dispatcher queue shows the case with a countdown');
  });
  await act('dispatcher1', id, 'DISPATCH', 'DISPATCHED', { departmentId: '市环卫处' });
  await act('handler-hwc', id, 'ACCEPT', 'ACCEPTED');
  await act('handler-hwc', id, 'REPORT_HANDLED', 'HANDLED', { note: '已清运完毕', photo: 'x' });
  await act('inspector1', id, 'CHECK_PASS', 'CHECKED');
  await act('shiftlead1', id, 'CLOSE', 'CLOSED');
  await act('operator1', id, 'VISIT', 'VISITED', { satisfaction: '满意' });
  await as('leader1', async (page) => {
    await page.goto(`/cases/${id}`);
    const steps = await page.$$eval('[data-testid=timeline] tbody tr', (rows) => rows.map((r) => r.dataset.step));
    // the 核实 and 核查 tasks are sent to the grid's inspector (指派监督员) before each of them
    assert.deepEqual(steps, ['INTAKE', 'ASSIGN_INSPECTOR', 'VERIFY', 'FILE', 'DISPATCH', 'ACCEPT', 'REPORT_HANDLED',
      'ASSIGN_INSPECTOR', 'CHECK_PASS', 'CLOSE', 'VISIT']);
    await snap(page, 'cases-detail-visited');
  });
});

test('a case goes through return, extension, suspension and rework', async () => {
  const phone = { viewport: { width: 390, height: 844 } };
  const id = await report('inspector1', '浏览器测试：井盖缺失（监督员上报） ' + Date.now(), phone);
  await act('shiftlead1', id, 'FILE', 'FILED');
  await act('dispatcher1', id, 'DISPATCH', 'DISPATCHED', { departmentId: '市环卫处' });
  await act('handler-hwc', id, 'RETURN', 'FILED', { note: '非本单位职责，请改派' });
  await act('dispatcher1', id, 'DISPATCH', 'DISPATCHED', { departmentId: '市环卫处' });
  await act('handler-hwc', id, 'ACCEPT', 'ACCEPTED');
  await act('handler-hwc', id, 'REQUEST_EXTENSION', 'EXTENSION_REQUESTED', { note: '需采购井盖', extensionHours: '48' });
  await act('shiftlead1', id, 'APPROVE_EXTENSION', 'ACCEPTED');
  await act('shiftlead1', id, 'SUSPEND', 'SUSPENDED', { note: '道路大修期间挂账' });
  await act('shiftlead1', id, 'RESUME', 'ACCEPTED');
  await act('handler-hwc', id, 'REPORT_HANDLED', 'HANDLED', { note: '已更换井盖' });
  await act('inspector1', id, 'CHECK_FAIL', 'ACCEPTED', { note: '井盖不平整，返工' });
  await act('handler-hwc', id, 'REPORT_HANDLED', 'HANDLED', { note: '返工完成' });
  await act('inspector1', id, 'CHECK_PASS', 'CHECKED');
  const page = await act('shiftlead1', id, 'CLOSE', 'CLOSED');
  void page;
  await as('shiftlead1', async (p) => {
    await p.goto(`/cases/${id}`);
    const steps = await p.$$eval('[data-testid=timeline] tbody tr', (rows) => rows.map((r) => r.dataset.step));
    for (const s of ['RETURN', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'SUSPEND', 'RESUME', 'CHECK_FAIL']) {
      assert.ok(steps.includes(s), `timeline has ${s}`);
    }
    await snap(p, 'cases-detail-side-paths');
  });
});

test('a citizen reports without signing in and looks the case up by number', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(60000);
  try {
    await page.goto('/public/report');
    await pickCategory(page, 'zdjy', '占道经营');
    await page.fill('textarea[name=description]', '浏览器测试：占道经营 ' + Date.now());
    await page.fill('input[name=lat]', LAT);
    await page.fill('input[name=lon]', LON);
    await page.fill('input[name=reporterPhone]', '13900000000');
    await Promise.all([page.waitForURL(/\/public\/cases\/\d+$/), page.click('[data-testid=submit]')]);
    const number = (await page.textContent('[data-testid=public-number]')).trim();
    assert.match(number, /^\d{13,}$/);
    await page.goto('/public/cases?number=' + number);
    assert.equal((await page.textContent('[data-testid=public-status]')).trim(), '待核实');
    assert.ok(!(await page.content()).includes('13900000000'), 'the phone number is not public');
    await snap(page, 'cases-public-lookup');
  } finally {
    await page.context().close();
  }
});

test('the map shows open cases and the list exports to Excel', async () => {
  await as('dispatcher1', async (page) => {
    await page.goto('/cases/map');
    await page.waitForSelector('#cases-map[data-loaded]');
    assert.ok(Number(await page.getAttribute('#cases-map', 'data-loaded')) > 0, 'open cases on the map');
    await snap(page, 'cases-map');
    await page.goto('/cases?overdue=true');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
  });
});
