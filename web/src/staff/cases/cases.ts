// Types of the intake-triage, case and evidence APIs (docs/api.md) and helpers the case screens share.
import { api, type Agency } from '../../lib/api';
import { pick, t, tMaybe } from '../../lib/i18n.svelte';
import { loadRegions } from '../../lib/reference';
// Dates read the same way as on the crisis-centre screens (numeric where the browser lacks the language).
import { formatDateTimeMs } from '../shelters/shelters';
import './cases.css';

export const URGENCIES = ['critical', 'high', 'medium', 'low'] as const;
export const REPORT_STATUSES = ['open', 'received', 'in_review', 'accepted', 'closed'] as const;
export const CLOSE_REPORT_REASONS = [
  'not_gbv',
  'duplicate',
  'insufficient_information',
  'outside_jurisdiction',
  'withdrawn',
] as const;
export const INCIDENT_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
  'stalking',
  'online_harassment',
  'bride_kidnapping',
  'bullying_of_minor',
] as const;
/** The Kazakh grounds for a case without the survivor's complaint (jurisdiction case_without_complaint.grounds). */
export const GROUNDS = ['video', 'camera_footage', 'witnesses', 'mobile_team', 'monitoring'] as const;
export const CASE_STATUSES = ['opened', 'under_investigation', 'sent_to_court', 'decided', 'closed'] as const;
export const CASE_CLOSE_REASONS = [
  'decision_executed',
  'no_offence',
  'insufficient_evidence',
  'reconciliation',
  'duplicate',
  'transferred',
] as const;
export const OFFENCES = [
  'battery',
  'minor_harm',
  'moderate_harm',
  'grave_harm',
  'threat',
  'sexual_violence',
  'stalking',
  'other',
] as const;
export const SERVICE_KINDS = ['medical', 'psychological', 'legal', 'shelter', 'social'] as const;
export const SHARES = [
  'survivor_name',
  'survivor_iin',
  'survivor_contact',
  'aggressor_name',
  'incident_types',
  'incident_summary',
] as const;

/** The next status in the forward path; closing is possible from any open status. */
export const NEXT_STATUS: Record<string, string | undefined> = {
  opened: 'under_investigation',
  under_investigation: 'sent_to_court',
  sent_to_court: 'decided',
};

export interface TriageSummary {
  id: number;
  received_at: string;
  status: string;
  urgency: string;
  region_kato: string;
  incident_types: string[];
  place_type: string | null;
  immediate_danger: boolean;
  children_present: boolean | null;
  reporter_type: string;
  updates: number;
  case_id: number | null;
}

export interface ReportPerson {
  full_name: string | null;
  iin: string | null;
  sex: string | null;
  age_group: string | null;
  relationship?: string | null;
}

export interface Attachment {
  id: number;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  filename?: string | null;
}

export interface StaffReport {
  id: number;
  receipt_code: string;
  received_at: string;
  status: string;
  urgency: string;
  case_id: number | null;
  reporter: { type: string; name: string | null; organisation: string | null };
  incident: {
    types: string[];
    date: string | null;
    region: string;
    locality: string | null;
    place_type: string | null;
    description: string | null;
  };
  victim: ReportPerson | null;
  aggressor: ReportPerson | null;
  children_present: boolean | null;
  immediate_danger: boolean;
  contact: {
    ways: string[];
    times: string[];
    phone: string | null;
    email: string | null;
    language: string | null;
    note: string | null;
  } | null;
  consent: string[];
  updates: { at: string; text: string }[];
  reviewed_at: string | null;
  closed_at: string | null;
  close_reason: string | null;
  close_note: string | null;
  attachments?: Attachment[];
}

export interface Person {
  id: number;
  full_name: string;
  iin: string | null;
  birth_date: string | null;
  sex: string | null;
  agency_id: number;
}

export interface Candidate {
  person: Person;
  matched_by: string[];
}

export interface Case {
  id: number;
  case_number: string;
  survivor_person_id: number;
  aggressor_person_id: number;
  status: string;
  basis: string;
  ground: string | null;
  incident_types: string[];
  region_kato: string;
  owner_agency_id: number;
  assigned_agency_id: number | null;
  assigned_user_id: number | null;
  offence: string | null;
  repeat_offence: boolean;
  report_id: number | null;
  opened_at: string;
  closed_at: string | null;
  close_reason: string | null;
}

export interface AcceptedCase extends Case {
  survivor: Person;
  aggressor: Person;
  possible_duplicates: { survivor: Candidate[]; aggressor: Candidate[] };
}

export interface CaseReferral {
  id: number;
  case_id: number;
  from_agency_id: number;
  to_agency_id: number;
  share: string[];
  status: string;
  created_at: string;
  decided_at: string | null;
}

export interface Evidence {
  id: number;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_at: number;
  /** Null for a reporter's file that no case has taken in yet. */
  agency_id?: number | null;
  attached_to?: { type: string; id: number };
  filename?: string | null;
  uploaded_by?: number | null;
  last_verified_at?: number | null;
  last_verified_intact?: boolean | null;
}

export interface TimelineEvent {
  at: string;
  user_id: number | null;
  /** The acting user's display name; null with user_id (the system acted). */
  user_name: string | null;
  kind: string;
  detail: string;
}

export interface Note {
  id: number;
  text: string;
  author_user_id: number;
  /** The author's display name ("" if the store lost the user). */
  author_name: string | null;
  created_at: string;
}

export interface Task {
  id: number;
  title: string;
  due_date: string;
  done: boolean;
}

export interface Service {
  id: number;
  kind: string;
  date: string;
  provider_agency_id: number;
}

export interface FullCase extends Case {
  access: 'full';
  /** The assigned user's display name; null when no one is assigned. */
  assigned_user_name: string | null;
  survivor: Person;
  aggressor: Person;
  timeline: TimelineEvent[];
  notes: Note[];
  tasks: Task[];
  services: Service[];
  referrals: CaseReferral[];
  evidence: Evidence[];
}

export interface SharedContact {
  phone: string | null;
  email: string | null;
  ways: string[];
  times: string[];
  language: string | null;
}

export interface SharedCase {
  id: number;
  case_number: string;
  status: string;
  access: 'referral';
  shared: {
    survivor_name?: string;
    survivor_iin?: string | null;
    survivor_contact?: SharedContact | null;
    aggressor_name?: string;
    incident_types?: string[];
    incident_summary?: string | null;
  };
}

export interface CasePage {
  cases: Case[];
  page: number;
  per_page: number;
  total: number;
}

export interface CustodyEvent {
  at: number;
  action: string;
  /** Who acted; `user` and `agency` are null for the public reporter and the system. */
  by: 'staff' | 'public_reporter' | 'system';
  user: { id: number; display_name: string } | null;
  agency: { id: number; name: string } | null;
  audit_seq: number;
  intact?: boolean;
  to_agency?: { id: number; name: string };
  note?: string | null;
}

let agencies: Promise<Agency[]> | null = null;

/** The agencies (for names and choosers); empty for roles that may not list them. */
export function loadAgencies(): Promise<Agency[]> {
  agencies ??= api<{ agencies: Agency[] }>('GET', '/agencies')
    .then((r) => r.agencies)
    .catch(() => {
      agencies = null;
      return [];
    });
  return agencies;
}

export function agencyName(list: Agency[], id: number | null | undefined): string {
  if (id === null || id === undefined) return t('common.none');
  return list.find((a) => a.id === id)?.name ?? t('cases.agencyN', { id });
}

/** Region names by KATO code, in the current language. */
export async function loadRegionNames(): Promise<Map<string, { kk?: string; ru?: string; en?: string }>> {
  try {
    const regions = await loadRegions();
    return new Map(regions.map((r) => [r.kato, r.name]));
  } catch {
    return new Map();
  }
}

export function regionName(map: Map<string, { kk?: string; ru?: string; en?: string }>, kato: string): string {
  const names = map.get(kato);
  return names ? pick(names) || kato : kato;
}

export const typeName = (code: string): string => tMaybe(`cases.type.${code}`, code);
export const urgencyName = (code: string): string => tMaybe(`cases.urgency.${code}`, code);
export const statusName = (code: string): string => tMaybe(`cases.status.${code}`, code);
export const reportStatusName = (code: string): string => tMaybe(`cases.reportStatus.${code}`, code);
export const groundName = (code: string): string => tMaybe(`cases.ground.${code}`, code);
export const offenceName = (code: string): string => tMaybe(`cases.offence.${code}`, code);
export const serviceName = (code: string): string => tMaybe(`cases.service.${code}`, code);
export const shareName = (code: string): string => tMaybe(`cases.share.${code}`, code);
export const closeReasonName = (code: string): string => tMaybe(`cases.closeReason.${code}`, code);
export const basisName = (code: string): string => tMaybe(`cases.basis.${code}`, code);

export function typesText(codes: string[]): string {
  return codes.map(typeName).join(', ');
}

/** A moment as the API gives it (ISO 8601 text, or milliseconds since the epoch for evidence). */
export function when(at: string | number | null | undefined): string {
  if (at === null || at === undefined || at === '') return t('common.none');
  if (typeof at === 'number') return formatDateTimeMs(at);
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : formatDateTimeMs(ms);
}

/** File size in the units a person reads. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return t('cases.evidence.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('cases.evidence.kib', { n: (bytes / 1024).toFixed(1) });
  return t('cases.evidence.mib', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

/** YYYY-MM-DD of today in the browser's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The id at the end of a path like /staff/cases/12, or null. */
export function idFromPath(path: string, prefix: string): number | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  return /^[1-9]\d{0,15}$/.test(rest) ? Number(rest) : null;
}
