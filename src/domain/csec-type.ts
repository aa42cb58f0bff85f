// The state's six CSEC Types (CWS/CMS CSEC Data Grid, ACL 16-49; seed 004 Appendix B), the
// state system's own validations, the hierarchy that counts each youth once, and the rule that
// associates a type with a referral or a case.

export const CSEC_TYPES = [
  { code: 'victim_during_care', rank: 1, isVictim: true, stateLabel: 'Victim During Care', label: { en: 'Victim during care', es: 'Víctima durante el cuidado' } },
  { code: 'victim_open_case_not_in_care', rank: 2, isVictim: true, stateLabel: 'Victim in Open Case, Not in Foster Care', label: { en: 'Victim in open case, not in foster care', es: 'Víctima con caso abierto, fuera de cuidado de crianza' } },
  { code: 'victim_absent_from_placement', rank: 3, isVictim: true, stateLabel: 'Victim While Absent from Placement', label: { en: 'Victim while absent from placement', es: 'Víctima mientras estaba ausente de su colocación' } },
  { code: 'victim_closed_case_ilp', rank: 4, isVictim: true, stateLabel: 'Victim in Closed Case, Receiving Independent Living Program services', label: { en: 'Victim in closed case, receiving Independent Living Program services', es: 'Víctima con caso cerrado, recibiendo servicios del Programa de Vida Independiente' } },
  { code: 'victim_before_care', rank: 5, isVictim: true, stateLabel: 'Victim Before Foster Care', label: { en: 'Victim before foster care', es: 'Víctima antes del cuidado de crianza' } },
  { code: 'at_risk', rank: 6, isVictim: false, stateLabel: 'At Risk', label: { en: 'At risk', es: 'En riesgo' } },
] as const;

export type CsecTypeCode = (typeof CSEC_TYPES)[number]['code'];

export function rankOf(code: CsecTypeCode): number {
  return CSEC_TYPES.find((t) => t.code === code)!.rank;
}

export interface CsecTypeRecord {
  id: string;
  type: CsecTypeCode;
  startDate: string;
  endDate: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => ISO_DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const END_OF_TIME = '9999-12-31';

/** Inclusive date ranges overlap; an open end runs forever. Dates compare as YYYY-MM-DD strings. */
function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? END_OF_TIME) && bStart <= (aEnd ?? END_OF_TIME);
}

/** The state system's rules, as messages a worker can act on. Empty means the record may be saved. */
export function validateCsecType(candidate: CsecTypeRecord, existing: CsecTypeRecord[], today: string): string[] {
  const problems: string[] = [];
  const label = CSEC_TYPES.find((t) => t.code === candidate.type)?.stateLabel ?? candidate.type;
  if (!candidate.startDate) return ['startDate: a start date is required'];
  if (!realDate(candidate.startDate)) return [`startDate: "${candidate.startDate}" is not a real date (use YYYY-MM-DD)`];
  if (candidate.startDate > today) problems.push('startDate: cannot be in the future');
  if (candidate.endDate !== null) {
    if (!realDate(candidate.endDate)) problems.push(`endDate: "${candidate.endDate}" is not a real date (use YYYY-MM-DD)`);
    else if (candidate.endDate < candidate.startDate) problems.push('endDate: must be on or after the start date');
  }
  if (candidate.type === 'victim_absent_from_placement' && candidate.endDate === null) {
    problems.push(`endDate: "${label}" needs an end date (the day the youth returned)`);
  }
  const clash = existing.find(
    (r) => r.id !== candidate.id && r.type === candidate.type && overlaps(r.startDate, r.endDate, candidate.startDate, candidate.endDate),
  );
  if (clash) {
    problems.push(
      `type: the youth already holds "${label}" from ${clash.startDate}${clash.endDate ? ` to ${clash.endDate}` : ' with no end date'}; ` +
        'a youth may not hold the same type twice at once. End the earlier record first.',
    );
  }
  return problems;
}

/** The youth's single type over [from, to] under the state hierarchy, or null. */
export function typeForPeriod(records: CsecTypeRecord[], from: string, to: string): CsecTypeCode | null {
  let best: CsecTypeRecord | null = null;
  for (const r of records) {
    if (!overlaps(r.startDate, r.endDate, from, to)) continue;
    if (!best || rankOf(r.type) < rankOf(best.type)) best = r;
  }
  return best?.type ?? null;
}

/** Unduplicated counts: each youth once, under its highest type in the period. */
export function countByHierarchy(youth: { youthId: string; records: CsecTypeRecord[] }[], from: string, to: string): Record<CsecTypeCode, number> {
  const counts = Object.fromEntries(CSEC_TYPES.map((t) => [t.code, 0])) as Record<CsecTypeCode, number>;
  for (const y of youth) {
    const t = typeForPeriod(y.records, from, to);
    if (t) counts[t] += 1;
  }
  return counts;
}

/**
 * Seed 004: a type whose start date falls between a referral's received and disposition dates
 * (inclusive; a referral with no disposition is still open) belongs to that referral, the latest
 * received if several. Otherwise it belongs to the case open on its start date, the most
 * recently opened if several. Otherwise to nothing (reported as a data-quality gap).
 */
export function associate(
  record: Pick<CsecTypeRecord, 'startDate'>,
  referrals: { id: string; receivedDate: string; dispositionDate: string | null }[],
  cases: { id: string; openedOn: string; closedOn: string | null }[],
): { kind: 'referral' | 'case'; id: string } | null {
  const s = record.startDate;
  const referral = referrals
    .filter((r) => r.receivedDate <= s && s <= (r.dispositionDate ?? END_OF_TIME))
    .sort((a, b) => (a.receivedDate < b.receivedDate ? 1 : -1))[0];
  if (referral) return { kind: 'referral', id: referral.id };
  const openCase = cases
    .filter((c) => c.openedOn <= s && s <= (c.closedOn ?? END_OF_TIME))
    .sort((a, b) => (a.openedOn < b.openedOn ? 1 : -1))[0];
  return openCase ? { kind: 'case', id: openCase.id } : null;
}
