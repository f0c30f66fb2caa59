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
