// Geo: an administrator opens the grid map from the navigation menu and locates a known demo point
// (DemoGrids.TIANNING, the centre of grid 320402001001001, see docs/geo.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TIANNING = { lat: '31.80715', lon: '119.93837', grid: '320402001001001' };

test('an admin opens the grid map from the 基础数据 menu and locates a known point to its grid', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await page.click('[data-section=basedata] .navsec-title');
  await Promise.all([page.waitForURL('**/geo/map'), page.click('[data-section=basedata] a[data-nav="/geo/map"]')]);
  await page.waitForSelector('[data-testid=geo-map].leaflet-container', { state: 'attached' });
  await page.fill('[data-testid=geo-lat]', TIANNING.lat);
  await page.fill('[data-testid=geo-lon]', TIANNING.lon);
  await page.click('[data-testid=geo-locate-form] button[type=submit]');
  await page.waitForFunction((grid) => document.querySelector('[data-testid=geo-result]').textContent.includes(grid),
    TIANNING.grid);
  const result = await page.textContent('[data-testid=geo-result]');
  assert.match(result, /320402/, 'the district code is shown');
  await snap(page, 'geo-locate');
  await page.context().close();
});

test('a point outside every grid is reported as outside', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await page.goto('/geo/map');
  await page.fill('[data-testid=geo-lat]', '39.9');
  await page.fill('[data-testid=geo-lon]', '116.4');
  await page.click('[data-testid=geo-locate-form] button[type=submit]');
  await page.waitForFunction(() => document.querySelector('[data-testid=geo-result]').textContent.trim().length > 0);
  assert.doesNotMatch(await page.textContent('[data-testid=geo-result]'), /320402001001001/);
  await page.context().close();
});
