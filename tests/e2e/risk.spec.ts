// Risk: an officer assesses a case one question at a time, sees the server's level, raises it with
// a written reason (a lower level is never offered), the case shows the level, its actions and its
// history, and the due-reviews list names the case; a new incident makes a re-assessment due.
// Each test makes its own case through the API (the tests share one server).
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { login, messages, newCase, phoneShot, post, shot } from './helpers';

const { en, kk, ru } = messages;
type Key = keyof typeof en;

const LEVELS = ['low', 'medium', 'high', 'extreme'] as const;
type Level = (typeof LEVELS)[number];

interface Item {
  id: string;
  text: { kk: string; ru: string; en: string };
  answer: 'yes_no_unknown' | 'choice';
  options?: { id: string; text: { kk: string; ru: string; en: string } }[];
}
interface Instrument {
  code: string;
  version: number;
  items: Item[];
}
interface Preview {
  score: number;
  computed_level: Level;
  required_actions: string[];
}
interface Assessment {
  computed_level: Level;
  level: Level;
  raised: boolean;
  raise_reason?: string;
  required_actions: string[];
}

/** An English message with its {placeholders} filled. */
function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
const levelName = (level: Level): string => en[`risk.level.${level}`];

test.use({ timezoneId: 'Asia/Almaty' });

async function instrument(page: Page): Promise<Instrument> {
  const res = await page.request.get('/api/v1/risk/instruments/qorgau-risk-1');
  expect(res.status()).toBe(200);
  return (await res.json()) as Instrument;
}

/** Answers the question on screen: `answer` for a yes/no question, else the first option. */
async function answerQuestion(page: Page, item: Item, answer: 'risk.assess.yes' | 'risk.assess.no' | 'risk.assess.unknown'): Promise<void> {
  const group = page.getByRole('group', { name: new RegExp(escapeRegExp(item.text.en)) });
  if (item.answer === 'choice') await group.getByRole('button').first().click();
  else await group.getByRole('button', { name: en[answer], exact: true }).click();
}

/** What the screen shows (not the whole page): on a phone, one question per screen. */
async function screenShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(test.info().project.testDir, 'screenshots', `${name}.png`) });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an officer assesses a case, raises the level with a reason (never lower), and the case and due reviews show it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await login(page, 'inspector');
  const c = await newCase(page);
  const inst = await instrument(page);
  const total = inst.items.length;
  expect(total).toBeGreaterThan(1);

  // A case never assessed is on the due-reviews list from its opening.
  const nav = page.getByRole('navigation', { name: en['staff.navLabel'] });
  await nav.getByRole('link', { name: en['risk.nav.reviews'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['risk.reviews.heading'] })).toBeVisible();
  const neverRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: c.case_number, exact: true }) });
  await expect(neverRow).toContainText(en['risk.reason.never_assessed']);
  await expect(neverRow).toContainText(en['risk.level.none']);

  // The case page: not assessed yet; the way to the assessment.
  await neverRow.getByRole('link', { name: c.case_number, exact: true }).click();
  const panel = page.getByRole('region', { name: en['risk.panel.heading'], exact: true });
  await expect(panel).toContainText(en['risk.panel.none']);
  await panel.getByRole('link', { name: en['risk.panel.assess'] }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${c.id}/risk/assess$`));
  await expect(page.getByRole('heading', { level: 1, name: msg('risk.assess.title', { number: c.case_number }) })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(en['risk.assess.intro']);

  // One question at a time, with its place in the list; Back keeps the answer given.
  for (const [i, item] of inst.items.entries()) {
    await expect(page.getByText(msg('risk.assess.progress', { n: i + 1, total }), { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText(item.text.en);
    await answerQuestion(page, item, 'risk.assess.no');
    if (i === 0) {
      await page.getByRole('button', { name: en['risk.assess.prev'] }).click();
      await expect(page.getByText(msg('risk.assess.progress', { n: 1, total }), { exact: true })).toBeVisible();
      const group = page.getByRole('group', { name: new RegExp(escapeRegExp(item.text.en)) });
      await expect(group.getByRole('button', { pressed: true })).toHaveCount(1);
      await page.getByRole('button', { name: en['risk.assess.next'] }).click();
    }
  }

  // The review lists every answer; the level is the server's, computed before anything is stored.
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: en['risk.assess.review'] })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: en['risk.assess.notAnswered'] })).toHaveCount(0);
  await shot(page, 'risk-assess-review');
  const previewed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${c.id}/risk/assessments/preview`));
  await page.getByRole('button', { name: en['risk.assess.submit'] }).click();
  const first = await previewed;
  expect(first.status()).toBe(200);
  const computed = (await first.json()) as Preview;
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: en['risk.preview.heading'] })).toBeVisible();
  await expect(page.getByTestId('risk-preview-computed')).toHaveText(levelName(computed.computed_level));
  const rank = LEVELS.indexOf(computed.computed_level);
  expect(rank, 'all "no" answers are not the top level').toBeLessThan(LEVELS.length - 1);

  // Raising offers only the levels above the computed one (or keeping it); lowering is impossible here.
  const raise = page.getByRole('form', { name: en['risk.raise.heading'] });
  const choices = raise.getByRole('radio');
  await expect(choices).toHaveCount(LEVELS.length - rank);
  await expect(raise.getByRole('radio', { name: en['risk.raise.keep'] })).toBeChecked();
  for (const level of LEVELS.slice(0, rank + 1)) {
    await expect(raise.getByRole('radio', { name: levelName(level), exact: true })).toHaveCount(0);
  }
  // (The server refuses a lower level too, with its own error.)
  if (rank > 0) {
    const lowered = await post(page, `/cases/${c.id}/risk/assessments`, {
      instrument: inst.code,
      answers: Object.fromEntries(inst.items.map((i) => [i.id, i.answer === 'choice' ? i.options![0].id : 'no'])),
      raise_to: 'low',
      raise_reason: 'test',
    });
    expect(lowered.status).toBe(422);
    expect((lowered.body as { error: { code: string } }).error.code).toBe('risk_level_lowered');
  }

  const target: Level = rank < LEVELS.indexOf('high') ? 'high' : 'extreme';
  await raise.getByRole('radio', { name: levelName(target), exact: true }).check();
  await raise.getByRole('button', { name: en['risk.preview.save'] }).click();
  await expect(raise.getByRole('alert')).toHaveText(en['risk.raise.reasonRequired']);
  await shot(page, 'risk-assess-raise');
  const reason = 'He has started following her to work since the last incident.';
  await raise.getByLabel(en['risk.raise.reason']).fill(reason);
  const raisedReply = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${c.id}/risk/assessments`));
  await raise.getByRole('button', { name: en['risk.preview.save'] }).click();
  const second = await raisedReply;
  expect(second.status()).toBe(201);
  expect(second.request().postDataJSON()).toMatchObject({ raise_to: target, raise_reason: reason });
  const raised = (await second.json()) as Assessment;
  expect(raised).toMatchObject({ level: target, computed_level: computed.computed_level, raised: true });
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: en['risk.result.heading'] })).toBeVisible();
  await expect(page.getByTestId('risk-result-level')).toHaveText(levelName(target));
  await expect(page.getByTestId('risk-result-computed')).toHaveText(levelName(computed.computed_level));
  await expect(page.getByRole('main')).toContainText(reason);
  await shot(page, 'risk-assess-result');

  // The case: the raised level, its required actions in words, and one entry in the history.
  await page.getByRole('link', { name: en['risk.result.toCase'], exact: true }).click();
  await expect(panel.locator('.rk-now')).toContainText(levelName(target));
  for (const code of raised.required_actions) {
    await expect(panel.getByRole('list', { name: en['risk.panel.actions'] })).toContainText(en[`risk.action.${code}` as Key]);
  }
  const chart = panel.getByRole('img');
  await expect(chart).toHaveAccessibleName(/: 1 entry in the history/);
  await panel.getByText(en['risk.chart.dataTable']).click();
  const history = panel.getByRole('table', { name: en['risk.chart.caption'] });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(msg('risk.history.raisedFrom', { level: levelName(computed.computed_level) }));
  await shot(page, 'risk-case-panel');

  // Due reviews: the case is listed with its level and its scheduled review.
  await nav.getByRole('link', { name: en['risk.nav.reviews'] }).click();
  await page.getByLabel(en['risk.reviews.within']).selectOption('720');
  await page.getByRole('button', { name: en['risk.reviews.show'] }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: c.case_number, exact: true }) });
  await expect(row).toContainText(levelName(target));
  await expect(row).toContainText(en['risk.reason.scheduled']);
  // The region filter: the case is in Almaty, not in Astana.
  await page.getByLabel(en['risk.reviews.region']).selectOption('710000000');
  await page.getByRole('button', { name: en['risk.reviews.show'] }).click();
  await expect(page.getByRole('link', { name: c.case_number, exact: true })).toHaveCount(0);
  await page.getByLabel(en['risk.reviews.region']).selectOption('750000000');
  await page.getByRole('button', { name: en['risk.reviews.show'] }).click();
  await expect(row).toContainText(levelName(target));

  // A new incident makes a re-assessment due at once: the case says so and why, and so does the list.
  const today = new Date().toISOString().slice(0, 10);
  const incident = await post(page, `/cases/${c.id}/incidents`, { occurred_on: today, types: ['physical_assault'] });
  expect(incident.status).toBe(201);
  await page.getByRole('button', { name: en['risk.reviews.show'] }).click();
  await expect(row).toContainText(en['risk.reason.new_incident']);
  // It is due since the incident, so overdue, and the row says so in words as well as colour.
  await expect(row.getByText(en['risk.panel.overdue'], { exact: true })).toBeVisible();
  await shot(page, 'risk-reviews');
  await phoneShot(page, 'risk-reviews-phone');
  await row.getByRole('link', { name: c.case_number, exact: true }).click();
  await expect(panel.getByTestId('risk-reassess')).toHaveText(
    msg('risk.panel.reassessReason', { reason: en['risk.reason.new_incident'] }),
  );
  await expect(page.getByRole('region', { name: en['cases.case.timeline'] })).toContainText(en['cases.event.incident_recorded']);
  await shot(page, 'risk-case-reassess');
  await phoneShot(page, 'risk-case-phone');
  // In Russian, the level, the reason and the actions in Russian words.
  await page.getByRole('button', { name: 'Русский' }).click();
  const ruPanel = page.getByRole('region', { name: ru['risk.panel.heading'], exact: true });
  await expect(ruPanel.locator('.rk-now')).toContainText(ru[`risk.level.${target}`]);
  await expect(ruPanel.getByTestId('risk-reassess')).toContainText(ru['risk.reason.new_incident']);
  await shot(page, 'risk-case-ru');

  // A prosecutor reads the case's risk but may not assess it: no way to the assessment, and its
  // address is refused.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, timezoneId: 'Asia/Almaty' });
  const prosecutor = await context.newPage();
  await login(prosecutor, 'prosecutor');
  await prosecutor.goto(`/staff/cases/${c.id}`);
  const readOnly = prosecutor.getByRole('region', { name: en['risk.panel.heading'], exact: true });
  await expect(readOnly.locator('.rk-now')).toContainText(levelName(target));
  await expect(readOnly.getByRole('link', { name: en['risk.panel.assess'] })).toHaveCount(0);
  await prosecutor.goto(`/staff/cases/${c.id}/risk/assess`);
  await expect(prosecutor.getByRole('heading', { level: 1 })).toHaveText(en['staff.forbidden']);
  await expect(prosecutor.getByRole('main').getByRole('group')).toHaveCount(0);
  await context.close();
});

test('on a phone the assessment is one question per screen, in the chosen language', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, 'inspector');
  const c = await newCase(page);
  const inst = await instrument(page);
  const total = inst.items.length;

  await page.goto(`/staff/cases/${c.id}/risk/assess`);
  await expect(page.getByText(msg('risk.assess.progress', { n: 1, total }), { exact: true })).toBeVisible();
  // One question on the screen, its answers big and within reach.
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(1);
  for (const item of inst.items.slice(1)) await expect(page.getByText(item.text.en, { exact: true })).toHaveCount(0);
  const first = page.getByRole('group', { name: new RegExp(escapeRegExp(inst.items[0].text.en)) });
  for (const button of await first.getByRole('button').all()) {
    await expect(button).toBeInViewport();
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'nothing wider than the phone').toBeLessThanOrEqual(360);
  await screenShot(page, 'risk-phone-question');

  await answerQuestion(page, inst.items[0], 'risk.assess.unknown');
  await expect(page.getByText(msg('risk.assess.progress', { n: 2, total }), { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText(inst.items[1].text.en);

  // In Kazakh the question and the answers are the instrument's Kazakh wording.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText(inst.items[1].text.kk);
  // (The language buttons are at the top of the page: back down to the question.)
  await page.getByRole('main').getByRole('heading', { level: 2 }).evaluate((h) => h.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await expect(page.getByText(`2 / ${total}`, { exact: true })).toBeVisible();
  if (inst.items[1].answer === 'yes_no_unknown') {
    await expect(page.getByRole('button', { name: kk['risk.assess.yes'], exact: true })).toBeVisible();
  }
  await screenShot(page, 'risk-phone-question-kk');
  await page.getByRole('button', { name: 'English' }).click();

  // Skipping to the review shows what is missing, and submitting is refused before the server.
  await page.getByRole('button', { name: en['risk.assess.next'] }).click();
  for (let i = 2; i < total - 1; i++) await page.getByRole('button', { name: en['risk.assess.next'] }).click();
  await page.getByRole('button', { name: en['risk.assess.toReview'] }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: en['risk.assess.review'] })).toBeVisible();
  await page.getByRole('button', { name: en['risk.assess.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(msg('risk.assess.missing', { n: total - 1 }));
  await phoneShot(page, 'risk-phone-review');
  await page.getByRole('button', { name: msg('risk.assess.changeLabel', { n: 2 }), exact: true }).click();
  await expect(page.getByText(msg('risk.assess.progress', { n: 2, total }), { exact: true })).toBeVisible();
});

test('a refusal from the server is shown in the officer’s language', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'inspector');
  const c = await newCase(page);
  const total = (await instrument(page)).items.length;

  await page.goto(`/staff/cases/${c.id}/risk/assess`);
  await page.getByRole('button', { name: 'Русский' }).click();
  const main = page.getByRole('main');
  for (let n = 1; n <= total; n++) {
    await expect(main.getByText(`${n} из ${total}`, { exact: true })).toBeVisible();
    const unknown = main.getByRole('group').getByRole('button', { name: ru['risk.assess.unknown'], exact: true });
    if ((await unknown.count()) > 0) await unknown.click();
    else await main.getByRole('group').getByRole('button').first().click();
  }
  await expect(main.getByRole('heading', { level: 2, name: ru['risk.assess.review'] })).toBeVisible();

  // Meanwhile the case is closed: the server refuses the assessment, in Russian, and says why.
  const closed = await post(page, `/cases/${c.id}/transition`, { to: 'closed', reason: 'duplicate' });
  expect(closed.status).toBe(200);
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${c.id}/risk/assessments/preview`));
  await main.getByRole('button', { name: ru['risk.assess.submit'] }).click();
  const reply = await refused;
  expect(reply.status()).toBe(409);
  expect(reply.request().headers()['accept-language']).toBe('ru');
  const { error } = (await reply.json()) as { error: { code: string; message: string } };
  await expect(main.getByRole('alert')).toHaveText(error.message);
  await expect(main.getByRole('heading', { level: 2, name: ru['risk.preview.heading'] })).toHaveCount(0);
});
