// Shared helpers for the browser tests: one headless Debian chromium, a fresh context per test.
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.CITYOPS_URL || 'http://127.0.0.1:8080';
export const PASSWORD = 'cityops-demo';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new page in its own context (own cookies), Chinese locale, phone-or-desktop viewport. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    viewport: options.viewport || { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

/** Signs in through the login form and waits for the start page. */
export async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}

/** Paths of the navigation entries the signed-in user sees. */
export async function navPaths(page) {
  return page.$$eval('[data-testid=mainnav] a', (links) => links.map((a) => a.getAttribute('data-nav')));
}

/** Screenshot into e2e/out/ (kept out of git) for a person to look at. */
export async function snap(page, name) {
  await page.screenshot({ path: new URL(`./out/${name}.png`, import.meta.url).pathname, fullPage: true });
}

/** Chooses a category in an intake form's category picker: types (e.g. pinyin initials) and clicks the match. */
export async function pickCategory(page, query = 'bllj', name = '暴露垃圾') {
  await page.fill('[data-testid=category-picker] [data-testid=category-search]', query);
  await page.locator('[data-testid=category-picker] li[role=option]', { hasText: name }).first().click();
}
