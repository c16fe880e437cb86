// Messages only the staff area uses, registered when its chunk loads so that
// the public pages (a survivor on a slow phone connection) never download them.
import { registerMessages } from '../lib/i18n.svelte';
import { casesEn } from '../i18n/cases.en';
import { casesKk } from '../i18n/cases.kk';
import { casesRu } from '../i18n/cases.ru';
import { ordersEn } from '../i18n/orders.en';
import { ordersKk } from '../i18n/orders.kk';
import { ordersRu } from '../i18n/orders.ru';
import { reportEn } from '../i18n/report.en';
import { reportKk } from '../i18n/report.kk';
import { reportRu } from '../i18n/report.ru';
import { notifyEn } from '../i18n/notify.en';
import { notifyKk } from '../i18n/notify.kk';
import { notifyRu } from '../i18n/notify.ru';
import { riskEn } from '../i18n/risk.en';
import { riskKk } from '../i18n/risk.kk';
import { riskRu } from '../i18n/risk.ru';
import { sheltersEn } from '../i18n/shelters.en';
import { sheltersKk } from '../i18n/shelters.kk';
import { sheltersRu } from '../i18n/shelters.ru';

registerMessages({ en: sheltersEn, kk: sheltersKk, ru: sheltersRu });
registerMessages({ en: casesEn, kk: casesKk, ru: casesRu });
// The triage screens name the codes of a public report (place, relationship, age, contact) as
// the report form does.
registerMessages({ en: reportEn, kk: reportKk, ru: reportRu });
// Protective orders: the case's orders, field verification, expiring orders.
registerMessages({ en: ordersEn, kk: ordersKk, ru: ordersRu });
// Risk: the case's risk panel, the assessment and the due reviews (also names the risk events of
// the case timeline).
registerMessages({ en: riskEn, kk: riskKk, ru: riskRu });
// Notifications to her (consent, the list, the aggressor's release) and the incident form.
registerMessages({ en: notifyEn, kk: notifyKk, ru: notifyRu });
