// Issue 19 (street front, 一牌一档): an inspector opens a facility's public card from its QR link, follows the
// card's 检查此设施 link and records a safety inspection; a citizen (no session) sees the same card without the
// link and without the owner's credit code. Screenshots at 1440×900 and 390×844; the same for a 街面秩序监管员
// (streetfront1) on the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, viewport, user] of [['desktop', { width: 1440, height: 900 }, 'inspector1'],
  ['phone', { width: 390, height: 844 }, 'inspector1'], ['supervisor-phone', { width: 390, height: 844 }, 'streetfront1']]) {
  test(`the public card opens from a facility's QR link and an inspection is recorded (${name}, ${user})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, user);
    await page.goto('/streetfront/facilities');
    await page.waitForSelector('[data-testid=facilities] tbody tr');
    await snap(page, `streetfront-ledger-${name}`);
    const link = await page.$('[data-testid=facilities] tbody tr a');
    await Promise.all([page.waitForURL(/\/streetfront\/facilities\/\d+/), link.click()]);
    const facilityUrl = page.url();
    const qr = await page.getAttribute('[data-testid=qr-link]', 'href');
    assert.match(qr, /\/public\/signs\/[a-z0-9]{20}$/);

    // a citizen scans the code: the card, no inspect link, no credit code
    const citizen = await newPage(browser, { viewport });
    const answer = await citizen.goto(new URL(qr).pathname);
    assert.equal(answer.status(), 200);
    await citizen.waitForSelector('[data-testid=public-card]');
    assert.ok((await citizen.textContent('[data-testid=card-owner]')).trim().length > 0);
    assert.match(await citizen.textContent('[data-testid=card-permit]'), /有效|即将到期|已过期|无许可/);
    assert.equal(await citizen.$('[data-testid=inspect-link]'), null);
    assert.doesNotMatch(await citizen.textContent('main'), /9[0-9A-Z]{17}/);
    await snap(citizen, `streetfront-public-card-${name}`);
    await citizen.context().close();

    // the inspector scans it: the same card with the link to inspect
    await page.goto(new URL(qr).pathname);
    await page.waitForSelector('[data-testid=inspect-link]');
    await Promise.all([page.waitForURL(facilityUrl), page.click('[data-testid=inspect-link]')]);
    const before = await page.$$eval('[data-testid=inspections] tbody tr', (trs) => trs.length);
    await page.check('[data-testid=inspect-form] input[name=result][value=PASS]');
    await Promise.all([
      page.waitForSelector('[data-testid=recorded]'),
      page.click('[data-testid=inspect-form] button[type=submit]'),
    ]);
    const after = await page.$$eval('[data-testid=inspections] tbody tr', (trs) => trs.length);
    assert.equal(after, before + 1);
    assert.match(await page.textContent('[data-testid=inspections] tbody tr'), /合格/);
    await snap(page, `streetfront-inspected-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
