// The category picker on the three intake forms: an operator types the pinyin initials "bllj" and picks 暴露垃圾
// with the keyboard; an inspector on a phone and a citizen pick by tapping; with JavaScript off the form keeps a
// <select> grouped by 大类.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, snap, BASE_URL } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SEARCH = '[data-testid=category-picker] [data-testid=category-search]';
const OPTION = '[data-testid=category-picker] li[role=option]';
const VALUE = '[data-testid=category-picker] input[type=hidden][name=categoryCode]';

test('an operator types bllj and picks 暴露垃圾 with the keyboard, and the case is filed under it', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(60000);
  try {
    await login(page, 'operator1');
    await page.goto('/cases/new');
    await page.focus(SEARCH);
    await page.keyboard.type('bllj');
    // the list shown on focus is replaced by the answer for "bllj": one option
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, OPTION);
    const options = await page.$$eval(OPTION, (lis) => lis.map((li) => li.dataset.code));
    assert.deepEqual(options, ['E06010'], 'bllj finds exactly 暴露垃圾');
    assert.equal(await page.getAttribute(SEARCH, 'aria-expanded'), 'true');
    await snap(page, 'catalog-picker-bllj');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue(VALUE), 'E06010');
    assert.equal(await page.inputValue(SEARCH), '暴露垃圾');
    assert.equal(await page.getAttribute(SEARCH, 'aria-expanded'), 'false');

    await page.fill('textarea[name=description]', '浏览器测试：选择器 bllj ' + Date.now());
    await page.fill('input[name=lat]', '31.780000');
    await page.fill('input[name=lon]', '119.950000');
    await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click('[data-testid=submit]')]);
    assert.match(await page.textContent('main'), /暴露垃圾/);
  } finally {
    await page.context().close();
  }
});

test('the form is not sent until a category is picked from the list', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(60000);
  try {
    await login(page, 'operator1');
    await page.goto('/cases/new');
    await page.fill(SEARCH, '暴露垃圾');
    const valid = await page.$eval(SEARCH, (el) => el.checkValidity());
    assert.equal(valid, false, 'typed text alone is not a choice');
    assert.equal(await page.inputValue(VALUE), '');
  } finally {
    await page.context().close();
  }
});

test('browsing shows the most used first and the rest grouped by 大类; arrows move, Escape closes', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(60000);
  try {
    await login(page, 'operator1');
    await page.goto('/cases/new');
    await page.focus(SEARCH);
    await page.locator(OPTION).first().waitFor();
    const groups = await page.$$eval('[data-testid=category-picker] .cat-group', (g) => g.map((x) => x.textContent));
    assert.ok(groups.length > 5, 'grouped by 大类');
    assert.ok(groups.some((g) => g.includes('市容环境')));
    assert.ok(!groups.some((g) => g.includes('30428')), 'one code set only by default');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute(SEARCH, 'aria-activedescendant');
    assert.match(active, /-opt-1$/);
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute(SEARCH, 'aria-expanded'), 'false');
  } finally {
    await page.context().close();
  }
});

test('an inspector on a phone picks by tapping', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(60000);
  try {
    await login(page, 'inspector1');
    await page.goto('/cases/new');
    await page.fill(SEARCH, 'dlys');
    await page.locator(OPTION, { hasText: '道路遗撒' }).first().click();
    assert.equal(await page.inputValue(VALUE), 'E06014');
    const overflow = await page.evaluate(() => document.querySelector('.cat-picker').getBoundingClientRect().right);
    assert.ok(overflow <= 390, 'the picker fits the phone');
    await snap(page, 'catalog-picker-phone');
  } finally {
    await page.context().close();
  }
});

test('a citizen searches on the public form without signing in', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(60000);
  try {
    await page.goto('/public/report');
    await page.fill(SEARCH, 'bllj');
    await page.locator(OPTION, { hasText: '暴露垃圾' }).first().click();
    assert.equal(await page.inputValue(VALUE), 'E06010');
  } finally {
    await page.context().close();
  }
});

test('without JavaScript the category is a select grouped by 大类', async () => {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  try {
    await page.goto('/public/report');
    const select = page.locator('[data-testid=category-select]');
    assert.ok(await select.isVisible());
    const labels = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.label));
    assert.ok(labels.some((l) => l.includes('市容环境')));
    await select.selectOption('E06010');
    assert.equal(await select.inputValue(), 'E06010');
  } finally {
    await context.close();
  }
});
