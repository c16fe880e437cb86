// Triage, cases and evidence: a public report becomes a case, is worked and referred; the receiving
// crisis centre sees only what was shared; evidence keeps its hash; the list filters and pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { csrf, login, messages, phoneShot, post, shot } from './helpers';

const { en, kk } = messages;
type Key = keyof typeof en;

/** An English message with its {placeholders} filled. */
function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

interface Person {
  id: number;
  full_name: string;
  iin: string | null;
}
interface Summary {
  id: number;
  status: string;
  urgency: string;
  reporter_type: string;
  incident_types: string[];
}
interface Agency {
  id: number;
  name: string;
  kind: string;
}

const SURVIVOR = 'Айгүл Сәрсенқызы Жолдасбекова';
const AGGRESSOR = 'Серік Қайратұлы Бекмағамбетов';
// A 1×1 PNG (the server recognises files by their first bytes).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test.use({ timezoneId: 'Asia/Almaty' });

async function newUserPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function person(page: Page, fullName: string): Promise<Person> {
  const { status, body } = await post(page, '/people/search', { full_name: fullName });
  expect(status).toBe(200);
  const people = (body as { people: Person[] }).people;
  expect(people.length).toBeGreaterThan(0);
  return people[0];
}

async function agencyByKindName(page: Page, part: string): Promise<Agency> {
  const res = await page.request.get('/api/v1/agencies');
  const { agencies } = (await res.json()) as { agencies: Agency[] };
  const a = agencies.find((x) => x.name.includes(part));
  expect(a, `an agency named like ${part}`).toBeTruthy();
  return a as Agency;
}

async function openNav(page: Page, key: Key, heading: Key | string): Promise<void> {
  await page.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en[key] }).click();
  const name = heading in en ? en[heading as Key] : heading;
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** Picks a known person in the accept form's fieldset (legend: Survivor / Aggressor). */
async function pickKnown(page: Page, legend: Key, p: Person): Promise<void> {
  const group = page.getByRole('group', { name: en[legend], exact: true });
  await group.getByLabel(en['cases.accept.knownPerson'], { exact: true }).check();
  await group.getByLabel(en['cases.accept.searchLabel'], { exact: true }).fill(p.iin ?? p.full_name);
  await group.getByRole('button', { name: en['cases.accept.search'] }).click();
  await group.getByRole('radio', { name: new RegExp(`^${p.full_name}`) }).check();
}

test('triage → case → note, task, service, offence, referral; the crisis centre accepts and sees only what was shared; evidence keeps its hash', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'inspector');
  const survivor = await person(page, SURVIVOR);
  const aggressor = await person(page, AGGRESSOR);
  const shanyrak = await agencyByKindName(page, 'Shanyrak');

  // The queue: urgency visible, filters by urgency.
  await openNav(page, 'cases.nav.triage', 'cases.triage.heading');
  const queue = (await (await page.request.get('/api/v1/intake/triage')).json()) as { reports: Summary[] };
  const report = queue.reports.find((r) => r.reporter_type === 'witness' && r.incident_types.includes('physical_assault'));
  expect(report, 'the demo witness report').toBeTruthy();
  const id = (report as Summary).id;
  const table = page.getByRole('table', { name: /^Reports/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: msg('cases.triage.reportN', { id }), exact: true }) });
  await expect(row).toContainText(en['cases.urgency.high']);
  await expect(row).toContainText(en['cases.type.physical_assault']);
  await shot(page, 'cases-triage');
  await phoneShot(page, 'cases-triage-360');
  await page.getByLabel(en['cases.urgency'], { exact: true }).selectOption('medium');
  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/intake/triage?') && r.url().includes('urgency=medium'));
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  expect((await filtered).status()).toBe(200);
  await expect(row).toHaveCount(0);
  for (const cell of await table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).all()) {
    await expect(cell).toContainText(en['cases.urgency.medium']);
  }
  await page.getByLabel(en['cases.urgency'], { exact: true }).selectOption('');
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();

  // The report: details, in review, then accepted with a ground and known people.
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: msg('cases.triage.reportN', { id }) })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('(demo)');
  await page.getByRole('button', { name: en['cases.triage.review'] }).click();
  await expect(page.getByRole('button', { name: en['cases.triage.review'] })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(en['cases.reportStatus.in_review']);
  await shot(page, 'cases-triage-report');
  await page.getByRole('button', { name: en['cases.triage.accept'] }).click();
  await page.getByRole('button', { name: en['cases.accept.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['cases.accept.chooseGround']);
  await page.getByLabel(en['cases.accept.ground'], { exact: true }).selectOption('witnesses');
  await pickKnown(page, 'cases.survivor', survivor);
  await pickKnown(page, 'cases.aggressor', aggressor);
  await shot(page, 'cases-accept');
  const accepted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/intake/reports/${id}/accept`));
  await page.getByRole('button', { name: en['cases.accept.submit'] }).click();
  const acceptReply = await accepted;
  expect(acceptReply.status()).toBe(201);
  expect(acceptReply.request().postDataJSON()).toEqual({
    ground: 'witnesses',
    survivor_person_id: survivor.id,
    aggressor_person_id: aggressor.id,
  });
  const created = (await acceptReply.json()) as { id: number; case_number: string };
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${created.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: msg('cases.case.title', { number: created.case_number }) })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(en['cases.basis.without_complaint']);
  await expect(main).toContainText(en['cases.ground.witnesses']);
  await expect(page.getByRole('region', { name: en['cases.case.people'] })).toContainText(SURVIVOR);
  const timeline = page.getByRole('region', { name: en['cases.case.timeline'] });
  await expect(timeline).toContainText(en['cases.event.opened']);
  // Who acted is named: the inspector, by her display name, not by a number.
  await expect(timeline).toContainText('Гүлнар Инспекторова (demo)');
  await expect(timeline).not.toContainText(en['cases.userN'].replace('{id}', '').trim());

  // A note, a task (then done), a service.
  await page.getByRole('button', { name: en['cases.notes.new'] }).click();
  await page.getByLabel(en['cases.notes.label'], { exact: true }).fill('Called her at the agreed time; she is safe tonight.');
  await page.getByRole('button', { name: en['cases.notes.add'] }).click();
  const notes = page.getByRole('region', { name: en['cases.notes.heading'] });
  await expect(notes).toContainText('Called her at the agreed time; she is safe tonight.');
  await page.getByRole('button', { name: en['cases.tasks.new'] }).click();
  await page.getByLabel(en['cases.tasks.title'], { exact: true }).fill('Take her statement');
  await page.getByLabel(en['cases.tasks.dueDate'], { exact: true }).fill('2030-01-15');
  await page.getByRole('button', { name: en['cases.tasks.add'] }).click();
  const tasks = page.getByRole('region', { name: en['cases.tasks.heading'] });
  await expect(tasks).toContainText(msg('cases.tasks.due', { date: '15 Jan 2030' }));
  await tasks.getByRole('button', { name: msg('cases.tasks.markDoneLabel', { title: 'Take her statement' }) }).click();
  await expect(tasks).toContainText(en['cases.tasks.doneLabel']);
  await expect(tasks.getByRole('button', { name: /Take her statement/ })).toHaveCount(0);
  await page.getByRole('button', { name: en['cases.services.new'] }).click();
  await page.getByLabel(en['cases.services.kind'], { exact: true }).selectOption('psychological');
  await page.getByLabel(en['cases.services.provider'], { exact: true }).selectOption(String(shanyrak.id));
  await page.getByRole('button', { name: en['cases.services.add'] }).click();
  const services = page.getByRole('region', { name: en['cases.services.heading'] });
  await expect(services).toContainText(en['cases.service.psychological']);
  await expect(services).toContainText(shanyrak.name);

  // A repeat battery: closing by reconciliation is refused with the server's message.
  await page.getByRole('button', { name: en['cases.case.recordOffence'] }).click();
  await page.getByLabel(en['cases.case.offence'], { exact: true }).selectOption('battery');
  await page.getByLabel(en['cases.case.repeat'], { exact: true }).check();
  await page.getByRole('button', { name: en['cases.save'] }).click();
  await expect(main).toContainText(`${en['cases.offence.battery']} · ${en['cases.case.repeat']}`);
  await page.getByRole('button', { name: en['cases.case.close'] }).click();
  await page.getByLabel(en['cases.reason'], { exact: true }).selectOption('reconciliation');
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}/transition`));
  await page.getByRole('button', { name: en['cases.case.confirmClose'] }).click();
  const refusal = await refused;
  expect(refusal.status()).toBe(409);
  const error = ((await refusal.json()) as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('reconciliation_barred');
  await expect(page.getByRole('alert')).toHaveText(error.message);
  await page.getByRole('button', { name: en['cases.case.close'] }).click();
  await page.getByRole('button', { name: msg('cases.case.moveTo', { status: en['cases.status.under_investigation'] }) }).click();
  await expect(main.locator('.cs-header')).toContainText(en['cases.status.under_investigation']);

  // Assigned to the inspector herself.
  const police = await agencyByKindName(page, 'police');
  await page.getByRole('button', { name: en['cases.case.assign'] }).click();
  await page.getByLabel(en['cases.agency'], { exact: true }).selectOption(String(police.id));
  await page.getByLabel(en['cases.case.assignMe'], { exact: true }).check();
  const assigned = page.waitForRequest((r) => r.url().endsWith(`/api/v1/cases/${created.id}/assign`));
  await page.getByRole('button', { name: en['cases.save'] }).click();
  const me = ((await (await page.request.get('/api/v1/session')).json()) as { user: { id: number } }).user;
  expect((await assigned).postDataJSON()).toEqual({ agency_id: police.id, user_id: me.id });
  await expect(main.locator('.cs-header')).toContainText(`${police.name} · ${en['cases.case.me']}`);

  // A referral to the crisis centre with what she consented to share.
  await page.getByRole('button', { name: en['cases.referrals.new'] }).click();
  await page.getByLabel(en['cases.referrals.to'], { exact: true }).selectOption(String(shanyrak.id));
  await page.getByLabel(en['cases.share.survivor_name'], { exact: true }).check();
  await page.getByLabel(en['cases.share.incident_types'], { exact: true }).check();
  await page.getByRole('button', { name: en['cases.referrals.send'] }).click();
  const referrals = page.getByRole('region', { name: en['cases.referrals.heading'] });
  await expect(referrals.getByRole('status')).toHaveText(msg('cases.referrals.sent', { agency: shanyrak.name }));
  await expect(referrals).toContainText(en['cases.referralStatus.pending']);

  // Evidence: the receipt's SHA-256 is the file's; verify says intact; custody lists upload and verify.
  const sha = createHash('sha256').update(PNG).digest('hex');
  await page.getByRole('button', { name: en['cases.evidence.new'] }).click();
  await page.getByLabel(en['cases.evidence.file'], { exact: true }).setInputFiles({ name: 'bruise photo.png', mimeType: 'image/png', buffer: PNG });
  const uploaded = page.waitForRequest((r) => r.url().includes('/api/v1/evidence?'));
  await page.getByRole('button', { name: en['cases.evidence.upload'] }).click();
  const upReq = await uploaded;
  expect(upReq.url()).toContain(`attached_to_type=case&attached_to_id=${created.id}`);
  expect(upReq.headers()['x-evidence-filename']).toBe(encodeURIComponent('bruise photo.png'));
  const evidence = page.getByRole('region', { name: en['cases.evidence.heading'] });
  await expect(evidence.getByTestId('receipt-sha256')).toHaveText(sha);
  const item = evidence.getByRole('article', { name: 'bruise photo.png' });
  await expect(item).toContainText(sha);
  await item.getByRole('button', { name: msg('cases.evidence.verifyLabel', { name: 'bruise photo.png' }) }).click();
  await expect(item.getByRole('status')).toHaveText(en['cases.evidence.verifiedIntact']);
  await item.getByRole('button', { name: msg('cases.evidence.custodyLabel', { name: 'bruise photo.png' }) }).click();
  const custody = item.getByRole('list', { name: msg('cases.evidence.custodyLabel', { name: 'bruise photo.png' }) });
  await expect(custody.getByRole('listitem').first()).toContainText(en['cases.custody.upload']);
  await expect(custody).toContainText(en['cases.custody.verify']);
  const download = item.getByRole('link', { name: msg('cases.evidence.downloadLabel', { name: 'bruise photo.png' }) });
  const evidenceId = ((await (await page.request.get(`/api/v1/cases/${created.id}`)).json()) as { evidence: { id: number }[] })
    .evidence[0].id;
  await expect(download).toHaveAttribute('href', `/api/v1/evidence/${evidenceId}/content`);
  // The court bundle links carry the interface language.
  await expect(page.getByRole('link', { name: en['cases.case.bundlePdf'] })).toHaveAttribute(
    'href',
    `/api/v1/cases/${created.id}/bundle.pdf?lang=en`,
  );
  await shot(page, 'cases-case');
  await phoneShot(page, 'cases-case-360');

  // The crisis centre's case worker finds the referral, accepts it and sees only the shared fields.
  const cw = await newUserPage(browser, 'caseworker');
  await openNav(cw, 'cases.nav.referrals', 'cases.incoming.heading');
  const card = cw.getByRole('article', { name: msg('cases.incoming.item', { id: created.id, agency: police.name }) });
  await expect(card).toContainText(en['cases.referralStatus.pending']);
  await expect(card).toContainText(`${en['cases.share.survivor_name']}, ${en['cases.share.incident_types']}`);
  await shot(cw, 'cases-referrals-incoming');
  await card.getByRole('button', { name: en['cases.incoming.accept'] }).click();
  await expect(card).toContainText(en['cases.referralStatus.accepted']);
  const sharedReply = cw.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}`));
  await card.getByRole('link', { name: en['cases.incoming.open'] }).click();
  const shared = (await (await sharedReply).json()) as { access: string; shared: Record<string, unknown> };
  expect(shared.access).toBe('referral');
  expect(Object.keys(shared.shared).sort()).toEqual(['incident_types', 'survivor_name']);
  await expect(cw.getByRole('heading', { level: 1, name: msg('cases.case.title', { number: created.case_number }) })).toBeVisible();
  const view = cw.getByRole('main');
  await expect(view).toContainText(en['cases.shared.intro']);
  await expect(cw.getByRole('link', { name: en['cases.case.backReferrals'] })).toHaveAttribute('href', '/staff/case-referrals');
  await expect(view).toContainText(SURVIVOR);
  await expect(view).toContainText(en['cases.type.physical_assault']);
  await expect(view).not.toContainText(AGGRESSOR);
  await expect(view).not.toContainText(survivor.iin ?? 'no-iin');
  await expect(view).not.toContainText('Called her at the agreed time');
  await expect(view.getByRole('region', { name: en['cases.evidence.heading'] })).toHaveCount(0);
  await shot(cw, 'cases-shared-view');
  await phoneShot(cw, 'cases-shared-view-360');
  await cw.context().close();
});

test('a report closed with a reason; another merged into an existing case', async ({ page }) => {
  await login(page, 'inspector');
  const survivor = await person(page, SURVIVOR);
  const aggressor = await person(page, AGGRESSOR);
  const target = await post(page, '/cases', {
    survivor_person_id: survivor.id,
    aggressor_person_id: aggressor.id,
    basis: 'complaint',
    incident_types: ['bullying_of_minor'],
  });
  expect(target.status).toBe(201);
  const number = (target.body as { case_number: string }).case_number;

  // Two fresh public reports from Almaty.
  const ids: number[] = [];
  for (const text of ['First report for the merge test', 'Second report for the close test']) {
    const res = await page.request.post('/api/v1/intake/reports', {
      headers: { 'X-CSRF-Token': await csrf(page) },
      data: {
        reporter: { type: 'witness' },
        incident: { types: ['psychological_abuse'], region: '750000000', description: text },
        immediate_danger: false,
      },
    });
    expect(res.status()).toBe(201);
  }
  const queue = (await (await page.request.get('/api/v1/intake/triage?urgency=medium')).json()) as { reports: Summary[] };
  for (const r of queue.reports.filter((x) => x.incident_types.includes('psychological_abuse'))) ids.push(r.id);
  ids.sort((a, b) => b - a);
  const [closeId, mergeId] = ids;

  await page.goto(`/staff/triage/${closeId}`);
  await expect(page.getByRole('main')).toContainText('Second report for the close test');
  await page.getByRole('button', { name: en['cases.triage.close'] }).click();
  await page.getByRole('button', { name: en['cases.triage.confirmClose'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['cases.triage.chooseReason']);
  await page.getByLabel(en['cases.reason'], { exact: true }).selectOption('insufficient_information');
  await page.getByLabel(en['cases.triage.closeNote'], { exact: true }).fill('No way to reach the reporter.');
  await page.getByRole('button', { name: en['cases.triage.confirmClose'] }).click();
  await expect(page.getByRole('main')).toContainText(
    msg('cases.triage.closedBecause', { reason: en['cases.reportClose.insufficient_information'] }),
  );
  await expect(page.getByRole('button', { name: en['cases.triage.accept'] })).toHaveCount(0);

  await page.goto(`/staff/triage/${mergeId}`);
  await expect(page.getByRole('main')).toContainText('First report for the merge test');
  await page.getByRole('button', { name: en['cases.triage.merge'] }).click();
  await page.getByLabel(en['cases.list.number'], { exact: true }).fill(number);
  await page.getByRole('button', { name: en['cases.accept.search'] }).click();
  await expect(page.getByRole('radio', { name: new RegExp(`^${number}`) })).toBeChecked();
  await page.getByRole('button', { name: en['cases.merge.submit'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg('cases.case.title', { number }) })).toBeVisible();
  await expect(page.getByRole('region', { name: en['cases.case.timeline'] })).toContainText(en['cases.event.report_merged']);
});

test('accepting a report that names people shows the known people who may be the same, never merged', async ({ page }) => {
  await login(page, 'inspector');
  const survivor = await person(page, SURVIVOR);
  const res = await page.request.post('/api/v1/intake/reports', {
    headers: { 'X-CSRF-Token': await csrf(page) },
    data: {
      reporter: { type: 'survivor' },
      incident: { types: ['stalking'], region: '750000000', description: 'Report naming both people' },
      victim: { full_name: 'Aigul Sarsenkyzy Zholdasbekova', iin: survivor.iin },
      aggressor: { full_name: 'Серік Қайратұлы Бекмағамбетов' },
      immediate_danger: false,
    },
  });
  expect(res.status()).toBe(201);
  const queue = (await (await page.request.get('/api/v1/intake/triage?urgency=medium')).json()) as { reports: Summary[] };
  const id = Math.max(...queue.reports.filter((r) => r.reporter_type === 'survivor').map((r) => r.id));

  await page.goto(`/staff/triage/${id}`);
  await expect(page.getByRole('main')).toContainText('Report naming both people');
  await page.getByRole('button', { name: en['cases.triage.accept'] }).click();
  // Her own report is her complaint: no ground; both people are new from the report.
  await expect(page.getByText(en['cases.accept.complaint'])).toBeVisible();
  await expect(page.getByLabel(en['cases.accept.ground'], { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(msg('cases.accept.newPerson', { name: 'Aigul Sarsenkyzy Zholdasbekova' }))).toBeChecked();
  const accepted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/intake/reports/${id}/accept`));
  await page.getByRole('button', { name: en['cases.accept.submit'] }).click();
  const reply = await accepted;
  expect(reply.status()).toBe(201);
  expect(reply.request().postDataJSON()).toEqual({});
  const created = (await reply.json()) as { id: number; case_number: string; survivor: Person };
  expect(created.survivor.id).not.toBe(survivor.id);
  const notice = page.getByRole('region', { name: msg('cases.accept.opened', { number: created.case_number }) });
  await expect(notice).toContainText(SURVIVOR);
  await expect(notice).toContainText(msg('cases.personId', { id: survivor.id }));
  await expect(notice).toContainText(en['cases.accept.duplicatesHint']);
  await expect(notice).toContainText(msg('cases.accept.matchedBy', { by: `${en['cases.accept.by.iin']}, ${en['cases.accept.by.name']}` }));
  // The report is now in the case: no more decisions on it.
  await expect(page.getByRole('button', { name: en['cases.triage.accept'] })).toHaveCount(0);
  await shot(page, 'cases-accept-duplicates');
  await page.getByRole('link', { name: msg('cases.accept.openCase', { number: created.case_number }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg('cases.case.title', { number: created.case_number }) })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(en['cases.basis.complaint']);
});

test('the case list: filters, pages, number and person search (never in the URL), CSV export, Kazakh', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'inspector');
  const survivor = await person(page, SURVIVOR);
  const aggressor = await person(page, AGGRESSOR);
  for (let i = 0; i < 12; i++) {
    const r = await post(page, '/cases', {
      survivor_person_id: survivor.id,
      aggressor_person_id: aggressor.id,
      basis: 'complaint',
      incident_types: ['online_harassment'],
    });
    expect(r.status).toBe(201);
  }
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));

  await openNav(page, 'cases.nav.cases', 'cases.list.heading');
  await page.getByLabel(en['cases.type'], { exact: true }).selectOption('online_harassment');
  await page.getByLabel(en['cases.list.perPage'], { exact: true }).selectOption('10');
  await page.getByLabel(en['cases.list.sort'], { exact: true }).selectOption('opened_at');
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('cases.list.total', { n: 12 }) })).toBeVisible();
  const table = page.getByRole('table', { name: en['cases.list.caption'] });
  await expect(table.locator('tbody tr')).toHaveCount(10);
  const pager = page.getByRole('navigation', { name: en['cases.list.pages'] });
  await expect(pager).toContainText(msg('cases.list.pageOf', { page: 1, pages: 2 }));
  await shot(page, 'cases-list');
  await phoneShot(page, 'cases-list-360');
  await pager.getByRole('button', { name: en['cases.list.next'] }).click();
  await expect(pager).toContainText(msg('cases.list.pageOf', { page: 2, pages: 2 }));
  await expect(table.locator('tbody tr')).toHaveCount(2);
  expect(urls.some((u) => u.includes('/api/v1/cases?') && u.includes('type=online_harassment') && u.includes('page=2'))).toBe(true);

  // The exports carry the filters; the CSV downloads.
  const csv = page.getByRole('link', { name: en['cases.list.exportCsv'] });
  await expect(csv).toHaveAttribute('href', /\/api\/v1\/cases\/export\.csv\?.*type=online_harassment/);
  await expect(page.getByRole('link', { name: en['cases.list.exportXlsx'] })).toHaveAttribute(
    'href',
    /\/api\/v1\/cases\/export\.xlsx\?.*type=online_harassment/,
  );
  const downloading = page.waitForEvent('download');
  await csv.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('cases.csv');

  // A status no case has: none found.
  await page.getByLabel(en['cases.status'], { exact: true }).selectOption('decided');
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('cases.list.total', { n: 0 }) })).toBeVisible();
  await page.getByRole('button', { name: en['cases.list.reset'] }).click();

  // Assigned to me: the case the first test assigned to the inspector, and only such cases (the
  // numbers depend on what earlier spec files created, so they are asked of the API).
  const mine = (
    (await (await page.request.get('/api/v1/cases?assigned=me&per_page=100')).json()) as { cases: { case_number: string }[] }
  ).cases.map((c) => c.case_number);
  expect(mine.length).toBeGreaterThan(0);
  const number = mine[0];
  await page.getByLabel(en['cases.list.assigned'], { exact: true }).selectOption('me');
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  await expect(table.getByRole('link', { name: number, exact: true })).toBeVisible();
  expect((await table.getByRole('link').allTextContents()).sort()).toEqual([...mine].sort());
  // Dates: nothing opened after today; everything here opened today.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date(Date.now() + 86_400_000));
  await page.getByRole('button', { name: en['cases.list.reset'] }).click();
  await page.getByLabel(en['cases.list.from'], { exact: true }).fill(tomorrow);
  const dated = page.waitForResponse((r) => r.url().includes(`from=${tomorrow}`));
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  expect((await dated).status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: msg('cases.list.total', { n: 0 }) })).toBeVisible();
  await page.getByLabel(en['cases.list.from'], { exact: true }).fill(day);
  await page.getByLabel(en['cases.list.to'], { exact: true }).fill(day);
  await page.getByLabel(en['cases.list.number'], { exact: true }).fill(number);
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  await expect(table.getByRole('link', { name: number, exact: true })).toBeVisible();
  await page.getByRole('button', { name: en['cases.list.reset'] }).click();

  // Number prefix, in any letter case.
  await page.getByLabel(en['cases.list.number'], { exact: true }).fill(number.toLowerCase());
  await page.getByRole('button', { name: en['cases.applyFilters'] }).click();
  await expect(table.getByRole('link', { name: number, exact: true })).toBeVisible();
  for (const link of await table.getByRole('link').all()) await expect(link).toHaveText(new RegExp(`^${number}`));

  // A person's cases by name in another spelling: a POST, and the name is in no URL.
  const search = page.getByRole('region', { name: en['cases.search.heading'] });
  const searched = page.waitForRequest((r) => r.url().endsWith('/api/v1/cases/search'));
  await search.getByLabel(en['cases.search.label'], { exact: true }).fill('Aigul Sarsenkyzy Zholdasbekova');
  await search.getByRole('button', { name: en['cases.search.submit'] }).click();
  expect((await searched).postDataJSON()).toEqual({ full_name: 'Aigul Sarsenkyzy Zholdasbekova' });
  await expect(search.getByRole('table', { name: en['cases.search.caption'] }).locator('tbody tr').first()).toBeVisible();
  await search.getByLabel(en['cases.search.label'], { exact: true }).fill(survivor.iin ?? '');
  await search.getByRole('button', { name: en['cases.search.submit'] }).click();
  await expect(search.getByRole('table', { name: en['cases.search.caption'] }).locator('tbody tr').first()).toBeVisible();
  for (const u of [...urls, page.url()]) {
    expect(u).not.toContain('Aigul');
    expect(u).not.toContain(survivor.iin ?? 'no-iin');
  }
  expect(await page.evaluate(() => JSON.stringify(history.state))).not.toContain('Aigul');

  // In Kazakh.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1, name: kk['cases.list.heading'], exact: true })).toBeVisible();
  await expect(page.getByLabel(kk['cases.list.number'], { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: kk['staff.navLabel'] }).getByRole('link', { name: kk['cases.nav.triage'] })).toBeVisible();
  await shot(page, 'cases-list-kk');
  await page.getByRole('navigation', { name: kk['staff.navLabel'] }).getByRole('link', { name: kk['cases.nav.triage'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: kk['cases.triage.heading'] })).toBeVisible();
  await expect(page.getByLabel(kk['cases.urgency'], { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
});

test('the analyst downloads anonymised incident data without being able to open a case', async ({ page, browser }) => {
  // A case in Almaty, so the export has at least one incident whatever ran before.
  const inspector = await newUserPage(browser, 'inspector');
  const opened = await post(inspector, '/cases', {
    survivor_person_id: (await person(inspector, SURVIVOR)).id,
    aggressor_person_id: (await person(inspector, AGGRESSOR)).id,
    basis: 'complaint',
    incident_types: ['physical_assault'],
  });
  expect(opened.status).toBe(201);
  await inspector.context().close();

  await login(page, 'analyst');
  const nav = page.getByRole('navigation', { name: en['staff.navLabel'] });
  await expect(nav.getByRole('link', { name: en['cases.nav.cases'] })).toHaveCount(0);
  await nav.getByRole('link', { name: en['cases.nav.anonymised'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['cases.anonymised.heading'] })).toBeVisible();
  await expect(page.getByText(en['cases.anonymised.never'])).toBeVisible();
  await page.getByLabel(en['cases.region'], { exact: true }).selectOption('750000000');
  const csv = page.getByRole('link', { name: en['cases.anonymised.csv'] });
  await expect(csv).toHaveAttribute('href', '/api/v1/cases/export/gbvims.csv?region=750000000');
  await expect(page.getByRole('link', { name: en['cases.anonymised.xlsx'] })).toHaveAttribute(
    'href',
    '/api/v1/cases/export/gbvims.xlsx?region=750000000',
  );
  const downloading = page.waitForEvent('download');
  await csv.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('gbvims.csv');
  const text = readFileSync(await file.path(), 'utf8');
  const [header, ...rows] = text.trim().split('\r\n');
  expect(header.split(',')[0]).toBe('incident_code');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatch(/^GBV-[0-9a-f]{16},/);
    expect(row).not.toMatch(/C-\d{6}/);
  }
  await shot(page, 'cases-anonymised-export');
  expect((await page.request.get('/api/v1/cases')).status()).toBe(403);
});
