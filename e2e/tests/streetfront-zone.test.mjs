// Issue 19 point 2 (门前三包): an inspector records a zone inspection on the phone (390×844) in at most three taps —
// the zone in the list, the failing item, save —, the rates page counts it, and the public 红黑榜 opens without a
// session and shows no credit code or phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function cityInspections(page) {
  await page.goto('/streetfront/zones/rates');
  await page.waitForSelector('[data-testid=city-inspections]');
  return Number((await page.textContent('[data-testid=city-inspections]')).trim());
}

async function noHorizontalOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px on ${page.url()}`);
}

test('an inspector records a zone inspection on the phone in three taps and the rates page counts it', async () => {
  const leader = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await login(leader, 'leader1');
  const before = await cityInspections(leader);

  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await login(page, 'inspector1');
  await page.goto('/streetfront/zones/inspect?q=MQ-320402-005');
  await page.waitForSelector('[data-testid=inspect-zones] a[data-zone-code="MQ-320402-005"]');
  await noHorizontalOverflow(page);
  await snap(page, 'streetfront-zone-inspect-list-phone');

  let taps = 0;
  await Promise.all([
    page.waitForURL(/\/streetfront\/zones\/\d+\/inspect$/),
    page.click('[data-testid=inspect-zones] a[data-zone-code="MQ-320402-005"]'),
  ]);
  taps++;
  await noHorizontalOverflow(page);
  // every item starts as 合格: only the failing one is tapped
  assert.equal(await page.$$eval('[data-testid=zone-inspect-form] input[value=PASS]:checked', (e) => e.length), 4);
  await page.click('[data-item=order] label:has(input[value=FAIL])');
  taps++;
  await snap(page, 'streetfront-zone-inspect-phone');
  await Promise.all([page.waitForSelector('[data-testid=recorded]'), page.click('[data-testid=zone-save]')]);
  taps++;
  assert.ok(taps <= 3, `${taps} taps`);
  assert.match(await page.textContent('[data-testid=recorded]'), /MQ-320402-005/);
  assert.match(await page.textContent('[data-testid=recorded]'), /未履约/);
  await noHorizontalOverflow(page);
  await snap(page, 'streetfront-zone-recorded-phone');
  assert.deepEqual(errors, []);

  const afterCount = await cityInspections(leader);
  assert.equal(afterCount, before + 1);
  await snap(leader, 'streetfront-zone-rates-desktop');
  await page.context().close();
  await leader.context().close();
});

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the public 红黑榜 opens without a session and hides credit codes and phones (${name})`, async () => {
    const citizen = await newPage(browser, { viewport });
    const answer = await citizen.goto('/public/streetfront/board');
    assert.equal(answer.status(), 200);
    await citizen.waitForSelector('[data-testid=red-board]');
    await citizen.waitForSelector('[data-testid=black-board]');
    assert.ok((await citizen.$$('[data-testid=red-entry]')).length > 0);
    assert.ok((await citizen.$$('[data-testid=black-entry]')).length > 0);
    const text = await citizen.textContent('main');
    assert.doesNotMatch(text, /9[0-9A-Z]{17}/);
    assert.doesNotMatch(text, /1[3-9][0-9]{9}/);
    await noHorizontalOverflow(citizen);
    await snap(citizen, `streetfront-zone-board-${name}`);
    await citizen.context().close();
  });
}
