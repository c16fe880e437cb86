// The story issue 4 was written for, end to end: a police officer in Astana assesses the risk in a
// case as high and issues a 30-day protective order, which he serves; another officer, on her
// phone in the street, checks the aggressor's IIN, sees the order with its conditions and the
// protected person's safe contact route, and records a violation; the case then shows the risk
// raised one step (high -> extreme) and the follow-up opened for the breach.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { iinCheckDigit } from '../../web/src/lib/iin';
import { login, messages, phoneShot, shot } from './helpers';

const { en } = messages;
type Key = keyof typeof en;

function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The page, switched to Russian, shows text (a count with its noun in the right form); then back to English. */
async function expectInRussian(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('main')).toContainText(text);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('main')).toContainText(en['orders.heading']);
}

/** A valid IIN of a man born on 1986-04-17 that no other test uses (its serial is random). */
function freshIin(): string {
  for (;;) {
    const serial = String(1000 + Math.floor(Math.random() * 9000));
    const first11 = `8604173${serial}`;
    const check = iinCheckDigit([...first11].map(Number));
    if (check !== null) return first11 + String(check);
  }
}

test.use({ timezoneId: 'Asia/Almaty' });

async function staffPage(browser: Browser, username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width, height: width < 600 ? 740 : 800 },
    timezoneId: 'Asia/Almaty',
  });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function post(page: Page, path: string, data: unknown): Promise<unknown> {
  const { csrf_token } = (await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string };
  const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf_token } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A case of the officer's agency against a new aggressor born on 1986-04-17 (through the API). */
async function openCase(page: Page, aggressorName: string, iin: string): Promise<{ id: number; case_number: string }> {
  const survivor = (await post(page, '/people', { full_name: 'Сәуле Ерланқызы Мұқанова' })) as { id: number };
  const aggressor = (await post(page, '/people', { full_name: aggressorName, iin, birth_date: '1986-04-17', sex: 'male' })) as { id: number };
  return (await post(page, '/cases', {
    survivor_person_id: survivor.id,
    aggressor_person_id: aggressor.id,
    basis: 'complaint',
    incident_types: ['physical_assault'],
  })) as { id: number; case_number: string };
}

interface Instrument {
  items: { id: string; answer: 'yes_no_unknown' | 'choice' }[];
}

test('an officer’s order is verified in the field, its violation raises the risk and opens the follow-up', async ({ browser }) => {
  test.setTimeout(120_000);
  const aggressorIin = freshIin();

  // 1. The case, opened by the officer of the Astana police (set up through the API).
  const officer = await staffPage(browser, 'officer');
  const created = await openCase(officer, 'Ерлан Бекұлы Мұқанов', aggressorIin);

  // 2. The officer assesses the risk on the assessment screen, one question at a time: the
  //    aggressor has threatened to kill her and stalks her; nothing else. A threat to kill is a
  //    critical item: the level is at least high whatever the score.
  await officer.goto(`/staff/cases/${created.id}`);
  await expect(officer.getByRole('heading', { level: 1, name: msg('cases.case.title', { number: created.case_number }) })).toBeVisible();
  // His date of birth as people write it, not as the API sends it.
  const people = officer.getByRole('region', { name: en['cases.case.people'] });
  await expect(people).toContainText('17 Apr 1986');
  await expect(people).not.toContainText('1986-04-17');
  await officer.getByRole('region', { name: en['risk.panel.heading'], exact: true }).getByRole('link', { name: en['risk.panel.assess'] }).click();
  const instrument = (await (await officer.request.get('/api/v1/risk/instruments/qorgau-risk-1')).json()) as Instrument;
  const main = officer.getByRole('main');
  for (const [n, item] of instrument.items.entries()) {
    await expect(main.getByText(`${n + 1} of ${instrument.items.length}`, { exact: true })).toBeVisible();
    const answers = main.getByRole('group');
    if (item.answer === 'choice') await answers.getByRole('button').first().click();
    else {
      const yes = item.id === 'threat_to_kill' || item.id === 'stalking';
      await answers.getByRole('button', { name: en[yes ? 'risk.assess.yes' : 'risk.assess.no'], exact: true }).click();
    }
  }
  await expect(main.getByRole('heading', { name: en['risk.assess.review'] })).toBeVisible();
  await main.getByRole('button', { name: en['risk.assess.submit'] }).click();
  await expect(main.getByTestId('risk-preview-computed')).toHaveText(en['risk.level.high']);
  await main.getByRole('button', { name: en['risk.preview.save'] }).click();
  await expect(main.getByRole('heading', { name: en['risk.result.heading'] })).toBeVisible();
  await expect(main.locator('dd').filter({ hasText: new RegExp(`^${en['risk.level.high']}$`) }).first()).toBeVisible();
  await main.getByRole('link', { name: en['risk.result.toCase'] }).click();
  await expect(officer.getByRole('region', { name: en['risk.panel.heading'], exact: true })).toContainText(en['risk.level.high']);

  // 3. On the case page the officer issues a 30-day police protective order: no contact, no
  //    approach within 200 m, and the contact route the survivor chose; then records its service.
  const orders = officer.getByRole('region', { name: en['orders.heading'] });
  await expect(orders).toContainText(en['orders.none']);
  await orders.getByRole('button', { name: en['orders.issue.open'] }).click();
  const form = orders.getByRole('form', { name: en['orders.issue.heading'] });
  await expect(form.getByRole('group', { name: en['orders.issue.kind'] }).getByRole('radio', { name: en['orders.kind.police_protective'] })).toBeChecked();
  await expect(form.getByLabel(en['orders.issue.durationDays'])).toHaveValue('30');
  await expect(form.getByLabel(en['orders.condition.no_contact'])).toBeChecked();
  await form.getByLabel(en['orders.condition.no_approach'], { exact: true }).check();
  await form.getByLabel(en['orders.issue.metres']).fill('200');
  const route = 'Text her sister Aigerim on 8 701 555 0142; never call her own phone.';
  await form.getByLabel(en['orders.issue.contactRoute']).fill(route);
  // One day more than the law allows: the server refuses, in the user's language, and nothing is
  // issued.
  await form.getByLabel(en['orders.issue.durationDays']).fill('31');
  await form.getByRole('button', { name: en['orders.issue.submit'] }).click();
  await expect(form.getByRole('alert')).toContainText('outside the legal bounds');
  // Said at the refused field (duration_days), which is marked invalid and takes focus.
  await expect(form.getByLabel(en['orders.issue.durationDays'])).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel(en['orders.issue.durationDays'])).toHaveAccessibleDescription(/outside the legal bounds/);
  await expect(form.getByLabel(en['orders.issue.durationDays'])).toBeFocused();
  await expect(orders).toContainText(en['orders.none']);
  await form.getByLabel(en['orders.issue.durationDays']).fill('30');
  const issuedReply = officer.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}/orders`) && r.request().method() === 'POST');
  await form.getByRole('button', { name: en['orders.issue.submit'] }).click();
  const order = (await (await issuedReply).json()) as { id: number; number: string; starts_on: string; ends_on: string };
  await expect(orders.getByRole('status')).toHaveText(msg('orders.issue.done', { number: order.number }));
  // The form is gone: focus is on what happened, not lost at the top of the page.
  await expect(orders.getByRole('status')).toBeFocused();
  const card = orders.getByRole('article', { name: msg('orders.numberKind', { number: order.number, kind: en['orders.kind.police_protective'] }) });
  await expect(card).toContainText(en['orders.status.issued']);
  await expect(card).toContainText(en['orders.notServed']);
  await card.getByRole('button', { name: msg('orders.serveLabel', { number: order.number }) }).click();
  await expect(orders.getByRole('status')).toHaveText(msg('orders.served', { number: order.number }));
  await expect(card).toContainText(en['orders.status.active']);
  await expect(card).toContainText(msg('orders.daysLeft.n#other', { n: 29 }));
  await expectInRussian(officer, 'Последний день через 29 дней');
  await expect(card).toContainText(msg('orders.condition.no_approach.metres', { metres: 200 }));
  await expect(card).toContainText(route);
  // 30 days in force, counting the first: the last day is 29 days after it.
  const [y, m, d] = order.starts_on.split('-').map(Number);
  expect(order.ends_on).toBe(new Date(Date.UTC(y, m - 1, d + 29)).toISOString().slice(0, 10));
  await shot(officer, 'protection-1-order-served');

  // 4. Another officer, from another police unit, checks the aggressor's IIN on her phone.
  const field = await staffPage(browser, 'inspector', 360);
  await field.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en['orders.nav.verify'] }).click();
  await expect(field.getByRole('heading', { level: 1, name: en['orders.verify.heading'] })).toBeVisible();
  const iinField = field.getByLabel(en['orders.verify.iin']);
  await expect(iinField).toHaveAttribute('inputmode', 'numeric');
  await iinField.fill(aggressorIin);
  await field.getByRole('button', { name: en['orders.verify.submit'] }).click();
  const answer = field.locator('.or-answer');
  await expect(answer).toContainText(en['orders.verify.active']);
  await expect(answer).toHaveCSS('background-color', 'rgb(164, 38, 44)');
  const found = field.getByRole('region', { name: msg('orders.numberKind', { number: order.number, kind: en['orders.kind.police_protective'] }) });
  await expect(found).toContainText(en['orders.condition.no_contact']);
  await expect(found).toContainText(msg('orders.condition.no_approach.metres', { metres: 200 }));
  await expect(found).toContainText(route);
  // Nothing else about the case: no case number, no names; and nothing personal in the address.
  await expect(field.getByRole('main')).not.toContainText(created.case_number);
  await expect(field.getByRole('main')).not.toContainText('Мұқанов');
  expect(field.url()).not.toContain(aggressorIin);
  expect(await field.evaluate(() => JSON.stringify(history.state))).not.toContain(aggressorIin);
  await shot(field, 'protection-2-verify-360');

  // 5. He is where he must not be: she records the violation from the same screen.
  await found.getByRole('button', { name: msg('orders.violation.openLabel', { number: order.number }) }).click();
  const violation = found.getByRole('form', { name: msg('orders.violation.heading', { number: order.number }) });
  await expect(violation.getByLabel(en['orders.violation.occurredAt'])).not.toHaveValue('');
  // Sent without the place: the place is marked and takes focus; nothing is recorded.
  await violation.getByRole('button', { name: en['orders.violation.submit'] }).click();
  await expect(violation.getByLabel(en['orders.violation.place'])).toHaveAttribute('aria-invalid', 'true');
  await expect(violation.getByLabel(en['orders.violation.place'])).toHaveAccessibleDescription(en['orders.violation.missing']);
  await expect(violation.getByLabel(en['orders.violation.place'])).toBeFocused();
  await violation.getByLabel(en['orders.violation.place']).fill('Outside her workplace, Kenesary street 40');
  await violation.getByLabel(en['orders.violation.description']).fill('Waited at the entrance and followed her to the bus stop.');
  await phoneShot(field, 'protection-3-violation-form-360');
  await violation.getByRole('button', { name: en['orders.violation.submit'] }).click();
  const outcome = found.getByRole('status');
  await expect(outcome).toContainText(msg('orders.violation.done', { number: order.number }));
  await expect(outcome).toContainText(msg('orders.violation.risk', { level: en['risk.level.extreme'] }));
  await expect(outcome).toContainText(msg('orders.violation.followUp', { followUp: en['orders.followUp.administrative_case'] }));
  await expect(found).toContainText(en['orders.status.violated']);
  await shot(field, 'protection-4-violation-recorded-360');

  // A new check starts empty; by name and date of birth the same order is found, now violated.
  await field.getByRole('button', { name: en['orders.verify.again'] }).click();
  await expect(iinField).toHaveValue('');
  await field.getByLabel(en['orders.verify.byName']).check();
  await field.getByLabel(en['orders.verify.fullName']).fill('Ерлан Бекұлы Мұқанов');
  await field.getByLabel(en['orders.verify.birthDate'], { exact: true }).fill('1986-04-17');
  await field.getByRole('button', { name: en['orders.verify.submit'] }).click();
  await expect(answer).toContainText(en['orders.verify.active']);
  await expect(found).toContainText(en['orders.status.violated']);

  // 6. The case shows the raised risk and the follow-up.
  await officer.reload();
  const risk = officer.getByRole('region', { name: en['risk.panel.heading'], exact: true });
  await expect(risk).toContainText(en['risk.level.extreme']);
  await expect(risk).toContainText(en['risk.reason.order_violation']);
  const after = officer
    .getByRole('region', { name: en['orders.heading'] })
    .getByRole('article', { name: msg('orders.numberKind', { number: order.number, kind: en['orders.kind.police_protective'] }) });
  await expect(after).toContainText(en['orders.status.violated']);
  await expect(after).toContainText('Outside her workplace, Kenesary street 40');
  await expect(after).toContainText(en['orders.followUp.administrative_case']);
  // The law it rests on is named in the officer's language, not in the jurisdiction file's English.
  await officer.getByRole('button', { name: 'Русский' }).click();
  await expect(officer.getByRole('region', { name: messages.ru['orders.heading'] })).toContainText(messages.ru['orders.legalBasis.Administrative Code, art. 461']);
  await expect(officer.getByRole('region', { name: messages.ru['orders.heading'] })).not.toContainText('Administrative Code');
  await officer.getByRole('button', { name: 'English' }).click();
  await expect(officer.getByRole('region', { name: en['cases.case.timeline'] })).toContainText(en['cases.event.order_violated']);
  await shot(officer, 'protection-5-case-after-violation');

  // 7. The order is on the expiring-orders list with its days left and a link to the case.
  await officer.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en['orders.nav.expiring'] }).click();
  await expect(officer.getByRole('heading', { level: 1, name: en['orders.expiring.heading'] })).toBeVisible();
  const row = officer.getByRole('row').filter({ hasText: order.number });
  await expect(row.getByRole('link', { name: created.case_number })).toHaveAttribute('href', `/staff/cases/${created.id}`);
  await expect(row.getByRole('cell').last()).toHaveText('29');
  await shot(officer, 'protection-6-expiring');
  // Showing the list again takes focus to it.
  await officer.getByRole('button', { name: en['orders.expiring.show'] }).click();
  await expect(officer.getByRole('region', { name: en['orders.expiring.caption'] })).toBeFocused();
  // On a phone each order is a card: its days left are on screen, named, not off to the right.
  await officer.setViewportSize({ width: 360, height: 740 });
  const daysLeft = row.getByRole('cell').last();
  const box = await daysLeft.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(360);
  expect(await daysLeft.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe(`"${en['orders.expiring.daysLeft']}"`);
  await shot(officer, 'protection-7-expiring-360');
});

test('an order is extended within the law’s bounds, then revoked', async ({ browser }) => {
  const officer = await staffPage(browser, 'officer');
  const created = await openCase(officer, 'Нұрлан Асқарұлы Теміров', freshIin());
  await officer.goto(`/staff/cases/${created.id}`);
  const orders = officer.getByRole('region', { name: en['orders.heading'] });
  await orders.getByRole('button', { name: en['orders.issue.open'] }).click();
  const form = orders.getByRole('form', { name: en['orders.issue.heading'] });
  await form.getByLabel(en['orders.issue.durationDays']).fill('3');
  // No way to contact her safely: said at that field, which takes focus; nothing is sent.
  await form.getByRole('button', { name: en['orders.issue.submit'] }).click();
  const routeField = form.getByLabel(en['orders.issue.contactRoute']);
  await expect(routeField).toHaveAttribute('aria-invalid', 'true');
  await expect(routeField).toHaveAccessibleDescription(new RegExp(`^${en['orders.issue.missingRoute']}`));
  await expect(routeField).toBeFocused();
  await routeField.fill('Through the crisis centre only');
  const issuedReply = officer.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}/orders`) && r.request().method() === 'POST');
  await form.getByRole('button', { name: en['orders.issue.submit'] }).click();
  const order = (await (await issuedReply).json()) as { number: string; starts_on: string; ends_on: string };
  const card = orders.getByRole('article', { name: msg('orders.numberKind', { number: order.number, kind: en['orders.kind.police_protective'] }) });
  await card.getByRole('button', { name: msg('orders.serveLabel', { number: order.number }) }).click();
  await expect(card).toContainText(en['orders.status.active']);
  // Three days in force, counting the first: two after today, in Russian's form for 2 to 4.
  await expect(card).toContainText(msg('orders.daysLeft.n#other', { n: 2 }));
  await expectInRussian(officer, 'Последний день через 2 дня');

  const [y, m, d] = order.starts_on.split('-').map(Number);
  const day = (offset: number): string => new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
  const extendTo = async (endsOn: string): Promise<void> => {
    await card.getByRole('button', { name: msg('orders.extendLabel', { number: order.number }) }).click();
    const extend = card.getByRole('form', { name: msg('orders.extendLabel', { number: order.number }) });
    await extend.getByLabel(en['orders.extend.endsOn']).fill(endsOn);
    await extend.getByRole('button', { name: en['orders.extend.submit'] }).click();
  };
  // Extended to 22 days: 21 left, which Russian counts with the singular noun.
  await extendTo(day(21));
  await expect(orders.getByRole('status')).toContainText(order.number);
  await expect(card).toContainText(msg('orders.daysLeft.n#other', { n: 21 }));
  await expectInRussian(officer, 'Последний день через 21 день');

  // 31 days in all is beyond the police order's 30: refused, in words; 30 days is allowed.
  await card.getByRole('button', { name: msg('orders.extendLabel', { number: order.number }) }).click();
  const extend = card.getByRole('form', { name: msg('orders.extendLabel', { number: order.number }) });
  await extend.getByLabel(en['orders.extend.endsOn']).fill(day(30));
  await extend.getByRole('button', { name: en['orders.extend.submit'] }).click();
  await expect(card.getByRole('alert')).toContainText('outside the legal bounds');
  await extend.getByLabel(en['orders.extend.endsOn']).fill(day(29));
  await extend.getByRole('button', { name: en['orders.extend.submit'] }).click();
  await expect(orders.getByRole('status')).toContainText(order.number);
  await expect(card).toContainText(en['orders.extended']);
  await expect(card).toContainText(msg('orders.daysLeft.n#other', { n: 29 }));

  await card.getByRole('button', { name: msg('orders.revokeLabel', { number: order.number }) }).click();
  const revoke = card.getByRole('form', { name: msg('orders.revokeLabel', { number: order.number }) });
  await revoke.getByLabel(en['orders.revoke.reason']).selectOption('issued_in_error');
  await revoke.getByRole('button', { name: en['orders.revoke.submit'] }).click();
  // It cannot be undone: asked once more, with the question focused; Cancel keeps the order.
  const question = revoke.getByRole('group', { name: msg('orders.revoke.confirm', { number: order.number }) });
  await expect(question.getByText(msg('orders.revoke.confirm', { number: order.number }))).toBeFocused();
  await question.getByRole('button', { name: en['common.cancel'] }).click();
  await expect(card).toContainText(en['orders.status.active']);
  await revoke.getByRole('button', { name: en['orders.revoke.submit'] }).click();
  await revoke.getByRole('button', { name: en['orders.revoke.confirmYes'] }).click();
  await expect(orders.getByRole('status')).toHaveText(msg('orders.revoked.done', { number: order.number }));
  await expect(card).toContainText(en['orders.status.revoked']);
  await expect(card.getByRole('button')).toHaveCount(0);
  await expect(officer.getByRole('region', { name: en['cases.case.timeline'] })).toContainText(en['cases.event.order_revoked']);
});
