// The state's six CSEC Types (CDSS, CWS/CMS "CSEC Data Grid", ACL 16-49). A youth can hold
// several over time, each with a start and end date. Reports count each youth once, under the
// highest type in the state's hierarchy, so county and state figures agree.
//
// Dates are plain YYYY-MM-DD strings: calendar days in county time, no clock. Strings in that
// form sort the same way as the dates, so comparisons here are string comparisons.

import type { RuleProblem } from '../contract/problems.js';

export const CSEC_TYPE_CODES = [
  'victim_during_care',
  'victim_open_case_not_in_care',
  'victim_absent_from_placement',
  'victim_closed_case_ilp',
  'victim_before_care',
  'at_risk',
] as const;
export type CsecTypeCode = (typeof CSEC_TYPE_CODES)[number];

/** Where the knowledge of a CSEC Type came from. */
export const CSEC_SOURCES = ['screening', 'self_disclosure', 'law_enforcement', 'court', 'other'] as const;
export type CsecSource = (typeof CSEC_SOURCES)[number];
/** Where a stored record came from: a worker's source, or the state extract (docs/IMPORT.md). */
export const CSEC_RECORD_SOURCES = [...CSEC_SOURCES, 'state_extract'] as const;

export interface CsecTypeInfo {
  code: CsecTypeCode;
  /** 1 is the highest: a youth with several types in a period is counted under the lowest rank. */
  rank: number;
  /** The wording in CWS/CMS, for matching the state's reports (the web translates the code: csecTypes.<code>). */
  stateLabel: string;
  isVictim: boolean;
}

/** In hierarchy order, highest first. */
export const CSEC_TYPES: readonly CsecTypeInfo[] = [
  {
    code: 'victim_during_care',
    rank: 1,
    stateLabel: 'Victim During Care',
    isVictim: true,
  },
  {
    code: 'victim_open_case_not_in_care',
    rank: 2,
    stateLabel: 'Victim in Open Case, Not in Foster Care',
    isVictim: true,
  },
  {
    code: 'victim_absent_from_placement',
    rank: 3,
    stateLabel: 'Victim While Absent from Placement',
    isVictim: true,
  },
  {
    code: 'victim_closed_case_ilp',
    rank: 4,
    stateLabel: 'Victim in Closed Case, Receiving Independent Living Program services',
    isVictim: true,
  },
  {
    code: 'victim_before_care',
    rank: 5,
    stateLabel: 'Victim Before Foster Care',
    isVictim: true,
  },
  { code: 'at_risk', rank: 6, stateLabel: 'At Risk', isVictim: false },
];

const BY_CODE = new Map(CSEC_TYPES.map((t) => [t.code, t]));

export function isCsecTypeCode(value: unknown): value is CsecTypeCode {
  return typeof value === 'string' && BY_CODE.has(value as CsecTypeCode);
}

export function rankOf(code: CsecTypeCode): number {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`"${String(code)}" is not a CSEC Type; use one of ${CSEC_TYPE_CODES.join(', ')}`);
  return info.rank;
}

export interface CsecTypeRecord {
  id: string;
  type: CsecTypeCode;
  startDate: string;
  /** null while the type still applies. */
  endDate: string | null;
}

/** What a worker submits: no id yet when adding; start date possibly left blank. */
export interface CsecTypeCandidate {
  id?: string | null;
  type: CsecTypeCode;
  startDate?: string | null;
  endDate?: string | null;
}

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Far beyond any real date; stands for "no end date yet".
const OPEN_END = '9999-12-31';

/** Inclusive ranges; an open end runs forever, so a record ending the day another starts overlaps it. */
function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? OPEN_END) && bStart <= (aEnd ?? OPEN_END);
}

const labelOf = (code: CsecTypeCode) => BY_CODE.get(code)?.stateLabel ?? code;

/**
 * The state system's rules for one CSEC Type record, checked against the youth's other records.
 * Each problem is a sentence a worker can act on. Empty means the record can be saved.
 */
export function validateCsecType(
  candidate: CsecTypeCandidate,
  existingForSameYouth: CsecTypeRecord[],
  today: string,
): string[] {
  return csecTypeProblems(candidate, existingForSameYouth, today).map((p) => p.text);
}

/** The same rules as validateCsecType, each with the field to fix and its stable code. */
export function csecTypeProblems(
  candidate: CsecTypeCandidate,
  existingForSameYouth: CsecTypeRecord[],
  today: string,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: string, code: RuleProblem['code'], text: string, params?: RuleProblem['params']) =>
    problems.push({ field, code, text, ...(params ? { params } : {}) });
  const { startDate, endDate } = candidate;

  if (!isCsecTypeCode(candidate.type))
    return [
      {
        field: 'type',
        code: 'invalid_choice',
        text: `"${String(candidate.type)}" is not a CSEC Type. Choose one of: ${CSEC_TYPES.map((t) => t.stateLabel).join('; ')}.`,
      },
    ];
  const label = labelOf(candidate.type);

  const hasStart = startDate !== undefined && startDate !== null && startDate.trim() !== '';
  const startOk = hasStart && isIsoDate(startDate);
  if (!hasStart) add('startDate', 'required', 'Enter the start date: the day the CSEC Type began to apply.');
  else if (!startOk)
    add(
      'startDate',
      'invalid_date',
      `The start date "${startDate}" is not a real date. Enter it as YYYY-MM-DD, for example 2026-03-14.`,
    );
  else if (startDate > today)
    add(
      'startDate',
      'date_in_future',
      `The start date ${startDate} is in the future. A CSEC Type can only start today or earlier.`,
    );

  const hasEnd = endDate !== undefined && endDate !== null && endDate.trim() !== '';
  const endOk = hasEnd && isIsoDate(endDate);
  if (hasEnd && !endOk)
    add(
      'endDate',
      'invalid_date',
      `The end date "${endDate}" is not a real date. Enter it as YYYY-MM-DD, or leave it empty if the type still applies.`,
    );
  if (startOk && endOk && endDate < startDate)
    add(
      'endDate',
      'end_before_start',
      `The end date ${endDate} is before the start date ${startDate}. The end date must be on or after the start date.`,
      { start: startDate },
    );

  if (candidate.type === 'victim_absent_from_placement' && !hasEnd)
    add('endDate', 'needs_end', `"${label}" needs an end date: the day the youth returned or the absence ended.`);

  // The overlap rule needs usable dates; the problems above already say what to fix otherwise.
  if (startOk && (!hasEnd || endOk)) {
    const end = hasEnd ? endDate : null;
    for (const other of existingForSameYouth) {
      if (other.type !== candidate.type) continue; // different types may overlap
      if (candidate.id && other.id === candidate.id) continue; // editing: do not compare with itself
      if (overlaps(startDate, end, other.startDate, other.endDate))
        add(
          'startDate',
          'csec_type_overlap',
          `This youth already has "${label}" from ${other.startDate} ${other.endDate ? `to ${other.endDate}` : 'with no end date'}, which overlaps these dates. A youth cannot hold the same CSEC Type twice at once: end or change the other record first.`,
          { start: other.startDate, end: other.endDate },
        );
    }
  }
  return problems;
}

function checkPeriod(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new RangeError(`a reporting period needs two real YYYY-MM-DD dates, got ${from} to ${to}`);
  if (from > to) throw new RangeError(`the reporting period starts (${from}) after it ends (${to})`);
}

/** The one type a youth counts under for the inclusive period from..to, or null if none applied. */
export function typeForPeriod(records: CsecTypeRecord[], from: string, to: string): CsecTypeCode | null {
  checkPeriod(from, to);
  let best: CsecTypeCode | null = null;
  for (const r of records)
    if (overlaps(r.startDate, r.endDate, from, to) && (best === null || rankOf(r.type) < rankOf(best))) best = r.type;
  return best;
}

/** Unduplicated counts: each youth once, under its highest type in the period. All six keys present. */
export function countByHierarchy(
  youth: { youthId: string; records: CsecTypeRecord[] }[],
  from: string,
  to: string,
): Record<CsecTypeCode, number> {
  checkPeriod(from, to);
  const counts = Object.fromEntries(CSEC_TYPE_CODES.map((c) => [c, 0])) as Record<CsecTypeCode, number>;
  // A youth listed twice (records split across rows) is still one youth.
  const byYouth = new Map<string, CsecTypeRecord[]>();
  for (const y of youth) byYouth.set(y.youthId, [...(byYouth.get(y.youthId) ?? []), ...y.records]);
  for (const records of byYouth.values()) {
    const type = typeForPeriod(records, from, to);
    if (type) counts[type] += 1;
  }
  return counts;
}

export interface ReferralDates {
  id: string;
  receivedDate: string;
  /** null while the referral is still open. */
  dispositionDate: string | null;
}

export interface CaseDates {
  id: string;
  openedOn: string;
  closedOn: string | null;
}

/**
 * Which referral or case a CSEC Type belongs to (seed 004). A referral whose received..disposition
 * dates include the start date wins (the latest received, if several); otherwise the case open on
 * the start date (the latest opened, if several); otherwise null, for the data-quality report.
 * Ties keep the first listed.
 */
export function associate(
  record: Pick<CsecTypeRecord, 'startDate'>,
  referrals: ReferralDates[],
  cases: CaseDates[],
): { kind: 'referral' | 'case'; id: string } | null {
  const start = record.startDate;
  if (!isIsoDate(start)) return null;

  let referral: ReferralDates | null = null;
  for (const r of referrals)
    if (
      r.receivedDate <= start &&
      start <= (r.dispositionDate ?? OPEN_END) &&
      (!referral || r.receivedDate > referral.receivedDate)
    )
      referral = r;
  if (referral) return { kind: 'referral', id: referral.id };

  let openCase: CaseDates | null = null;
  for (const c of cases)
    if (c.openedOn <= start && start <= (c.closedOn ?? OPEN_END) && (!openCase || c.openedOn > openCase.openedOn))
      openCase = c;
  return openCase ? { kind: 'case', id: openCase.id } : null;
}
