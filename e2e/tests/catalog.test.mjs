// Catalog: an administrator finds 06010 暴露垃圾 in the catalogue, changes a time limit and sees it saved;
// the working calendar shows 2026-10-01 (国庆节) as a holiday.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LIMIT = '[data-testid=category-limits] input[name=hours_HANDLE_NORMAL]';

test('an admin finds 暴露垃圾, edits its handling time limit and sees it saved', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await page.goto('/admin/catalog');
  await page.fill('[data-testid=catalog-filter] input[name=q]', '暴露垃圾');
  await Promise.all([page.waitForURL(/q=/), page.press('[data-testid=catalog-filter] input[name=q]', 'Enter')]);
  const link = page.locator('[data-testid=category-table] a', { hasText: '06010' }).first();
  assert.match(await link.textContent(), /06010/);
  await Promise.all([page.waitForURL(/\/admin\/catalog\/\d+$/), link.click()]);
  assert.match(await page.textContent('h1'), /暴露垃圾/);

  const before = await page.inputValue(LIMIT);
  const wanted = before === '5.5' ? '6.25' : '5.5';
  await page.fill(LIMIT, wanted);
  await Promise.all([page.waitForURL(/\/admin\/catalog\/\d+$/), page.click('[data-testid=category-limits] button[type=submit]')]);
  await page.waitForSelector('[data-testid=flash-ok]');
  assert.equal(Number(await page.inputValue(LIMIT)), Number(wanted), 'the new limit is shown after saving');
  await page.reload();
  assert.equal(Number(await page.inputValue(LIMIT)), Number(wanted), 'and is still there on a fresh load');
  await snap(page, 'catalog-limit');
  await page.context().close();
});

test('the working calendar shows 2026-10-01 as a holiday', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await page.goto('/admin/calendar?year=2026');
  const day = page.locator('[data-testid=calendar-year] button[data-date="2026-10-01"]');
  assert.equal(await day.getAttribute('data-kind'), 'HOLIDAY');
  assert.match(await day.getAttribute('class'), /\bholiday\b/);
  const rows = await page.$$eval('[data-testid=calendar-exceptions] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('2026-10-01') && r.includes('国庆节')), 'listed among the holidays');
  await snap(page, 'catalog-calendar');
  await page.context().close();
});

test('an admin enters a year\'s holiday notice as a table; a bad row is named and nothing is saved', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(60000);
  await login(page, 'admin');
  await page.goto('/admin/calendar?year=2097');
  const form = '[data-testid=calendar-notice]';
  const day14 = '[data-testid=calendar-year] button[data-date="2097-02-14"]';
  const before = await page.getAttribute(day14, 'data-kind');
  for (const remove of await page.$$(`${form} button.notice-remove`)) { await remove.click(); } // a rerun starts empty
  await page.click('#cal-notice-add');
  let row = page.locator(`${form} tbody tr`).last();
  await row.locator('input[name=name]').fill('春节');
  await row.locator('input[name=from]').fill('2097-02-14');
  await row.locator('input[name=to]').fill('2097-02-10');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('[data-testid=notice-error]:not([hidden])');
  assert.match(await page.textContent('[data-testid=notice-error]'), /第 1 行/);
  await page.reload();
  assert.equal(await page.getAttribute(day14, 'data-kind'), before, 'nothing saved');
  for (const remove of await page.$$(`${form} button.notice-remove`)) { await remove.click(); }
  await page.click('#cal-notice-add');
  row = page.locator(`${form} tbody tr`).last();
  await row.locator('input[name=name]').fill('春节');

  await row.locator('input[name=from]').fill('2097-02-10');
  await row.locator('input[name=to]').fill('2097-02-14');
  await row.locator('input[name=workdays]').fill('2097-02-16');
  await Promise.all([page.waitForEvent('load'), page.click(`${form} button[type=submit]`)]);
  assert.equal(await page.getAttribute('[data-testid=calendar-year] button[data-date="2097-02-12"]', 'data-kind'), 'HOLIDAY');
  assert.equal(await page.getAttribute('[data-testid=calendar-year] button[data-date="2097-02-16"]', 'data-kind'), 'MAKEUP_WORKDAY');
  row = page.locator(`${form} tbody tr`).first();
  assert.equal(await row.locator('input[name=name]').inputValue(), '春节');
  await snap(page, 'catalog-calendar-notice');
  await page.context().close();
});

test('the calendar page says which years still have no holidays, as the coverage API does', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  const coverage = await (await page.request.get('/api/v1/catalog/calendar/coverage')).json();
  await page.goto('/admin/calendar');
  const warning = page.locator('[data-testid=calendar-missing]');
  if (coverage.missingYears.length) {
    assert.equal(await warning.getAttribute('data-missing-years'), coverage.missingYears.join(','));
    assert.match(await warning.textContent(), /尚未录入/);
  } else {
    assert.equal(await warning.count(), 0);
  }
  await page.context().close();
});
