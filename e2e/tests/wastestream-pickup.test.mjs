// Issue 17, point 2: 收运登记 on a phone (390×844). The collector's position sorts the producers nearest first (the
// nearest is chosen), a photo is attached, one tap stores the pickup; an absurd weight is refused naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a collector records a pickup with a photo on a phone, nearest producer first (390×844)', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 31.7800, longitude: 119.9700 });
  await login(page, 'sanitation1');
  await page.goto('/wastestream/pickup');
  await page.waitForSelector('[data-testid=pickup-form]');
  await page.waitForFunction(() => document.querySelector('input[name=lat]').value !== '');
  // the chosen producer is the nearest of all
  const nearest = await page.$eval('[data-testid=pickup-producer]', (s) => {
    const opts = [...s.options].filter((o) => o.value);
    const d = opts.map((o) => Number(o.dataset.d));
    return { chosen: s.value, first: opts[0].value, sorted: d.every((x, i) => i === 0 || d[i - 1] <= x) };
  });
  assert.ok(nearest.sorted, 'producers sorted by distance');
  assert.equal(nearest.chosen, nearest.first);
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `no horizontal overflow (${scroll} > ${inner})`);
  await page.fill('[data-testid=pickup-net]', '35.5');
  await page.setInputFiles('[data-testid=pickup-photo]', { name: 'bin.png', mimeType: 'image/png', buffer: PNG });
  await snap(page, 'wastestream-pickup-phone');
  await Promise.all([page.waitForURL(/\/wastestream\/pickup$/), page.click('[data-testid=pickup-submit]')]);
  await page.waitForSelector('[data-testid=pickup-saved]');
  assert.match(await page.textContent('[data-testid=pickup-saved]'), /已登记/);
  await snap(page, 'wastestream-pickup-saved-phone');

  // an absurd weight: refused, the field named, the input kept
  await page.waitForFunction(() => document.querySelector('input[name=lat]').value !== '');
  await page.fill('[data-testid=pickup-net]', '99999');
  await page.click('[data-testid=pickup-submit]');
  await page.waitForSelector('[data-testid=form-error]');
  assert.match(await page.textContent('[data-testid=form-error]'), /净重/);
  assert.equal(await page.inputValue('[data-testid=pickup-net]'), '99999');
  assert.deepEqual(errors, []);
});
