// The report pages and the messages only they use: one chunk, loaded when a
// report page is opened, so the home and help pages stay small on a slow phone.
import { registerMessages } from '../lib/i18n.svelte';
import { reportEn } from '../i18n/report.en';
import { reportKk } from '../i18n/report.kk';
import { reportRu } from '../i18n/report.ru';

registerMessages({ en: reportEn, kk: reportKk, ru: reportRu });

export { default as Report } from './Report.svelte';
export { default as ReportStatus } from './ReportStatus.svelte';
