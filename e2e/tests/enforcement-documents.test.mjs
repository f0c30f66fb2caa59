// Issue 18 points 4 and 5: an enforcement officer drafts a 责令改正通知书 on a case, the 法制审核员 (部门负责人) and
// the 局领导 (分管负责人) sign it, it is issued with its 文号 and the 案卷 PDF downloads; the 违建 register shows its
// map layer, the district figures and the overdue orders at 1440×900 and 390×844 without horizontal overflow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noOverflow(page) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 1, `horizontal overflow of ${over}px`);
}

test('a document goes 承办人 → 部门负责人 → 分管负责人, is issued with its 文号, and the case file exports', async () => {
  const officer = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  const errors = [];
  officer.on('pageerror', (e) => errors.push(String(e)));
  await login(officer, 'enforce1');
  await officer.goto('/enforcement');
  await officer.waitForSelector('[data-testid=enforcement-list] tbody tr a');
  // the newest open case of the list without a 责令改正通知书 yet: take the last row
  const links = await officer.$$('[data-testid=enforcement-list] tbody tr a');
  await Promise.all([officer.waitForURL(/\/enforcement\/cases\/\d+$/), links[links.length - 1].click()]);
  await Promise.all([officer.waitForURL(/\/documents$/), officer.click('[data-testid=documents-link]')]);
  const docsUrl = new URL(officer.url()).pathname;
  const already = await officer.$('[data-testid=documents] tr[data-doc=RECTIFICATION_ORDER]');
  if (!already) {
    await officer.selectOption('[data-testid=draft-form] select[name=type]', 'RECTIFICATION_ORDER');
    await Promise.all([officer.waitForSelector('[data-testid=doc-done]'), officer.click('[data-testid=draft-form] button[type=submit]')]);
  }
  const row = '[data-testid=documents] tr[data-doc=RECTIFICATION_ORDER]';
  assert.match(await officer.textContent(row), /审批中|已签发/);

  for (const signer of ['legal1', 'leader1']) {
    const p = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    await login(p, signer);
    await p.goto(docsUrl);
    const form = await p.$(`${row} form`);
    if (form) {
      await Promise.all([p.waitForSelector('[data-testid=doc-done], [data-testid=doc-error]'), p.click(`${row} form button[value=true]`)]);
      assert.equal(await p.$('[data-testid=doc-error]'), null, await p.textContent('main'));
    }
    await p.context().close();
  }
  await officer.goto(docsUrl);
  assert.match(await officer.textContent(`${row} [data-testid=doc-status]`), /已签发/);
  assert.match(await officer.textContent(`${row} [data-testid=doc-number]`), /^常城执责改字〔\d{4}〕第\d+号$/);
  await snap(officer, 'enforcement-documents-desktop');
  const pdf = await officer.request.get(await officer.getAttribute('[data-testid=dossier]', 'href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  assert.deepEqual(errors, []);
  await officer.context().close();
});

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the 违建 register shows its map layer, district figures and overdue orders (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, 'leader1');
    await page.goto('/enforcement/structures');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=structures-map]');
      return el && el.dataset.loaded && el.dataset.loaded !== '0' && el.dataset.loaded !== 'error';
    });
    assert.ok(Number(await page.getAttribute('[data-testid=structures-map]', 'data-loaded')) >= 6); // the demo's six
    assert.ok(await page.$('[data-testid=structures-map] .leaflet-overlay-pane canvas'));
    assert.ok(await page.$$eval('[data-testid=structure-districts] tbody tr', (r) => r.length) > 0);
    assert.match(await page.textContent('[data-testid=structure-overdue]'), /\d{4}-\d{2}-\d{2}/);
    await noOverflow(page);
    await snap(page, `enforcement-structures-${name}`);
    const link = await page.$('[data-testid=structure-list] tbody tr a');
    await Promise.all([page.waitForURL(/\/enforcement\/structures\/\d+$/), link.click()]);
    await page.waitForSelector('[data-testid=structure-status]');
    await noOverflow(page);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
