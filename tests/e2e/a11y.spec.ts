// Accessibility: axe finds no serious or critical violations (WCAG 2.2 A/AA rules).
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login, messages, newCase } from './helpers';

const { en } = messages;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
  await expectFingerSizedTableTargets(page, what);
}

// On a phone, a link or button in a table is a finger's height (44 px), as buttons elsewhere
// are: a list's rows are what an officer taps all day. Links in running text are exempt.
async function expectFingerSizedTableTargets(page: Page, what: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 1280;
  if (width > 640) return;
  const small = await page.locator('table a, table button').evaluateAll((targets) =>
    targets
      .filter((t) => t.getClientRects().length > 0)
      .map((t) => ({ text: (t.textContent ?? '').trim().slice(0, 40), height: t.getBoundingClientRect().height }))
      .filter((t) => t.height < 43.5),
  );
  expect(small, `${what}: table targets under 44 px`).toEqual([]);
}

for (const width of [1280, 360]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [path, heading] of [
      ['/', en['home.heading']],
      ['/login', en['login.heading']],
      ['/safety', en['safety.heading']],
      ['/help', en['help.heading']],
      ['/rights', en['help.rights.heading']],
      ['/self-check', en['help.check.heading']],
      ['/report', en['report.heading']],
      ['/report/status', en['status.heading']],
      ['/inbox', en['inbox.heading']],
    ] as const) {
      test(`public page ${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        if (path === '/') await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
        await expectNoSeriousViolations(page, path);
      });
    }

    test('help pages with their content: services found, topics, a question and next steps', async ({ page }) => {
      await page.goto('/help');
      await page.getByLabel(en['help.region'], { exact: true }).selectOption('750000000');
      await page.getByLabel(en['help.need.children']).check();
      await expect(page.getByRole('status')).toBeVisible();
      await expectNoSeriousViolations(page, '/help with results');
      await page.getByLabel(en['help.kind']).selectOption('medical');
      await page.getByLabel(en['help.need.disability_access']).check();
      await expect(page.getByRole('status').or(page.getByText(en['help.empty']))).toBeVisible();
      await expectNoSeriousViolations(page, '/help with few or no results');

      await page.goto('/rights');
      await expect(page.getByRole('navigation', { name: en['help.rights.contents'] })).toBeVisible();
      await expectNoSeriousViolations(page, '/rights with topics');

      await page.goto('/self-check');
      await page.getByRole('button', { name: en['help.check.start'] }).click();
      await page.getByRole('button', { name: en['help.check.no'], exact: true }).click();
      await expect(page.getByRole('button', { name: en['help.check.back'] })).toBeVisible();
      await expectNoSeriousViolations(page, '/self-check question');
      while (await page.getByRole('button', { name: en['help.check.yes'], exact: true }).isVisible()) {
        await page.getByRole('button', { name: en['help.check.yes'], exact: true }).click();
      }
      await expect(page.getByRole('heading', { name: en['help.check.result.high.heading'] })).toBeVisible();
      await expectNoSeriousViolations(page, '/self-check next steps');
    });

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

    test('triage, case list, case page and case referrals', async ({ page, browser }) => {
      await login(page, 'inspector');
      const csrf = ((await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string }).csrf_token;
      const aggressor = (await (
        await page.request.post('/api/v1/people/search', {
          data: { full_name: 'Серік Қайратұлы Бекмағамбетов' },
          headers: { 'X-CSRF-Token': csrf },
        })
      ).json()) as { people: { id: number }[] };
      const survivor = (await (
        await page.request.post('/api/v1/people/search', {
          data: { full_name: 'Айгүл Сәрсенқызы Жолдасбекова' },
          headers: { 'X-CSRF-Token': csrf },
        })
      ).json()) as { people: { id: number }[] };
      const created = await page.request.post('/api/v1/cases', {
        data: {
          survivor_person_id: survivor.people[0].id,
          aggressor_person_id: aggressor.people[0].id,
          basis: 'complaint',
          incident_types: ['stalking'],
        },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(created.status()).toBe(201);
      const caseId = ((await created.json()) as { id: number }).id;

      await page.getByRole('link', { name: en['cases.nav.triage'] }).click();
      await expect(page.getByRole('heading', { level: 1, name: en['cases.triage.heading'] })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousViolations(page, en['cases.nav.triage']);
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('button', { name: en['cases.triage.accept'] }).click();
      await expect(page.getByRole('button', { name: en['cases.accept.submit'] })).toBeVisible();
      await expectNoSeriousViolations(page, 'triage report with the accept form');

      await page.getByRole('link', { name: en['cases.nav.cases'] }).click();
      await expect(page.getByRole('table', { name: en['cases.list.caption'] })).toBeVisible();
      await expectNoSeriousViolations(page, en['cases.nav.cases']);

      await page.goto(`/staff/cases/${caseId}`);
      await expect(page.getByRole('region', { name: en['cases.case.timeline'] })).toBeVisible();
      for (const key of ['cases.notes.new', 'cases.tasks.new', 'cases.services.new', 'cases.referrals.new', 'cases.evidence.new'] as const) {
        await page.getByRole('button', { name: en[key] }).click();
      }
      await page.getByRole('button', { name: en['cases.case.close'] }).click();
      await expectNoSeriousViolations(page, 'case page with its forms open');

      const baseURL = test.info().project.use.baseURL;
      const cwContext = await browser.newContext({ baseURL, viewport: { width, height: 800 } });
      const cw = await cwContext.newPage();
      await login(cw, 'caseworker');
      await cw.getByRole('link', { name: en['cases.nav.referrals'] }).click();
      await expect(cw.getByRole('heading', { level: 1, name: en['cases.incoming.heading'] })).toBeVisible();
      await expectNoSeriousViolations(cw, en['cases.nav.referrals']);
      await cwContext.close();
    });

    test('risk screens: the case’s risk panel, an assessment question, its review, the computed level and the result, due reviews', async ({ page }) => {
      test.setTimeout(60_000);
      await login(page, 'inspector');
      const csrf = ((await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string }).csrf_token;
      const personId = async (full_name: string): Promise<number> =>
        ((await (await page.request.post('/api/v1/people/search', { data: { full_name }, headers: { 'X-CSRF-Token': csrf } })).json()) as {
          people: { id: number }[];
        }).people[0].id;
      const created = await page.request.post('/api/v1/cases', {
        data: {
          survivor_person_id: await personId('Айгүл Сәрсенқызы Жолдасбекова'),
          aggressor_person_id: await personId('Серік Қайратұлы Бекмағамбетов'),
          basis: 'complaint',
          incident_types: ['physical_assault'],
        },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(created.status()).toBe(201);
      const caseId = ((await created.json()) as { id: number }).id;

      // Due reviews lists the new case (never assessed).
      await page.getByRole('link', { name: en['risk.nav.reviews'] }).click();
      await expect(page.getByRole('heading', { level: 1, name: en['risk.reviews.heading'] })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousViolations(page, en['risk.nav.reviews']);

      await page.goto(`/staff/cases/${caseId}/risk/assess`);
      const main = page.getByRole('main');
      await expectNoSeriousViolations(page, 'risk assessment question');
      // Answer every question "not known" (the first answer of a choice), then review and submit.
      const { items } = (await (await page.request.get('/api/v1/risk/instruments/qorgau-risk-1')).json()) as { items: unknown[] };
      for (let n = 1; n <= items.length; n++) {
        await expect(main.getByText(`${n} of ${items.length}`, { exact: true })).toBeVisible();
        const group = main.getByRole('group');
        const unknown = group.getByRole('button', { name: en['risk.assess.unknown'], exact: true });
        if ((await unknown.count()) > 0) await unknown.click();
        else await group.getByRole('button').first().click();
      }
      await expect(main.getByRole('heading', { name: en['risk.assess.review'] })).toBeVisible();
      await expectNoSeriousViolations(page, 'risk assessment review');
      await main.getByRole('button', { name: en['risk.assess.submit'] }).click();
      await expect(main.getByRole('heading', { name: en['risk.preview.heading'] })).toBeVisible();
      await expectNoSeriousViolations(page, 'risk assessment: the computed level with the raise form');
      await main.getByRole('radio', { name: en['risk.level.extreme'], exact: true }).check();
      await expectNoSeriousViolations(page, 'risk assessment: the raise form with its reason');
      await main.getByRole('radio', { name: en['risk.raise.keep'] }).check();
      await main.getByRole('button', { name: en['risk.preview.save'] }).click();
      await expect(main.getByRole('heading', { name: en['risk.result.heading'] })).toBeVisible();
      await expectNoSeriousViolations(page, 'risk assessment result');

      await page.goto(`/staff/cases/${caseId}`);
      const panel = page.getByRole('region', { name: en['risk.panel.heading'], exact: true });
      await expect(panel.getByRole('img')).toBeVisible();
      await panel.getByText(en['risk.chart.dataTable']).click();
      await expectNoSeriousViolations(page, 'case page with the risk panel');
    });

    test('order screens: the case’s orders with the issue form, field verification with its answer, expiring orders', async ({ page }) => {
      test.setTimeout(60_000);
      await login(page, 'inspector');
      const csrf = ((await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string }).csrf_token;
      const post = async (path: string, data: unknown): Promise<unknown> => {
        const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
        expect(res.status(), await res.text()).toBeLessThan(300);
        return res.json();
      };
      const person = async (full_name: string): Promise<{ id: number; iin: string }> =>
        ((await post('/people/search', { full_name })) as { people: { id: number; iin: string }[] }).people[0];
      const aggressor = await person('Серік Қайратұлы Бекмағамбетов');
      const created = (await post('/cases', {
        survivor_person_id: (await person('Айгүл Сәрсенқызы Жолдасбекова')).id,
        aggressor_person_id: aggressor.id,
        basis: 'complaint',
        incident_types: ['physical_assault'],
      })) as { id: number };
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
      const order = (await post(`/cases/${created.id}/orders`, {
        kind: 'police_protective',
        starts_on: today,
        duration_days: 30,
        conditions: [{ code: 'no_contact' }, { code: 'no_approach', metres: 100 }],
        protected_contact_route: 'Through the crisis centre',
      })) as { id: number; number: string };
      await post(`/orders/${order.id}/serve`, {});

      await page.goto(`/staff/cases/${created.id}`);
      const orders = page.getByRole('region', { name: en['orders.heading'] });
      await orders.getByRole('button', { name: en['orders.issue.open'] }).click();
      await orders.getByLabel(en['orders.condition.no_visiting'], { exact: true }).check();
      await orders.getByRole('button', { name: en['orders.violation.openLabel'].replace('{number}', order.number) }).click();
      await expect(orders.getByLabel(en['orders.issue.places'])).toBeVisible();
      await expectNoSeriousViolations(page, 'case page with its orders and the issue form open');

      await page.getByRole('link', { name: en['orders.nav.verify'] }).click();
      await expect(page.getByRole('heading', { level: 1, name: en['orders.verify.heading'] })).toBeVisible();
      await expectNoSeriousViolations(page, en['orders.nav.verify']);
      await page.getByLabel(en['orders.verify.iin']).fill(aggressor.iin);
      await page.getByRole('button', { name: en['orders.verify.submit'] }).click();
      await page.getByRole('button', { name: en['orders.violation.openLabel'].replace('{number}', order.number) }).click();
      await expect(page.getByLabel(en['orders.violation.place'])).toBeVisible();
      await expectNoSeriousViolations(page, 'verification answer with the violation form');

      await page.getByRole('link', { name: en['orders.nav.expiring'] }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousViolations(page, en['orders.nav.expiring']);
    });

    test('notification screens: her consent form with a refused field, the code and secret, the list, the release, her inbox, the incident form', async ({ page, browser }) => {
      test.setTimeout(60_000);
      await login(page, 'inspector');
      const c = await newCase(page);
      await page.goto(`/staff/cases/${c.id}`);
      const panel = page.getByRole('region', { name: en['notify.heading'], exact: true });
      await panel.getByRole('button', { name: en['notify.record'] }).click();
      await panel.getByLabel(en['notify.channel.sms'], { exact: true }).check();
      await panel.getByLabel(en['notify.channel.inbox']).check();
      await panel.getByLabel(en['notify.address.sms']).fill('12');
      await panel.getByLabel(en['notify.kind.aggressor_released']).check();
      await panel.getByRole('button', { name: en['notify.save'] }).click();
      await expect(panel.getByLabel(en['notify.address.sms'])).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousViolations(page, 'consent form with a refused field');
      await panel.getByLabel(en['notify.address.sms']).fill('+77011234567');
      await panel.getByRole('button', { name: en['notify.save'] }).click();
      await expect(panel.getByTestId('inbox-secret')).toBeVisible();
      const code = ((await panel.getByTestId('inbox-code').textContent()) ?? '').trim();
      const secret = ((await panel.getByTestId('inbox-secret-value').textContent()) ?? '').trim();
      await expectNoSeriousViolations(page, 'the inbox code and secret');
      await panel.getByRole('button', { name: en['notify.secret.done'] }).click();
      await panel.getByRole('button', { name: en['notify.release.open'] }).click();
      await panel.getByRole('button', { name: en['notify.release.submit'] }).click();
      await expect(panel.getByRole('button', { name: en['notify.release.confirm'] })).toBeVisible();
      await expectNoSeriousViolations(page, 'the release with its confirm step');
      await panel.getByRole('button', { name: en['notify.release.confirm'] }).click();
      await expect(panel.getByRole('table')).toBeVisible();
      await panel.getByRole('button', { name: en['notify.withdraw'] }).click();
      await expectNoSeriousViolations(page, 'the notifications list and the withdraw confirm step');

      const risk = page.getByRole('region', { name: en['risk.panel.heading'], exact: true });
      await risk.getByRole('button', { name: en['incident.open'] }).click();
      await risk.getByRole('button', { name: en['incident.save'] }).click();
      await expect(risk.getByRole('group', { name: en['incident.types'] })).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousViolations(page, 'the incident form with a missing field');

      // Her inbox with a message.
      const herContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width, height: 800 } });
      const her = await herContext.newPage();
      await her.goto('/inbox');
      await her.getByLabel(en['inbox.code'], { exact: true }).fill(code);
      await her.getByLabel(en['inbox.secret'], { exact: true }).fill(secret);
      await expect(async () => {
        await her.getByRole('button', { name: en['inbox.open'] }).click();
        await expect(her.getByTestId('inbox-message')).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expectNoSeriousViolations(her, 'her inbox with a message');
      await herContext.close();
    });

    test('crisis-centre screens', async ({ page, browser }) => {
      // Find a bed, with a hold and its referral form open (released at the end).
      await login(page, 'caseworker');
      await page.getByRole('link', { name: en['shelters.nav.find'] }).click();
      await expect(page.getByRole('heading', { level: 1, name: en['shelters.find.heading'] })).toBeVisible();
      const hold = page.getByRole('button', { name: /^Hold beds at .*Meiirim/ });
      await hold.click();
      const release = page.getByRole('button', { name: en['shelters.hold.release'] });
      await expect(release).toBeVisible();
      await expectNoSeriousViolations(page, en['shelters.nav.find']);
      await release.click();
      await expect(page.getByText(en['shelters.holdStatus.released'])).toBeVisible();

      // My centre, with the details form open.
      const baseURL = test.info().project.use.baseURL;
      const shelterContext = await browser.newContext({ baseURL, viewport: { width, height: 800 } });
      const shelter = await shelterContext.newPage();
      await login(shelter, 'shelter');
      await shelter.getByRole('link', { name: en['shelters.nav.centre'] }).click();
      await expect(shelter.getByRole('heading', { name: en['shelters.residents.heading'] })).toBeVisible();
      await shelter.getByRole('button', { name: en['shelters.centre.edit'] }).click();
      await expect(shelter.getByLabel(en['shelters.centre.nameEn'], { exact: true })).toBeVisible();
      await expectNoSeriousViolations(shelter, en['shelters.nav.centre']);
      await shelterContext.close();

      // The network, with the reports.
      const ministryContext = await browser.newContext({ baseURL, viewport: { width, height: 800 } });
      const ministry = await ministryContext.newPage();
      await login(ministry, 'ministry');
      await ministry.getByRole('link', { name: en['shelters.nav.network'] }).click();
      await expect(ministry.getByRole('img')).toBeVisible();
      await ministry.getByText(en['shelters.chart.dataTable']).click();
      await expectNoSeriousViolations(ministry, en['shelters.nav.network']);
      await ministryContext.close();
    });
  });
}
