// Issue 19 point 2 on the map: the 门前三包 zones are a layer of the street-front map, coloured by 履约; zoomed out
// the page asks to zoom in rather than loading the city's zones. Screenshots at 1440×900 and 390×844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the street-front map shows the 门前三包 zones around a demo shop (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'leader1');
    await page.goto('/streetfront/map');
    await page.waitForSelector('#sf-map[data-ready="1"]', { timeout: 20000 });
    // the city-wide view: the zones wait for a closer view
    assert.match(await page.textContent('[data-testid=sf-map-summary]'), /门前三包责任区：请放大地图/);
    const zones = await page.evaluate(() => window.cityops.api('/api/v1/streetfront/zones'));
    assert.ok(zones.length > 0, 'demo zones');
    const z = zones[0];
    await page.goto(`/streetfront/map?lat=${z.lat}&lon=${z.lon}`);
    await page.waitForFunction(() => {
      const el = document.getElementById('sf-map');
      return el && el.dataset.ready === '1' && el.dataset.zones !== '';
    }, null, { timeout: 20000 });
    const shown = Number(await page.getAttribute('#sf-map', 'data-zones'));
    assert.ok(shown >= 1, `zones on the map: ${shown}`);
    assert.match(await page.textContent('[data-testid=sf-map-summary]'), /门前三包责任区 [1-9]\d*/);
    await snap(page, `streetfront-zone-map-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
