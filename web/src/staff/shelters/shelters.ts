// Types of the crisis-centre API (module shelters) and small helpers the screens share.
import { api, type Names } from '../../lib/api';
import './shelters.css';
import { dateFormat, i18n, pick, plural, t } from '../../lib/i18n.svelte';

export interface Counts {
  women: number;
  children: number;
  accessible: number;
}

export interface ShelterSummary {
  id: number;
  name: Names;
  region_kato: string;
  locality: Names;
  phone: string;
  languages: string[];
  hours_24_7: boolean;
  agency_id: number;
  own: boolean;
  capacity: Counts;
  occupied: Counts;
  held: Counts;
  available: Counts;
  occupancy_updated_at: number;
  max_stay_days?: number;
  admission_rules: string;
  fits?: boolean;
}

export interface ShelterDetail extends ShelterSummary {
  address?: string | null;
}

export type HoldStatus = 'active' | 'released' | 'filled' | 'expired';

export interface Hold {
  id: number;
  shelter_id: number;
  women: number;
  children: number;
  accessible: boolean;
  created_at: number;
  expires_at: number;
  status: HoldStatus;
}

export const URGENCIES = ['now', 'today', 'planned'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const NEEDS = ['disability_access', 'language_kk', 'medical', 'infant', 'boys_over_10'] as const;
export const DECLINE_REASONS = ['no_space', 'needs_not_met', 'other'] as const;
export const SERVICE_KINDS = ['medical', 'psychological', 'legal', 'social', 'education', 'other'] as const;
export const DESTINATIONS = [
  'own_home',
  'relatives',
  'independent_housing',
  'another_shelter',
  'returned_to_aggressor',
  'other',
  'unknown',
] as const;
export const LANGUAGES = ['kk', 'ru', 'en'] as const;

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'admitted' | 'cancelled';

export interface Referral {
  id: number;
  shelter_id: number;
  shelter_name: Names;
  hold_id: number;
  women: number;
  children: number;
  accessible: boolean;
  needs: string[];
  urgency: Urgency | string;
  callback_phone: string | null;
  status: ReferralStatus | string;
  decline_reason: string | null;
  created_at: number;
  decided_at: number | null;
  direction: 'incoming' | 'outgoing';
  referring_agency_name: string;
}

export interface PersonRef {
  person_id: number;
  full_name: string;
  birth_date: string | null;
}

export interface Admission {
  id: number;
  shelter_id: number;
  referral_id: number | null;
  woman: PersonRef & { iin: string | null };
  children: PersonRef[];
  accessible: boolean;
  admitted_at: number;
  days_stayed: number;
  max_stay_ends_at: number;
  max_stay_alert: 'ok' | 'approaching' | 'exceeded';
  over_capacity_reason: string | null;
  services: { kind: string; at: number }[];
  discharged_at: number | null;
  destination: string | null;
}

export interface ReportRow {
  occupancy_rate: number;
  admissions: number;
  average_stay_days: number | null;
  turnaways: number;
  over_capacity_admissions: number;
  capacity: Counts;
}

export interface CentreReport extends ReportRow {
  shelter_id: number;
  name: Names;
  region_kato: string;
  days: { day: string; women: number; children: number }[];
}

export interface RegionReport extends ReportRow {
  region_kato: string;
}

export interface ShelterReport {
  from: string;
  to: string;
  centres: CentreReport[];
  regions: RegionReport[];
}

/** The body of POST /shelters (PUT takes the same minus agency_id and region_kato). */
export interface CentreBody {
  agency_id?: number;
  region_kato?: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  locality: string;
  phone: string;
  languages: string[];
  hours_24_7: boolean;
  beds_women: number;
  beds_children: number;
  accessible_rooms: number;
  admission_rules: string;
  address: string;
}

/** Occupancy older than this is marked as stale. */
export const STALE_MINUTES = 6 * 60;

export function listShelters(params: Record<string, string | number | boolean | undefined> = {}): Promise<ShelterSummary[]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return api<{ shelters: ShelterSummary[] }>('GET', `/shelters${qs ? `?${qs}` : ''}`).then((r) => r.shelters);
}

export function listReferrals(): Promise<Referral[]> {
  return api<{ referrals: Referral[] }>('GET', '/shelter-referrals').then((r) => r.referrals);
}

export function minutesSince(ms: number, now: number): number {
  return Math.max(0, Math.floor((now - ms) / 60_000));
}

export function isStale(ms: number, now: number): boolean {
  return minutesSince(ms, now) >= STALE_MINUTES;
}

/** "5 min ago", "3 h ago" in the current language (from the catalogue, so it reads the same in every browser). */
export function formatAgo(ms: number, now: number): string {
  const min = minutesSince(ms, now);
  if (min < 1) return t('shelters.ago.now');
  if (min < 60) return plural('shelters.ago.minutes', min);
  const h = Math.floor(min / 60);
  if (h < 48) return plural('shelters.ago.hours', h);
  return plural('shelters.ago.days', Math.floor(h / 24));
}

const NUM_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const NUM_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Time left as m:ss (or h:mm:ss). */
export function formatCountdown(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatDateMs(ms: number): string {
  return dateFormat({ dateStyle: 'medium' }, NUM_DATE).format(new Date(ms));
}

export function formatDateTimeMs(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }, { ...NUM_DATE, ...NUM_TIME }).format(new Date(ms));
}

export function formatTimeMs(ms: number): string {
  return dateFormat({ timeStyle: 'short' }, NUM_TIME).format(new Date(ms));
}

/** A YYYY-MM-DD day (no time zone shift). */
export function formatDay(day: string, style: 'medium' | 'short' = 'medium'): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const fmt =
    style === 'short'
      ? dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }, { day: '2-digit', month: '2-digit', timeZone: 'UTC' })
      : dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }, { ...NUM_DATE, timeZone: 'UTC' });
  return fmt.format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatPercent(rate: number): string {
  return new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

export function formatDecimal(n: number): string {
  return new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 }).format(n);
}

/** YYYY-MM-DD of a local date. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function shelterName(s: { name: Names }): string {
  return pick(s.name);
}

/** A reactive clock for countdowns and "N minutes ago": call start() in onMount, it returns the stop. */
export function ticker(periodMs: number, onTick: (now: number) => void): () => void {
  const id = setInterval(() => onTick(Date.now()), periodMs);
  return () => clearInterval(id);
}
