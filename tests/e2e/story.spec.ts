// The story issue 3 was written for, end to end in one browser run: a witness in Astana sends a
// report with a phone video and keeps the receipt; the 111 operator accepts it into a case without
// the victim's complaint (the video is the ground) and hands it to the police; a police officer
// adds a note and refers the case to a crisis centre, which accepts; the reporter sees with her
// receipt that the report was taken up; the court bundle downloads, and the hash in its manifest,
// in its PDF and of the file inside it is the hash of the video the witness sent.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { login, messages, phoneShot, shot } from './helpers';

const { en } = messages;
type Key = keyof typeof en;

const ASTANA = '710000000';
const SURVIVOR = 'Жанар Төлеуқызы Серікова';
const AGGRESSOR = 'Бауыржан Маратұлы Серіков';

function msg(key: Key, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A phone video as the server recognises it: an MP4 "ftyp" box, then 256 KiB of media data. */
function phoneVideo(): Buffer {
  const box = (type: string, payload: Buffer): Buffer => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(8 + payload.length);
    return Buffer.concat([size, Buffer.from(type, 'latin1'), payload]);
  };
  return Buffer.concat([
    box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')])),
    box('mdat', randomBytes(256 * 1024)),
  ]);
}

test.use({ timezoneId: 'Asia/Almaty' });

async function staffPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function openNav(page: Page, key: Key): Promise<void> {
  await page.getByRole('navigation', { name: en['staff.navLabel'] }).getByRole('link', { name: en[key] }).click();
}

async function agencyId(page: Page, part: string): Promise<{ id: number; name: string }> {
  const { agencies } = (await (await page.request.get('/api/v1/agencies')).json()) as {
    agencies: { id: number; name: string }[];
  };
  const found = agencies.find((a) => a.name.includes(part));
  expect(found, part).toBeTruthy();
  return found!;
}

test('from a witness’s phone video to a court bundle whose manifest hash is the video’s', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const video = phoneVideo();
  const videoSha = sha256(video);

  // 1. The witness, without an account, reports what she saw and attaches the video.
  await page.goto('/report');
  await page.getByRole('group', { name: en['report.danger.question'] }).getByLabel(en['report.no']).check();
  await page.getByLabel(en['report.who.witness']).check();
  await page.getByLabel(en['report.type.physical_assault']).check();
  await page.getByLabel(en['report.where.region']).selectOption(ASTANA);
  await page.getByRole('group', { name: en['report.people.victim'] }).getByLabel(en['report.people.name']).fill(SURVIVOR);
  await page.getByRole('group', { name: en['report.people.aggressor'] }).getByLabel(en['report.people.name']).fill(AGGRESSOR);
  await page.getByLabel(en['report.contact.no']).check();
  await page.getByLabel(en['report.files.choose']).setInputFiles({ name: 'VID_20261121_2214.mp4', mimeType: 'video/mp4', buffer: video });
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/intake/reports'));
  await page.getByRole('button', { name: en['report.submit'] }).click();
  const receipt = (await (await sent).json()) as { receipt_code: string; receipt_secret: string };
  const files = page.getByRole('region', { name: en['report.files.heading'] });
  await expect(files.getByTestId('attachment-sha256')).toHaveText(videoSha, { timeout: 15_000 });
  await expect(files.getByRole('status')).toHaveText(msg('report.files.allReceived', { total: 1 }));
  await expect(page.getByTestId('receipt-code')).toHaveText(receipt.receipt_code);
  await shot(page, 'story-1-witness-receipt');

  // 2. The 111 operator opens the report (the video is listed with its hash) and accepts it into a
  //    case without the victim's complaint, on the ground of the video, then hands it to the police.
  const operator = await staffPage(browser, 'operator');
  const queue = (await (await operator.request.get('/api/v1/intake/triage')).json()) as { reports: { id: number }[] };
  const reportId = Math.max(...queue.reports.map((r) => r.id));
  await openNav(operator, 'cases.nav.triage');
  await operator.getByRole('link', { name: msg('cases.triage.reportN', { id: reportId }), exact: true }).click();
  await expect(operator.getByRole('main')).toContainText(videoSha);
  await operator.getByRole('button', { name: en['cases.triage.accept'] }).click();
  await operator.getByLabel(en['cases.accept.ground'], { exact: true }).selectOption('video');
  const accepted = operator.waitForResponse((r) => r.url().endsWith(`/api/v1/intake/reports/${reportId}/accept`));
  await operator.getByRole('button', { name: en['cases.accept.submit'] }).click();
  expect((await accepted).status()).toBe(201);
  const created = (await (await accepted).json()) as { id: number; case_number: string; basis: string };
  expect(created.basis).toBe('without_complaint');
  await expect(operator).toHaveURL(new RegExp(`/staff/cases/${created.id}$`));
  const header = operator.getByRole('main').locator('.cs-header');
  await expect(header).toContainText(en['cases.basis.without_complaint']);
  await expect(header).toContainText(en['cases.ground.video']);
  await expect(operator.getByRole('region', { name: en['cases.evidence.heading'] })).toContainText(videoSha);
  const police = await agencyId(operator, 'Astana city police');
  await operator.getByRole('button', { name: en['cases.case.assign'] }).click();
  await operator.getByLabel(en['cases.agency'], { exact: true }).selectOption(String(police.id));
  await operator.getByRole('button', { name: en['cases.save'] }).click();
  await expect(header).toContainText(police.name);
  await shot(operator, 'story-2-operator-case');

  // 3. The police officer finds the case in her list, adds a note and refers it to crisis centre
  //    Bereke with what the survivor agreed to share.
  const officer = await staffPage(browser, 'officer');
  await openNav(officer, 'cases.nav.cases');
  await officer.getByRole('link', { name: created.case_number, exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: msg('cases.case.title', { number: created.case_number }) })).toBeVisible();
  await officer.getByRole('button', { name: en['cases.notes.new'] }).click();
  await officer.getByLabel(en['cases.notes.label'], { exact: true }).fill('Spoke to the neighbour who filmed it; statement taken.');
  await officer.getByRole('button', { name: en['cases.notes.add'] }).click();
  await expect(officer.getByRole('region', { name: en['cases.notes.heading'] })).toContainText('statement taken');
  const bereke = await agencyId(officer, 'Bereke');
  await officer.getByRole('button', { name: en['cases.referrals.new'] }).click();
  await officer.getByLabel(en['cases.referrals.to'], { exact: true }).selectOption(String(bereke.id));
  await officer.getByLabel(en['cases.share.survivor_name'], { exact: true }).check();
  await officer.getByLabel(en['cases.share.incident_types'], { exact: true }).check();
  await officer.getByRole('button', { name: en['cases.referrals.send'] }).click();
  const referrals = officer.getByRole('region', { name: en['cases.referrals.heading'] });
  await expect(referrals.getByRole('status')).toHaveText(msg('cases.referrals.sent', { agency: bereke.name }));

  // 4. The crisis centre accepts the referral.
  const centre = await staffPage(browser, 'bereke');
  await openNav(centre, 'cases.nav.referrals');
  const card = centre.getByRole('article', { name: msg('cases.incoming.item', { id: created.id, agency: police.name }) });
  await card.getByRole('button', { name: en['cases.incoming.accept'] }).click();
  await expect(card).toContainText(en['cases.referralStatus.accepted']);
  await shot(centre, 'story-4-centre-accepted');
  await officer.reload();
  await expect(officer.getByRole('region', { name: en['cases.referrals.heading'] })).toContainText(en['cases.referralStatus.accepted']);
  await shot(officer, 'story-3-officer-case');

  // 5. The reporter checks her report with the receipt: taken up, and her video on record.
  const reporter = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 360, height: 740 } });
  const status = await reporter.newPage();
  await status.goto('/report/status');
  await status.getByLabel(en['status.code']).fill(receipt.receipt_code);
  await status.getByLabel(en['status.secret'], { exact: true }).fill(receipt.receipt_secret);
  await status.getByRole('button', { name: en['status.check'] }).click();
  await expect(status.getByText(en['status.state.accepted'], { exact: true })).toBeVisible();
  await expect(status.getByTestId('status-sha256')).toHaveText([videoSha]);
  await phoneShot(status, 'story-5-reporter-status');
  await reporter.close();

  // 6. The court bundle: the archive's SHA256SUMS and PDF manifest name the video by the hash the
  //    witness was given, and the file inside the archive has that hash.
  const [download] = await Promise.all([
    officer.waitForEvent('download'),
    officer.getByRole('link', { name: en['cases.case.bundleZip'] }).click(),
  ]);
  const dir = mkdtempSync(path.join(tmpdir(), 'qorgau-bundle-'));
  try {
    const archive = path.join(dir, 'bundle.zip');
    await download.saveAs(archive);
    const entries = execFileSync('unzip', ['-Z1', archive], { encoding: 'utf8' }).trim().split('\n');
    const videoEntry = entries.find((e) => e.startsWith('evidence/') && e.endsWith('.mp4'));
    expect(videoEntry, entries.join(', ')).toBeTruthy();
    const sums = execFileSync('unzip', ['-p', archive, 'SHA256SUMS'], { encoding: 'utf8' });
    expect(sums).toContain(`${videoSha}  ${videoEntry}`);
    const original = execFileSync('unzip', ['-p', archive, videoEntry!], { maxBuffer: 64 * 1024 * 1024 });
    expect(sha256(original)).toBe(videoSha);
    const pdf = path.join(dir, 'bundle.pdf');
    writeFileSync(pdf, execFileSync('unzip', ['-p', archive, 'bundle.pdf'], { maxBuffer: 64 * 1024 * 1024 }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(created.case_number);
    expect(text.replace(/ /g, '')).toContain(videoSha);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const p of [operator, officer, centre]) await p.context().close();
});
