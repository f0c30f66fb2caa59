// Issue 21, point 1: every map draws an offline base (district and street boundaries with names) on arrival, without
// a click, without console errors and without any request leaving the machine; it has a legend and opens on its data.
// Screenshots at 1440×900 and 390×844 go to e2e/out/map-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, BASE_URL } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SIZES = [{ name: '1440', viewport: { width: 1440, height: 900 } }, { name: '390', viewport: { width: 390, height: 844 } }];
const appHost = new URL(BASE_URL).host;

/** Records console errors, page errors, failed requests and any request to another host. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') { problems.push('console: ' + m.text()); } });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  // a request the browser itself cancels (net::ERR_ABORTED: the favicon of a page being left) is not a failure
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') { problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`); }
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== appHost) { problems.push('outside request: ' + r.url()); }
  });
  return problems;
}

/** Waits for the base of the map in `selector`: the boundaries drawn and the names placed. */
async function baseDrawn(page, selector) {
  await page.waitForSelector(`${selector}.cityops-map[data-boundaries]`);
  const count = Number(await page.getAttribute(selector, 'data-boundaries'));
  assert.ok(count >= 7, `boundaries drawn: ${count}`);
  const paths = await page.$$eval(`${selector} .leaflet-base-pane path`, (p) => p.length);
  assert.ok(paths >= count, `${paths} boundary shapes in the base pane`);
  const labels = await page.$$eval(`${selector} .map-label.district span`, (s) => s.map((x) => x.textContent));
  assert.ok(labels.includes('天宁区'), `district names: ${labels.join(' ')}`);
  const legend = await page.textContent(`${selector} [data-testid=map-legend]`);
  assert.match(legend, /图例/);
  assert.match(legend, /区界/);
  return legend;
}

for (const size of SIZES) {
  test(`the grid map draws the city's boundaries on arrival, without a click or a console error (${size.name})`, async () => {
    const page = await newPage(browser, { viewport: size.viewport });
    await login(page, 'admin');
    const problems = watch(page);
    await page.goto('/geo/map');
    await page.waitForSelector('[data-testid=geo-map][data-ready="1"]');
    const legend = await baseDrawn(page, '[data-testid=geo-map]');
    assert.match(legend, /本辖区网格/);
    // it opened on the city: the whole city (every district) is inside the view
    const cityInView = await page.$eval('[data-testid=geo-map]', (e) => {
      const h = e.cityopsMap;
      return h.cityBounds().isValid() && h.map.getBounds().pad(0.01).contains(h.cityBounds());
    });
    assert.ok(cityInView, 'the map opened on the whole city');
    await snap(page, `map-geo-${size.name}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test('zoomed in, the grid map shows the grids of the visible box', async () => {
  const page = await newPage(browser, { viewport: SIZES[0].viewport });
  await login(page, 'admin');
  const problems = watch(page);
  await page.goto('/geo/map');
  await page.waitForSelector('[data-testid=geo-map][data-ready="1"]');
  await page.fill('[data-testid=geo-lat]', '31.80715');
  await page.fill('[data-testid=geo-lon]', '119.93837');
  await page.click('[data-testid=geo-locate-form] button[type=submit]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=geo-map]').dataset.grids || 0) > 0);
  await page.waitForFunction(() => document.querySelector('[data-testid=geo-result]').textContent.includes('320402001001001'));
  await snap(page, 'map-geo-grids-1440');
  assert.deepEqual(problems, []);
  await page.context().close();
});

const PAGES = [
  { name: 'cases', user: 'operator1', path: '/cases/map', map: '#cases-map', ready: '#cases-map[data-loaded]', legend: /超期/ },
  { name: 'muck-live', user: 'muck1', path: '/muck/map', map: '[data-testid=muck-map]', ready: '[data-testid=muck-map][data-ready="1"]', legend: /重车/ },
  { name: 'muck-track', user: 'muck1', path: '/muck/track', map: '#muck-track-map', ready: '#muck-track-map[data-boundaries]', legend: /行驶轨迹/ },
  { name: 'public-report', user: null, path: '/public/report', map: '.pick-map', ready: '.pick-map[data-ready="1"]', legend: /上报位置/ },
];

for (const p of PAGES) {
  for (const size of SIZES) {
    test(`the ${p.name} map has the offline base, a legend and opens on its data (${size.name})`, async () => {
      const page = await newPage(browser, { viewport: size.viewport });
      if (p.user) { await login(page, p.user); }
      const problems = watch(page);
      await page.goto(p.path);
      await page.waitForSelector(p.ready);
      const legend = await baseDrawn(page, p.map);
      assert.match(legend, p.legend);
      if (p.name === 'cases') {
        const shown = await page.$$eval('#cases-map .leaflet-overlay-pane path.leaflet-interactive, #cases-map .leaflet-overlay-pane canvas', (e) => e.length);
        assert.ok(Number(await page.getAttribute('#cases-map', 'data-loaded')) > 0 && shown > 0, 'open cases drawn');
      }
      await snap(page, `map-${p.name}-${size.name}`);
      assert.deepEqual(problems.filter((x) => !/favicon/.test(x)), []);
      await page.context().close();
    });
  }
}
