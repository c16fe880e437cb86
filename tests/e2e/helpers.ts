// Shared helpers for the browser tests.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { en } from '../../web/src/i18n/en';
import { kk } from '../../web/src/i18n/kk';
import { ru } from '../../web/src/i18n/ru';
import { sheltersEn } from '../../web/src/i18n/shelters.en';
import { sheltersKk } from '../../web/src/i18n/shelters.kk';
import { sheltersRu } from '../../web/src/i18n/shelters.ru';
import { casesEn } from '../../web/src/i18n/cases.en';
import { casesKk } from '../../web/src/i18n/cases.kk';
import { casesRu } from '../../web/src/i18n/cases.ru';
import { reportEn } from '../../web/src/i18n/report.en';
import { reportKk } from '../../web/src/i18n/report.kk';
import { reportRu } from '../../web/src/i18n/report.ru';
import { ordersEn } from '../../web/src/i18n/orders.en';
import { ordersKk } from '../../web/src/i18n/orders.kk';
import { ordersRu } from '../../web/src/i18n/orders.ru';
import { riskEn } from '../../web/src/i18n/risk.en';
import { riskKk } from '../../web/src/i18n/risk.kk';
import { riskRu } from '../../web/src/i18n/risk.ru';
import { notifyEn } from '../../web/src/i18n/notify.en';
import { notifyKk } from '../../web/src/i18n/notify.kk';
import { notifyRu } from '../../web/src/i18n/notify.ru';

/** Every message the app can show: the public catalogues plus those the lazy chunks load. */
export const messages = {
  en: { ...en, ...sheltersEn, ...reportEn, ...casesEn, ...ordersEn, ...riskEn, ...notifyEn },
  kk: { ...kk, ...sheltersKk, ...reportKk, ...casesKk, ...ordersKk, ...riskKk, ...notifyKk },
  ru: { ...ru, ...sheltersRu, ...reportRu, ...casesRu, ...ordersRu, ...riskRu, ...notifyRu },
};

export const DEMO_PASSWORD = 'qorgau-demo-2026';
export const DEMO_USERS = ['admin', 'auditor', 'operator', 'inspector', 'caseworker', 'analyst'];

/** Save a full-page screenshot to tests/e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join(test.info().project.testDir, 'screenshots');
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The same page at a small phone's width (360 px), then back to the previous size. */
export async function phoneShot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, name);
  if (before) await page.setViewportSize(before);
}

/** The signed-in user's CSRF token (the page's cookies). */
export async function csrf(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/session');
  return ((await res.json()) as { csrf_token: string }).csrf_token;
}

/** A JSON POST as the page's signed-in user: the status and the answer's JSON. */
export async function post(page: Page, path: string, data: unknown): Promise<{ status: number; body: unknown }> {
  const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': await csrf(page) } });
  return { status: res.status(), body: await res.json() };
}

/** A new case of the demo people (survivor Айгүл, aggressor Серік), opened by the signed-in user's agency. */
export async function newCase(page: Page): Promise<{ id: number; case_number: string }> {
  const personId = async (fullName: string): Promise<number> => {
    const { status, body } = await post(page, '/people/search', { full_name: fullName });
    expect(status).toBe(200);
    return (body as { people: { id: number }[] }).people[0].id;
  };
  const { status, body } = await post(page, '/cases', {
    survivor_person_id: await personId('Айгүл Сәрсенқызы Жолдасбекова'),
    aggressor_person_id: await personId('Серік Қайратұлы Бекмағамбетов'),
    basis: 'complaint',
    incident_types: ['physical_assault'],
  });
  expect(status).toBe(201);
  return body as { id: number; case_number: string };
}

export async function login(page: Page, username = 'admin', password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(en['login.username']).fill(username);
  await page.getByLabel(en['login.password']).fill(password);
  await page.getByRole('button', { name: en['login.submit'] }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: en['nav.overview'] })).toBeVisible();
}
