// Issue 17, point 6 (大件垃圾): a citizen (no session) books a bulky-waste pickup on the public page, gets a booking
// code, the centre's staff (sanitation1) see the booking with the phone masked, and the citizen cancels it with the
// code and the phone. Screenshots at 1440×900 and 390×844; no horizontal overflow on the public pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `no horizontal overflow (${scroll} > ${inner})`);
}

for (const [name, viewport, slot] of [
  ['desktop', { width: 1440, height: 900 }, 'AM'],
  ['phone', { width: 390, height: 844 }, 'PM'],
]) {
  test(`a citizen books a bulky pickup, staff see it, the citizen cancels it (${name})`, async () => {
    const phone = name === 'desktop' ? '13912340001' : '13912340002';
    const citizen = await newPage(browser, { viewport });
    const errors = [];
    citizen.on('pageerror', (e) => errors.push(String(e)));
    await citizen.goto('/public');
    await Promise.all([citizen.waitForURL(/\/public\/bulky$/), citizen.click('a[href="/public/bulky"]')]);
    await citizen.waitForSelector('[data-testid=bulky-form]');
    await noOverflow(citizen);
    await citizen.selectOption('[data-testid=bulky-form] select[name=centreId]', { label: /溧阳/ }).catch(async () => {
      const value = await citizen.$eval('[data-testid=bulky-form] select[name=centreId]',
        (s) => [...s.options].find((o) => o.text.includes('溧阳')).value);
      await citizen.selectOption('[data-testid=bulky-form] select[name=centreId]', value);
    });
    await citizen.fill('[data-testid=bulky-form] input[name=address]', `溧阳市示例路${name === 'desktop' ? 20 : 21}号`);
    await citizen.fill('[data-testid=bulky-form] textarea[name=items]', '旧沙发1张、床垫1个');
    const min = await citizen.getAttribute('[data-testid=bulky-form] input[name=day]', 'min');
    const day = new Date(`${min}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 3);
    const dayText = day.toISOString().slice(0, 10);
    await citizen.fill('[data-testid=bulky-form] input[name=day]', dayText);
    await citizen.selectOption('[data-testid=bulky-form] select[name=slot]', slot);
    await citizen.fill('[data-testid=bulky-form] input[name=phone]', phone);
    await snap(citizen, `bulky-form-${name}`);
    await Promise.all([citizen.waitForURL(/\/public\/bulky\/booked$/), citizen.click('[data-testid=submit]')]);
    const code = (await citizen.textContent('[data-testid=booking-code]')).trim();
    assert.match(code, /^[2-9A-HJ-NP-Z]{8}$/);
    assert.match(await citizen.textContent('[data-testid=confirmation]'), /139\*\*\*\*000[12]/);
    await noOverflow(citizen);
    await snap(citizen, `bulky-booked-${name}`);

    // the centre's staff see it, phone masked
    const staff = await newPage(browser, { viewport });
    await login(staff, 'sanitation1');
    await staff.goto(`/wastestream/bulky?day=${dayText}`);
    const row = staff.locator(`[data-testid=bookings] tr[data-code="${code}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'BOOKED');
    const rowText = await row.textContent();
    assert.match(rowText, /139\*\*\*\*000[12]/);
    assert.ok(!rowText.includes(phone), 'the full phone is not shown to staff');
    await snap(staff, `bulky-staff-${name}`);

    // the citizen cancels with code and phone
    await citizen.click('a[href="/public/bulky/cancel"]');
    await citizen.waitForSelector('[data-testid=cancel-form]');
    await citizen.fill('[data-testid=cancel-form] input[name=code]', code);
    await citizen.fill('[data-testid=cancel-form] input[name=phone]', phone);
    await Promise.all([citizen.waitForSelector('[data-testid=cancelled]'), citizen.click('[data-testid=cancel]')]);
    assert.match(await citizen.textContent('[data-testid=cancelled]'), new RegExp(code));
    await noOverflow(citizen);
    await snap(citizen, `bulky-cancelled-${name}`);

    await staff.reload();
    assert.equal(await staff.locator(`[data-testid=bookings] tr[data-code="${code}"]`).getAttribute('data-status'),
      'CANCELLED');
    assert.deepEqual(errors, []);
    await staff.context().close();
    await citizen.context().close();
  });
}
