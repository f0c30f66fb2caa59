// Issue 15, point 3: a citizen rates a closed case through the 回访 link of its SMS. In the demo the SMS goes to
// the LOG channel; the test reads the queued text as ADMIN from /api/v1/visit/log-links (LOG mode only), opens
// the link without signing in, rates the case, and sees that the same link does not work twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, BASE_URL, PASSWORD } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function adminToken() {
  const r = await fetch(new URL('/api/v1/auth/token', BASE_URL), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).access_token;
}

/** The paths of the unused links the demo queued, newest first. */
async function unusedLinks() {
  const r = await fetch(new URL('/api/v1/visit/log-links?limit=50', BASE_URL), {
    headers: { Authorization: `Bearer ${await adminToken()}` },
  });
  assert.equal(r.status, 200);
  const links = await r.json();
  const out = [];
  for (const l of links.filter((x) => !x.used)) {
    for (const t of l.texts) {
      const m = /\/public\/visit\/[A-Za-z0-9_-]{22}/.exec(t);
      if (m) out.push(m[0]);
    }
  }
  return out;
}

test('a citizen rates a closed case once through the link of the SMS', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(60000);
  try {
    let path = null;
    for (const candidate of await unusedLinks()) {
      await page.goto(candidate);
      if (await page.locator('[data-testid=visit-form]').count()) {
        path = candidate;
        break;
      }
    }
    assert.ok(path, 'the demo has a closed citizen case waiting for its 回访 link');
    assert.match(await page.textContent('[data-testid=visit-number]'), /^\d{8,}$/);
    const html = await page.content();
    assert.doesNotMatch(html, /1380000\d{4}/, 'no reporter phone on the public page');
    await page.check('[data-testid=visit-BASICALLY_SATISFIED]');
    await page.fill('[data-testid=visit-comment]', '处理得还可以（浏览器测试）');
    await Promise.all([page.waitForLoadState(), page.click('[data-testid=visit-submit]')]);
    await page.waitForSelector('[data-testid=visit-thanks]');
    assert.match(await page.textContent('[data-testid=visit-thanks]'), /基本满意/);

    const again = await page.goto(path);
    assert.equal(again.status(), 410);
    await page.waitForSelector('[data-testid=visit-used]');
  } finally {
    await page.context().close();
  }
});

test('a forged link shows a clear page', async () => {
  const page = await newPage(browser);
  try {
    const r = await page.goto('/public/visit/AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(r.status(), 404);
    assert.match(await page.textContent('[data-testid=visit-forged]'), /链接无效/);
  } finally {
    await page.context().close();
  }
});
