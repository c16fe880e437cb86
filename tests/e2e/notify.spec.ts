// Notifications to her: staff record her consent with the inbox and see its code and secret once,
// record the aggressor's release, she reads the message in her inbox on the public site (code and
// secret typed in, never in the address) and confirms it, and staff see it confirmed. A wrong
// secret gives the server's catalogue message in her language. Refused fields are marked where
// they are. An incident recorded on the case page makes the risk panel require a re-assessment.
// Each test makes its own case through the API (the tests share one server).
import { expect, test, type Page } from '@playwright/test';
import { login, messages, newCase, post, shot } from './helpers';

const { en } = messages;
type Key = keyof typeof en;

/** An English message with its {placeholders} filled. */
function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const SURVIVOR = 'Айгүл Сәрсенқызы Жолдасбекова';

/** The survivor's IIN and name parts: none may appear in her message or in any address. */
async function survivorWords(page: Page): Promise<string[]> {
  const { body } = await post(page, '/people/search', { full_name: SURVIVOR });
  const person = (body as { people: { full_name: string; iin: string | null }[] }).people[0];
  return [...person.full_name.split(' '), ...(person.iin ? [person.iin] : [])];
}

/** Fails if any of the words is in the page's address or its history state. */
async function expectNotInAddress(page: Page, words: string[]): Promise<void> {
  const state = JSON.stringify(await page.evaluate(() => history.state as unknown)) ?? '';
  for (const w of words) {
    expect(decodeURIComponent(page.url())).not.toContain(w);
    expect(state).not.toContain(w);
  }
}

test.use({ timezoneId: 'Asia/Almaty' });

test('consent with her inbox, the release reaches her inbox, she confirms it and staff see it', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await login(page, 'inspector');
  const c = await newCase(page);
  const personal = await survivorWords(page);
  await page.goto(`/staff/cases/${c.id}`);
  const panel = page.getByRole('region', { name: en['notify.heading'], exact: true });
  await expect(panel.getByText(en['notify.none'])).toBeVisible();

  // Her consent: e-mail, SMS and the inbox; told about violations and the release, with dates.
  await panel.getByRole('button', { name: en['notify.record'] }).click();
  const form = panel.getByRole('form', { name: en['notify.form'] });
  // Nothing chosen: the form says so at the ways to reach her, before the server.
  await form.getByRole('button', { name: en['notify.save'] }).click();
  await expect(form.getByRole('group', { name: en['notify.channels'] })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveText(en['notify.pickChannel']);

  await form.getByLabel(en['notify.channel.email'], { exact: true }).check();
  await form.getByLabel(en['notify.channel.sms'], { exact: true }).check();
  await form.getByLabel(en['notify.channel.inbox']).check();
  await form.getByLabel(en['notify.address.email']).fill('her@example.kz');
  await form.getByLabel(en['notify.address.sms']).fill('8701'); // not in international form
  await form.getByLabel(en['notify.kind.order_violated']).check();
  await form.getByLabel(en['notify.kind.aggressor_released']).check();
  await form.getByLabel(en['notify.detailName.dates']).check();
  await form.getByRole('button', { name: en['notify.save'] }).click();
  // The server refuses the phone by its field (channels[1].address): marked at that input only,
  // and the message names the input by its label, never by the request's path.
  const phone = form.getByLabel(en['notify.address.sms']);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(new RegExp(`^The value of “${en['notify.address.sms']}” is not valid\\.`));
  await expect(form).not.toContainText('channels[1]');
  await expect(phone).toBeFocused();
  await expect(form.getByLabel(en['notify.address.email'])).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveCount(1);
  await shot(page, 'notify-field-error');

  await phone.fill('+7 701 123 45 67');
  await form.getByRole('button', { name: en['notify.save'] }).click();
  await expect(panel.getByRole('status').filter({ hasText: en['notify.saved'] })).toBeVisible();
  await expect(phone).toHaveCount(0);

  // The code and secret, once, with the note to hand them over privately.
  const box = panel.getByTestId('inbox-secret');
  await expect(box).toContainText(en['notify.secret.once']);
  const code = (await box.getByTestId('inbox-code').textContent())?.trim() ?? '';
  const secret = (await box.getByTestId('inbox-secret-value').textContent())?.trim() ?? '';
  expect(code).toMatch(/^QRG-/);
  expect(secret.length).toBeGreaterThan(10);
  await expect(panel).toContainText('+77011234567');
  await expect(panel).toContainText(en['notify.kind.aggressor_released']);
  await expectNotInAddress(page, [secret, ...personal]);
  await shot(page, 'notify-consent-secret');
  await box.getByRole('button', { name: en['notify.secret.done'] }).click();
  await expect(panel.getByTestId('inbox-secret')).toHaveCount(0);
  await expect(panel).not.toContainText(secret);

  // The release, with a confirm step; it queues one message per way she chose.
  await panel.getByRole('button', { name: en['notify.release.open'] }).click();
  await panel.getByRole('button', { name: en['notify.release.submit'] }).click();
  await expect(panel.getByText(/^Record his release at .* and notify her\?$/)).toBeVisible();
  await shot(page, 'notify-release-confirm');
  await panel.getByRole('button', { name: en['notify.release.confirm'] }).click();
  await expect(panel.getByRole('status').filter({ hasText: msg('notify.release.done#other', { n: 3 }) })).toBeVisible();
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // the header and one row per way
  await expect(panel.getByRole('table')).toContainText(en['notify.kind.aggressor_released']);

  // She opens her inbox on the public site, in a fresh browser: nothing of the staff session.
  const herContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } });
  const her = await herContext.newPage();
  await her.goto('/');
  await her.getByRole('link', { name: en['inbox.nav'] }).click();
  await expect(her).toHaveURL(/\/inbox$/);
  await expect(her.getByRole('button', { name: en['exit.button'] })).toBeVisible();
  await her.getByLabel(en['inbox.code'], { exact: true }).fill(code);
  await her.getByLabel(en['inbox.secret'], { exact: true }).fill(secret);
  // The inbox delivers within a scheduler tick; open until the message is there.
  const message = her.getByTestId('inbox-message');
  await expect(async () => {
    await her.getByRole('button', { name: en['inbox.open'] }).click();
    await expect(message).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(message).toContainText(en['inbox.urgent']);
  const text = (await message.textContent()) ?? '';
  for (const w of [...personal, c.case_number]) expect(text).not.toContain(w);
  await expectNotInAddress(her, [code, secret, ...personal]);
  await shot(her, 'notify-inbox-390');
  await message.getByRole('button', { name: en['inbox.acknowledge'] }).click();
  await expect(message).toContainText(/You confirmed you read it/);
  await expect(message.getByRole('button', { name: en['inbox.acknowledge'] })).toHaveCount(0);
  await expectNotInAddress(her, [code, secret]);
  await shot(her, 'notify-inbox-acknowledged-390');
  await herContext.close();

  // Staff see every way's row of that event confirmed in her inbox.
  await page.reload();
  const list = page.getByRole('region', { name: en['notify.heading'], exact: true }).getByRole('table');
  await expect(list.getByRole('row')).toHaveCount(4);
  for (const row of await list.getByRole('row').all().then((r) => r.slice(1))) {
    await expect(row).toContainText(en['notify.status.acknowledged']);
    await expect(row).toContainText(en['notify.by.inbox']);
  }
  await expect(list.getByRole('button', { name: en['notify.list.acknowledge'] })).toHaveCount(0);
  await shot(page, 'notify-case-acknowledged');
});

test('staff confirm an urgent message she confirmed by phone, and withdraw her consent', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'inspector');
  const c = await newCase(page);
  const consent = await page.request.put(`/api/v1/cases/${c.id}/notification-consent`, {
    data: { channels: [{ channel: 'email', address: 'her@example.kz' }], kinds: ['aggressor_released'], detail: 'minimal' },
    headers: { 'X-CSRF-Token': ((await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string }).csrf_token },
  });
  expect(consent.status()).toBe(200);
  expect(((await consent.json()) as { inbox_secret?: string }).inbox_secret).toBeUndefined();
  expect((await post(page, `/cases/${c.id}/aggressor-release`, { released_at: Date.now() })).status).toBe(201);

  await page.goto(`/staff/cases/${c.id}`);
  const panel = page.getByRole('region', { name: en['notify.heading'], exact: true });
  await expect(panel.getByTestId('inbox-secret')).toHaveCount(0);
  await panel.getByRole('button', { name: msg('notify.list.acknowledgeLabel', { kind: en['notify.kind.aggressor_released'] }) }).click();
  await expect(panel.getByRole('table')).toContainText(en['notify.status.acknowledged']);
  await expect(panel.getByRole('table')).toContainText(en['notify.by.staff']);
  await expect(panel.getByRole('button', { name: en['notify.list.acknowledge'] })).toHaveCount(0);

  // Changing her consent starts from the one on record.
  await panel.getByRole('button', { name: en['notify.change'] }).click();
  await expect(panel.getByLabel(en['notify.address.email'])).toHaveValue('her@example.kz');
  await expect(panel.getByLabel(en['notify.kind.aggressor_released'])).toBeChecked();
  await expect(panel.getByLabel(en['notify.kind.order_served'])).not.toBeChecked();
  await expect(panel.getByLabel(en['notify.detailName.minimal'])).toBeChecked();
  await expect(panel.getByLabel(en['notify.channel.inbox'])).not.toBeChecked();
  // In Kazakh, as staff may work.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  const kkPanel = page.getByRole('region', { name: messages.kk['notify.heading'], exact: true });
  await expect(kkPanel.getByLabel(messages.kk['notify.address.email'])).toHaveValue('her@example.kz');
  await shot(page, 'notify-panel-kk');
  await page.getByRole('button', { name: 'English' }).click();
  await panel.getByRole('button', { name: en['common.cancel'] }).click();

  await panel.getByRole('button', { name: en['notify.withdraw'] }).click();
  await expect(panel.getByText(en['notify.withdrawConfirm'])).toBeVisible();
  await panel.getByRole('button', { name: en['notify.withdrawYes'] }).click();
  await expect(panel.getByRole('status').filter({ hasText: en['notify.withdrawn'] })).toBeVisible();
  await expect(panel.getByText(en['notify.none'])).toBeVisible();
});

test('a wrong secret gives the server’s message in her language', async ({ page, browser }) => {
  await login(page, 'inspector');
  const c = await newCase(page);
  await page.goto(`/staff/cases/${c.id}`);
  const panel = page.getByRole('region', { name: en['notify.heading'], exact: true });
  await panel.getByRole('button', { name: en['notify.record'] }).click();
  await panel.getByLabel(en['notify.channel.inbox']).check();
  await panel.getByLabel(en['notify.kind.order_violated']).check();
  await panel.getByRole('button', { name: en['notify.save'] }).click();
  const code = ((await panel.getByTestId('inbox-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^QRG-/);

  const herContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const her = await herContext.newPage();
  const refused = await her.request.post('/api/v1/inbox/messages', {
    data: { code, secret: 'WRONG-SECRET' },
    headers: { 'Accept-Language': 'kk' },
  });
  expect(refused.status()).toBe(404);
  const catalogue = ((await refused.json()) as { error: { code: string; message: string } }).error;
  expect(catalogue.code).toBe('inbox_not_found');

  await her.goto('/inbox');
  await her.getByRole('button', { name: 'Қазақша' }).click();
  // Her own checks first: the code is required, marked at its input.
  await her.getByRole('button', { name: messages.kk['inbox.open'] }).click();
  await expect(her.getByLabel(messages.kk['inbox.code'], { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await her.getByLabel(messages.kk['inbox.code'], { exact: true }).fill(code);
  await her.getByLabel(messages.kk['inbox.secret'], { exact: true }).fill('WRONG-SECRET');
  await her.getByRole('button', { name: messages.kk['inbox.open'] }).click();
  await expect(her.getByRole('alert')).toHaveText(catalogue.message);
  await expect(her.getByLabel(messages.kk['inbox.code'], { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(her.getByTestId('inbox-message')).toHaveCount(0);
  await expectNotInAddress(her, [code, 'WRONG-SECRET']);
  await shot(her, 'notify-inbox-wrong-secret');
  await herContext.close();
});

test('an incident recorded on the case page makes the risk panel require a re-assessment', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'inspector');
  const c = await newCase(page);
  // One assessment first, so the case has a current level to re-assess.
  const inst = (await (await page.request.get('/api/v1/risk/instruments/qorgau-risk-1')).json()) as {
    items: { id: string; answer: string; options?: { id: string }[] }[];
  };
  const answers = Object.fromEntries(inst.items.map((i) => [i.id, i.answer === 'choice' ? (i.options?.[0]?.id ?? 'unknown') : 'unknown']));
  expect((await post(page, `/cases/${c.id}/risk/assessments`, { instrument: 'qorgau-risk-1', answers })).status).toBe(201);

  await page.goto(`/staff/cases/${c.id}`);
  const risk = page.getByRole('region', { name: en['risk.panel.heading'], exact: true });
  await expect(risk.getByTestId('risk-reassess')).toHaveCount(0);
  await risk.getByRole('button', { name: en['incident.open'] }).click();
  const form = risk.getByRole('form', { name: en['incident.form'] });

  // No type: marked at the types. A day in the future: the server refuses that field.
  await form.getByRole('button', { name: en['incident.save'] }).click();
  await expect(form.getByRole('group', { name: en['incident.types'] })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel(en['cases.type.stalking']).check();
  await form.getByLabel(en['incident.date']).fill('2099-01-01');
  await form.getByRole('button', { name: en['incident.save'] }).click();
  const day = form.getByLabel(en['incident.date']);
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await expect(day).toHaveAccessibleDescription(new RegExp(en['incident.date']));
  await expect(form).not.toContainText('occurred_on');
  await expect(form.getByRole('group', { name: en['incident.types'] })).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'notify-incident-error');

  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await day.fill(today);
  await form.getByRole('button', { name: en['incident.save'] }).click();
  await expect(risk.getByRole('status').filter({ hasText: en['incident.saved'] })).toBeVisible();
  await expect(risk.getByTestId('risk-reassess')).toContainText(en['risk.reason.new_incident']);
  await expect(page.getByRole('region', { name: en['cases.case.timeline'] })).toContainText(en['cases.event.incident_recorded']);
  await shot(page, 'notify-incident-recorded');
});
