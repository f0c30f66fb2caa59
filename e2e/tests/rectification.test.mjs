// Issue 4: one measure from assignment through progress, evidence, completion and 销号, each step by its role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const stamp = Date.now();
const NAME = `e2e巡察-${stamp}`;
const MEASURE = `建立公厕巡查制度-${stamp}`;
const LEDGER = {
  inspection: { name: NAME, inspecting_body: '市委第三巡察组', kind: '巡察', feedback_date: '2026-10-01' },
  categories: [{ no: 1, title: '环境卫生管理不到位', problems: [
    { no: 1, title: '公厕管理不规范', measures: [{ title: MEASURE, text: '建立公厕巡查制度,每周通报。' }] }] }],
};

test('the office imports and assigns, the department reports with evidence, the leader signs off', async () => {
  // 整改办: import the feedback and assign the measure
  const office = await newPage(browser);
  await login(office, 'rectify1');
  await office.goto('/rectification');
  await office.setInputFiles('[data-testid=import-form] input[type=file]', {
    name: 'feedback.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(LEDGER)),
  });
  await Promise.all([office.waitForURL(/\/rectification\/inspections\/\d+$/), office.click('[data-testid=import-form] button[type=submit]')]);
  assert.match(await office.textContent('[data-testid=ledger-total]'), /1/);
  const ledgerUrl = office.url();
  await Promise.all([office.waitForURL(/\/rectification\/measures\/\d+$/), office.click(`text=${MEASURE}`)]);
  const measureUrl = office.url();
  await office.fill('[data-testid=assign-form] input[name=leader]', '党组成员、副局长');
  // the leader account is chosen from the list of leader accounts, not typed
  assert.equal(await office.$eval('[data-testid=leader-account]', (el) => el.tagName), 'SELECT');
  await office.selectOption('[data-testid=leader-account]', 'leader1');
  await office.fill('[data-testid=assign-form] input[name=leadDepartment]', '市环卫处');
  await office.fill('[data-testid=assign-form] input[name=cooperating]', '天宁区城管局');
  await office.fill('[data-testid=assign-form] input[name=deadline]', '2030-12-31');
  await Promise.all([office.waitForLoadState('load'), office.click('[data-testid=assign-form] button[type=submit]')]);
  await office.waitForSelector('[data-testid=flash-ok]');
  assert.equal((await office.textContent('[data-testid=measure-dept]')).trim(), '市环卫处');
  assert.equal(await office.$eval('[data-testid=leader-account]', (el) => el.value), 'leader1');
  // 平台指标: chosen from the list; only the chosen indicator's own fields show, labelled (no k=v;k=v)
  assert.equal(await office.$('[data-testid=indicator-form] input[name=params]'), null);
  await office.selectOption('[data-testid=indicator-key]', 'cases.count-by-category');
  const shown = await office.$$eval('[data-testid=indicator-form] .indicator-param:not([hidden]) span', (s) => s.map((x) => x.textContent));
  assert.ok(shown.length === 4 && shown.every((t) => !/=/.test(t)), `fields: ${shown}`);
  await office.fill('[data-testid=indicator-form] input[name="p.cases.count-by-category.category"]', '30428:E:01');
  await office.fill('[data-testid=indicator-form] input[name="p.cases.count-by-category.from"]', '2026-01-01');
  await Promise.all([office.waitForLoadState('load'), office.click('[data-testid=indicator-form] button[type=submit]')]);
  await office.waitForSelector('[data-testid=flash-ok]');
  assert.equal(await office.$eval('[data-testid=indicator-key]', (el) => el.value), 'cases.count-by-category');
  assert.equal(await office.inputValue('[data-testid=indicator-form] input[name="p.cases.count-by-category.category"]'), '30428:E:01');
  await snap(office, 'rectification-measure-assign');
  await office.context().close();

  // 市环卫处: the measure is in its task list; progress, a photo, completion
  const dept = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await login(dept, 'handler-hwc');
  await dept.goto('/rectification-tasks');
  await Promise.all([dept.waitForURL(measureUrl), dept.click(`text=${MEASURE}`)]);
  await dept.fill('[data-testid=progress-form] textarea[name=text]', '已完成全市公厕摸排,巡查制度已印发');
  await Promise.all([dept.waitForLoadState('load'), dept.click('[data-testid=progress-form] button[type=submit]')]);
  await dept.waitForSelector('[data-testid=flash-ok]');
  assert.match(await dept.textContent('[data-testid=measure-status]'), /推进中/);
  await dept.setInputFiles('[data-testid=evidence-form] input[type=file]', {
    name: '巡查照片.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await Promise.all([dept.waitForLoadState('load'), dept.click('[data-testid=evidence-form] button[type=submit]')]);
  assert.match(await dept.textContent('[data-testid=evidence-list]'), /巡查照片\.png/);
  await dept.selectOption('[data-testid=status-form] select[name=status]', 'COMPLETED');
  await Promise.all([dept.waitForLoadState('load'), dept.click('[data-testid=status-form] button[type=submit]')]);
  assert.match(await dept.textContent('[data-testid=measure-status]'), /已完成/);
  await snap(dept, 'rectification-measure-phone');
  await dept.context().close();

  // the ledger's 整改进展 column shows the latest progress at once
  const check = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await login(check, 'rectify1');
  await check.goto(ledgerUrl);
  const progress = await check.textContent('[data-testid=ledger-table] tbody tr [data-testid=latest-progress]');
  assert.match(progress, /已完成全市公厕摸排/);
  await snap(check, 'rectification-ledger');
  await check.context().close();

  // 领导: verify and sign off (销号) the problem
  const leader = await newPage(browser);
  await login(leader, 'leader1');
  await leader.goto(measureUrl);
  await Promise.all([leader.waitForURL(/\/rectification\/problems\/\d+$/), leader.click('main > p:first-child a')]);
  assert.match(await leader.textContent('[data-testid=problem-status]'), /已整改到位/);
  await leader.fill('[data-testid=signoff-form] textarea[name=opinion]', '经核查,整改到位,同意销号');
  await Promise.all([leader.waitForLoadState('load'), leader.click('[data-testid=signoff-form] button[type=submit]')]);
  await leader.waitForSelector('[data-testid=signed-off]');
  assert.match(await leader.textContent('[data-testid=history]'), /SIGN_OFF/);
  await snap(leader, 'rectification-signed-off');
  await leader.context().close();
});

test('the leader sees the dashboard of the demo ledger with the report\'s counts', async () => {
  const page = await newPage(browser);
  await login(page, 'leader1');
  await page.goto('/rectification');
  await Promise.all([page.waitForURL(/dashboard$/), page.click('[data-testid=inspections] tbody tr:last-child a:has-text("看板")')]);
  assert.equal((await page.textContent('[data-status=RECTIFIED]')).trim(), '12');
  assert.equal((await page.textContent('[data-status=SIGNIFICANT_PROGRESS]')).trim(), '15');
  assert.equal((await page.textContent('[data-status=INITIAL_PROGRESS]')).trim(), '16');
  await snap(page, 'rectification-dashboard');
  await page.context().close();
});
