// Issue 18 "Done when": a 违建 12319 case is transferred to enforcement (案件移送) and carried to 结案 through the pages,
// by the officer (enforce1) and the legal reviewer (legal1); the 12319 case waits on 挂账 meanwhile and shows the
// result afterwards, then goes on to 核查 and 结案. 1440×900; the case file also at 390×844 (screenshot, no overflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, PASSWORD } from '../lib.mjs';

// a 天宁区 demo grid cell (as EnforcementApiTests)
const LAT = 31.80715;
const LON = 119.93837;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function api(page, user) {
  const token = (await (await page.request.post('/api/v1/auth/token',
    { data: { username: user, password: PASSWORD } })).json()).access_token;
  return { Authorization: `Bearer ${token}` };
}

async function act(page, user, id, body) {
  const res = await page.request.post(`/api/v1/cases/${id}/transitions`, { headers: await api(page, user), data: body });
  assert.equal(res.status(), 200, `${user} ${body.action}: ${await res.text()}`);
  return res.json();
}

/** Submits a form whose answer is a redirect back to the page, and waits for the new document. */
async function submitAndReload(page, button) {
  await page.evaluate(() => { document.body.dataset.stale = '1'; });
  await button.click();
  await page.waitForFunction(() => document.body && !document.body.dataset.stale && document.readyState === 'complete');
}

/** Takes a step on the case file page and expects it to be done (or shows the refusal). */
async function step(page, name, fields = {}) {
  const form = page.locator('[data-testid=step-form]');
  await form.locator('[data-testid=step-select]').selectOption(name);
  for (const [field, value] of Object.entries(fields)) {
    const input = form.locator(`[name=${field}]`);
    if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(String(value));
  }
  await submitAndReload(page, form.locator('[data-testid=step-submit]'));
  const error = page.locator('[data-testid=step-error]');
  assert.equal(await error.count(), 0, `${name}: ${await error.count() ? await error.textContent() : ''}`);
  await page.locator('[data-testid=step-done]').waitFor();
}

async function noHorizontalOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `horizontal overflow ${overflow}px at ${page.url()}`);
}

test('a 违建 12319 case transferred to enforcement is carried to 结案 and the 12319 case shows the result', async () => {
  const officer = await newPage(browser, { viewport: DESKTOP });
  // the 12319 side: a 无证建设 case taken in, verified, filed and dispatched by the routing rule to the 执法支队
  const res = await officer.request.post('/api/v1/cases', {
    headers: await api(officer, 'operator1'),
    data: { channel: 'HOTLINE', categoryCode: 'E08016', description: '浏览器测试：楼顶违法搭建 ' + Date.now(),
      lat: LAT, lon: LON, address: '测试路8号', urgency: 'NORMAL' },
  });
  assert.equal(res.status(), 201, await res.text());
  const c12319 = await res.json();
  await act(officer, 'inspector1', c12319.id, { action: 'VERIFY', note: '属实' });
  await act(officer, 'shiftlead1', c12319.id, { action: 'FILE' });
  const dispatched = await act(officer, 'dispatcher1', c12319.id, { action: 'DISPATCH' });
  assert.equal(dispatched.status, 'DISPATCHED');

  // 案件移送: the officer opens the enforcement case from the 12319 number
  await login(officer, 'enforce1');
  await officer.goto(`/enforcement/new?sourceCaseNumber=${c12319.caseNumber}`);
  const form = officer.locator('[data-testid=open-form]');
  assert.equal(await form.locator('[name=source]').inputValue(), 'TRANSFER');
  await form.locator('[name=partyKind]').selectOption('PERSON');
  await form.locator('[name=partyName]').fill('王某');
  await form.locator('[name=partyId]').fill('11010519491231002X');
  await form.locator('[name=itemCode]').selectOption('WJ-001');
  await form.locator('[name=description]').fill('楼顶违法搭建彩钢板房约150平方米，经责令停止建设仍继续施工');
  await form.locator('[name=address]').fill('测试路8号');
  await form.locator('[name=lat]').fill(String(LAT));
  await form.locator('[name=lon]').fill(String(LON));
  await Promise.all([officer.waitForURL(/\/enforcement\/cases\/\d+/), form.locator('[data-testid=open-submit]').click()]);
  const caseFile = officer.url();
  assert.equal((await officer.locator('[data-testid=source-case]').textContent()).trim(), c12319.caseNumber);
  const enfNumber = (await officer.locator('[data-testid=case-title] code').textContent()).trim();

  // the 12319 case waits (挂账) and shows the enforcement case number
  const leader = await newPage(browser, { viewport: DESKTOP });
  await login(leader, 'shiftlead1');
  let link;
  for (let i = 0; i < 30; i++) {
    await leader.goto(`/cases/${c12319.id}`);
    link = leader.locator('[data-testid=enforcement-link]');
    if (await link.count()) break;
    await leader.waitForTimeout(1000);
  }
  assert.equal(await link.getAttribute('data-outcome'), 'WAITING');
  assert.equal((await leader.locator('[data-testid=enforcement-number]').textContent()).trim(), enfNumber);
  assert.equal(await leader.locator('[data-testid=case-panel]').getAttribute('data-status'), 'SUSPENDED');

  // 立案 → 告知 (较重: 20,000 yuan, which carries a hearing right and so legal review) → 放弃 → 提交法制审核
  await officer.goto(caseFile);
  await step(officer, 'FILE', { note: '经现场检查，符合立案条件' });
  // 证据: a site photo with its time and GPS position
  const evidence = officer.locator('[data-testid=evidence-form]');
  await evidence.locator('[name=kind]').selectOption('PHOTO');
  await evidence.locator('[name=file]').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]) });
  await evidence.locator('[name=takenAt]').fill('2026-01-05T09:30');
  await evidence.locator('[name=lat]').fill(String(LAT));
  await evidence.locator('[name=lon]').fill(String(LON));
  await submitAndReload(officer, evidence.locator('[data-testid=evidence-submit]'));
  assert.equal(await officer.locator('[data-testid=step-error]').count(), 0);
  assert.equal(await officer.locator('[data-testid=evidence] tr[data-evidence]').count(), 1);
  await step(officer, 'NOTIFY', { tier: 'SERIOUS', fine: 20000 });
  assert.ok(await officer.locator('text=须法制审核').count() > 0);
  await step(officer, 'WAIVE', { note: '当事人书面放弃陈述申辩和听证' });
  await step(officer, 'SUBMIT_REVIEW', { note: '报请法制审核' });

  // the legal reviewer finds it in the queue and approves
  const reviewer = await newPage(browser, { viewport: DESKTOP });
  await login(reviewer, 'legal1');
  await reviewer.goto('/enforcement/review');
  await reviewer.locator(`[data-case="${enfNumber}"] a`).click();
  await reviewer.waitForURL(/\/enforcement\/cases\/\d+/);
  await step(reviewer, 'APPROVE_REVIEW', { note: '事实清楚，证据确凿，裁量适当，同意' });

  // 决定 → 送达 → 缴纳 → 结案
  await officer.goto(caseFile);
  await step(officer, 'DECIDE', { note: '作出罚款20000元的行政处罚决定' });
  await step(officer, 'SERVE', { note: '直接送达' });
  await step(officer, 'PAY', { amount: 20000 });
  await step(officer, 'CLOSE', { note: '罚款已缴纳，违建已拆除' });
  assert.equal((await officer.locator('[data-testid=stage]').textContent()).trim(), '已结案');
  await snap(officer, 'enforcement-case-file-1440');

  // the 12319 case shows the result and waits for 核查
  for (let i = 0; i < 30; i++) {
    await leader.goto(`/cases/${c12319.id}`);
    if (await leader.locator('[data-testid=enforcement-link]').getAttribute('data-outcome') === 'CLOSED') break;
    await leader.waitForTimeout(1000);
  }
  assert.equal(await leader.locator('[data-testid=enforcement-link]').getAttribute('data-outcome'), 'CLOSED');
  const result = await leader.locator('[data-testid=enforcement-result]').textContent();
  assert.match(result, /已结案/);
  assert.match(result, /罚款20000元/);
  assert.equal(await leader.locator('[data-testid=case-panel]').getAttribute('data-status'), 'HANDLED');
  await snap(leader, 'enforcement-12319-result-1440');
  await act(officer, 'inspector1', c12319.id, { action: 'CHECK_PASS' });
  const closed = await act(officer, 'shiftlead1', c12319.id, { action: 'CLOSE' });
  assert.equal(closed.status, 'CLOSED');

  // the case file on a phone
  const phone = await newPage(browser, { viewport: PHONE });
  await login(phone, 'enforce1');
  await phone.goto(caseFile);
  await noHorizontalOverflow(phone);
  await snap(phone, 'enforcement-case-file-390');
  for (const p of [officer, leader, reviewer, phone]) await p.context().close();
});

test('the statistics page and the exports work for the officer at 1440×900 and 390×844', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await newPage(browser, { viewport });
    await login(page, 'enforce1');
    await page.goto('/enforcement/stats');
    await page.locator('[data-testid=enforcement-stats]').waitFor();
    await noHorizontalOverflow(page);
    const xlsx = await page.request.get('/enforcement/stats.xlsx');
    assert.equal(xlsx.status(), 200);
    const list = await page.request.get('/enforcement/cases.xlsx');
    assert.equal(list.status(), 200);
    await snap(page, `enforcement-stats-${viewport.width}`);
    await page.context().close();
  }
});
