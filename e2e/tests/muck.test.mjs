// Issue 6 (muck): a supervisor watches the live map, sees an alarm raised from positions, sends it as a case with one
// click, opens a site's file, replays a track and looks at the statistics. Positions are fed through telemetry's
// HTTP ingest (POST /api/v1/telemetry/positions) for demo trucks 苏D·M3626 (no permit) and 苏D·M3601.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, PASSWORD } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function token(page, user) {
  const res = await page.request.post('/api/v1/auth/token', { data: { username: user, password: PASSWORD } });
  return (await res.json()).access_token;
}

async function feed(page, terminal, points) {
  const bearer = await token(page, 'muck1');
  const now = Date.now();
  const data = points.map((p, i) => ({
    terminal, time: new Date(now - (points.length - i) * 15000).toISOString(), lat: p[0], lon: p[1], speedKmh: p[2],
    statusBits: p[3],
  }));
  const res = await page.request.post('/api/v1/telemetry/positions', { data, headers: { Authorization: `Bearer ${bearer}` } });
  assert.ok(res.ok(), `ingest answered ${res.status()}`);
}

test('a supervisor sees trucks live, an alarm, sends it as a case and opens the files', async () => {
  const page = await newPage(browser);
  await login(page, 'muck1');
  // 苏D·M3626 (terminal 13951230026) has no permit: loaded and moving is 无核准运输, auto-sent by rule
  await feed(page, '013951230026', [[31.80, 119.95, 30, 768], [31.801, 119.951, 30, 768], [31.802, 119.952, 30, 768]]);
  // 苏D·M3601 (terminal 13951230001) empty near its site, with the emergency bit
  await feed(page, '13951230001', [[31.829, 119.958, 20, 0], [31.828, 119.957, 20, 0]]);
  await page.waitForTimeout(3000);

  await page.goto('/muck/map');
  await page.waitForFunction(() => document.querySelectorAll('#muck-live-rows tr').length >= 30);
  const summary = await page.textContent('[data-testid=live-summary]');
  assert.match(summary, /共 \d+ 辆/);
  assert.ok(await page.$('.leaflet-overlay-pane canvas, .leaflet-overlay-pane svg'), 'fences and trucks are drawn');
  await snap(page, 'muck-map');

  await page.goto('/muck/alarms?plate=M3626');
  const rows = await page.$$eval('[data-testid=alarm-table] tbody tr', (trs) => trs.map((t) => t.textContent));
  assert.ok(rows.some((r) => r.includes('无核准运输')), `alarm list: ${rows}`);
  await snap(page, 'muck-alarms');

  await page.goto('/muck/alarms');
  const button = await page.$('.muck-send-case');
  if (button) {
    page.once('dialog', (d) => d.accept('请核查'));
    await button.click();
    await page.waitForSelector('#muck-alarm-message:not([hidden])');
    assert.match(await page.textContent('#muck-alarm-message'), /已转案件/);
  }

  await page.goto('/muck/sites');
  await page.click('text=新北区万达广场二期工地');
  assert.equal(await page.textContent('[data-testid=site-name]'), '新北区万达广场二期工地');
  assert.ok((await page.$$('[data-testid=site-permits] tbody tr')).length >= 1);
  await snap(page, 'muck-site');

  await page.goto('/muck/track');
  await page.waitForFunction(() => document.querySelector('[data-testid=track-info]').textContent.length > 0);
  await snap(page, 'muck-track');

  await page.goto('/muck/stats');
  await page.waitForFunction(() => document.querySelector('[data-testid=stats-kpis]').children.length === 5);
  await snap(page, 'muck-stats');
  await page.context().close();
});

test('the live map fits a phone screen', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await login(page, 'muck1');
  await page.goto('/muck/map');
  const box = await (await page.$('[data-testid=muck-map]')).boundingBox();
  assert.ok(box.width <= 390, `map is ${box.width}px wide`);
  await snap(page, 'muck-map-phone');
  await page.context().close();
});

test('other roles cannot open the muck console', async () => {
  const page = await newPage(browser);
  await login(page, 'inspector1');
  const res = await page.goto('/muck/map');
  assert.equal(res.status(), 403);
  await page.context().close();
});
