// Messages only the staff area uses, registered when its chunk loads so that
// the public pages (a survivor on a slow phone connection) never download them.
import { registerMessages } from '../lib/i18n.svelte';
import { sheltersEn } from '../i18n/shelters.en';
import { sheltersKk } from '../i18n/shelters.kk';
import { sheltersRu } from '../i18n/shelters.ru';

registerMessages({ en: sheltersEn, kk: sheltersKk, ru: sheltersRu });
