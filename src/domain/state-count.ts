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

/**
 * The counting rule in plain words, English and Spanish: printed on every output of the state
 * report (JSON `rule`, the CSV's first rows, the workbook's first sheet, the PDF) so a figure never
 * travels without the rule that made it.
 */
export const STATE_COUNTING_RULE: { readonly en: string; readonly es: string } = {
  en:
    'Counting rule (state CSEC Program). The period runs from its first day to its last day, both included; ' +
    'by default it is the state fiscal year, July 1 to June 30. ' +
    'Each youth is counted once, under the highest case-associated CSEC Type whose start date falls in the period, ' +
    `in this order: ${CSEC_TYPES.map((t) => `(${t.rank}) ${t.stateLabel}`).join(', ')}. ` +
    'A Type that started before the period is not counted, even if it still applied during it. ' +
    "A Type is associated with a referral when its start date falls between the referral's received date and its disposition date; " +
    'a Type outside every referral window counts as associated with a case, whether or not a case was open that day, ' +
    'as the state assumed in its CSEC Program report to the Legislature (Appendix B). ' +
    'Youth with referral-associated Types only (identified during a hotline investigation) are counted in a table of their own, ' +
    'each once, under their highest such Type. ' +
    'Victims are the youth counted under one of the five victim Types; youth at risk are those whose counted Type is At Risk.',
  es:
    'Regla de conteo (Programa CSEC del estado). El período va de su primer día a su último día, ambos incluidos; ' +
    'por defecto es el año fiscal del estado, del 1 de julio al 30 de junio. ' +
    'Cada joven se cuenta una sola vez, bajo el Tipo CSEC asociado a un caso más alto cuya fecha de inicio cae en el período, ' +
    'en este orden: (1) víctima durante el cuidado de crianza, (2) víctima en un caso abierto, fuera del cuidado de crianza, ' +
    '(3) víctima mientras estaba ausente de su colocación, (4) víctima en un caso cerrado, que recibe servicios del Programa de Vida Independiente, ' +
    '(5) víctima antes del cuidado de crianza, (6) en riesgo. ' +
    'Un Tipo que comenzó antes del período no se cuenta, aunque siguiera vigente durante él. ' +
    'Un Tipo pertenece a una remisión cuando su fecha de inicio cae entre la fecha en que se recibió la remisión y la fecha de su disposición; ' +
    'un Tipo fuera de toda ventana de remisión se cuenta como asociado a un caso, haya habido o no un caso abierto ese día, ' +
    'como lo supuso el estado en su informe del Programa CSEC a la Legislatura (Apéndice B). ' +
    'Los jóvenes con Tipos asociados solo a remisiones (identificados durante una investigación de la línea directa) se cuentan en una tabla aparte, ' +
    'cada uno una vez, bajo el más alto de esos Tipos. ' +
    'Las víctimas son los jóvenes contados bajo uno de los cinco Tipos de víctima; los jóvenes en riesgo son aquellos cuyo Tipo contado es En riesgo.',
};
