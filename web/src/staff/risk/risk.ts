// Types of the risk API (docs/api.md, "Risk") and helpers the risk screens share.
import type { Names } from '../../lib/api';
import { t, tMaybe } from '../../lib/i18n.svelte';

/** Levels in order, lowest first (the server's order). */
export const LEVELS = ['low', 'medium', 'high', 'extreme'] as const;
export type Level = (typeof LEVELS)[number];

/** The instrument every assessment on these screens uses (the one shipped with the server). */
export const INSTRUMENT = 'qorgau-risk-1';

export interface InstrumentItem {
  id: string;
  text: Names;
  answer: 'yes_no_unknown' | 'choice';
  options?: { id: string; text: Names }[];
}

export interface Instrument {
  code: string;
  version: number;
  name: Names;
  items: InstrumentItem[];
}

/** What the server computes for answers before they are stored (POST …/assessments/preview). */
export interface AssessmentPreview {
  instrument: { code: string; version: number };
  score: number;
  computed_level: Level;
  required_actions: string[];
}

export interface Assessment {
  id: number;
  case_id: number;
  instrument: { code: string; version: number };
  score: number;
  computed_level: Level;
  level: Level;
  raised: boolean;
  raise_reason?: string | null;
  assessed_at: number;
  assessed_by_user_id: number;
  next_review_due_at: number;
  required_actions: string[];
  answers?: Record<string, string>;
}

export interface CurrentRisk {
  level: Level;
  since_at: number;
  source: 'assessment' | 'escalation';
  next_review_due_at: number;
  overdue: boolean;
  reassessment_required: boolean;
  reassessment_reason: string | null;
  required_actions: string[];
}

export interface HistoryEntry {
  id: number;
  kind: 'assessment' | 'escalation';
  level: Level;
  computed_level?: Level | null;
  score?: number | null;
  raised?: boolean | null;
  at: number;
  user_id?: number | null;
  /** The display name of who assessed or escalated, opened for the reader. */
  user_name?: string | null;
  reason_code?: string | null;
}

export interface CaseRisk {
  current: CurrentRisk | null;
  history: HistoryEntry[];
}

export interface DueReview {
  case_id: number;
  case_number: string;
  region_kato: string;
  owner_agency_id: number;
  level: Level | null;
  due_at: number;
  overdue: boolean;
  reason: string;
}

/** 0 for low … 3 for extreme; -1 for anything else. */
export const levelRank = (level: string | null | undefined): number => LEVELS.indexOf(level as Level);

/** The levels strictly above `level`: the only ones an officer may raise an assessment to. */
export function levelsAbove(level: Level): Level[] {
  return LEVELS.slice(levelRank(level) + 1);
}

export const levelName = (level: string | null | undefined): string =>
  level ? tMaybe(`risk.level.${level}`, level) : t('risk.level.none');
export const actionName = (code: string): string => tMaybe(`risk.action.${code}`, code);
export const reasonName = (code: string): string => tMaybe(`risk.reason.${code}`, code);

/** The assessment path of a case (a page of its own, reached from the case's risk panel). */
export const assessPath = (caseId: number): string => `/staff/cases/${caseId}/risk/assess`;
