// Types of the protective-orders API (docs/api.md "Orders") and helpers the order screens share.
import { plural, t, tMaybe } from '../../lib/i18n.svelte';
import { formatDay } from '../shelters/shelters';
import './orders.css';

export const ORDER_KINDS = [
  'police_protective',
  'emergency',
  'court_special_requirements',
  'court_cohabitation_ban',
  'court_psychological_correction',
] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const CONDITIONS = ['no_contact', 'no_approach', 'no_visiting', 'no_weapons', 'no_alcohol_drugs'] as const;
export type ConditionCode = (typeof CONDITIONS)[number];

export const REVOKE_REASONS = ['court_decision', 'issued_in_error', 'other'] as const;

/**
 * How each kind's length is given when it is issued, and the length the form proposes (the legal
 * bounds themselves are the jurisdiction file's, checked by the server: order_out_of_bounds).
 */
export const DURATION: Record<OrderKind, { unit: 'days' | 'months'; proposed: number }> = {
  police_protective: { unit: 'days', proposed: 30 },
  emergency: { unit: 'days', proposed: 10 },
  court_special_requirements: { unit: 'months', proposed: 3 },
  court_cohabitation_ban: { unit: 'months', proposed: 1 },
  court_psychological_correction: { unit: 'months', proposed: 3 },
};

export const isCourtKind = (kind: string): boolean => kind.startsWith('court_');

export interface Condition {
  code: string;
  metres?: number;
  places?: string;
}

export interface Violation {
  id: number;
  order_id: number;
  occurred_at: number;
  place: string;
  description: string;
  recorded_at: number;
  recorded_by_user_id: number;
  /** Display names are opened for the reader; null only when no user acted. */
  recorded_by_name: string | null;
  evidence_ids: number[];
}

export interface FollowUp {
  id: number;
  kind: 'administrative_case' | 'criminal_case' | string;
  repeat: boolean;
  /** A repeat breach that stays administrative asks for arrest where the law allows it. */
  arrest_requested?: boolean;
  status: string;
  opened_at: number;
  basis: string;
}

export interface Attendance {
  session_on: string;
  attended: boolean;
}

export interface Order {
  id: number;
  number: string;
  case_id: number;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string;
  ends_at: number;
  conditions: Condition[];
  protected_contact_route: string;
  court?: { name: string; decision_number: string } | null;
  issued_at: number;
  issued_by_user_id: number;
  issued_by_name: string | null;
  served_at?: number | null;
  served_by_user_id?: number | null;
  served_by_name?: string | null;
  extended: boolean;
  revoked_at?: number | null;
  violations: Violation[];
  follow_ups: FollowUp[];
  attendance: Attendance[];
}

/** An order as the field verification shows it: nothing else about the case. */
export interface VerifiedOrder {
  id: number;
  number: string;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string;
  conditions: Condition[];
  protected_contact_route: string;
}

export interface Verification {
  checked_at: number;
  under_active_order: boolean;
  orders: VerifiedOrder[];
}

export interface RecordedViolation {
  violation: Violation;
  follow_up: FollowUp;
  /** The case's risk level after the violation raised it (absent if the case had none). */
  risk_level?: string | null;
}

export interface ExpiringOrder {
  id: number;
  number: string;
  case_id: number;
  case_number: string;
  kind: string;
  status: string;
  ends_on: string;
  ends_at: number;
  days_left: number;
}

export const kindName = (code: string): string => tMaybe(`orders.kind.${code}`, code);
export const statusName = (code: string): string => tMaybe(`orders.status.${code}`, code);
export const followUpName = (code: string): string => tMaybe(`orders.followUp.${code}`, code);
/** A risk level in words, as the risk screens say it (their catalogue, risk.*.ts). */
export const levelName = (code: string): string => tMaybe(`risk.level.${code}`, code);
export const revokeReasonName = (code: string): string => tMaybe(`orders.revokeReason.${code}`, code);
/**
 * The law a follow-up rests on: the jurisdiction file gives it in English; the texts of its
 * reference file (reference/kz/jurisdiction.toml) have their Kazakh and Russian names here, and
 * any other text is shown as given.
 */
export const legalBasisName = (text: string): string => tMaybe(`orders.legalBasis.${text}`, text);

/** An order is in force while served and not ended (the server derives expiry at read time). */
export const inForce = (status: string): boolean => status === 'active' || status === 'violated';
/** Serve, extend, revoke and violations apply to orders that have not ended. */
export const isOpen = (status: string): boolean => status === 'issued' || inForce(status);

/** One condition in words, with its distance or places. */
export function conditionText(c: Condition): string {
  if (c.code === 'no_approach' && c.metres !== undefined) return t('orders.condition.no_approach.metres', { metres: c.metres });
  if (c.code === 'no_visiting' && c.places) return t('orders.condition.no_visiting.places', { places: c.places });
  return tMaybe(`orders.condition.${c.code}`, c.code);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days in force after today (YYYY-MM-DD days): 0 on the last day, negative once ended. The same
 * count as the server's `days_left` in the expiring-orders list.
 */
export function daysLeft(endsOn: string, todayOn: string): number {
  const day = (s: string): number => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / DAY_MS;
  };
  return day(endsOn) - day(todayOn);
}

export function daysLeftText(days: number): string {
  if (days < 0) return t('orders.daysLeft.none');
  if (days === 0) return t('orders.daysLeft.last');
  if (days === 1) return t('orders.daysLeft.tomorrow');
  return plural('orders.daysLeft.n', days);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function dayRange(startsOn: string, endsOn: string): string {
  return t('orders.range', { from: formatDay(startsOn), to: formatDay(endsOn) });
}

/** The value of an <input type="datetime-local"> for a moment, in the browser's time zone. */
export function localDateTimeValue(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** What recording a violation did, in sentences: recorded, the case's risk now, the follow-up opened. */
export function violationOutcome(result: RecordedViolation, number: string): string[] {
  const followUp = followUpName(result.follow_up.kind);
  return [
    t('orders.violation.done', { number }),
    ...(result.risk_level ? [t('orders.violation.risk', { level: levelName(result.risk_level) })] : []),
    result.follow_up.repeat ? t('orders.violation.followUpRepeat', { followUp }) : t('orders.violation.followUp', { followUp }),
    ...(result.follow_up.arrest_requested ? [t('orders.violation.arrest')] : []),
  ];
}

