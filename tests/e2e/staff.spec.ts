// The staff area: sign in, the shell, users, agencies, audit, sign out.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, login, messages, phoneShot, shot } from './helpers';

const { en, kk, ru } = messages;

test('admin signs in, sees the shell and the users, logs out, and /staff then needs a login', async ({
  page,
}) => {
  await login(page, 'admin');
  const header = page.getByRole('banner');
  const session = (await (await page.request.get('/api/v1/session')).json()) as {
    user: { display_name: string; agency: { name: string } | null };
  };
  await expect(header).toContainText(session.user.display_name);
  if (session.user.agency) await expect(header).toContainText(session.user.agency.name);
  await expect(header).toContainText(en['role.system_admin']);
  await expect(header.getByRole('button', { name: en['staff.logout'] })).toBeVisible();

  const nav = page.getByRole('navigation', { name: en['staff.navLabel'] });
  for (const key of ['nav.overview', 'nav.users', 'nav.agencies', 'nav.audit'] as const) {
    await expect(nav.getByRole('link', { name: en[key] })).toBeVisible();
  }
  await expect(nav).toContainText(en['staff.nextHeading']);
  await expect(nav.getByRole('link', { name: en['module.cases'] })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(en['overview.idleHeading']);
  await shot(page, 'staff-overview');
  await phoneShot(page, 'staff-overview-360');

  await nav.getByRole('link', { name: en['nav.users'] }).click();
  await expect(page).toHaveURL(/\/staff\/users$/);
  const table = page.getByRole('table');
  for (const u of DEMO_USERS) {
    await expect(table.getByRole('cell', { name: u, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: en['users.addHeading'] })).toBeVisible();
  await shot(page, 'staff-users');
  await phoneShot(page, 'staff-users-360');

  // A reload keeps the page (the server falls back to index.html) and the session.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: en['users.heading'] })).toBeVisible();

  await page.getByRole('button', { name: en['staff.logout'] }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['home.heading']);

  await page.goto('/staff');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['login.heading']);
});

test('a wrong password shows the server’s message in the chosen language', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByLabel(ru['login.username']).fill('analyst');
  await page.getByLabel(ru['login.password']).fill('not-the-password');
  const responseP = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
  await page.getByRole('button', { name: ru['login.submit'] }).click();
  const response = await responseP;
  expect(response.status()).toBe(401);
  expect(response.request().headers()['accept-language']).toBe('ru');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('invalid_credentials');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(body.error.message);
  await expect(alert).toHaveText(/[А-Яа-яЁё]/);
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, 'login-error-ru');
  await phoneShot(page, 'login-error-ru-360');
});

test('empty sign-in form is explained without a request', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: en['login.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['login.required']);
});

test('agencies and the audit log', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('link', { name: en['nav.agencies'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['agencies.heading'] })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  const kinds = page.getByLabel(en['agencies.kind']);
  await expect(kinds.locator('option')).toHaveCount(11);
  const regions = page.getByLabel(en['agencies.region']);
  await expect(regions.locator('option')).toHaveCount(21);
  await expect(regions.locator('option', { hasText: 'Almaty' }).first()).toBeAttached();
  await shot(page, 'staff-agencies');

  // Add an agency and see it in the table.
  await page.getByLabel(en['agencies.name']).fill('E2E Test Crisis Centre');
  await kinds.selectOption('crisis_centre');
  await regions.selectOption({ index: 1 });
  await page.getByRole('button', { name: en['agencies.add'] }).click();
  await expect(page.getByRole('status').filter({ hasText: 'E2E Test Crisis Centre' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'E2E Test Crisis Centre' })).toBeVisible();

  await page.getByRole('link', { name: en['nav.audit'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['audit.heading'] })).toBeVisible();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const loadMore = page.getByRole('button', { name: en['audit.loadMore'] });
  if (await loadMore.isVisible()) {
    const before = await rows.count();
    await loadMore.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
  } else {
    await expect(page.getByText(en['audit.end'])).toBeVisible();
  }
  // Our own sign-in is in the log.
  while (await loadMore.isVisible()) await loadMore.click();
  await expect(page.getByRole('cell', { name: 'session.login' }).first()).toBeAttached();
  await page.getByRole('button', { name: en['audit.verify'] }).click();
  await expect(page.getByText(/The chain is intact: [\d,]+ entries checked\./)).toBeVisible();
  await shot(page, 'staff-audit');
  await phoneShot(page, 'staff-audit-360');

  // The staff area follows the language switcher too.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['audit.heading']);
  await page.getByRole('link', { name: kk['nav.agencies'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['agencies.heading']);
  await expect(page.getByRole('cell', { name: kk['kind.crisis_centre'] }).first()).toBeVisible();
  await expect(page).toHaveTitle(`${kk['nav.agencies']} — Qorgau`);
  await shot(page, 'staff-agencies-kk');
});

test('an auditor sees only what the role allows', async ({ page }) => {
  await login(page, 'auditor');
  const nav = page.getByRole('navigation', { name: en['staff.navLabel'] });
  await expect(nav.getByRole('link', { name: en['nav.audit'] })).toBeVisible();
  const perms = (await (await page.request.get('/api/v1/session')).json()) as { user: { permissions: string[] } };
  await expect(nav.getByRole('link', { name: en['nav.users'] })).toHaveCount(
    perms.user.permissions.includes('users.read') ? 1 : 0,
  );
});

test('admin adds a user, sees a server error in the form, and disables the new account', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('link', { name: en['nav.users'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['users.heading'] })).toBeVisible();

  const form = page.getByRole('region', { name: en['users.addHeading'] });
  // A password the server refuses: its message is shown in the form.
  await form.getByLabel(en['users.username']).fill('e2e.tester');
  await form.getByLabel(en['users.displayName']).fill('Е2Е Тестілеуші');
  await form.getByLabel(en['users.password']).fill('short');
  await form.getByLabel(en['users.role']).selectOption('case_worker');
  await form.getByLabel(en['users.agency']).selectOption({ index: 1 });
  await form.getByRole('button', { name: en['users.add'] }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByRole('alert')).not.toBeEmpty();

  await form.getByLabel(en['users.password']).fill('a-long-and-unusual-passphrase-2026');
  await form.getByRole('button', { name: en['users.add'] }).click();
  await expect(form.getByRole('status')).toHaveText(en['users.added'].replace('{username}', 'e2e.tester'));
  const row = page.getByRole('row').filter({ hasText: 'e2e.tester' });
  await expect(row).toContainText(en['role.case_worker']);
  await expect(row).toContainText(en['status.active']);

  await row.getByRole('button', { name: en['users.disableLabel'].replace('{username}', 'e2e.tester') }).click();
  await expect(row).toContainText(en['users.confirmDisable'].replace('{username}', 'e2e.tester'));
  await row.getByRole('button', { name: en['users.confirmYes'] }).click();
  await expect(row).toContainText(en['status.disabled']);
  await expect(row.getByRole('button')).toHaveCount(0);
  await shot(page, 'staff-users-disabled');
});

test('admin sets a new password for analyst: refusals are explained, then the new password works', async ({
  page,
  browser,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const fill = (key: keyof typeof en): string => en[key].replace('{username}', 'analyst');

  // analyst is signed in elsewhere; setting a new password ends that session.
  const before = await browser.newContext({ baseURL });
  await login(await before.newPage(), 'analyst');
  expect((await before.request.get('/api/v1/session')).status()).toBe(200);

  await login(page, 'admin');
  await page.getByRole('link', { name: en['nav.users'] }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'analyst', exact: true }) });
  const open = row.getByRole('button', { name: fill('users.resetPasswordLabel') });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const form = page.getByRole('form', { name: fill('users.resetPasswordLabel') });
  const input = form.getByLabel(fill('users.newPasswordFor'));
  await expect(input).toBeFocused();
  const save = form.getByRole('button', { name: en['users.savePassword'] });

  // The server refuses these; its message (in the page's language) is shown by the field.
  for (const [password, code] of [
    ['short', 'password_too_short'],
    ['analyst-new-passphrase-7', 'password_contains_username'],
  ] as const) {
    await input.fill(password);
    const responseP = page.waitForResponse((r) => r.url().endsWith('/reset-password'));
    await save.click();
    const response = await responseP;
    expect(response.status()).toBe(400);
    expect(response.request().headers()['x-csrf-token']).toBeTruthy();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    await expect(form.getByRole('alert')).toHaveText(body.error.message);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  }
  await shot(page, 'staff-users-reset');
  await phoneShot(page, 'staff-users-reset-360');

  const newPassword = 'quiet-river-passphrase-7';
  await input.fill(newPassword);
  const responseP = page.waitForResponse((r) => r.url().endsWith('/reset-password'));
  await save.click();
  expect((await responseP).status()).toBe(204);
  await expect(page.getByRole('status').filter({ hasText: fill('users.passwordSet') })).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await shot(page, 'staff-users-reset-done');

  expect((await before.request.get('/api/v1/session')).status()).toBe(401);
  await before.close();

  // A fresh browser: the old password fails, the new one works.
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto('/login');
  await other.getByLabel(en['login.username']).fill('analyst');
  await other.getByLabel(en['login.password']).fill(DEMO_PASSWORD);
  await other.getByRole('button', { name: en['login.submit'] }).click();
  await expect(other.getByRole('alert')).toBeVisible();
  await expect(other).toHaveURL(/\/login$/);
  await login(other, 'analyst', newPassword);
  await expect(other.getByRole('banner')).toContainText(en['role.analyst']);
  await fresh.close();
});
