// The public report form and the report status page: no account, a receipt shown once and kept
// nowhere (not in the address bar, not in browser storage), every request to this server alone.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { messages, phoneShot, shot } from './helpers';
import { iinCheckDigit } from '../../web/src/lib/iin';

const { en, kk, ru } = messages;
const ALMATY = '750000000';

/** A valid IIN (born 15 May 1985, a woman) and the same with a wrong check digit. */
function iins(): { valid: string; wrong: string } {
  for (let serial = 1; serial < 100; serial++) {
    const body = `8505154${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit([...body].map(Number));
    if (check !== null) return { valid: `${body}${check}`, wrong: `${body}${(check + 1) % 10}` };
  }
  throw new Error('no IIN');
}

function yesterday(): string {
  const d = new Date(Date.now() - 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Small files the server recognises by their first bytes (src/evidence/media_type.cc). */
function evidenceFiles() {
  const box = (type: string, payload: Buffer): Buffer => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(8 + payload.length);
    return Buffer.concat([size, Buffer.from(type, 'latin1'), payload]);
  };
  // An MP4: an "ftyp" box with the major brand "isom", then an empty "mdat".
  const video = Buffer.concat([
    box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')])),
    box('mdat', Buffer.alloc(64, 7)),
  ]);
  // A JPEG: SOI, a JFIF APP0 segment, EOI.
  const photo = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xd9,
  ]);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  // A Windows program named like a photo: refused whatever its name says.
  const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90), Buffer.from('PE\0\0')]);
  return { video, photo, pdf, program };
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function noSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a witness reports in Russian, keeps the receipt, checks the report and adds to it', async ({
    page,
    context,
    baseURL,
  }) => {
    const requests: string[] = [];
    const addresses: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) addresses.push(f.url());
    });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      // The wrong secret's 404 is expected; anything else is a problem.
      if (m.type() === 'error' && !m.text().includes('404')) problems.push(m.text());
    });

    await page.goto('/');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: ru['report.home.report'] }).click();
    await expect(page).toHaveURL(/\/report$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['report.heading']);
    await expect(page).toHaveTitle(ru['report.title']);
    await expect(page.getByRole('button', { name: ru['exit.button'] })).toBeVisible();
    const step = (n: number): string => ru['report.stepOf'].replace('{n}', String(n)).replace('{total}', '8');
    const next = page.getByRole('button', { name: ru['report.next'] });

    // 1. Danger now: "yes" shows the emergency numbers at once, before anything else is asked.
    await expect(page.getByText(step(1))).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(ru['report.step.danger']);
    await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
    await page.getByLabel(ru['report.yes'], { exact: true }).check();
    const numbers = page.getByTestId('danger-now').locator('a[href^="tel:"]');
    await expect(numbers.first()).toBeVisible();
    expect(await numbers.count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('danger-now').locator('a[href="tel:102"]')).toBeVisible();
    await expect(page.getByText(ru['report.danger.now'])).toBeVisible();
    // The numbers come before the way on: they sit above the Next button.
    const numbersBox = await numbers.first().boundingBox();
    const nextBox = await next.boundingBox();
    expect(numbersBox!.y).toBeLessThan(nextBox!.y);
    await shot(page, 'report-ru-360-danger');
    await next.click();

    // 2. Who: a witness. Nothing chosen first: a clear error.
    await expect(page.getByText(step(2))).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: ru['report.step.who'] })).toBeFocused();
    // The reminder to call stays on every later step.
    await expect(page.locator('.reminder a[href="tel:112"]')).toBeVisible();
    await next.click();
    await expect(page.getByText(ru['report.who.required'])).toBeVisible();
    await expect(page.getByText(step(2))).toBeVisible();
    await page.getByLabel(ru['report.who.witness']).check();
    await next.click();

    // 3. What happened: plain words, several may apply.
    await expect(page.getByText(step(3))).toBeVisible();
    await expect(page.getByText(ru['report.type.physical_assaultHint'])).toBeVisible();
    await page.getByLabel(ru['report.type.physical_assault']).check();
    await page.getByLabel(ru['report.type.psychological_abuse']).check();
    await shot(page, 'report-ru-360-what');
    await next.click();

    // 4. When and where: the date cannot be in the future.
    await expect(page.getByText(step(4))).toBeVisible();
    await expect(page.getByLabel(ru['report.when.date'])).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel(ru['report.when.date']).fill('2099-01-01');
    await next.click();
    await expect(page.getByText(ru['report.when.dateFuture'])).toBeVisible();
    await expect(page.getByText(ru['report.where.regionRequired'])).toBeVisible();
    await page.getByLabel(ru['report.when.date']).fill(yesterday());
    await page.getByLabel(ru['report.where.region']).selectOption(ALMATY);
    await page.getByLabel(ru['report.where.locality']).fill('Алматы');
    await page.getByLabel(ru['report.where.place']).selectOption('home');
    await next.click();

    // 5. People: the IIN is checked in the browser; a wrong check digit is flagged.
    await expect(page.getByText(step(5))).toBeVisible();
    const { valid, wrong } = iins();
    const victim = page.getByRole('group', { name: ru['report.people.victim'] });
    const iin = victim.getByLabel(ru['report.people.iin']);
    await iin.fill(wrong);
    await iin.blur();
    await expect(victim.getByText(ru['report.iin.checksum'])).toBeVisible();
    await expect(iin).toHaveAttribute('aria-invalid', 'true');
    await iin.fill('12345');
    await next.click();
    await expect(victim.getByText(ru['report.iin.length'])).toBeVisible();
    await expect(page.getByText(step(5))).toBeVisible();
    await shot(page, 'report-ru-360-iin');
    await iin.fill(valid);
    await iin.blur();
    await expect(victim.getByText(ru['report.iin.checksum'])).toHaveCount(0);
    await victim.getByLabel(ru['report.people.sex']).selectOption('female');
    await victim.getByLabel(ru['report.people.age']).selectOption('26_40');
    const aggressor = page.getByRole('group', { name: ru['report.people.aggressor'] });
    await aggressor.getByLabel(ru['report.people.relationship']).selectOption('spouse');
    await page.getByRole('group', { name: ru['report.people.children'] }).getByLabel(ru['report.yes']).check();
    await next.click();

    // 6. Contact: safe ways and times.
    await expect(page.getByText(step(6))).toBeVisible();
    await page.getByLabel(ru['report.contact.yes']).check();
    await page.getByLabel(ru['report.contact.sms']).check();
    await next.click();
    await expect(page.getByText(ru['report.contact.phoneRequired'])).toBeVisible();
    await page.getByLabel(ru['report.contact.phone']).fill('+7 701 000 00 00');
    await page.getByLabel(ru['report.time.evening']).check();
    await next.click();

    // 7. Files are optional: none here. Back keeps the answers.
    await expect(page.getByText(step(7))).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: ru['report.step.files'] })).toBeFocused();
    await page.getByRole('button', { name: ru['report.back'] }).click();
    await expect(page.getByLabel(ru['report.contact.phone'])).toHaveValue('+7 701 000 00 00');
    await next.click();
    await next.click();

    // 8. In her own words, consent, send.
    await expect(page.getByText(step(8))).toBeVisible();
    const story = 'Соседи снова кричали ночью, слышен был плач ребёнка.';
    await page.getByLabel(ru['report.narrative']).fill(story);
    await page.getByLabel(ru['report.consent.share_with_crisis_centre']).check();
    await phoneShot(page, 'report-ru-360-last-step');

    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/reports') && r.request().method() === 'POST');
    await page.getByRole('button', { name: ru['report.submit'] }).click();
    const response = await sent;
    expect(response.status()).toBe(201);
    const body = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      reporter: { type: 'witness' },
      incident: { types: ['physical_assault', 'psychological_abuse'], region: ALMATY, place_type: 'home', description: story },
      victim: { iin: valid, sex: 'female', age_group: '26_40' },
      aggressor: { relationship: 'spouse' },
      children_present: true,
      immediate_danger: true,
      contact: { ways: ['sms'], times: ['evening'], phone: '+7 701 000 00 00' },
      consent: ['contact_me', 'share_with_crisis_centre'],
    });
    const answer = (await response.json()) as { receipt_code: string; receipt_secret: string };

    // The receipt, very clearly, once. No files were chosen: no files section.
    await expect(page.getByRole('heading', { level: 2, name: ru['report.done.heading'] })).toBeFocused();
    await expect(page.getByRole('heading', { name: ru['report.files.heading'] })).toHaveCount(0);
    await expect(page.getByTestId('receipt-code')).toHaveText(answer.receipt_code);
    await expect(page.getByTestId('receipt-secret')).toHaveText(answer.receipt_secret);
    expect(answer.receipt_code).toMatch(/^QRG-/);
    await expect(page.getByText(ru['report.done.keep'])).toBeVisible();
    await expect(page.getByRole('button', { name: ru['report.done.print'] })).toBeVisible();
    // Still in danger: the numbers again.
    await expect(page.locator('a[href="tel:102"]').first()).toBeVisible();
    await shot(page, 'report-ru-360-receipt');
    await noSeriousViolations(page, 'receipt');

    // Check it on /report/status.
    await page.getByRole('link', { name: ru['report.done.statusLink'] }).first().click();
    await expect(page).toHaveURL(/\/report\/status$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru['status.heading']);
    await expect(page).toHaveTitle(ru['status.title']);
    const code = page.getByLabel(ru['status.code']);
    const secret = page.getByLabel(ru['status.secret'], { exact: true });
    await expect(code).toHaveAttribute('type', 'text');
    await expect(code).toHaveAttribute('autocomplete', 'off');
    await expect(secret).toHaveAttribute('autocomplete', 'off');
    await code.fill(answer.receipt_code);
    await secret.fill(answer.receipt_secret);
    // Masked until she asks to see it.
    expect(await secret.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
    await page.getByLabel(ru['status.showSecret']).check();
    expect(await secret.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('none');
    const looked = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/receipt'));
    await page.getByRole('button', { name: ru['status.check'] }).click();
    const lookup = await looked;
    expect(lookup.request().method()).toBe('POST');
    const view = (await lookup.json()) as { status: string; status_text: string };
    expect(view.status).toBe('received');
    await expect(page.getByRole('heading', { level: 2, name: ru['status.statusHeading'] })).toBeFocused();
    await expect(page.getByText(ru['status.state.received'], { exact: true })).toBeVisible();
    await expect(page.getByText(view.status_text)).toBeVisible();
    await expect(page.getByText(ru['status.noUpdates'])).toBeVisible();

    // Add information; it is listed.
    const more = 'Сегодня утром всё повторилось.';
    await page.getByRole('button', { name: ru['status.addSubmit'] }).click();
    await expect(page.getByText(ru['status.addRequired'])).toBeVisible();
    await page.getByLabel(ru['status.addLabel']).fill(more);
    await page.getByRole('button', { name: ru['status.addSubmit'] }).click();
    await expect(page.getByRole('status')).toHaveText(ru['status.added']);
    await expect(page.locator('.updates li')).toHaveCount(1);
    await expect(page.locator('.updates')).toContainText(more);
    await expect(page.getByLabel(ru['status.addLabel'])).toHaveValue('');
    await shot(page, 'report-status-ru-360');
    await noSeriousViolations(page, 'status with an update');

    // A wrong secret is refused with the server's message, and shows nothing of the report.
    const wrongSecret = (answer.receipt_secret[0] === 'A' ? 'B' : 'A') + answer.receipt_secret.slice(1);
    await secret.fill(wrongSecret);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/receipt'));
    await page.getByRole('button', { name: ru['status.check'] }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(404);
    const { error } = (await refusal.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('receipt_not_found');
    await expect(page.getByRole('alert')).toHaveText(error.message);
    await expect(page.getByText(more)).toHaveCount(0);
    await shot(page, 'report-status-ru-360-refused');

    // Every request went to this server (127.0.0.1); the receipt never appeared in an address
    // or in browser storage; no cookie was set.
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) {
      const u = new URL(url);
      expect(u.hostname).toBe('127.0.0.1');
      expect(u.origin).toBe(new URL(baseURL!).origin);
    }
    const normalized = (s: string): string => s.replace(/[^A-Z0-9]/gi, '').toUpperCase();
    const secretish = [answer.receipt_code, answer.receipt_secret].map(normalized);
    for (const url of [...requests, ...addresses, page.url()]) {
      for (const s of secretish) expect(normalized(decodeURIComponent(url))).not.toContain(s);
    }
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const s of secretish) expect(normalized(stored)).not.toContain(s);
    expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([
      ['qorgau.lang'],
      [],
    ]);
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a witness sends a video and a photo with her report; each is acknowledged by its SHA-256 and listed on the status page', async ({ page }) => {
    // Needs a server with POST /api/v1/intake/attachments (branch attach).
    const files = evidenceFiles();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      // The refused program's 415 is expected; anything else is a problem.
      if (m.type() === 'error' && !m.text().includes('415')) problems.push(m.text());
    });
    const uploads: { status: number; headers: Record<string, string>; url: string; body: unknown }[] = [];
    page.on('response', async (r) => {
      if (!r.url().endsWith('/api/v1/intake/attachments')) return;
      uploads.push({ status: r.status(), headers: r.request().headers(), url: r.url(), body: await r.json() });
    });

    await page.goto('/');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: ru['report.home.report'] }).click();
    const next = page.getByRole('button', { name: ru['report.next'] });
    await page.getByRole('group', { name: ru['report.danger.question'] }).getByLabel(ru['report.no']).check();
    await next.click();
    await page.getByLabel(ru['report.who.witness']).check();
    await next.click();
    await page.getByLabel(ru['report.type.physical_assault']).check();
    await next.click();
    await page.getByLabel(ru['report.where.region']).selectOption(ALMATY);
    await next.click();
    await next.click();
    await page.getByLabel(ru['report.contact.no']).check();
    await next.click();

    // 7. Files: chosen, listed with name, type and size; one removed again.
    await expect(page.getByRole('heading', { level: 2, name: ru['report.step.files'] })).toBeFocused();
    const picker = page.getByLabel(ru['report.files.choose']);
    await expect(picker).toHaveAttribute('accept', 'image/*,video/*,audio/*,application/pdf');
    await picker.setInputFiles([
      { name: 'видео.mp4', mimeType: 'video/mp4', buffer: files.video },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: files.photo },
    ]);
    await picker.setInputFiles([
      { name: 'notes.pdf', mimeType: 'application/pdf', buffer: files.pdf },
      { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: files.program },
    ]);
    const list = page.getByRole('list', { name: ru['report.files.listLabel'] });
    await expect(list.getByRole('listitem')).toHaveCount(4);
    const item = (name: string) => list.getByRole('listitem').filter({ hasText: name });
    await expect(item('видео.mp4')).toContainText(ru['report.files.kind.video']);
    await expect(item('photo.jpg')).toContainText(ru['report.files.kind.photo']);
    await expect(item('notes.pdf')).toContainText(ru['report.files.kind.document']);
    await expect(item('видео.mp4')).toContainText(/\d+\s*Б/);
    // The input keeps nothing: the files live in the page's memory only.
    expect(await picker.evaluate((el) => (el as HTMLInputElement).files?.length ?? 0)).toBe(0);
    await item('notes.pdf').getByRole('button', { name: ru['report.files.remove'] }).click();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await shot(page, 'report-ru-360-files');
    await noSeriousViolations(page, 'the files step');
    await next.click();

    // 8. Send: the report first, then each file with the receipt.
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/reports'));
    await page.getByRole('button', { name: ru['report.submit'] }).click();
    const answer = (await (await sent).json()) as { receipt_code: string; receipt_secret: string };
    await expect(page.getByTestId('receipt-code')).toHaveText(answer.receipt_code);
    const receiptFiles = page.getByRole('region', { name: ru['report.files.heading'] });
    const sentItem = (name: string) => receiptFiles.getByRole('listitem').filter({ hasText: name });
    await expect(sentItem('видео.mp4').getByTestId('attachment-sha256')).toHaveText(sha256(files.video), {
      timeout: 15_000,
    });
    await expect(sentItem('photo.jpg').getByTestId('attachment-sha256')).toHaveText(sha256(files.photo));
    await expect(sentItem('видео.mp4')).toContainText(ru['report.files.received']);

    // The program named like a photo is refused with the server's message, in Russian; nothing
    // else is lost: the other files are received, the code and secret are still shown.
    const refusedItem = sentItem('IMG_2041.jpg');
    await expect(refusedItem.getByRole('button', { name: ru['report.files.retry'] })).toBeVisible();
    await expect.poll(() => uploads.length).toBe(3);
    const refusal = uploads.find((u) => u.status === 415);
    expect(refusal, JSON.stringify(uploads)).toBeDefined();
    const refusalError = (refusal!.body as { error: { code: string; message: string } }).error;
    expect(refusalError.code).toBe('unsupported_file_type');
    expect(refusalError.message).toMatch(/[А-Яа-яЁё]/);
    await expect(refusedItem).toContainText(refusalError.message);
    const summary = receiptFiles.getByRole('status');
    await expect(summary).toHaveText(ru['report.files.someFailed'].replace('{failed}', '1').replace('{total}', '3'));
    await expect(page.getByTestId('receipt-secret')).toHaveText(answer.receipt_secret);
    await shot(page, 'report-ru-360-files-refused');

    // Each upload carried the receipt in headers (never in the address) and the file as it is.
    for (const u of uploads) {
      expect(u.url).not.toContain('?');
      expect(u.headers['x-receipt-code']).toBe(answer.receipt_code);
      expect(u.headers['x-receipt-secret']).toBe(answer.receipt_secret);
      expect(u.headers['content-type']).toBe('application/octet-stream');
      expect(u.headers['accept-language']).toBe('ru');
    }
    expect(uploads.map((u) => decodeURIComponent(u.headers['x-evidence-filename'])).sort()).toEqual(
      ['IMG_2041.jpg', 'photo.jpg', 'видео.mp4'].sort(),
    );
    const acknowledged = uploads
      .filter((u) => u.status === 201)
      .map((u) => (u.body as { attachment: { sha256: string } }).attachment.sha256);
    expect(acknowledged.sort()).toEqual([sha256(files.video), sha256(files.photo)].sort());

    // Only once every remaining file is acknowledged does it say that all were received.
    await refusedItem.getByRole('button', { name: ru['report.files.remove'] }).click();
    await expect(summary).toHaveText(ru['report.files.allReceived'].replace('{total}', '2'));
    await phoneShot(page, 'report-ru-360-files-received');
    await noSeriousViolations(page, 'the receipt with files');
    expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([['qorgau.lang'], []]);

    // The status page lists both files by their SHA-256; she adds one more there.
    await page.getByRole('link', { name: ru['report.done.statusLink'] }).first().click();
    await page.getByLabel(ru['status.code']).fill(answer.receipt_code);
    await page.getByLabel(ru['status.secret'], { exact: true }).fill(answer.receipt_secret);
    await page.getByRole('button', { name: ru['status.check'] }).click();
    const onRecord = page.getByTestId('status-sha256');
    await expect(onRecord).toHaveCount(2);
    expect((await onRecord.allTextContents()).sort()).toEqual([sha256(files.video), sha256(files.photo)].sort());
    await expect(page.getByTestId('status-attachments')).toContainText(ru['report.files.kind.video']);
    await expect(page.getByTestId('status-attachments')).toContainText(ru['report.files.kind.photo']);

    const adder = page.getByRole('region', { name: ru['status.files.add'] });
    await adder
      .getByLabel(ru['report.files.choose'])
      .setInputFiles({ name: 'справка.pdf', mimeType: 'application/pdf', buffer: files.pdf });
    await expect(adder.getByRole('listitem').filter({ hasText: 'справка.pdf' })).toContainText(
      ru['report.files.kind.document'],
    );
    await adder.getByRole('button', { name: ru['report.files.send'] }).click();
    await expect(adder.getByTestId('attachment-sha256')).toHaveText(sha256(files.pdf));
    await expect(adder.getByRole('status')).toHaveText(ru['report.files.allReceived'].replace('{total}', '1'));
    await expect(onRecord).toHaveCount(3);
    expect((await onRecord.allTextContents()).sort()).toEqual(
      [sha256(files.video), sha256(files.photo), sha256(files.pdf)].sort(),
    );
    await shot(page, 'report-status-ru-360-files');
    await noSeriousViolations(page, 'status with files');

    // "Finish and clear" forgets the files too.
    await page.getByRole('button', { name: ru['status.forget'] }).click();
    await expect(page.getByText('справка.pdf')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('quick exit works on both pages', async ({ page }) => {
    for (const path of ['/report', '/report/status']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path === '/report') await page.getByLabel(en['report.yes'], { exact: true }).check();
      else await page.getByLabel(en['status.code']).fill('QRG-AAAAA-BBBBB');
      await page.getByRole('button', { name: en['exit.button'] }).click();
      await page.waitForURL('about:blank');
      await page.goBack().catch(() => null);
      await page.waitForTimeout(300);
      const after = await page.content();
      expect(after).not.toContain(en['report.heading']);
      expect(after).not.toContain(en['status.heading']);
    }
  });
});

test('quick exit drops the files chosen, and nothing of them is kept in the browser', async ({ page }) => {
  await page.goto('/report');
  await page.getByLabel(en['report.files.choose']).setInputFiles({
    name: 'secret-evidence.jpg',
    mimeType: 'image/jpeg',
    buffer: evidenceFiles().photo,
  });
  await expect(page.getByText('secret-evidence.jpg')).toBeVisible();
  expect(await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)])).toEqual([]);
  expect(await page.evaluate(async () => (indexedDB.databases ? (await indexedDB.databases()).length : 0))).toBe(0);
  await page.getByRole('button', { name: en['exit.button'] }).click();
  await page.waitForURL('about:blank');
  await page.goBack().catch(() => null);
  await page.waitForTimeout(300);
  expect(await page.content()).not.toContain('secret-evidence.jpg');
});

test('on the status page a larger video goes up with a progress bar, in Kazakh', async ({ page }) => {
  // Needs a server with POST /api/v1/intake/attachments (branch attach).
  const created = await page.request.post('/api/v1/intake/reports', {
    data: { reporter: { type: 'survivor' }, incident: { types: ['stalking'], region: ALMATY }, immediate_danger: false },
  });
  expect(created.status()).toBe(201);
  const receipt = (await created.json()) as { receipt_code: string; receipt_secret: string };
  // 3 MB: a valid MP4 header, then padding; sent over a connection slowed to about 1 MB/s.
  const video = Buffer.concat([evidenceFiles().video, Buffer.alloc(3_000_000, 1)]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 4_000_000,
    uploadThroughput: 1_000_000,
  });

  await page.goto('/report/status');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await page.getByLabel(kk['status.code']).fill(receipt.receipt_code);
  await page.getByLabel(kk['status.secret'], { exact: true }).fill(receipt.receipt_secret);
  await page.getByRole('button', { name: kk['status.check'] }).click();
  await expect(page.getByText(kk['status.files.none'])).toBeVisible();
  const adder = page.getByRole('region', { name: kk['status.files.add'] });
  await adder
    .getByLabel(kk['report.files.choose'])
    .setInputFiles({ name: 'бейне.mp4', mimeType: 'video/mp4', buffer: video });
  await expect(adder.getByRole('listitem')).toContainText(kk['report.files.kind.video']);
  await adder.getByRole('button', { name: kk['report.files.send'] }).click();
  const bar = adder.getByRole('progressbar', { name: kk['report.files.sendingName'].replace('{name}', 'бейне.mp4') });
  await expect(bar).toBeVisible();
  await expect(adder.getByRole('status')).toHaveText(
    kk['report.files.progress'].replace('{received}', '0').replace('{total}', '1'),
  );
  await shot(page, 'report-status-kk-1280-uploading');
  await expect(adder.getByTestId('attachment-sha256')).toHaveText(sha256(video), { timeout: 20_000 });
  await expect(bar).toHaveCount(0);
  await expect(adder.getByRole('status')).toHaveText(kk['report.files.allReceived'].replace('{total}', '1'));
  await expect(page.getByTestId('status-sha256')).toHaveText([sha256(video)]);
  await expect(page.getByTestId('status-attachments')).toContainText(kk['report.files.kind.video']);
  await phoneShot(page, 'report-status-kk-360-files');
});

test('an upload cut off by the network is offered again, and the retry is acknowledged', async ({ page }) => {
  // Needs a server with POST /api/v1/intake/attachments (branch attach).
  const { photo } = evidenceFiles();
  let attempts = 0;
  await page.route('**/api/v1/intake/attachments', async (route) => {
    attempts += 1;
    if (attempts === 1) await route.abort('connectionreset');
    else await route.continue();
  });
  await page.goto('/report');
  await page.getByRole('group', { name: en['report.danger.question'] }).getByLabel(en['report.no']).check();
  await page.getByLabel(en['report.who.survivor']).check();
  await page.getByLabel(en['report.type.online_harassment']).check();
  await page.getByLabel(en['report.where.region']).selectOption(ALMATY);
  await page.getByLabel(en['report.contact.no']).check();
  await page
    .getByLabel(en['report.files.choose'])
    .setInputFiles({ name: 'screenshot.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: en['report.submit'] }).click();

  const files = page.getByRole('region', { name: en['report.files.heading'] });
  const item = files.getByRole('listitem').filter({ hasText: 'screenshot.jpg' });
  await expect(item).toContainText(en['error.network']);
  await expect(files.getByRole('status')).toHaveText(
    en['report.files.someFailed'].replace('{failed}', '1').replace('{total}', '1'),
  );
  // Nothing is lost: the receipt is still there to write down.
  await expect(page.getByTestId('receipt-code')).toHaveText(/^QRG-/);
  await expect(page.getByTestId('receipt-secret')).not.toBeEmpty();
  await shot(page, 'report-en-1280-upload-failed');

  await item.getByRole('button', { name: en['report.files.retry'] }).click();
  await expect(item.getByTestId('attachment-sha256')).toHaveText(sha256(photo));
  await expect(files.getByRole('status')).toHaveText(en['report.files.allReceived'].replace('{total}', '1'));
  await expect(item.getByRole('button', { name: en['report.files.retry'] })).toHaveCount(0);
  expect(attempts).toBe(2);
});

test('a report takes a limited number of files: the one over the cap is refused with the server message', async ({
  page,
}) => {
  // Needs a server with POST /api/v1/intake/attachments (branch attach).
  const created = await page.request.post('/api/v1/intake/reports', {
    data: {
      reporter: { type: 'witness' },
      incident: { types: ['bullying_of_minor'], region: ALMATY },
      immediate_danger: false,
    },
  });
  const receipt = (await created.json()) as { receipt_code: string; receipt_secret: string };
  // Photos that differ in one byte, one more than a report takes.
  const { photo } = evidenceFiles();
  const photos = Array.from({ length: 21 }, (_, i) => ({
    name: `photo-${String(i + 1).padStart(2, '0')}.jpg`,
    mimeType: 'image/jpeg',
    buffer: Buffer.concat([photo.subarray(0, photo.length - 2), Buffer.from([i]), photo.subarray(photo.length - 2)]),
  }));
  const refusals: { status: number; error: { code: string; message: string } }[] = [];
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/v1/intake/attachments') && r.status() !== 201) {
      refusals.push({ status: r.status(), ...((await r.json()) as { error: { code: string; message: string } }) });
    }
  });

  await page.goto('/report/status');
  await page.getByLabel(en['status.code']).fill(receipt.receipt_code);
  await page.getByLabel(en['status.secret'], { exact: true }).fill(receipt.receipt_secret);
  await page.getByRole('button', { name: en['status.check'] }).click();
  const adder = page.getByRole('region', { name: en['status.files.add'] });
  await adder.getByLabel(en['report.files.choose']).setInputFiles(photos);
  await adder.getByRole('button', { name: en['report.files.send'] }).click();
  await expect(adder.getByRole('status')).toHaveText(
    en['report.files.someFailed'].replace('{failed}', '1').replace('{total}', '21'),
    { timeout: 20_000 },
  );
  // The listener reads each refusal's body asynchronously: wait for it before looking.
  await expect.poll(() => refusals.length).toBe(1);
  expect(refusals.map((r) => [r.status, r.error.code])).toEqual([[409, 'too_many_attachments']]);
  const last = adder.getByRole('listitem').filter({ hasText: 'photo-21.jpg' });
  await expect(last).toContainText(refusals[0].error.message);
  await expect(adder.getByTestId('attachment-sha256')).toHaveCount(20);
  await expect(page.getByTestId('status-sha256')).toHaveCount(20);
});

test('on a wide screen every section is on one page; nothing required is skipped', async ({ page }) => {
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['report.heading']);
  for (const s of ['danger', 'who', 'what', 'whenWhere', 'people', 'contact', 'files', 'account'] as const) {
    await expect(page.getByRole('heading', { level: 2, name: en[`report.step.${s}`] })).toBeVisible();
  }
  await expect(page.getByText(en['report.stepOf'].replace('{n}', '1').replace('{total}', '8'))).toHaveCount(0);
  await expect(page.getByRole('button', { name: en['report.next'] })).toHaveCount(0);
  // One file picker, offering what the server accepts.
  await expect(page.locator('input[type="file"]')).toHaveCount(1);
  await expect(page.getByLabel(en['report.files.choose'])).toHaveAttribute('accept', 'image/*,video/*,audio/*,application/pdf');

  // Sending with nothing answered: the required questions say what is missing.
  await page.getByRole('button', { name: en['report.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['report.fixErrors']);
  for (const key of ['report.danger.required', 'report.who.required', 'report.what.required', 'report.where.regionRequired', 'report.contact.required'] as const) {
    await expect(page.getByText(en[key])).toBeVisible();
  }
  await expect(page.getByLabel(en['report.yes'], { exact: true }).first()).toBeFocused();
  await shot(page, 'report-en-1280-errors');
  await noSeriousViolations(page, '/report with errors');

  // A survivor who does not want to be contacted: the smallest report.
  await page.getByRole('group', { name: en['report.danger.question'] }).getByLabel(en['report.no']).check();
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
  await page.getByLabel(en['report.who.survivor']).check();
  await page.getByLabel(en['report.type.stalking']).check();
  await page.getByLabel(en['report.where.region']).selectOption(ALMATY);
  await page.getByLabel(en['report.contact.no']).check();
  await expect(page.getByText(en['report.contact.noNote'])).toBeVisible();
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/reports'));
  await page.getByRole('button', { name: en['report.submit'] }).click();
  const response = await sent;
  expect(response.status()).toBe(201);
  expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
    reporter: { type: 'survivor', name: null },
    incident: { types: ['stalking'], region: ALMATY, date: null },
    victim: null,
    aggressor: null,
    immediate_danger: false,
    contact: { ways: ['do_not_contact'] },
    consent: [],
  });
  await expect(page.getByRole('heading', { level: 2, name: en['report.done.heading'] })).toBeVisible();
  await expect(page.getByText(en['report.done.keep'])).toBeVisible();
  await shot(page, 'report-en-1280-receipt');

  // "Make another report" starts empty.
  await page.getByRole('button', { name: en['report.done.another'] }).click();
  await expect(page.getByLabel(en['report.who.survivor'])).not.toBeChecked();
  await expect(page.getByTestId('receipt-code')).toHaveCount(0);
});

test('the status page at full width, and links from the header, footer and home', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: en['help.nav.label'] }).getByRole('link', { name: en['report.nav.report'] }).click();
  await expect(page).toHaveURL(/\/report$/);
  await page.getByRole('contentinfo').getByRole('link', { name: en['report.nav.status'] }).click();
  await expect(page).toHaveURL(/\/report\/status$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['status.heading']);
  expect(en['report.title']).not.toMatch(/violence|abuse|report|danger|help/i);
  expect(en['status.title']).not.toMatch(/violence|abuse|report|danger|help/i);

  await page.getByRole('button', { name: en['status.check'] }).click();
  await expect(page.getByText(en['status.codeRequired'])).toBeVisible();
  await expect(page.getByText(en['status.secretRequired'])).toBeVisible();
  await page.getByLabel(en['status.code']).fill('QRG-22222-33333');
  await page.getByLabel(en['status.secret'], { exact: true }).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/receipt'));
  await page.getByRole('button', { name: en['status.check'] }).click();
  const { error } = (await (await refused).json()) as { error: { message: string } };
  await expect(page.getByRole('alert')).toHaveText(error.message);
  await shot(page, 'report-status-en-1280-refused');

  await page.goto('/');
  await page.getByRole('link', { name: en['report.home.status'] }).click();
  await expect(page).toHaveURL(/\/report\/status$/);

  // In Kazakh, on a phone and at full width.
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['status.heading']);
  await phoneShot(page, 'report-status-kk-360');
  await page.getByRole('contentinfo').getByRole('link', { name: kk['report.nav.report'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk['report.heading']);
  await expect(page).toHaveTitle(kk['report.title']);
  await page.getByRole('group', { name: kk['report.danger.question'] }).getByLabel(kk['report.yes']).check();
  await shot(page, 'report-kk-1280');
  await phoneShot(page, 'report-kk-360');
});

test('a field the server refuses is marked at that field, with the server message', async ({ page }) => {
  // What passes the browser's checks can still be refused: here the request is changed in
  // flight to carry an IIN with a wrong check digit, and the real server answers.
  const { wrong } = iins();
  await page.route('**/api/v1/intake/reports', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, victim: { iin: wrong } }) });
  });
  await page.goto('/report');
  await page.getByRole('group', { name: en['report.danger.question'] }).getByLabel(en['report.no']).check();
  await page.getByLabel(en['report.who.witness']).check();
  await page.getByLabel(en['report.type.bullying_of_minor']).check();
  await page.getByLabel(en['report.where.region']).selectOption(ALMATY);
  await page.getByLabel(en['report.contact.no']).check();
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/reports'));
  await page.getByRole('button', { name: en['report.submit'] }).click();
  const response = await sent;
  expect(response.status()).toBe(400);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('invalid_iin');
  await expect(page.getByRole('alert')).toHaveText(error.message);
  const iin = page.getByRole('group', { name: en['report.people.victim'] }).getByLabel(en['report.people.iin']);
  await expect(iin).toHaveAttribute('aria-invalid', 'true');
  await expect(iin).toBeFocused();
  await expect(page.getByText(en['report.iin.server'])).toBeVisible();
  // Nothing was lost: her answers are still there.
  await expect(page.getByLabel(en['report.who.witness'])).toBeChecked();
  await expect(page.getByTestId('receipt-code')).toHaveCount(0);
});
