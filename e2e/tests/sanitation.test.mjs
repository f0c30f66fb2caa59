// Issue 16 (sanitation): the supervisor opens the coverage map of a day (segments coloured 已完成 / 部分覆盖 / 未作业),
// opens a segment's day from the table, and looks at the rates. Run `--scenario sanitation` of the simulator first to
// see swept segments; without it every planned demo segment is 未作业. Screenshots at 1440×900 and 390×844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the coverage map and a segment's day open (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'sanitation1');
    const day = process.env.SANITATION_DAY ? `?day=${process.env.SANITATION_DAY}` : '';
    await page.goto(`/sanitation/map${day}`);
    await page.waitForSelector('[data-testid=coverage-map][data-ready="1"]');
    const rows = await page.$$eval('#san-rows tr', (trs) => trs.map((t) => t.dataset.status));
    assert.ok(rows.length >= 50, `the demo network has 50 segments, the table shows ${rows.length}`);
    assert.ok(rows.every((s) => ['DONE', 'PARTIAL', 'MISSED', 'UNPLANNED'].includes(s)));
    assert.match(await page.textContent('[data-testid=coverage-summary]'), /已完成 \d+ · 部分覆盖 \d+ · 未作业 \d+/);
    assert.ok(await page.$('.leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas'), 'segments are drawn');
    await snap(page, `sanitation-map-${name}`);

    // open the first swept segment if there is one, else the first segment
    const link = (await page.$('#san-rows tr[data-status=DONE] a')) || (await page.$('#san-rows tr a'));
    await Promise.all([page.waitForURL(/\/sanitation\/segments\/\d+/), link.click()]);
    await page.waitForSelector('[data-testid=segment-title]');
    assert.match(await page.textContent('[data-testid=segment-status]'), /已完成|部分覆盖|未作业/);
    await snap(page, `sanitation-segment-${name}`);

    await page.goto('/sanitation/rates');
    await page.waitForSelector('[data-testid=rates-byDistrict]');
    await snap(page, `sanitation-rates-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
