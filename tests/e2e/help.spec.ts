// The public help portal: services near her, know your rights, and the private self-check.
import { expect, test, type Page, type Request } from '@playwright/test';
import { messages, phoneShot, shot } from './helpers';
import { QUESTIONS } from '../../web/src/content/selfcheck';

const { en, kk, ru } = messages;
const ALMATY = '750000000';

type Names = { kk: string; ru: string; en: string };
interface Service {
  id: number;
  kind: string;
  name: Names;
  phone: string;
  hours_24_7: boolean;
  needs: string[];
  address: Names | null;
}

const tel = (phone: string): string => `tel:${phone.replace(/[^0-9+]/g, '')}`;

async function servicesFromApi(page: Page, query: string): Promise<Service[]> {
  const res = await page.request.get(`/api/v1/help/services?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { services: Service[] }).services;
}

async function storageKeys(page: Page): Promise<{ local: string[]; session: string[] }> {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('she finds a crisis centre in Almaty in Kazakh, calls it by tel:, and quick exit leaves no trace', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await page.getByRole('link', { name: kk['help.home.findHelp'] }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['help.heading']);
    await expect(page).toHaveTitle(kk['help.title']);
    // The emergency numbers come first.
    await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
    await expect(page.getByText(kk['help.chooseRegion'])).toBeVisible();

    const region = page.getByLabel(kk['help.region'], { exact: true });
    await region.selectOption(ALMATY);
    const shelterResponse = page.waitForResponse(
      (r) => r.url().includes('/api/v1/help/services?') && r.url().includes('needs=shelter'),
    );
    await page.getByLabel(kk['help.need.shelter']).check();
    const sent = new URL((await shelterResponse).url());
    expect(sent.searchParams.get('region')).toBe(ALMATY);

    const expected = await servicesFromApi(page, `region=${ALMATY}&needs=shelter`);
    const centre = expected.find((s) => s.kind === 'crisis_centre');
    expect(centre, 'the demo data has a crisis centre with a shelter in Almaty').toBeDefined();
    expect(centre!.address).toBeNull();

    const results = page.getByRole('list', { name: kk['help.resultsLabel'] });
    await expect(page.getByRole('status')).toHaveText(kk['help.found'].replace('{count}', String(expected.length)));
    await expect(results.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(
      expected.length,
    );
    for (const s of expected) expect(s.needs).toContain('shelter');

    const card = results.getByRole('listitem').filter({ has: page.getByRole('heading', { name: centre!.name.kk }) });
    await expect(card).toContainText(kk['help.kind.crisis_centre']);
    const call = card.getByRole('link', { name: new RegExp(kk['help.call']) });
    await expect(call).toHaveAttribute('href', tel(centre!.phone));
    await expect(call).toContainText(centre!.phone);
    // A large tap target.
    const box = await call.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(200);
    // No address for a crisis centre: only the note that it is kept secret.
    await expect(card.getByText(kk['help.address'], { exact: true })).toHaveCount(0);
    await expect(card).toContainText(kk['help.addressSecret']);

    // Nothing of her search is in the address bar or in storage.
    await expect(page).toHaveURL(/\/help$/);
    expect(await storageKeys(page)).toEqual({ local: ['qorgau.lang'], session: [] });
    await shot(page, 'help-kk-360-results');

    await page.getByRole('button', { name: kk['exit.button'] }).click();
    await page.waitForURL('about:blank');
    await page.goBack().catch(() => null);
    await page.waitForTimeout(300);
    const after = await page.content();
    for (const trace of [centre!.name.kk, kk['help.heading'], kk['help.need.shelter'], 'Алматы', centre!.phone]) {
      expect(after).not.toContain(trace);
    }
    await expect(page.locator('select')).toHaveCount(0);
  });

  test('the self-check sends and stores nothing while she answers, then shows next steps', async ({ page }) => {
    await page.goto('/self-check');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['help.check.heading']);
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['help.check.heading']);
    await expect(page.getByText(ru['help.check.private'])).toBeVisible();
    await expect(page.getByRole('button', { name: ru['exit.button'] })).toBeVisible();
    const url = page.url();

    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));

    await page.getByRole('button', { name: ru['help.check.start'] }).click();
    const total = QUESTIONS.length;
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(14);
    // The first question is strangulation: a yes to it alone shows the most urgent steps.
    expect(QUESTIONS[0].id).toBe('strangulation');
    const question = page.getByRole('heading', { level: 2 });
    for (let i = 0; i < total; i++) {
      const q = QUESTIONS[i];
      await expect(page.getByText(ru['help.check.progress'].replace('{n}', String(i + 1)).replace('{total}', String(total)))).toBeVisible();
      await expect(question).toHaveText(ru[`help.check.q.${q.id}`]);
      await expect(question).toBeFocused();
      if (i === 0) await shot(page, 'selfcheck-ru-360-question');
      await page.getByRole('button', { name: i === 0 ? ru['help.check.yes'] : ru['help.check.no'], exact: true }).click();
      if (i === 1) {
        // Back shows the earlier question with its answer; Next returns.
        await page.getByRole('button', { name: ru['help.check.back'] }).click();
        await expect(question).toHaveText(ru[`help.check.q.${QUESTIONS[1].id}`]);
        await expect(page.getByRole('button', { name: ru['help.check.no'], exact: true })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await page.getByRole('button', { name: ru['help.check.next'] }).click();
        await expect(question).toHaveText(ru[`help.check.q.${QUESTIONS[2].id}`]);
      }
      expect(page.url()).toBe(url);
    }

    await expect(page.getByRole('heading', { level: 2, name: ru['help.check.result.high.heading'] })).toBeFocused();
    await expect(page.getByText(ru['help.check.step.danger'])).toBeVisible();
    for (const n of ['102', '112', '111']) await expect(page.locator(`a[href="tel:${n}"]`)).toBeVisible();
    await expect(page.getByRole('link', { name: ru['help.check.step.centreLink'] })).toHaveAttribute('href', '/help');
    await expect(page.getByRole('link', { name: ru['help.check.step.rightsLink'] })).toHaveAttribute('href', '/rights');
    await expect(page.getByRole('heading', { name: ru['help.check.planHeading'] })).toBeVisible();
    await shot(page, 'selfcheck-ru-360-high');

    // Again with every answer "no": the calmer next steps, no safety-plan block.
    await page.getByRole('button', { name: ru['help.check.restart'] }).click();
    for (let i = 0; i < total; i++) {
      await expect(page.getByRole('button', { name: ru['help.check.no'], exact: true })).toHaveAttribute(
        'aria-pressed',
        'false',
      );
      await page.getByRole('button', { name: ru['help.check.no'], exact: true }).click();
    }
    await expect(page.getByRole('heading', { level: 2, name: ru['help.check.result.low.heading'] })).toBeVisible();
    await expect(page.locator('a[href="tel:111"]')).toBeVisible();
    await expect(page.getByRole('link', { name: ru['help.check.step.rightsLink'] })).toHaveAttribute('href', '/rights');
    await expect(page.getByRole('heading', { name: ru['help.check.planHeading'] })).toHaveCount(0);
    await shot(page, 'selfcheck-ru-360-low');

    expect(requests.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(page.url()).toBe(url);
    expect(await storageKeys(page)).toEqual({ local: ['qorgau.lang'], session: [] });
    expect(await page.evaluate(() => localStorage.getItem('qorgau.lang'))).toBe('ru');
    expect(await page.context().cookies()).toEqual([]);
  });
});

test('a poster QR link preselects the region once and then leaves the address bar', async ({ page }) => {
  const response = page.waitForResponse((r) => r.url().includes('/api/v1/help/services?'));
  await page.goto(`/help?region=${ALMATY}`);
  await expect(page).toHaveURL(/\/help$/);
  expect(new URL((await response).url()).searchParams.get('region')).toBe(ALMATY);
  await expect(page.getByLabel(en['help.region'], { exact: true })).toHaveValue(ALMATY);
  const expected = await servicesFromApi(page, `region=${ALMATY}`);
  expect(expected.length).toBeGreaterThan(0);
  const results = page.getByRole('list', { name: en['help.resultsLabel'] });
  for (const s of expected) {
    const card = results.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: s.name.en }) });
    await expect(card).toBeVisible();
    await expect(card.locator(`a[href="${tel(s.phone)}"]`)).toBeVisible();
    const secret = s.kind === 'crisis_centre' || s.needs.includes('shelter');
    if (secret) expect(s.address).toBeNull();
    // An address appears only for services that are not shelters, and only when there is one.
    await expect(card.getByText(en['help.address'], { exact: true })).toHaveCount(!secret && s.address ? 1 : 0);
    if (!secret && s.address) await expect(card).toContainText(s.address.en);
    await expect(card.getByText(en['help.addressSecret'])).toHaveCount(secret ? 1 : 0);
  }
  expect(expected.some((s) => s.kind === 'crisis_centre')).toBe(true);
  // 24/7 services first, as the server sorts them.
  const firstNot247 = expected.findIndex((s) => !s.hours_24_7);
  if (firstNot247 >= 0) expect(expected.slice(firstNot247).every((s) => !s.hours_24_7)).toBe(true);
  await shot(page, 'help-en-results');

  // Regions are sorted in the page's language.
  await page.getByRole('button', { name: 'Русский' }).click();
  const names = await page.getByLabel(ru['help.region'], { exact: true }).locator('option:not([value=""])').allTextContents();
  expect(names.length).toBe(20);
  expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
  // Service names follow the language without a new search.
  await expect(page.getByRole('heading', { level: 3, name: expected[0].name.ru })).toBeVisible();

  // An unknown region in the link is ignored.
  await page.goto('/help?region=123');
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByLabel(ru['help.region'], { exact: true })).toHaveValue('');
});

test('filters narrow the search; a choice with no match says so and points to 111', async ({ page }) => {
  await page.goto('/help');
  await page.getByLabel(en['help.region'], { exact: true }).selectOption(ALMATY);
  await expect(page.getByRole('status')).toBeVisible();
  const kind = page.getByLabel(en['help.kind']);
  await expect(kind.locator('option')).toHaveCount(7);
  const legal = page.waitForResponse((r) => r.url().includes('kind=legal_aid'));
  await kind.selectOption('legal_aid');
  await legal;
  const expected = await servicesFromApi(page, `region=${ALMATY}&kind=legal_aid`);
  await expect(page.getByRole('status')).toHaveText(en['help.found'].replace('{count}', String(expected.length)));
  for (const s of expected) await expect(page.getByRole('heading', { level: 3, name: s.name.en })).toBeVisible();

  // Legal aid with a shelter, 24/7 and in English: most likely nothing in the demo data.
  await page.getByLabel(en['help.need.shelter']).check();
  await page.getByLabel(en['help.need.24_7']).check();
  const last = page.waitForResponse((r) => r.url().includes('language=en'));
  await page.getByLabel(en['help.language']).selectOption('en');
  const sent = new URL((await last).url());
  expect(sent.searchParams.get('needs')?.split(',').sort()).toEqual(['24_7', 'shelter']);
  const narrowed = await servicesFromApi(page, sent.search.slice(1));
  if (narrowed.length === 0) await expect(page.getByText(en['help.empty'])).toBeVisible();
  else await expect(page.getByRole('status')).toHaveText(en['help.found'].replace('{count}', String(narrowed.length)));
  await phoneShot(page, 'help-en-360-filters');
});

test('know your rights renders in all three languages from the server', async ({ page }) => {
  for (const [lang, name, cat] of [
    ['en', 'English', en],
    ['kk', 'Қазақша', kk],
    ['ru', 'Русский', ru],
  ] as const) {
    if (lang === 'en') {
      const first = page.waitForResponse((r) => r.url().includes('/api/v1/help/rights?lang=en'));
      await page.goto('/rights');
      await first;
    } else {
      const next = page.waitForResponse((r) => r.url().includes(`/api/v1/help/rights?lang=${lang}`));
      await page.getByRole('button', { name }).click();
      expect((await next).status()).toBe(200);
    }
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(cat['help.rights.heading']);
    await expect(page).toHaveTitle(cat['help.rights.title']);
    const body = (await (await page.request.get(`/api/v1/help/rights?lang=${lang}`)).json()) as {
      language: string;
      topics: { id: string; title: string; summary: string; paragraphs: string[]; verified: boolean }[];
    };
    expect(body.language).toBe(lang);
    expect(body.topics.length).toBeGreaterThanOrEqual(6);
    expect(body.topics.length).toBeLessThanOrEqual(8);
    for (const topic of body.topics) {
      const section = page.getByRole('region', { name: topic.title });
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(topic.title);
      await expect(section).toContainText(topic.summary);
      for (const p of topic.paragraphs) await expect(section).toContainText(p);
      await expect(section.getByText(cat['help.rights.unverified'])).toHaveCount(topic.verified ? 0 : 1);
    }
    if (lang !== 'en') await expect(page.getByRole('main')).toContainText(/[әғқңөұүһі]|[а-яё]/);
    await shot(page, `rights-${lang}`);
    if (lang === 'kk') await phoneShot(page, 'rights-kk-360');
  }
  // The contents jump to a topic without changing the address.
  const url = page.url();
  const firstLink = page.getByRole('navigation', { name: ru['help.rights.contents'] }).getByRole('link').last();
  const title = await firstLink.textContent();
  await firstLink.click();
  await expect(page.getByRole('heading', { level: 2, name: title! })).toBeFocused();
  expect(page.url()).toBe(url);
});

test('home and the header link to the help pages; titles stay neutral', async ({ page }) => {
  await page.goto('/');
  const entries = await page.evaluate(() => history.length);
  const nav = page.getByRole('navigation', { name: en['help.nav.label'] });
  for (const [key, path, heading, title] of [
    ['help.nav.help', '/help', 'help.heading', 'help.title'],
    ['help.nav.rights', '/rights', 'help.rights.heading', 'help.rights.title'],
    ['help.nav.selfCheck', '/self-check', 'help.check.heading', 'help.check.title'],
  ] as const) {
    await nav.getByRole('link', { name: en[key] }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en[heading]);
    await expect(nav.getByRole('link', { name: en[key] })).toHaveAttribute('aria-current', 'page');
    // The tab title names no violence, danger or help.
    await expect(page).toHaveTitle(en[title]);
    expect(en[title]).not.toMatch(/violence|abuse|risk|danger|help|rights|shelter/i);
  }
  // Moving between public pages adds no history entry.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.goto('/safety');
  await expect(page.getByText(en['help.safety.selfCheck'])).toBeVisible();
});

test('an institution downloads its region poster as a PDF from the help page', async ({ page }) => {
  await page.goto('/help');
  const poster = page.getByRole('region', { name: en['help.poster.heading'] });
  await expect(poster.getByText(en['help.poster.needRegion'])).toBeVisible();
  await poster.getByLabel(en['help.poster.region']).selectOption(ALMATY);
  await poster.getByLabel(en['help.poster.language']).selectOption('kk');
  await poster.getByLabel(en['help.poster.institution']).fill('№ 12 мектеп');
  await shot(page, 'help-poster-form');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    poster.getByRole('link', { name: en['help.poster.download'] }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`qorgau-poster-${ALMATY}-kk.pdf`);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
