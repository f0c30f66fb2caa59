// Issue 5: an assessor opens a period, computes it, drills down from a district's score to a case, locks it;
// a leader publishes it and the public 红黑榜 shows the districts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** First and last day of last month in the city's time zone (Asia/Shanghai), as yyyy-mm-dd. */
function lastMonth() {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const y = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const m = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
}

test('an assessor computes a month, drills from a district to a case and locks; a leader publishes', async () => {
  const page = await newPage(browser);
  await login(page, 'assessor1');
  await page.goto('/assessment');
  const scheme = 'E2E-' + Date.now();
  await page.evaluate((code) => window.cityops.api('/api/v1/assessment/schemes', { method: 'POST', body: {
    code, name: '浏览器测试方案', weights: { PUBLIC: 20, THIRD_PARTY: 20, SUPERVISION: 40, DEPARTMENT: 10, DISTRICT: 10 } } }), scheme);
  await page.reload();
  const { from, to } = lastMonth();
  await page.fill('#open-period input[name=from]', from);
  await page.fill('#open-period input[name=to]', to);
  await page.selectOption('#open-period select[name=scheme]', scheme);
  await Promise.all([page.waitForURL(/\/assessment\/periods\/\d+/), page.click('#open-period button[type=submit]')]);
  assert.equal(await page.getAttribute('[data-testid=period-status]', 'data-status'), 'OPEN');

  await page.click('[data-testid=compute]');
  await page.waitForSelector('[data-testid=period-status][data-status=COMPUTED]');
  await page.waitForLoadState('load');
  const districts = await page.$$eval('[data-testid=ranking] tbody tr', (trs) => trs.map((tr) => tr.dataset.subject));
  for (const d of ['320402', '320404', '320411', '320412', '320413', '320481', '320491']) {
    assert.ok(districts.includes(d), `district ${d} is ranked`);
  }
  await snap(page, 'assessment-ranking');
  for (const link of ['export-xlsx', 'export-docx']) {
    const href = await page.getAttribute(`[data-testid=${link}]`, 'href');
    const res = await page.request.get(href);
    assert.equal(res.status(), 200, `${link} downloads`);
    const body = await res.body();
    assert.equal(body.subarray(0, 2).toString(), 'PK', `${link} is an Office Open XML file`);
  }

  // drill down: 天宁区's 结案数 → the cases behind it → one case's steps
  await page.click('[data-testid=ranking] tr[data-subject="320402"] a[data-indicator=closed]');
  await page.waitForSelector('[data-testid=drill-rows]');
  const numerator = Number(await page.textContent('[data-testid=numerator]'));
  const rows = await page.$$('[data-testid=drill-rows] tbody tr');
  assert.ok(numerator > 0, 'the district closed cases last month');
  assert.equal(rows.length, numerator, 'one row per closed case');
  await page.click('[data-testid=case-link] >> nth=0');
  await page.waitForSelector('[data-testid=case-steps]');
  const steps = await page.$$eval('[data-testid=case-steps] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(steps.some((s) => s.includes('CLOSED')), 'the case was closed');
  await snap(page, 'assessment-case');

  await page.goBack();
  await page.goBack();
  await page.waitForSelector('[data-testid=lock]');
  const url = page.url();
  await page.click('[data-testid=lock]');
  await page.waitForSelector('[data-testid=period-status][data-status=LOCKED]');
  await page.waitForLoadState('load');
  assert.equal(await page.$('[data-testid=compute]'), null, 'a locked period cannot be computed');
  await page.context().close();

  const leader = await newPage(browser);
  await login(leader, 'leader1');
  await leader.goto(url);
  await leader.click('[data-testid=publish]');
  await leader.waitForSelector('[data-testid=period-status][data-status=PUBLISHED]');
  await leader.context().close();

  const citizen = await newPage(browser);
  await citizen.goto('/public/assessment');
  const text = await citizen.textContent('main');
  assert.match(text, /天宁区/);
  assert.match(text, /红榜/);
  assert.doesNotMatch(text, /inspector1|assessor1|DEMO88/);
  await snap(citizen, 'assessment-public');
  await citizen.context().close();
});

test('the public ranking works on a phone screen without signing in', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  const res = await page.goto('/public/assessment');
  assert.equal(res.status(), 200);
  assert.ok((await page.$$('[data-testid=public-ranking] tbody tr')).length >= 7);
  await page.context().close();
});

test('an assessor clicks a district in the ranking and sees its trend chart', async () => {
  const page = await newPage(browser);
  await login(page, 'assessor1');
  // the demo month is computed and published for every district
  const periods = await page.evaluate(() => window.cityops.api('/api/v1/assessment/periods'));
  const demo = periods.find((p) => p.schemeCode === 'CZ-LONGTERM' && p.currentVersion > 0);
  assert.ok(demo, 'a computed demo period exists');
  await page.goto(`/assessment/periods/${demo.id}?type=DISTRICT`);
  await Promise.all([page.waitForURL(/\/trend\?/),
    page.click('[data-testid=ranking] tr[data-subject="320402"] [data-testid=trend-link]')]);
  await page.waitForSelector('#trend-chart[data-ready] canvas');
  const rows = await page.$$('[data-testid=trend-rows] tbody tr');
  assert.ok(rows.length >= 1, 'at least one period in the trend');
  assert.equal(await page.getAttribute('#trend-chart', 'data-ready'), String(rows.length), 'one point per period');
  assert.match(await page.textContent('h1'), /天宁区/);
  await snap(page, 'assessment-trend');
  // the period selector works under the Content-Security-Policy (no inline onchange)
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) { violations.push(m.text()); } });
  await Promise.all([page.waitForURL(/periods=3/), page.selectOption('[data-testid=trend-periods]', '3')]);
  assert.equal(await page.$eval('[data-testid=trend-periods]', (el) => el.value), '3');
  assert.deepEqual(violations, []);
  await page.context().close();
});

test('the ranking shows 总分 and 等级 without scrolling at 1440 px; 红榜 is red and 黑榜 dark', async () => {
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await login(page, 'assessor1');
  const periods = await page.evaluate(() => window.cityops.api('/api/v1/assessment/periods'));
  const demo = periods.find((p) => p.schemeCode === 'CZ-LONGTERM' && p.currentVersion > 0);
  await page.goto(`/assessment/periods/${demo.id}?type=DISTRICT`);
  for (const col of ['col-total', 'col-grade']) {
    const box = await page.locator(`[data-testid=${col}]`).boundingBox();
    assert.ok(box && box.x + box.width <= 1440, `${col} is on screen: ${JSON.stringify(box)}`);
  }
  assert.match(await page.textContent('[data-testid=ranking] tbody tr [data-testid=grade]'), /\S/);
  await snap(page, 'assessment-ranking-1440');
  await page.context().close();

  const citizen = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await citizen.goto('/public/assessment');
  const red = await citizen.$eval('[data-testid=red-list]', (el) => getComputedStyle(el).backgroundColor);
  const black = await citizen.$eval('[data-testid=black-list]', (el) => getComputedStyle(el).backgroundColor);
  const rgb = (c) => c.match(/\d+/g).map(Number);
  const [r, g, b] = rgb(red);
  assert.ok(r > 150 && g < 80 && b < 80, `红榜 is red: ${red}`);
  assert.ok(rgb(black).every((v) => v < 60), `黑榜 is dark: ${black}`);
  await snap(citizen, 'assessment-public-1440');
  await citizen.context().close();
});

test('a department appeals a deduction with a photo; the assessor accepts it; the department sees the outcome', async () => {
  const assessor = await newPage(browser);
  await login(assessor, 'assessor1');
  await assessor.goto('/assessment');
  const stamp = Date.now();
  const { periodId, deductionId } = await assessor.evaluate(async (stamp) => {
    const api = window.cityops.api;
    const code = 'E2E-AP-' + stamp;
    await api('/api/v1/assessment/schemes', { method: 'POST', body: { code, name: '申诉测试方案',
      weights: { PUBLIC: 20, THIRD_PARTY: 20, SUPERVISION: 40, DEPARTMENT: 10, DISTRICT: 10 } } });
    const p = await api('/api/v1/assessment/periods', { method: 'POST', body: { from: '2040-01-01', to: '2040-01-31', scheme: code } });
    await api('/api/v1/assessment/items', { method: 'POST', body: { code: 'E2E-I-' + stamp, name: '道路保洁不到位',
      points: 2, basis: 'MANUAL', deptShare: 100, territoryShare: 0 } });
    const d = await api(`/api/v1/assessment/periods/${p.id}/deductions`, { method: 'POST', body: {
      item: 'E2E-I-' + stamp, department: 'HWC', note: '浏览器测试扣分' } });
    return { periodId: p.id, deductionId: d[0].id };
  }, stamp);

  const hwc = await newPage(browser);
  await login(hwc, 'handler-hwc');
  await hwc.goto('/assessment/my');
  await hwc.selectOption('[data-testid=period-select]', String(periodId));
  await hwc.waitForSelector(`tr[data-deduction="${deductionId}"] [data-testid=appeal-form]`);
  const row = `tr[data-deduction="${deductionId}"]`;
  await hwc.fill(`${row} [data-testid=appeal-reason]`, '当日已清扫完毕，见照片');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await hwc.setInputFiles(`${row} [data-testid=appeal-file]`, { name: '现场.png', mimeType: 'image/png', buffer: png });
  await Promise.all([hwc.waitForEvent('load'), hwc.click(`${row} [data-testid=appeal-form] button`)]);
  await hwc.waitForSelector('[data-testid=my-appeals]');
  assert.match(await hwc.textContent(`${row} [data-testid=deduction-status]`), /申诉中/);
  assert.match(await hwc.textContent('[data-testid=my-appeals]'), /现场\.png/);
  await snap(hwc, 'assessment-my-appeal');

  await assessor.goto(`/assessment/periods/${periodId}/appeals`);
  const appealRow = '[data-testid=appeal-rows] tbody tr';
  assert.match(await assessor.textContent(appealRow), /当日已清扫完毕/);
  const attachment = await assessor.getAttribute(`${appealRow} [data-testid=appeal-attachment]`, 'href');
  const res = await assessor.request.get(attachment);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'image/png');
  // a decision needs a note: without one the page says so and nothing happens
  await assessor.click(`${appealRow} [data-testid=appeal-accept]`);
  await assessor.waitForSelector('[data-testid=asm-error]:not([hidden])');
  await assessor.fill(`${appealRow} [data-testid=review-note]`, '照片属实');
  await Promise.all([assessor.waitForEvent('load'), assessor.click(`${appealRow} [data-testid=appeal-accept]`)]);
  assert.match(await assessor.textContent(`${appealRow} [data-testid=appeal-status]`), /申诉成立/);
  await snap(assessor, 'assessment-appeal-review');

  await hwc.reload();
  assert.match(await hwc.textContent(`${row} [data-testid=deduction-status]`), /已撤销/);
  assert.match(await hwc.textContent('[data-testid=my-appeals]'), /照片属实/);

  // another district's bureau does not see it
  const other = await newPage(browser);
  await login(other, 'handler-tianning');
  await other.goto(`/assessment/my?period=${periodId}`);
  assert.equal(await other.$(`tr[data-deduction="${deductionId}"]`), null);
  assert.doesNotMatch(await other.textContent('main'), /当日已清扫完毕/);
  for (const p of [assessor, hwc, other]) { await p.context().close(); }
});
