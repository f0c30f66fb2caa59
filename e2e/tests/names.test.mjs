// Issue 11, point 14: a name typed into the registry is shown as text on the maps, never as HTML. A speed zone named
// like an HTML tag is drawn on the live map; hovering over it opens its tooltip, which must show the tag
// as text and contain no element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, PASSWORD } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a zone name that looks like HTML is shown as text in the live map tooltip', async () => {
  const page = await newPage(browser);
  await login(page, 'muck1');
  const token = (await (await page.request.post('/api/v1/auth/token',
    { data: { username: 'muck1', password: PASSWORD } })).json()).access_token;
  const name = `<img src=x onerror=alert(1) data-xss=${Date.now()}>`;
  // south-west of the map's default centre (31.79, 119.95, zoom 11), away from the demo zones and sites; a high limit
  // so no truck is ever alarmed by it
  const lat = 31.70;
  const lon = 119.85;
  const half = 0.015;
  const res = await page.request.post('/api/v1/muck/zones', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, kind: 'SPEED', speedLimitKmh: 150,
      polygon: `POLYGON((${lon - half} ${lat - half}, ${lon + half} ${lat - half}, ${lon + half} ${lat + half}, `
        + `${lon - half} ${lat + half}, ${lon - half} ${lat - half}))` },
  });
  assert.equal(res.status(), 201, await res.text());

  await page.goto('/muck/map');
  await page.waitForLoadState('networkidle');
  // the map zooms to its data (docs/geo.md): ask the map where it drew the zone's middle
  const el = await page.$('[data-testid=muck-map]');
  await page.waitForFunction(() => document.querySelector('[data-testid=muck-map]').cityopsMap);
  const box = await el.boundingBox();
  const pt = await el.evaluate((e, ll) => { const p = e.cityopsMap.map.latLngToContainerPoint(ll); return [p.x, p.y]; },
    [lat, lon]);
  const x = box.x + pt[0];
  const y = box.y + pt[1];
  assert.ok(x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height, 'the zone is in view');
  let tooltip = null;
  for (const [dx, dy] of [[0, 0], [5, 5], [-5, 5], [5, -5], [-5, -5]]) {
    await page.mouse.move(x + dx, y + dy);
    tooltip = await page.waitForSelector('.leaflet-tooltip', { timeout: 1500 }).catch(() => null);
    if (tooltip && (await tooltip.textContent()).includes('150km/h')) { break; }
    tooltip = null;
  }
  assert.ok(tooltip, 'the zone tooltip opens over the zone');
  const text = await tooltip.textContent();
  assert.ok(text.includes(name), `tooltip shows the name as text: ${text}`);
  assert.equal(await page.$$eval('.leaflet-tooltip img, .leaflet-tooltip [onerror]', (els) => els.length), 0);
  await snap(page, 'names-zone-tooltip');
  await page.context().close();
});
