// The current language, message lookup and locale-aware formatting.
// The language choice is the only thing public pages keep in browser storage.
import { en, type MessageKey, type Messages, type PluralKey } from '../i18n/en';
import { kk } from '../i18n/kk';
import { ru } from '../i18n/ru';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
/** Each language named in itself; never translated. */
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export const STORAGE_KEY = 'qorgau.lang';

const catalogs: Record<Lang, Messages> = { kk, ru, en };
const locales: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

function isLang(v: unknown): v is Lang {
  return v === 'kk' || v === 'ru' || v === 'en';
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage can be unavailable (some private modes); fall through.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'kk';
}

let current = $state<Lang>(initialLang());

export const i18n = {
  get lang(): Lang {
    return current;
  },
  get locale(): string {
    return locales[current];
  },
};

export function applyLang(): void {
  document.documentElement.lang = current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
  applyLang();
}

function fill(s: string, params?: Record<string, string | number>): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

// Catalogues that come with a lazily loaded chunk (the staff area's), so the
// public bundle does not carry them. Registered before that chunk renders.
const loaded: Record<Lang, Record<string, string>> = { kk: {}, ru: {}, en: {} };

/** Adds a chunk's messages (each language complete, checked by its own types). */
export function registerMessages(catalog: Record<Lang, Record<string, string>>): void {
  for (const lang of LANGS) Object.assign(loaded[lang], catalog[lang]);
}

function lookup(key: string): string | undefined {
  const cat = catalogs[current] as Record<string, string>;
  if (Object.prototype.hasOwnProperty.call(cat, key)) return cat[key];
  return Object.prototype.hasOwnProperty.call(loaded[current], key) ? loaded[current][key] : undefined;
}

/** The message for key in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(lookup(key) ?? key, params);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A message with a count in it ("через 2 дня", "1 day", "5 дней"), from the form of its plural
 * category in the current language (i18n/plural.ts). The count fills {n}, written for the
 * language; other placeholders come from params.
 */
export function plural(key: PluralKey, n: number, params?: Record<string, string | number>): string {
  const locale = locales[current];
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const message = lookup(`${key}#${rules.select(n)}`) ?? lookup(`${key}#other`) ?? key;
  return fill(message, { n: formatNumber(n), ...params });
}

/** For keys built from server values (roles, kinds, permissions): the message if there is one. */
export function tMaybe(key: string, fallback: string, params?: Record<string, string | number>): string {
  const message = lookup(key);
  return message === undefined ? fallback : fill(message, params);
}

/** Pick the current language from a server {kk, ru, en} object. */
export function pick(names: Partial<Record<Lang, string>> | null | undefined): string {
  if (!names) return '';
  return names[current] ?? names.en ?? names.ru ?? names.kk ?? '';
}

/**
 * Dates in the current language when the browser knows it; otherwise (some browsers lack Kazakh)
 * all-numeric dates, which read the same in any language.
 */
const knowsMonths = new Map<string, boolean>();
function hasMonthNames(locale: string): boolean {
  let known = knowsMonths.get(locale);
  if (known === undefined) {
    // Without the language's data, browsers fall back to "M01"-style month names.
    const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, 0, 15));
    known = !/^M?\d+$/.test(month);
    knowsMonths.set(locale, known);
  }
  return known;
}

export function dateFormat(opts: Intl.DateTimeFormatOptions, numeric: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  if (hasMonthNames(locales[current])) return new Intl.DateTimeFormat(locales[current], opts);
  return new Intl.DateTimeFormat('ru-KZ', numeric);
}

/**
 * A moment with its date and time; `seconds` for records where they matter (the audit log), not
 * for what a person reads in a message.
 */
export function formatDateTime(iso: string, seconds = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(seconds ? { second: '2-digit' } : {}) };
  const numeric: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', ...time };
  return dateFormat({ dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }, numeric).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locales[current]).format(n);
}

export function collator(): Intl.Collator {
  return new Intl.Collator(locales[current]);
}

export const roleName = (role: string): string => tMaybe(`role.${role}`, role);
export const kindName = (kind: string): string => tMaybe(`kind.${kind}`, kind);
