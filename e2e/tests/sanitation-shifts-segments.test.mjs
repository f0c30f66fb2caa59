// Issue 16, 环卫台账 (the pages that were API only): on a desktop and on a 390 px phone the supervisor opens the
// registers (segments and shifts listed, no horizontal overflow), enters a shift over midnight (22:00–06:00) → the
// form comes back naming 结束时间 with what was entered; ends it at 23:30 → saved and listed. Then draws a road
// segment by clicking two points on the map (the WKT LINESTRING appears) and sends it without a code → the form
// names 编码 (or 路段线形 when the clicks fall outside the city) with what was entered, nothing saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `horizontal overflow: ${scroll} > ${inner}`);
}

const RUN = Date.now() % 100000;

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a shift over midnight is refused naming the end, then saved; a segment line is drawn on the map (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'sanitation1');
    await page.goto('/sanitation/registers#shifts');
    await page.waitForSelector('[data-testid=shifts-table]');
    await page.waitForSelector('[data-testid=segments-table]');
    await noOverflow(page);
    await snap(page, `sanitation-registers-shifts-${name}`);

    const shift = `夜间测试班${name}${RUN}`;
    await Promise.all([page.waitForURL(/\/shifts\/new$/), page.click('[data-testid=new-shifts]')]);
    await page.fill('input[name=name]', shift);
    await page.fill('input[name=start]', '22:00');
    await page.fill('input[name=end]', '06:00');
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=register-save]')]);
    assert.equal((await page.textContent('[data-testid=register-error-field]')).trim(), '结束时间');
    assert.equal(await page.inputValue('input[name=name]'), shift, 'what was entered is kept');
    assert.equal(await page.inputValue('input[name=start]'), '22:00');
    await noOverflow(page);
    await snap(page, `sanitation-shift-refused-${name}`);

    await page.fill('input[name=end]', '23:30');
    await Promise.all([page.waitForURL(/\/sanitation\/registers\?saved=shifts-/), page.click('[data-testid=register-save]')]);
    const rows = await page.textContent('[data-testid=shifts-table]');
    assert.ok(rows.includes(shift), 'the saved shift is listed');
    assert.ok(rows.includes('23:30'));

    await Promise.all([page.waitForURL(/\/segments\/new$/), page.click('[data-testid=new-segments]')]);
    await page.waitForSelector('[data-testid=register-map].leaflet-container');
    const map = await page.$('[data-testid=register-map]');
    await map.scrollIntoViewIfNeeded(); // on a phone the map is below the fold
    const box = await map.boundingBox();
    for (const [dx, dy] of [[0.45, 0.5], [0.55, 0.5]]) {
      await page.mouse.click(box.x + box.width * dx, box.y + box.height * dy);
    }
    const wkt = await page.inputValue('[data-testid=geometry-text]');
    assert.match(wkt, /^LINESTRING\(/, 'two clicks make a line');
    await page.fill('input[name=name]', `浏览器路段${name}`);
    await page.$eval('input[name=code]', (i) => i.removeAttribute('required'));
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=register-save]')]);
    const field = await page.textContent('[data-testid=register-error-field]');
    assert.ok(['编码', '路段线形'].includes(field.trim()), `the refused field is named in Chinese: ${field}`);
    assert.equal(await page.inputValue('input[name=name]'), `浏览器路段${name}`, 'what was entered is kept');
    await noOverflow(page);
    await snap(page, `sanitation-segment-refused-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
