// The "Am I at risk?" self-check, as data. It runs entirely in the browser: answers are never
// sent, stored or put in the address bar.
//
// The questions are Qorgau's own wording, built on risk factors that published instruments share
// (strangulation, threats to kill, weapons, escalation, recent separation, pregnancy, stalking,
// harm to children, controlling jealousy, substance abuse, earlier police calls, the person's own
// fear). They are not the wording of DASH or the Danger Assessment, and this is not a validated
// instrument: the result only chooses which next steps to show, never a "risk level" to report.
// Question texts live in the message catalogues as `help.check.q.<id>`.

export type QuestionId =
  | 'strangulation'
  | 'threat_to_kill'
  | 'weapon'
  | 'escalation'
  | 'separation'
  | 'pregnancy'
  | 'stalking'
  | 'children'
  | 'control'
  | 'substances'
  | 'police'
  | 'fear';

export interface Question {
  id: QuestionId;
  /** Added to the score when the answer is yes. */
  weight: number;
  /** A yes to this question alone shows the most urgent next steps. */
  critical: boolean;
}

export const QUESTIONS: readonly Question[] = [
  { id: 'strangulation', weight: 3, critical: true },
  { id: 'threat_to_kill', weight: 3, critical: true },
  { id: 'weapon', weight: 3, critical: true },
  { id: 'escalation', weight: 2, critical: false },
  { id: 'separation', weight: 2, critical: false },
  { id: 'pregnancy', weight: 1, critical: false },
  { id: 'stalking', weight: 2, critical: false },
  { id: 'children', weight: 2, critical: false },
  { id: 'control', weight: 1, critical: false },
  { id: 'substances', weight: 1, critical: false },
  { id: 'police', weight: 1, critical: false },
  { id: 'fear', weight: 2, critical: false },
];

/** Minimum scores for each result; below `medium` the result is `low`. */
export const THRESHOLDS = { high: 8, medium: 3 } as const;

export type Result = 'high' | 'medium' | 'low';

export type Answers = Partial<Record<QuestionId, boolean>>;

export function score(answers: Answers): number {
  return QUESTIONS.reduce((sum, q) => sum + (answers[q.id] ? q.weight : 0), 0);
}

export function result(answers: Answers): Result {
  if (QUESTIONS.some((q) => q.critical && answers[q.id])) return 'high';
  const s = score(answers);
  if (s >= THRESHOLDS.high) return 'high';
  if (s >= THRESHOLDS.medium) return 'medium';
  return 'low';
}
