// Public pages: languages, quick exit, and that nothing leaves this server or is stored.
import { expect, test, type Page } from '@playwright/test';
import { login, messages, phoneShot, shot } from './helpers';

const { en, kk, ru } = messages;

async function homeReady(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
}

test('home page renders in all three languages and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  // The browser asks for en-GB, so English comes first.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await homeReady(page, en['home.heading']);
  await expect(page).toHaveTitle('Qorgau');
  await expect(page.getByRole('button', { name: en['exit.button'] })).toBeVisible();
  await shot(page, 'home-en');
  await phoneShot(page, 'home-en-360');

  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await homeReady(page, kk['home.heading']);
  await expect(page.getByRole('button', { name: kk['exit.button'] })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Қазақша' })).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'home-kk');
  await phoneShot(page, 'home-kk-360');

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await homeReady(page, ru['home.heading']);
  await shot(page, 'home-ru');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await homeReady(page, ru['home.heading']);
  await expect(page.getByRole('button', { name: ru['exit.button'] })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('qorgau.lang'))).toBe('ru');

  // The numbers come from the server, as tel: links with labels in the chosen language.
  const numbers = (await (await page.request.get('/api/v1/reference/emergency-numbers')).json()) as {
    numbers: { number: string; label: { ru: string } }[];
  };
  expect(numbers.numbers.length).toBeGreaterThan(0);
  for (const n of numbers.numbers) {
    await expect(page.locator(`a[href="tel:${n.number}"]`)).toContainText(n.label.ru);
  }
});

test('a browser language other than kk, ru or en gets Kazakh', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await homeReady(page, kk['home.heading']);
  await context.close();
});

test('the safety page explains quick exit in each language', async ({ page }) => {
  await page.goto('/safety');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['safety.heading']);
  await expect(page.getByText(en['safety.doesNot2'])).toBeVisible();
  await shot(page, 'safety-en');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['safety.heading']);
  await phoneShot(page, 'safety-kk-360');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['safety.heading']);
});

test.describe('quick exit', () => {
  test('the button blanks the page, then leaves it for the exit URL', async ({ page, baseURL }) => {
    await page.goto('/');
    await homeReady(page, en['home.heading']);
    // Move around inside the site first, as a visitor would.
    await page.getByRole('link', { name: en['home.exitLink'] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['safety.heading']);
    await page.getByRole('contentinfo').getByRole('link', { name: en['nav.home'] }).click();
    await homeReady(page, en['home.heading']);
    await shot(page, 'quick-exit-before');

    // Point the exit somewhere recognisable, and watch for the page being blanked before it goes.
    const exitUrl = `${baseURL}/api/v1/health?exit`;
    let blanked = false;
    await page.exposeFunction('qorgauTestSawBlank', () => {
      blanked = true;
    });
    await page.evaluate((url) => {
      document.querySelector('meta[name="qorgau-quick-exit"]')?.setAttribute('content', url);
      const report = (window as unknown as { qorgauTestSawBlank: () => void }).qorgauTestSawBlank;
      new MutationObserver(() => {
        if (document.body.childElementCount === 0 && document.title === '') report();
      }).observe(document.body, { childList: true });
    }, exitUrl);

    await page.getByRole('button', { name: en['exit.button'] }).click();
    await page.waitForURL(exitUrl);
    expect(page.url()).toBe(exitUrl);
    expect(blanked).toBe(true);

    // Back must not return to the site: the site's single history entry was replaced.
    await page.goBack().catch(() => null);
    await page.waitForTimeout(300);
    expect(page.url().startsWith(`${baseURL}/api/`) || !page.url().startsWith(baseURL!)).toBe(true);
    expect(await page.content()).not.toContain(en['home.heading']);
  });

  test('the default exit URL is about:blank, and Back does not show the home page', async ({ page }) => {
    await page.goto('/');
    await homeReady(page, en['home.heading']);
    await page.getByRole('button', { name: en['exit.button'] }).click();
    await page.waitForURL('about:blank');
    expect(page.url()).toBe('about:blank');
    await page.goBack().catch(() => null);
    await page.waitForTimeout(300);
    expect(await page.content()).not.toContain(en['home.heading']);
    await shot(page, 'quick-exit-after');
  });

  test('Esc leaves the page', async ({ page }) => {
    await page.goto('/safety');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['safety.heading']);
    await page.keyboard.press('Escape');
    await page.waitForURL('about:blank');
    await page.goBack().catch(() => null);
    await page.waitForTimeout(300);
    expect(await page.content()).not.toContain(en['safety.heading']);
  });

  test('Shift pressed three times within a second leaves the page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['login.heading']);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL('about:blank');
    await page.goBack().catch(() => null);
    await page.waitForTimeout(300);
    expect(await page.content()).not.toContain(en['login.heading']);
  });

  test('Shift presses spread out, or typing capitals, do not leave', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['login.heading']);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(600);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(600);
    await page.keyboard.press('Shift');
    await page.getByLabel(en['login.username']).pressSequentially('ABC');
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel(en['login.username'])).toHaveValue('ABC');
  });
});

test('every request goes to this server; public pages set no cookie and store only the language', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // A CSP violation (inline script or style) or a script error would show up here.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto('/');
  await homeReady(page, en['home.heading']);
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('link', { name: ru['home.exitLink'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['safety.heading']);
  // The help pages, with a search and a self-check answered.
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['help.heading']);
  await page.getByLabel(ru['help.region'], { exact: true }).selectOption('750000000');
  await page.getByLabel(ru['help.need.shelter']).check();
  await expect(page.getByRole('status')).toBeVisible();
  await page.goto('/rights');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['help.rights.heading']);
  await expect(page.getByRole('heading', { level: 2 }).nth(1)).toBeVisible();
  await page.goto('/self-check');
  await page.getByRole('button', { name: ru['help.check.start'] }).click();
  await page.getByRole('button', { name: ru['help.check.yes'], exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(ru['help.check.q.threat_to_kill']);
  // The report form and the status page (nothing sent from them here).
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['report.heading']);
  await page.getByLabel(ru['report.yes'], { exact: true }).first().check();
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  await page.goto('/report/status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['status.heading']);
  await page.goto('/safety');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['safety.heading']);
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['login.heading']);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['notFound.heading']);

  expect(await context.cookies()).toEqual([]);
  const storage = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  expect(storage).toEqual({ local: ['qorgau.lang'], session: [] });

  // The staff area, too, talks to this server alone.
  await page.getByRole('button', { name: 'English' }).click();
  await login(page);
  await page.getByRole('link', { name: en['nav.users'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['nav.users'] })).toBeVisible();
  await page.getByRole('link', { name: en['nav.agencies'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['nav.agencies'] })).toBeVisible();
  await page.getByRole('link', { name: en['nav.audit'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['nav.audit'] })).toBeVisible();
  // The CSRF token stays in memory: still nothing but the language in storage.
  expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([
    ['qorgau.lang'],
    [],
  ]);

  expect(problems).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
  const elsewhere = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(elsewhere).toEqual([]);
});
