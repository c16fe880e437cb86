// Accessibility: axe finds no serious or critical violations (WCAG 2.2 A/AA rules).
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login, messages } from './helpers';

const { en } = messages;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

for (const width of [1280, 360]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [path, heading] of [
      ['/', en['home.heading']],
      ['/login', en['login.heading']],
      ['/safety', en['safety.heading']],
    ] as const) {
      test(`public page ${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        if (path === '/') await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
        await expectNoSeriousViolations(page, path);
      });
    }

    test('login error state', async ({ page }) => {
      await page.goto('/login');
      await page.getByRole('button', { name: en['login.submit'] }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoSeriousViolations(page, '/login with error');
    });

    test('staff pages after login', async ({ page }) => {
      await login(page, 'admin');
      await expectNoSeriousViolations(page, '/staff');
      for (const [key, h1] of [
        ['nav.users', 'users.heading'],
        ['nav.agencies', 'agencies.heading'],
        ['nav.audit', 'audit.heading'],
      ] as const) {
        await page.getByRole('link', { name: en[key] }).click();
        await expect(page.getByRole('heading', { level: 1, name: en[h1] })).toBeVisible();
        await expect(page.getByRole('table')).toBeVisible();
        await expectNoSeriousViolations(page, en[key]);
      }
      // The inline "set new password" form, opened and refused once.
      await page.getByRole('link', { name: en['nav.users'] }).click();
      const label = en['users.resetPasswordLabel'].replace('{username}', 'auditor');
      await page.getByRole('button', { name: label }).click();
      const form = page.getByRole('form', { name: label });
      await form.getByRole('button', { name: en['users.savePassword'] }).click();
      await expect(form.getByRole('alert')).toHaveText(en['users.newPasswordRequired']);
      await expectNoSeriousViolations(page, 'set new password form');
    });
  });
}
