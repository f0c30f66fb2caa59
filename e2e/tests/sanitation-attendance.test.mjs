// Issue 16 point 6 (作业人员在岗) and the route editor: the supervisor opens the attendance sheet of the day before
// the demo was seeded (its shifts are over: 在岗 / 离岗 / 滞留 / 无定位 all on the sheet, phones masked, 离岗 alerts
// listed, .xlsx link), then opens the route editor of the demo route and adds a stop row. At 1440×900 and 390×844
// without horizontal overflow. ATTENDANCE_DAY overrides the day (default: yesterday in Asia/Shanghai).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function yesterday() {
  const now = new Date(Date.now() + 8 * 3600 * 1000 - 24 * 3600 * 1000); // Asia/Shanghai, no DST
  return now.toISOString().slice(0, 10);
}

async function noOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `horizontal overflow: ${scroll} > ${inner}`);
}

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the attendance sheet shows each status and the route editor opens (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'sanitation1');
    const day = process.env.ATTENDANCE_DAY || yesterday();
    await page.goto(`/sanitation/attendance?day=${day}`);
    await page.waitForSelector('[data-testid=attendance-table]');
    const statuses = await page.$$eval('[data-testid=attendance-table] tbody tr', (trs) => trs.map((t) => t.dataset.status));
    for (const s of ['ON_POST', 'OFF_POST', 'STILL', 'NO_POSITION']) {
      assert.ok(statuses.includes(s), `the demo sheet of ${day} has a worker ${s}: ${statuses}`);
    }
    const text = await page.textContent('[data-testid=attendance-table]');
    assert.match(text, /138\*\*\*\*000\d/, 'phones are masked');
    assert.doesNotMatch(text, /1381234000\d/, 'no full phone number');
    assert.match(text, /在岗/);
    assert.ok(await page.$('[data-testid=offpost-table] tbody tr'), 'the 离岗 alert is listed');
    const href = await page.getAttribute('[data-testid=attendance-export]', 'href');
    assert.match(href, /\/api\/v1\/sanitation\/attendance\/export\?day=/);
    await noOverflow(page);
    await snap(page, `sanitation-attendance-${name}`);

    await page.goto('/sanitation/routes');
    await page.waitForSelector('[data-testid=route-table]');
    await Promise.all([page.waitForURL(/\/sanitation\/routes\/\d+/), page.click('[data-testid=route-table] tbody tr a')]);
    await Promise.all([page.waitForURL(/\/edit$/), page.click('[data-testid=route-edit]')]);
    await page.waitForSelector('[data-testid=stops-editor]');
    const before = await page.$$eval('#stops tr.stop-row', (r) => r.length);
    await page.click('#stop-add');
    assert.equal(await page.$$eval('#stops tr.stop-row', (r) => r.length), before + 1);
    await noOverflow(page);
    await snap(page, `sanitation-route-edit-${name}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
