// The crisis-centre network: find a bed, hold it, refer anonymously, admit, occupancy, discharge, reports.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { login, messages, phoneShot, shot } from './helpers';

const { en, kk, ru } = messages;
type Key = keyof typeof en;

/** An English message with its {placeholders} filled. */
function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

interface Counts {
  women: number;
  children: number;
  accessible: number;
}
interface Shelter {
  id: number;
  name: { en: string; ru: string; kk: string };
  region_kato: string;
  capacity: Counts;
  occupied: Counts;
  held: Counts;
  available: Counts;
  own: boolean;
  occupancy_updated_at: number;
}

const ALMATY = '750000000';

// Staff work in Kazakhstan: "today" in the browser is the jurisdiction's day, as the reports count it.
test.use({ timezoneId: 'Asia/Almaty' });

async function newUserPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function shelterByName(page: Page, part: string): Promise<Shelter> {
  const res = await page.request.get('/api/v1/shelters');
  expect(res.status()).toBe(200);
  const { shelters } = (await res.json()) as { shelters: Shelter[] };
  const s = shelters.find((x) => x.name.en.includes(part));
  expect(s, `a centre named like ${part}`).toBeTruthy();
  return s as Shelter;
}

async function getShelter(page: Page, id: number): Promise<Shelter> {
  const res = await page.request.get(`/api/v1/shelters/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Shelter;
}

async function openNav(page: Page, key: Key, heading: Key): Promise<void> {
  await page.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en[key] }).click();
  await expect(page.getByRole('heading', { level: 1, name: en[heading] })).toBeVisible();
}

/** The search for a household of one woman and `children` children in Almaty. */
async function searchAlmaty(page: Page, children: number): Promise<void> {
  await page.getByLabel(en['shelters.region'], { exact: true }).selectOption(ALMATY);
  await page.getByLabel(en['shelters.find.children'], { exact: true }).fill(String(children));
  const done = page.waitForResponse((r) => r.url().includes('/api/v1/shelters?') && r.request().method() === 'GET');
  await page.getByRole('button', { name: en['shelters.find.search'], exact: true }).click();
  expect((await done).status()).toBe(200);
}

function card(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

test('a case worker holds a bed and refers anonymously; the shelter admits the household; occupancy updates everywhere', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The case worker finds a vacancy for a woman with two children in Almaty.
  await login(page, 'caseworker');
  await openNav(page, 'shelters.nav.find', 'shelters.find.heading');
  await expect(page.getByLabel(en['shelters.region'], { exact: true })).toHaveValue(ALMATY);
  const meiirim = await shelterByName(page, 'Meiirim');
  const name = meiirim.name.en;
  const before = meiirim.available;
  expect(before.women).toBeGreaterThanOrEqual(1);
  expect(before.children).toBeGreaterThanOrEqual(2);

  await searchAlmaty(page, 2);
  const result = card(page, name);
  await expect(result).toBeVisible();
  await expect(result).toContainText(msg('shelters.beds.freeOf', { total: meiirim.capacity.women }));
  await expect(result.getByRole('link', { name: /\+7/ })).toHaveAttribute('href', /^tel:\+7\d+$/);
  await expect(result).toContainText(/Updated (just now|\d+ minutes? ago|\d+ hours? ago|\d+ days? ago)/);
  await shot(page, 'shelters-find');
  await phoneShot(page, 'shelters-find-360');

  // Hold: the countdown shows, and the search shows fewer free beds.
  const holdReq = page.waitForRequest((r) => r.url().endsWith(`/api/v1/shelters/${meiirim.id}/holds`));
  await result.getByRole('button', { name: msg('shelters.hold.holdAt', { name }) }).click();
  expect((await holdReq).postDataJSON()).toEqual({ women: 1, children: 2, accessible: false });
  const hold = card(page, msg('shelters.hold.heading', { name }));
  await expect(hold).toBeVisible();
  await expect(hold.locator('h3')).toBeFocused();
  await expect(hold).toContainText(en['shelters.hold.expiresIn']);
  await expect(hold.locator('time')).toHaveText(/^(1:[0-2]\d|[0-8]?\d):[0-5]\d(:[0-5]\d)?$/);
  const first = await hold.locator('time').textContent();
  await expect(hold.locator('time')).not.toHaveText(first ?? '', { timeout: 3_000 });
  await expect(result.locator('.sh-beds strong').first()).toHaveText(String(before.women - 1));

  // The opaque referral: the note says no name or address is sent, and none is.
  await expect(hold).toContainText(en['shelters.referral.opaqueNote']);
  await hold.getByLabel(en['shelters.urgency.now'], { exact: true }).check();
  await hold.getByLabel(en['shelters.need.infant'], { exact: true }).check();
  await hold.getByLabel(en['shelters.referral.callback'], { exact: true }).fill('+7 701 555 12 34');
  await shot(page, 'shelters-hold');
  await phoneShot(page, 'shelters-hold-360');
  const refReq = page.waitForRequest((r) => r.url().endsWith('/api/v1/shelter-referrals') && r.method() === 'POST');
  await hold.getByRole('button', { name: en['shelters.referral.send'] }).click();
  const sent = (await refReq).postDataJSON() as Record<string, unknown>;
  expect(Object.keys(sent).sort()).toEqual(['callback_phone', 'hold_id', 'needs', 'urgency']);
  expect(sent).toMatchObject({ urgency: 'now', needs: ['infant'], callback_phone: '+7 701 555 12 34' });
  await expect(hold.getByRole('status')).toHaveText(msg('shelters.referral.sent', { status: en['shelters.status.sent'] }));
  const outgoing = page.getByRole('table', { name: en['shelters.referrals.outgoingCaption'] });
  const outRow = outgoing.getByRole('row').filter({ hasText: name }).first();
  await expect(outRow).toContainText(en['shelters.status.sent']);
  await expect(outRow).toContainText(msg('shelters.household', { women: 1, children: 2 }));

  // The shelter sees the referral: household, needs, urgency, call-back number; no name.
  const shelter = await newUserPage(browser, 'shelter');
  const refsLoaded = shelter.waitForResponse((r) => r.url().endsWith('/api/v1/shelter-referrals'));
  await openNav(shelter, 'shelters.nav.centre', 'shelters.centre.heading');
  const refs = (await (await refsLoaded).json()) as { referrals: Record<string, unknown>[] };
  const incoming = refs.referrals.find((r) => r.direction === 'incoming' && r.status === 'sent' && r.callback_phone === '+7 701 555 12 34');
  expect(incoming).toBeTruthy();
  for (const k of Object.keys(incoming ?? {})) expect(k).not.toMatch(/full_name|^name$|address|iin|birth/);
  const occBefore = await getShelter(shelter, meiirim.id);
  const refCard = shelter
    .getByRole('region', { name: en['shelters.incoming.heading'] })
    .getByRole('article', { name: msg('shelters.household', { women: 1, children: 2 }) })
    .filter({ hasText: '+7 701 555 12 34' });
  await expect(refCard).toBeVisible();
  await expect(refCard).toContainText(en['shelters.urgency.now']);
  await expect(refCard).toContainText(en['shelters.need.infant']);
  await expect(refCard.getByRole('link', { name: '+7 701 555 12 34' })).toHaveAttribute('href', 'tel:+77015551234');
  await expect(shelter.getByRole('region', { name: en['shelters.incoming.heading'] })).toContainText(
    en['shelters.incoming.intro'],
  );
  await shot(shelter, 'shelters-centre-incoming');

  // Accept, then admit the household: the woman and two children.
  await refCard.getByRole('button', { name: en['shelters.incoming.accept'] }).click();
  await expect(refCard).toContainText(en['shelters.status.accepted']);
  await refCard.getByRole('button', { name: en['shelters.incoming.admit'] }).click();
  const admit = shelter.getByRole('form', { name: en['shelters.admit.heading'] });
  await expect(admit.getByLabel(en['shelters.admit.fullName'], { exact: true })).toBeFocused();
  await expect(admit.getByLabel(en['shelters.admit.source'], { exact: true })).toHaveValue(String(incoming?.id));
  await expect(admit.getByLabel(msg('shelters.admit.childName', { n: 1 }), { exact: true })).toBeVisible();
  await expect(admit.getByLabel(msg('shelters.admit.childName', { n: 2 }), { exact: true })).toBeVisible();
  await admit.getByRole('button', { name: en['shelters.admit.submit'], exact: true }).click();
  await expect(admit.getByRole('alert')).toHaveText(en['shelters.admit.fillRequired']);
  await admit.getByLabel(en['shelters.admit.fullName'], { exact: true }).fill('Айгерім Тестова');
  await admit.getByLabel(en['shelters.admit.birthDate'], { exact: true }).fill('1991-04-12');
  await admit.getByLabel(msg('shelters.admit.childName', { n: 1 }), { exact: true }).fill('Әли Тестов');
  await admit.getByLabel(msg('shelters.admit.childBirth', { n: 1 }), { exact: true }).fill('2016-09-01');
  await admit.getByLabel(msg('shelters.admit.childName', { n: 2 }), { exact: true }).fill('Аружан Тестова');
  await shot(shelter, 'shelters-centre-admit');
  await admit.getByRole('button', { name: en['shelters.admit.submit'], exact: true }).click();
  await expect(admit.getByRole('status')).toHaveText(msg('shelters.admit.done', { name: 'Айгерім Тестова', children: 2 }));

  const resident = shelter.getByRole('article', { name: 'Айгерім Тестова' });
  await expect(resident).toBeVisible();
  await expect(resident).toContainText('Әли Тестов');
  await expect(resident).toContainText('Аружан Тестова');
  const occAfter = await getShelter(shelter, meiirim.id);
  // Six months: 181 to 184 days depending on the months.
  await expect(resident).toContainText(/\b0 of 18[1-4] days\b/);
  expect(occAfter.occupied.women).toBe(occBefore.occupied.women + 1);
  expect(occAfter.occupied.children).toBe(occBefore.occupied.children + 2);
  await expect(shelter.locator('#occ-women-value')).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: occAfter.occupied.women, capacity: occAfter.capacity.women }),
  );
  await expect(shelter.locator('#occ-children-value')).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: occAfter.occupied.children, capacity: occAfter.capacity.children }),
  );
  // The referral is done: it left the open list and its details were purged.
  await expect(refCard).toHaveCount(0);
  await shot(shelter, 'shelters-centre');
  await phoneShot(shelter, 'shelters-centre-360');

  // The case worker's search shows one bed fewer for women than before the hold, two fewer for children.
  await searchAlmaty(page, 2);
  await expect(result.locator('.sh-beds strong').nth(0)).toHaveText(String(before.women - 1));
  await expect(result.locator('.sh-beds strong').nth(1)).toHaveText(String(before.children - 2));
  await page.reload();
  await expect(
    page
      .getByRole('table', { name: en['shelters.referrals.outgoingCaption'] })
      .getByRole('row')
      .filter({ hasText: name })
      .first(),
  ).toContainText(en['shelters.status.admitted']);

  // The ministry's network view shows the new occupancy.
  const ministry = await newUserPage(browser, 'ministry');
  await openNav(ministry, 'shelters.nav.network', 'shelters.network.heading');
  const row = ministry.getByRole('table', { name: en['shelters.network.caption'] }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${occAfter.occupied.women} / ${occAfter.capacity.women}`);
  await expect(row).toContainText(`${occAfter.occupied.children} / ${occAfter.capacity.children}`);
  await shot(ministry, 'shelters-network');
  await phoneShot(ministry, 'shelters-network-360');
});

test('shelter staff change occupancy with one tap; going over capacity asks for a reason', async ({ page }) => {
  await login(page, 'shelter');
  await openNav(page, 'shelters.nav.centre', 'shelters.centre.heading');
  const meiirim = await shelterByName(page, 'Meiirim');
  expect(meiirim.own).toBe(true);
  const start = await getShelter(page, meiirim.id);
  const women = page.locator('#occ-women-value');
  await expect(women).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.occupied.women, capacity: start.capacity.women }),
  );

  // One more woman, then one fewer.
  await page.getByRole('button', { name: msg('shelters.occupancy.plus', { kind: en['shelters.beds.women'] }) }).click();
  await expect(women).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.occupied.women + 1, capacity: start.capacity.women }),
  );
  await expect(page.getByRole('region', { name: en['shelters.occupancy.heading'] }).getByRole('status')).toContainText(
    `women ${start.occupied.women + 1}`,
  );
  expect((await getShelter(page, meiirim.id)).occupied.women).toBe(start.occupied.women + 1);
  await expect(page.getByRole('region', { name: en['shelters.occupancy.heading'] })).toContainText(/Updated (just now|1 minute ago)/);
  await page.getByRole('button', { name: msg('shelters.occupancy.minus', { kind: en['shelters.beds.women'] }) }).click();
  await expect(women).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.occupied.women, capacity: start.capacity.women }),
  );
  // "The numbers are correct" changes nothing but the time of the last update.
  const stamped = await getShelter(page, meiirim.id);
  await page.waitForTimeout(20);
  const confirmed = page.waitForResponse((r) => r.url().endsWith(`/shelters/${meiirim.id}/occupancy`));
  await page.getByRole('button', { name: en['shelters.occupancy.confirm'] }).click();
  expect((await confirmed).request().postDataJSON()).toEqual({ women: 0, children: 0, accessible: 0 });
  const after = await getShelter(page, meiirim.id);
  expect(after.occupied).toEqual(start.occupied);
  expect(after.occupancy_updated_at).toBeGreaterThan(stamped.occupancy_updated_at);

  // Fill the accessible rooms, then one more: the server wants a reason.
  const plusAccessible = page.getByRole('button', {
    name: msg('shelters.occupancy.plus', { kind: en['shelters.beds.accessible'] }),
  });
  const accessible = page.locator('#occ-accessible-value');
  for (let n = start.occupied.accessible; n < start.capacity.accessible; n++) {
    await plusAccessible.click();
    await expect(accessible).toContainText(
      msg('shelters.occupancy.ofCapacity', { occupied: n + 1, capacity: start.capacity.accessible }),
    );
  }
  const overResponse = page.waitForResponse((r) => r.url().endsWith(`/shelters/${meiirim.id}/occupancy`));
  await plusAccessible.click();
  const over = await overResponse;
  expect(over.status()).toBe(409);
  expect(((await over.json()) as { error: { code: string } }).error.code).toBe('over_capacity_reason_required');
  const reasonForm = page.getByRole('form', { name: en['shelters.overCapacity.heading'] });
  const reason = reasonForm.getByLabel(en['shelters.overCapacity.reason'], { exact: true });
  await expect(reason).toBeFocused();
  await reasonForm.getByRole('button', { name: en['shelters.overCapacity.save'] }).click();
  await expect(reasonForm.getByRole('alert')).toHaveText(en['shelters.occupancy.reasonRequired']);
  await reason.fill('Night-time emergency placement by police; no other accessible room in the city');
  await shot(page, 'shelters-over-capacity');
  await reasonForm.getByRole('button', { name: en['shelters.overCapacity.save'] }).click();
  await expect(reasonForm).toHaveCount(0);
  await expect(accessible).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.capacity.accessible + 1, capacity: start.capacity.accessible }),
  );
  await expect(accessible).toContainText(en['shelters.occupancy.over']);
  expect((await getShelter(page, meiirim.id)).occupied.accessible).toBe(start.capacity.accessible + 1);

  // Back to where it was.
  const minusAccessible = page.getByRole('button', {
    name: msg('shelters.occupancy.minus', { kind: en['shelters.beds.accessible'] }),
  });
  for (let n = start.capacity.accessible + 1; n > start.occupied.accessible; n--) {
    await minusAccessible.click();
    await expect(accessible).toContainText(
      msg('shelters.occupancy.ofCapacity', { occupied: n - 1, capacity: start.capacity.accessible }),
    );
  }
});

test('shelter staff admit a walk-in, record a service and a turn-away, and discharge her', async ({ page }) => {
  await login(page, 'shelter');
  await openNav(page, 'shelters.nav.centre', 'shelters.centre.heading');
  const meiirim = await shelterByName(page, 'Meiirim');
  const start = await getShelter(page, meiirim.id);

  const admit = page.getByRole('form', { name: en['shelters.admit.heading'] });
  await expect(admit.getByLabel(en['shelters.admit.source'], { exact: true })).toHaveValue('');
  await admit.getByLabel(en['shelters.admit.fullName'], { exact: true }).fill('Сәуле Уақытша');
  await admit.getByLabel(en['shelters.admit.iin'], { exact: true }).fill('123');
  await admit.getByRole('button', { name: en['shelters.admit.submit'], exact: true }).click();
  await expect(admit.getByRole('alert')).toHaveText(en['shelters.admit.iinInvalid']);
  await admit.getByLabel(en['shelters.admit.iin'], { exact: true }).fill('');
  await admit.getByLabel(en['shelters.admit.birthDate'], { exact: true }).fill('1988-02-29');
  await admit.getByRole('button', { name: en['shelters.admit.addChild'] }).click();
  await expect(admit.getByLabel(msg('shelters.admit.childName', { n: 1 }), { exact: true })).toBeFocused();
  await admit.getByRole('button', { name: msg('shelters.admit.removeChildN', { n: 1 }) }).click();
  await expect(admit.getByLabel(msg('shelters.admit.childName', { n: 1 }), { exact: true })).toHaveCount(0);
  await admit.getByRole('button', { name: en['shelters.admit.submit'], exact: true }).click();
  await expect(admit.getByRole('status')).toHaveText(msg('shelters.admit.done', { name: 'Сәуле Уақытша', children: 0 }));
  await expect(page.locator('#occ-women-value')).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.occupied.women + 1, capacity: start.capacity.women }),
  );

  // A service delivered.
  const resident = page.getByRole('article', { name: 'Сәуле Уақытша' });
  await resident.getByLabel(en['shelters.residents.serviceKind'], { exact: true }).selectOption('psychological');
  await resident.getByRole('button', { name: msg('shelters.residents.addServiceFor', { name: 'Сәуле Уақытша' }) }).click();
  await expect(resident).toContainText(en['shelters.service.psychological']);

  // A turn-away.
  const turnaway = page.getByRole('form', { name: en['shelters.turnaway.heading'] });
  await turnaway.getByLabel(en['shelters.beds.children'], { exact: true }).fill('3');
  await turnaway.getByRole('button', { name: en['shelters.turnaway.submit'] }).click();
  await expect(turnaway.getByRole('alert')).toHaveText(en['shelters.incoming.chooseReason']);
  await turnaway.getByLabel(en['shelters.turnaway.reason'], { exact: true }).selectOption('no_space');
  const taResponse = page.waitForResponse((r) => r.url().endsWith(`/shelters/${meiirim.id}/turnaways`));
  await turnaway.getByRole('button', { name: en['shelters.turnaway.submit'] }).click();
  expect((await taResponse).status()).toBe(201);
  await expect(turnaway.getByRole('status')).toHaveText(en['shelters.turnaway.saved']);

  // Discharge: the destination is required; then she leaves the list and her bed is free.
  const discharge = resident.getByRole('button', { name: msg('shelters.residents.dischargeName', { name: 'Сәуле Уақытша' }) });
  await discharge.click();
  await expect(resident.getByRole('alert')).toHaveText(en['shelters.residents.chooseDestination']);
  await resident.getByLabel(en['shelters.residents.destination'], { exact: true }).selectOption('relatives');
  await discharge.click();
  await expect(page.getByRole('status').filter({ hasText: msg('shelters.residents.discharged', { name: 'Сәуле Уақытша' }) })).toBeVisible();
  await expect(resident).toHaveCount(0);
  await expect(page.locator('#occ-women-value')).toContainText(
    msg('shelters.occupancy.ofCapacity', { occupied: start.occupied.women, capacity: start.capacity.women }),
  );
  expect((await getShelter(page, meiirim.id)).occupied.women).toBe(start.occupied.women);
});

test('a case worker releases a hold and the beds are free again', async ({ page }) => {
  await login(page, 'caseworker');
  await openNav(page, 'shelters.nav.find', 'shelters.find.heading');
  const meiirim = await shelterByName(page, 'Meiirim');
  await searchAlmaty(page, 0);
  const result = card(page, meiirim.name.en);
  const free = result.locator('.sh-beds strong').first();
  await expect(free).toHaveText(String(meiirim.available.women));
  await result.getByRole('button', { name: msg('shelters.hold.holdAt', { name: meiirim.name.en }) }).click();
  const hold = card(page, msg('shelters.hold.heading', { name: meiirim.name.en }));
  await expect(free).toHaveText(String(meiirim.available.women - 1));
  await hold.getByRole('button', { name: en['shelters.hold.release'] }).click();
  await expect(hold).toContainText(en['shelters.holdStatus.released']);
  await expect(hold.getByRole('form')).toHaveCount(0);
  await expect(free).toHaveText(String(meiirim.available.women));
  await hold.getByRole('button', { name: en['shelters.hold.dismiss'] }).click();
  await expect(hold).toHaveCount(0);
});

test('the ministry adds a centre and reads the reports; each role sees only its screens', async ({ page, browser }) => {
  await login(page, 'ministry');
  const nav = page.getByRole('navigation', { name: en['staff.navLabel'] });
  await expect(nav.getByRole('link', { name: en['shelters.nav.find'] })).toHaveCount(0);
  await openNav(page, 'shelters.nav.network', 'shelters.network.heading');

  // Add a centre run by a crisis-centre agency.
  const form = page.getByRole('form', { name: en['shelters.centre.addHeading'] });
  const agency = form.getByLabel(en['shelters.centre.agency'], { exact: true });
  await expect(agency.locator('option').nth(1)).toBeAttached();
  await form.getByRole('button', { name: en['shelters.centre.add'] }).click();
  await expect(form.getByRole('alert')).toHaveText(en['shelters.centre.fillRequired']);
  await agency.selectOption({ index: 1 });
  await form.getByLabel(en['shelters.region'], { exact: true }).selectOption('710000000');
  await form.getByLabel(en['shelters.centre.nameKk'], { exact: true }).fill('«Сенім» дағдарыс орталығы (E2E)');
  await form.getByLabel(en['shelters.centre.nameRu'], { exact: true }).fill('Кризисный центр «Сенім» (E2E)');
  await form.getByLabel(en['shelters.centre.nameEn'], { exact: true }).fill('Crisis centre "Senim" (E2E)');
  await form.getByLabel(en['shelters.centre.locality'], { exact: true }).fill('Astana');
  await form.getByLabel(en['shelters.phone'], { exact: true }).fill('+7 717 200 00 00');
  await form.getByLabel(en['shelters.centre.bedsWomen'], { exact: true }).fill('8');
  await form.getByLabel(en['shelters.centre.bedsChildren'], { exact: true }).fill('10');
  await form.getByLabel(en['shelters.centre.accessibleRooms'], { exact: true }).fill('1');
  await form.getByLabel(en['shelters.admissionRules'], { exact: true }).fill('Women with or without children; boys up to 14.');
  await form.getByLabel(en['shelters.centre.address'], { exact: true }).fill('Example street 1');
  await form.getByRole('button', { name: en['shelters.centre.add'] }).click();
  await expect(form.getByRole('status')).toHaveText(msg('shelters.centre.added', { name: 'Crisis centre "Senim" (E2E)' }));
  const row = page.getByRole('table', { name: en['shelters.network.caption'] }).getByRole('row').filter({ hasText: 'Senim' });
  await expect(row).toContainText('0 / 8');
  await expect(row).toContainText('0 / 10');

  // Reports: the chart and the tables show what the server reports for the last 30 days.
  const reportLoaded = page.waitForResponse((r) => r.url().includes('/api/v1/shelter-reports?'));
  await page.reload();
  const reportResponse = await reportLoaded;
  expect(reportResponse.status()).toBe(200);
  const report = (await reportResponse.json()) as {
    centres: { name: { en: string }; admissions: number; days: { women: number; children: number }[] }[];
  };
  const meiirimReport = report.centres.find((c) => c.name.en.includes('Meiirim'));
  expect(meiirimReport?.days).toHaveLength(30);
  const meiirimNow = await shelterByName(page, 'Meiirim');
  expect(meiirimReport?.days.at(-1)).toEqual({ women: meiirimNow.occupied.women, children: meiirimNow.occupied.children, day: expect.any(String) });
  const reports = page.getByRole('region', { name: en['shelters.reports.heading'] });
  await expect(reports.getByRole('img')).toBeVisible();
  const byCentre = reports.getByRole('table', { name: en['shelters.reports.byCentre'], exact: true });
  await expect(byCentre.getByRole('row').filter({ hasText: 'Meiirim' }).getByRole('cell').nth(3)).toHaveText(
    String(meiirimReport?.admissions),
  );
  await expect(reports.getByRole('table', { name: en['shelters.reports.byRegion'], exact: true })).toContainText('Almaty');
  expect(await reports.locator('polyline').count()).toBe(2);
  // One centre in the chart: its data table ends with today's occupancy.
  await reports.getByLabel(en['shelters.chart.centre'], { exact: true }).selectOption({ label: meiirimNow.name.en });
  await reports.getByText(en['shelters.chart.dataTable']).click();
  const lastDay = reports.getByRole('table', { name: en['shelters.chart.dataCaption'] }).getByRole('row').last();
  await expect(lastDay.getByRole('cell').nth(1)).toHaveText(String(meiirimNow.occupied.women));
  await expect(lastDay.getByRole('cell').nth(2)).toHaveText(String(meiirimNow.occupied.children));
  await reports.getByLabel(en['shelters.reports.from'], { exact: true }).fill('2030-01-02');
  await reports.getByLabel(en['shelters.reports.to'], { exact: true }).fill('2030-01-01');
  await reports.getByRole('button', { name: en['shelters.reports.show'] }).click();
  await expect(reports.getByRole('alert')).toHaveText(en['shelters.reports.badRange']);
  await page.reload();
  await expect(page.getByRole('region', { name: en['shelters.reports.heading'] }).getByRole('img')).toBeVisible();
  await shot(page, 'shelters-reports');
  await phoneShot(page, 'shelters-reports-360');

  // The same screen in Kazakh and Russian.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['shelters.network.heading']);
  await expect(page.getByRole('table', { name: kk['shelters.reports.byCentre'], exact: true })).toBeVisible();
  await shot(page, 'shelters-network-kk');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['shelters.network.heading']);
  await page.getByRole('button', { name: 'English' }).click();

  // A case worker has "Find a bed" but neither "My centre" nor "Network"; the shelter has "My centre" only.
  const cw = await newUserPage(browser, 'caseworker');
  const cwNav = cw.getByRole('navigation', { name: en['staff.navLabel'] });
  await expect(cwNav.getByRole('link', { name: en['shelters.nav.find'] })).toBeVisible();
  await expect(cwNav.getByRole('link', { name: en['shelters.nav.centre'] })).toHaveCount(0);
  await expect(cwNav.getByRole('link', { name: en['shelters.nav.network'] })).toHaveCount(0);
  await cw.goto('/staff/shelters/network');
  await expect(cw.getByRole('heading', { level: 1 })).toHaveText(en['staff.forbidden']);
  // An analyst reads the reports only: no live centre list (no shelters.read) and no form.
  const analyst = await newUserPage(browser, 'analyst');
  await openNav(analyst, 'shelters.nav.network', 'shelters.network.heading');
  await expect(analyst.getByRole('region', { name: en['shelters.reports.heading'] }).getByRole('img')).toBeVisible();
  await expect(analyst.getByRole('table', { name: en['shelters.network.caption'] })).toHaveCount(0);
  await expect(analyst.getByRole('form', { name: en['shelters.centre.addHeading'] })).toHaveCount(0);
  await expect(
    analyst.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en['shelters.nav.find'] }),
  ).toHaveCount(0);
  const sh = await newUserPage(browser, 'shelter');
  const shNav = sh.getByRole('navigation', { name: en['staff.navLabel'] });
  await expect(shNav.getByRole('link', { name: en['shelters.nav.centre'] })).toBeVisible();
  await expect(shNav.getByRole('link', { name: en['shelters.nav.find'] })).toHaveCount(0);
  await expect(shNav.getByRole('link', { name: en['shelters.nav.network'] })).toHaveCount(0);
});
