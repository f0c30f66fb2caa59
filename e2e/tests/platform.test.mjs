// Issue 2: every demo role signs in through the form and sees the navigation of its role, and no more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, navPaths, snap } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// mustSee / mustNotSee: navigation entries; forbidden: pages that must answer 403 to this role.
const ROLES = [
  { user: 'admin', mustSee: ['/admin/audit', '/admin/logins', '/admin/org', '/admin/users', '/admin/catalog', '/admin/geo', '/geo/map', '/cases/queue', '/assessment', '/rectification', '/muck/map'], mustNotSee: [], forbidden: [] },
  { user: 'operator1', mustSee: ['/cases/queue', '/cases/new', '/geo/map'], mustNotSee: ['/admin/audit', '/admin/logins', '/admin/users', '/rectification', '/muck/map'], forbidden: ['/admin/audit', '/admin/logins', '/admin/users', '/muck/map'] },
  { user: 'shiftlead1', mustSee: ['/cases/queue', '/admin/catalog'], mustNotSee: ['/admin/logins', '/admin/users'], forbidden: ['/admin/logins', '/admin/users'] },
  { user: 'dispatcher1', mustSee: ['/cases/queue', '/cases/map'], mustNotSee: ['/admin/logins', '/admin/users', '/muck/map'], forbidden: ['/admin/logins', '/admin/users'] },
  { user: 'inspector1', mustSee: ['/cases/new', '/cases/queue'], mustNotSee: ['/admin/audit', '/admin/logins', '/assessment'], forbidden: ['/admin/audit', '/admin/logins'] },
  { user: 'assessor1', mustSee: ['/admin/audit', '/assessment'], mustNotSee: ['/admin/logins', '/admin/users'], forbidden: ['/admin/logins', '/admin/users'] },
  { user: 'leader1', mustSee: ['/admin/audit', '/assessment', '/rectification', '/cases/queue'], mustNotSee: ['/admin/logins', '/admin/users'], forbidden: ['/admin/logins', '/admin/users'] },
  { user: 'rectify1', mustSee: ['/rectification'], mustNotSee: ['/admin/users', '/cases/new', '/muck/map'], forbidden: ['/admin/users', '/muck/map'] },
  { user: 'muck1', mustSee: ['/muck/map', '/muck/alarms'], mustNotSee: ['/admin/users', '/rectification'], forbidden: ['/admin/users'] },
  { user: 'handler-wujin', mustSee: ['/cases/queue', '/rectification-tasks'], mustNotSee: ['/admin/audit', '/admin/logins', '/muck/map', '/cases/new'], forbidden: ['/admin/audit', '/admin/logins', '/muck/map'] },
];

for (const role of ROLES) {
  test(`${role.user} signs in and sees the navigation of its role`, async () => {
    const page = await newPage(browser);
    await login(page, role.user);
    assert.equal(await page.textContent('[data-testid=current-user]'), role.user);
    const paths = await navPaths(page);
    for (const p of role.mustSee) assert.ok(paths.includes(p), `${role.user} should see ${p}, saw ${paths}`);
    for (const p of role.mustNotSee) assert.ok(!paths.includes(p), `${role.user} must not see ${p}`);
    for (const p of role.forbidden) {
      const res = await page.goto(p);
      assert.equal(res.status(), 403, `${role.user} opening ${p} should get 403`);
    }
    await page.context().close();
  });
}

test('a wrong password shows an error and no navigation', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.fill('input[name=username]', 'operator1');
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=login-error]');
  assert.equal(await page.$('[data-testid=mainnav]'), null);
  await page.context().close();
});

test('an admin opens the operation log, verifies the hash chain and sees the login log', async () => {
  const page = await newPage(browser);
  await login(page, 'admin');
  await page.goto('/admin/audit/verify');
  const verdict = await page.textContent('[data-testid=verify-result]');
  assert.match(verdict, /哈希链完整/);
  await page.goto('/admin/logins');
  const rows = await page.$$eval('[data-testid=audit-table] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('登录') && r.includes('admin')), 'login log lists the admin sign-in (its action by its Chinese name)');
  await snap(page, 'login-log');
  await page.context().close();
});

test('the shell is usable on a phone screen: the menu folds behind a button', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await login(page, 'admin');
  assert.equal(await page.isVisible('[data-testid=mainnav]'), false);
  await page.click('label.nav-toggle-label');
  assert.equal(await page.isVisible('[data-testid=mainnav]'), true);
  await page.context().close();
});

test('English messages are available', async () => {
  const page = await newPage(browser);
  await page.goto('/login?lang=en');
  assert.match(await page.textContent('h1'), /Staff sign-in/);
  await page.context().close();
});
