// Issue 17 point 7 (kitchen waste): the supervisor opens yesterday's supervision page, follows the flagged trip (the
// demo's 苏D·C0002 short by about 30 %) to its detail — the weighbridge receipt, the pickups and the gap — then the
// producers' map coloured by last collection and the month's page. Screenshots at 1440×900 and 390×844; neither
// page may scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noSidewaysScroll(page, what) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client + 1, `${what}: the page is ${scroll}px wide in a ${client}px window`);
}

function yesterday() {
  const d = new Date(Date.now() + 8 * 3600 * 1000 - 86400 * 1000); // Asia/Shanghai
  return d.toISOString().slice(0, 10);
}

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a supervisor opens a flagged trip, the producer map and the month (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'sanitation1');
    await page.goto(`/wastestream?day=${yesterday()}`);
    const flagged = page.locator('[data-testid=trips] tr.flagged [data-testid=trip-link]').first();
    await flagged.waitFor();
    await noSidewaysScroll(page, 'supervision page');
    await Promise.all([page.waitForURL(/\/wastestream\/trip\?receipt=/), flagged.click()]);
    await page.waitForSelector('[data-testid=trip-title]');
    assert.equal(await page.getAttribute('[data-testid=trip-status]', 'data-status'), 'SHORT');
    assert.match(await page.textContent('[data-testid=trip-status]'), /少于收运量/);
    const gap = Number((await page.textContent('[data-testid=trip-gap]')).replace(/,/g, ''));
    assert.ok(gap < 0, `a short trip's gap is negative, got ${gap}`);
    const pickups = await page.$$eval('[data-testid=trip-pickups] tbody tr', (trs) => trs.length);
    assert.ok(pickups >= 1, 'the trip lists its pickups');
    assert.match(await page.textContent('[data-testid=trip-receipt]'), /DEMO-WB-/);
    await noSidewaysScroll(page, 'trip detail');
    await snap(page, `wastestream-trip-${name}`);

    await page.goto(`/wastestream/map?day=${yesterday()}`);
    await page.waitForSelector('[data-testid=producer-map][data-ready="1"]');
    assert.match(await page.textContent('[data-testid=map-summary]'), /当日已收运 \d+ · 近日已收运 \d+ · 漏收 [1-9]\d* · 未签约 \d+/);
    assert.ok(await page.$('.leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas'), 'producers are drawn');
    await noSidewaysScroll(page, 'producer map');
    await snap(page, `wastestream-map-${name}`);

    await page.goto(`/wastestream/month?month=${yesterday().slice(0, 7)}`);
    await page.waitForSelector('[data-testid=month-districts]');
    assert.ok(await page.$('[data-testid=month-flagged] a[href*="/wastestream/trip?receipt="]'), 'the month lists the flagged trip');
    await noSidewaysScroll(page, 'month page');
    await snap(page, `wastestream-month-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
