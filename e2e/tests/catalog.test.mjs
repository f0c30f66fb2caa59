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
