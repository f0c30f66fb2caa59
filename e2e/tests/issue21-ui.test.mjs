// Issue 21.4–21.7 in the browser: where 按派遣规则 sends (and why), merge by case number, 转办 information,
// the inspector's phone pages (actions before the map, no sideways scrolling, the queue as cards, alerts folded),
// the favicon and the public brand link. (Assessment: assessment.test.mjs; 转案件: muck.test.mjs; ledger, 平台指标
// and leader accounts: rectification.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, pickCategory } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LAT = '31.780000';
const LON = '119.950000';
const PHONE = { viewport: { width: 390, height: 844 } };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const HANDLERS = { 320402: 'handler-tianning', 320404: 'handler-zhonglou', 320411: 'handler-xinbei',
  320412: 'handler-wujin', 320413: 'handler-jintan', 320481: 'handler-liyang', 320491: 'handler-jingkai' };

async function as(user, fn, options = DESKTOP) {
  const page = await newPage(browser, options);
  page.setDefaultTimeout(60000);
  try {
    await login(page, user);
    return await fn(page);
  } finally {
    await page.context().close();
  }
}

/** Intake from the console form at the given size; returns { id, number }. */
async function report(user, description, options = DESKTOP) {
  return as(user, async (page) => {
    await page.goto('/cases/new');
    await pickCategory(page);
    await page.fill('textarea[name=description]', description);
    await page.fill('input[name=lat]', LAT);
    await page.fill('input[name=lon]', LON);
    await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click('[data-testid=submit]')]);
    return { id: page.url().split('/').pop(), number: (await page.textContent('[data-testid=case-number]')).trim() };
  }, options);
}

async function act(page, id, action, expected) {
  await page.goto(`/cases/${id}`);
  await page.click(`button[data-action=${action}]`);
  await page.waitForSelector(`#case-panel[data-status=${expected}]`);
}

async function noSidewaysScroll(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${what}: page ${scroll} px wide on a ${inner} px screen`);
}

test('按派遣规则 shows the department and the rule before confirming, and dispatch goes there', async () => {
  const c = await report('inspector1', '浏览器测试：派遣预览 ' + Date.now());
  await as('shiftlead1', (page) => act(page, c.id, 'FILE', 'FILED'));
  await as('dispatcher1', async (page) => {
    await page.goto(`/cases/${c.id}`);
    const preview = await page.textContent('[data-testid=dispatch-preview]');
    assert.match(preview, /按派遣规则将派往/);
    assert.match(await page.textContent('[data-testid=dispatch-rule]'), /规则 #\d+/);
    const dept = (await page.textContent('[data-testid=dispatch-preview] strong')).trim();
    assert.equal(await page.$eval('[data-testid=dispatch-department] option', (o) => o.textContent), '按派遣规则：' + dept);
    await snap(page, 'cases-dispatch-preview');
    // the same explanation in English: the frame from message keys, the names as written
    await page.goto(`/cases/${c.id}?lang=en`);
    assert.match(await page.textContent('[data-testid=dispatch-rule]'), /^\(rule #\d+: .+ · .+\)$/);
    assert.equal(await page.$eval('[data-testid=dispatch-department] option', (o) => o.textContent), 'By routing rule: ' + dept);
    await snap(page, 'cases-dispatch-preview-en');
    await page.goto(`/cases/${c.id}?lang=zh_CN`);
    await page.click('button[data-action=DISPATCH]');
    await page.waitForSelector('#case-panel[data-status=DISPATCHED]');
    assert.match(await page.textContent('#case-panel'), new RegExp(dept));
  });
});

test('merge asks for a case number and merges into that case', async () => {
  const stamp = Date.now();
  const first = await report('operator1', '浏览器测试：合并目标 ' + stamp);
  const second = await report('operator1', '浏览器测试：重复上报 ' + stamp);
  await as('operator1', async (page) => {
    await page.goto(`/cases/${second.id}`);
    const field = 'form[data-action-form=MERGE] [data-testid=merge-number]';
    assert.equal(await page.$('form[data-action-form=MERGE] input[name=mergeInto]'), null, 'no internal id field');
    await page.fill(field, first.number);
    await page.click('button[data-action=MERGE]');
    await page.waitForSelector('#case-panel[data-status=MERGED]');
    assert.ok(await page.$(`#case-panel a[href="/cases/${first.id}"]`), 'links to the case it was merged into');
  });
});

test('a case routed away from its district shows there as 转办 information, and only there', async () => {
  const c = await report('inspector1', '浏览器测试：转办 ' + Date.now());
  await as('shiftlead1', (page) => act(page, c.id, 'FILE', 'FILED'));
  const district = await as('dispatcher1', async (page) => {
    await page.goto(`/cases/${c.id}`);
    await page.selectOption('form[data-action-form=DISPATCH] select[name=departmentId]', { label: '市环卫处' });
    await page.click('button[data-action=DISPATCH]');
    await page.waitForSelector('#case-panel[data-status=DISPATCHED]');
    return (await page.evaluate((id) => window.cityops.api('/api/v1/cases/' + id), c.id)).districtCode;
  });
  const here = HANDLERS[district];
  const other = Object.values(HANDLERS).find((h) => h !== here);
  await as(here, async (page) => {
    await page.goto('/cases/queue');
    await page.click('[data-testid=transferred] summary');
    assert.ok(await page.$(`[data-testid=transferred] li[data-case-number="${c.number}"]`), `${here} sees the 转办 case`);
    assert.match(await page.textContent(`[data-testid=transferred] li[data-case-number="${c.number}"]`), /市环卫处/);
    await snap(page, 'cases-queue-transferred');
  });
  await as(other, async (page) => {
    await page.goto('/cases/queue');
    assert.equal(await page.$(`[data-testid=transferred] li[data-case-number="${c.number}"]`), null, `${other} does not`);
  });
});

test('the inspector\'s phone: actions before the map, no sideways scrolling, the queue as cards, alerts folded', async () => {
  const c = await report('operator1', '浏览器测试：监督员手机 ' + Date.now());
  await as('inspector1', async (page) => {
    await page.goto('/cases/queue');
    await noSidewaysScroll(page, 'queue');
    const alerts = await page.$('[data-testid=alerts]');
    if (alerts) {
      assert.equal(await alerts.evaluate((el) => el.tagName), 'DETAILS');
      assert.equal(await alerts.evaluate((el) => el.open), false, 'the alert list is folded');
      const ids = await page.$$eval('[data-testid=alerts] li', (lis) => lis.map((li) => li.dataset.caseId));
      assert.equal(new Set(ids).size, ids.length, 'each case once in the alert list');
    }
    const row = await page.$('[data-testid=case-table] tbody tr');
    if (row) {
      assert.equal(await row.evaluate((el) => getComputedStyle(el).display), 'block', 'queue rows are cards');
    }
    await snap(page, 'inspector-queue-phone');

    await page.goto(`/cases/${c.id}`);
    await noSidewaysScroll(page, 'case page');
    const verify = await page.locator('button[data-action=VERIFY]').boundingBox();
    const map = await page.locator('#case-map').boundingBox();
    assert.ok(verify.y < map.y, `核实 (${verify.y}) comes before the map (${map.y})`);
    await snap(page, 'inspector-case-phone');

    await page.goto('/cases/new');
    await noSidewaysScroll(page, 'report form');
    const submit = await page.locator('[data-testid=submit]').boundingBox();
    const pick = await page.locator('.pick-map').boundingBox();
    assert.ok(submit.y < pick.y, `上报 (${submit.y}) comes before the map (${pick.y})`);
    const photo = await page.locator('input[name=photo]').boundingBox();
    assert.ok(photo.x + photo.width <= 390, `the photo input fits: ${JSON.stringify(photo)}`);
    await snap(page, 'inspector-report-phone');
  }, PHONE);
});

test('a favicon, and the public pages\' brand link goes to the public home', async () => {
  const page = await newPage(browser, PHONE);
  const icon = await page.request.get('/favicon.svg');
  assert.equal(icon.status(), 200);
  assert.match(icon.headers()['content-type'], /svg/);
  await page.goto('/public/report');
  assert.equal(await page.getAttribute('link[rel=icon]', 'href'), '/favicon.svg');
  assert.equal(await page.getAttribute('[data-testid=brand]', 'href'), '/public');
  await Promise.all([page.waitForURL(/\/public$/), page.click('[data-testid=brand]')]);
  assert.ok(await page.$('[data-testid=public-home] a[href="/public/report"]'));
  await noSidewaysScroll(page, 'public home');
  await snap(page, 'public-home-phone');
  await page.context().close();
});
