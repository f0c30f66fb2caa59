// Issue 11, point 14: a name typed into the registry is shown as text on the maps, never as HTML. A speed zone named
// like an HTML tag sits under the centre of the live map; hovering there opens its tooltip, which must show the tag
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
  // around the map's default centre (31.79, 119.95); a high limit so no truck is ever alarmed by it
  const res = await page.request.post('/api/v1/muck/zones', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, kind: 'SPEED', speedLimitKmh: 150,
      polygon: 'POLYGON((119.94 31.78, 119.96 31.78, 119.96 31.80, 119.94 31.80, 119.94 31.78))' },
  });
  assert.equal(res.status(), 201, await res.text());

  await page.goto('/muck/map');
  await page.waitForLoadState('networkidle');
  const map = await (await page.$('[data-testid=muck-map]')).boundingBox();
  const x = map.x + map.width / 2;
  const y = map.y + map.height / 2;
  let tooltip = null;
  for (const [dx, dy] of [[0, 0], [6, 6], [-6, 6], [6, -6], [-6, -6], [12, 0], [0, 12]]) {
    await page.mouse.move(x + dx, y + dy);
    tooltip = await page.waitForSelector('.leaflet-tooltip', { timeout: 1500 }).catch(() => null);
    if (tooltip && (await tooltip.textContent()).includes('限速区')) { break; }
    tooltip = null;
  }
  assert.ok(tooltip, 'the zone tooltip opens under the map centre');
  const text = await tooltip.textContent();
  assert.ok(text.includes(name), `tooltip shows the name as text: ${text}`);
  assert.equal(await page.$$eval('.leaflet-tooltip img, .leaflet-tooltip [onerror]', (els) => els.length), 0);
  await snap(page, 'names-zone-tooltip');
  await page.context().close();
});
