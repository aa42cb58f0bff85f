// The state CSEC Program's counting rule (seed 004; issue 13), in one place. For a period
// from..to, both ends included (by default the state fiscal year, July 1 to June 30):
//
//   - each youth counts once, under the highest Type in the hierarchy among their
//     case-associated Types whose START DATE falls inside the period;
//   - referral-associated Types are counted in a table of their own: youth identified only during
//     a hotline investigation (no case-associated Type starting in the period), each once, under
//     their highest referral-associated Type starting in the period;
//   - victims are the five victim Types; at-risk youth are those whose counted Type is At Risk.
//
// A Type associated with no referral counts as case-associated, whether or not a case was open
// on its start date: seed 004, Appendix B: "All CSEC Type in CWS/CMS, with start dates that did
// not fall between the referral received date and referral disposition date, were assumed to be
// associated with cases." The report lists those with no case open among its data limitations,
// and Types starting outside the period too (not counted).
//
// This differs from countByHierarchy (src/domain/csec-type.ts), which counts every Type whose
// dates OVERLAP the period: a Type that started years earlier and still applies counts there,
// and not here. On the state's own rules the start-date count is the one that matches its table.
//
// Dates are YYYY-MM-DD strings, compared as strings (they sort the same way as the dates).
import { CSEC_TYPE_CODES, CSEC_TYPES, isIsoDate, rankOf, type CsecTypeCode } from './csec-type.js';

export interface StateCountedType {
  type: CsecTypeCode;
  startDate: string;
  /** What the Type is associated with (docs/IMPORT.md, "Association"); null: neither, counted as a case's. */
  association: 'case' | 'referral' | null;
}

export interface TypeTable {
  /** Youth per Type, every code present. */
  byType: Record<CsecTypeCode, number>;
  /** Youth counted under one of the five victim Types. */
  victims: number;
  /** Youth counted under At Risk. */
  atRisk: number;
}

export interface StateCount {
  /** The case-associated count: the state's Type table. */
  cases: TypeTable;
  /** Youth identified only during a hotline investigation (referral-associated Types only). */
  referralOnly: TypeTable;
}

const VICTIM = new Set(CSEC_TYPES.filter((t) => t.isVictim).map((t) => t.code));

function emptyTable(): TypeTable {
  return {
    byType: Object.fromEntries(CSEC_TYPE_CODES.map((c) => [c, 0])) as Record<CsecTypeCode, number>,
    victims: 0,
    atRisk: 0,
  };
}

function add(table: TypeTable, type: CsecTypeCode) {
  table.byType[type] += 1;
  if (VICTIM.has(type)) table.victims += 1;
  else table.atRisk += 1;
}

/** The highest Type (lowest rank) among those given, or null. */
function highest(types: CsecTypeCode[]): CsecTypeCode | null {
  let best: CsecTypeCode | null = null;
  for (const t of types) if (best === null || rankOf(t) < rankOf(best)) best = t;
  return best;
}

/** True when the Type's start date lies in from..to, both ends included. */
export const startsIn = (startDate: string, from: string, to: string) => from <= startDate && startDate <= to;

/**
 * The state's count for the period. A youth listed twice (rows split across entries) is still
 * one youth. Throws RangeError for a period that is not two real dates in order.
 */
export function stateCount(
  youth: { youthId: string; types: StateCountedType[] }[],
  from: string,
  to: string,
): StateCount {
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new RangeError(`a period needs two real YYYY-MM-DD dates, got ${from} to ${to}`);
  if (from > to) throw new RangeError(`the period starts (${from}) after it ends (${to})`);
  const byYouth = new Map<string, StateCountedType[]>();
  for (const y of youth) byYouth.set(y.youthId, [...(byYouth.get(y.youthId) ?? []), ...y.types]);
  const result: StateCount = { cases: emptyTable(), referralOnly: emptyTable() };
  for (const types of byYouth.values()) {
    const inPeriod = types.filter((t) => startsIn(t.startDate, from, to));
    const onCase = highest(inPeriod.filter((t) => t.association !== 'referral').map((t) => t.type));
    if (onCase) {
      add(result.cases, onCase);
      continue;
    }
    const onReferral = highest(inPeriod.filter((t) => t.association === 'referral').map((t) => t.type));
    if (onReferral) add(result.referralOnly, onReferral);
  }
  return result;
}

/** The state fiscal year a date falls in, written as the state writes it: 2015-07-01 → "2015-16". */
export function fiscalYearOf(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a real YYYY-MM-DD date: ${date}`);
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '07-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a fiscal year written "2015-16". */
export function fiscalYearPeriod(fiscalYear: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(fiscalYear);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2]))
    throw new RangeError(`a fiscal year is written like 2015-16, got "${fiscalYear}"`);
  const start = Number(m[1]);
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}
