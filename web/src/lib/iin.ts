// A client-side check of a Kazakh IIN (12 digits), to flag typing mistakes early.
// The server is the authority: it checks again and may refuse what passes here.
// Rules (docs: DOMAIN.md): digits 1–6 the birth date YYMMDD; digit 7 the century and sex
// (1–2: 1800s, 3–4: 1900s, 5–6: 2000s); digit 12 the check digit: the sum of digits 1–11
// times weights 1..11, mod 11; if that is 10, weights 3..11,1,2, mod 11; 10 again: invalid.

export type IinProblem = 'length' | 'digits' | 'century' | 'date' | 'future' | 'checksum';

const FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weighted(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i] * weights[i];
  return sum % 11;
}

/** The check digit of the first 11 digits, or null when none exists. */
export function iinCheckDigit(digits: number[]): number | null {
  const first = weighted(digits, FIRST);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND);
  return second !== 10 ? second : null;
}

/** null when the IIN looks valid, else what is wrong with it. */
export function checkIin(value: string, today: Date = new Date()): IinProblem | null {
  if (!/^\d*$/.test(value)) return 'digits';
  if (value.length !== 12) return 'length';
  const d = [...value].map(Number);
  const centuryDigit = d[6];
  if (centuryDigit < 1 || centuryDigit > 6) return 'century';
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + d[0] * 10 + d[1];
  const month = d[2] * 10 + d[3];
  const day = d[4] * 10 + d[5];
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return 'date';
  }
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (birth.getTime() > todayUtc) return 'future';
  if (iinCheckDigit(d) !== d[11]) return 'checksum';
  return null;
}

/** Spaces and dashes people type between groups are dropped. */
export const normalizeIin = (value: string): string => value.replace(/[\s-]/g, '');
