// Issue 19 points 3 and 1 (street front): parking areas on the street-front map, an operator's count above an
// area's capacity (its machine key, X-Api-Key) raising an overflow alert that the supervisor sees on the parking
// page and on the map; the QR image on a facility's page. Screenshots at 1440×900 and 390×844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noOverflow(page) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(w[0] <= w[1] + 1, `horizontal overflow ${w}`);
}

for (const [name, viewport, cell] of [['desktop', { width: 1440, height: 900 }, '0503'], ['phone', { width: 390, height: 844 }, '0504']]) {
  test(`an operator's count over capacity shows as an overflow alert and on the map (${name})`, async () => {
    const code = `TC-320411-${cell}`; // a demo parking line of 新北区 (capacity ≈ 150)
    // the operator's system posts its count with its key
    const answer = await fetch(BASE_URL + '/api/v1/parking/counts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'cityops-demo-parking-a' },
      body: JSON.stringify({ areaCode: code, bikes: 400 }),
    });
    assert.equal(answer.status, 200);
    const result = await answer.json();
    assert.equal(result.overflowing, true);

    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'streetfront1');
    await page.goto('/streetfront/parking');
    await page.waitForSelector('[data-testid=park-alerts]');
    const alerts = await page.textContent('[data-testid=park-alerts]');
    assert.match(alerts, new RegExp(code));
    assert.match(alerts, /400 \/ \d+/);
    await noOverflow(page);
    await snap(page, `parking-alerts-${name}`);

    // the area's page, then the map around it: lines drawn, the overflowing one counted (red on the map)
    await Promise.all([page.waitForURL(/\/streetfront\/parking\/areas\/\d+/),
      page.click(`[data-testid=park-alerts] a:text("${code}")`)]);
    assert.match(await page.textContent('[data-testid=occupancy]'), /400/);
    await page.goto('/streetfront/map?lat=31.8349&lon=119.8912');
    await page.waitForSelector('#sf-map[data-ready="1"]', { timeout: 20000 });
    const areas = Number(await page.getAttribute('#sf-map', 'data-areas'));
    assert.ok(areas > 0, `areas on the map: ${areas}`);
    // the map draws on a canvas: the summary under the title counts what it drew
    assert.match(await page.textContent('[data-testid=sf-map-summary]'), /停放区 [1-9]\d*（溢出 [1-9]\d*）/);
    await noOverflow(page);
    await snap(page, `streetfront-map-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test(`a facility's page shows its QR image (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    await login(page, 'inspector1');
    await page.goto('/streetfront/facilities');
    const link = await page.$('[data-testid=facilities] tbody tr a');
    await Promise.all([page.waitForURL(/\/streetfront\/facilities\/\d+/), link.click()]);
    const img = await page.waitForSelector('[data-testid=qr-image]');
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, img);
    assert.ok(await img.evaluate((el) => el.naturalWidth) >= 300);
    await noOverflow(page);
    await snap(page, `streetfront-qr-${name}`);
    await page.context().close();
  });
}
