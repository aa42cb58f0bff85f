// The state extract's files and columns (docs/IMPORT.md), and the checks one row can fail on its
// own. Checks that need other rows or the database (unknown client, a duplicate id, a client
// that moved county) are set-based, in import-extract.ts.
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../contract/imports.js';
import { CSEC_TYPES, type CsecTypeCode } from '../../domain/csec-type.js';

export const EXTRACT_FILES = ['clients', 'referrals', 'cases', 'csec_types'] as const;
export type ExtractFile = (typeof EXTRACT_FILES)[number];

export interface ColumnSpec {
  name: string;
  required: boolean;
  max: number;
}

const col = (name: string, required: boolean, max = 64): ColumnSpec => ({ name, required, max });

/** Every file's columns. A column may be left out of the header only when it is not required. */
export const COLUMNS: Record<ExtractFile, ColumnSpec[]> = {
  clients: [
    col('client_id', true),
    col('county', true),
    col('date_of_birth', false),
    col('first_name', false, 100),
    col('last_name', false, 100),
    col('sex', false, 40),
  ],
  referrals: [
    col('referral_id', true),
    col('client_id', true),
    col('received_date', true),
    col('disposition_date', false),
  ],
  cases: [
    col('case_id', true),
    col('client_id', true),
    col('kind', true),
    col('start_date', true),
    col('end_date', false),
  ],
  csec_types: [
    col('client_id', true),
    col('csec_type', true, 200),
    col('start_date', true),
    col('end_date', false),
    col('subcategory', false, 200),
  ],
};

/** The stable codes of hard errors: the contract's list, which the web translates (docs/IMPORT.md). */
export const HARD_ERROR_CODES = IMPORT_ERROR_CODES;
export type HardErrorCode = ImportErrorCode;

export interface HardError {
  file: string;
  /** The line in the file (the header is line 1); 0 for a whole-file problem. */
  line: number;
  column?: string;
  code: HardErrorCode;
  reason: string;
}

// Control characters other than tab; a value is one line of text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Folded for matching: lower case, single spaces. */
const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** For Type names: also without punctuation, so "At-Risk", "at_risk" and "At Risk" agree. */
const foldWords = (s: string) => fold(s.replace(/[-_,.;:/()]+/g, ' '));

/**
 * The other spellings seed 004 itself uses for each Type: its Table 1 ("...Independent Living
 * Placement Services", "Victim while Absent from Placement"), its hierarchy list ("Victim in Open
 * Case", "Victim while absent without leave", "Receiving ILP services", "Victim Before Care") and
 * the special project codes ("CSEC victim during foster care", "CSEC absent from placement").
 * A leading "CSEC" is dropped before matching, so "CSEC At Risk" is "At Risk".
 */
const TYPE_ALIASES: Record<CsecTypeCode, readonly string[]> = {
  victim_during_care: ['Victim During Foster Care', 'Victim During Care'],
  victim_open_case_not_in_care: ['Victim in Open Case', 'Victim in Open Case Not in Foster Care'],
  victim_absent_from_placement: [
    'Victim while Absent from Placement',
    'Victim while absent without leave',
    'Victim Absent from Placement',
    'Absent from Placement',
  ],
  victim_closed_case_ilp: [
    'Victim in Closed Case, Receiving Independent Living Placement Services',
    'Victim in Closed Case, Receiving ILP services',
    'Victim with Closed Case Receiving Independent Living Program services',
    'Victim in Closed Case',
  ],
  victim_before_care: ['Victim Before Care', 'Victim Before Foster Care'],
  at_risk: ['At Risk', 'At Risk of CSE'],
};

/** Folded for Type names, without a leading "CSEC" (the special project codes' prefix). */
const foldType = (s: string) => foldWords(s).replace(/^csec /, '');

/** CSEC Types by Harbor code, the state's label or one of its other spellings, in any case and punctuation. */
const TYPE_LOOKUP = new Map<string, CsecTypeCode>();
for (const t of CSEC_TYPES) {
  TYPE_LOOKUP.set(foldType(t.code), t.code);
  TYPE_LOOKUP.set(foldType(t.stateLabel), t.code);
  for (const alias of TYPE_ALIASES[t.code]) TYPE_LOOKUP.set(foldType(alias), t.code);
}

/** The same few spellings come a million times: remember each as written (bounded). */
const typeSeen = new Map<string, CsecTypeCode | null>();
export function resolveCsecType(value: string): CsecTypeCode | null {
  let code = typeSeen.get(value);
  if (code === undefined) {
    code = TYPE_LOOKUP.get(foldType(value)) ?? null;
    if (typeSeen.size < 1000) typeSeen.set(value, code);
  }
  return code;
}

export interface CountyRef {
  id: string;
  name: string;
  fips: string | null;
}

/**
 * Counties by name ("Los Angeles", "Los Angeles County", any case) or FIPS county code ("037",
 * "37" or with the state's prefix, "06037").
 */
export function countyResolver(counties: CountyRef[]): (value: string) => CountyRef | null {
  const byKey = new Map<string, CountyRef>();
  for (const c of counties) {
    byKey.set(fold(c.name), c);
    byKey.set(fold(c.name.replace(/ county$/i, '')), c);
    if (c.fips) byKey.set(c.fips, c);
  }
  return (value) => {
    const v = value.trim();
    if (/^\d{1,5}$/.test(v)) {
      const fips =
        v.length === 5
          ? v.startsWith('06')
            ? v.slice(2)
            : null
          : v.length === 4 && v.startsWith('6')
            ? v.slice(1)
            : v.padStart(3, '0');
      return fips ? (byKey.get(fips) ?? null) : null;
    }
    return byKey.get(fold(v)) ?? null;
  };
}

/** A problem with one value, or null. */
export function checkValue(spec: ColumnSpec, value: string): { code: HardErrorCode; reason: string } | null {
  if (value === '') return spec.required ? { code: 'required', reason: `${spec.name} is required` } : null;
  if (value.length > spec.max)
    return { code: 'too_long', reason: `${spec.name} is longer than ${spec.max} characters` };
  if (CONTROL.test(value))
    return { code: 'control_character', reason: `${spec.name} holds a control character (a NUL byte, a line break)` };
  return null;
}

/** A YYYY-MM-DD date no earlier than 1900 and no later than today, or the problem with it. */
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** isIsoDate without allocating a Date: this runs for every date of a million rows. */
function realDate(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

export function checkDate(
  column: string,
  value: string,
  today: string,
): { code: HardErrorCode; reason: string } | null {
  if (!realDate(value))
    return {
      code: 'invalid_date',
      reason: `${column} "${String(value).slice(0, 20)}" is not a real date written YYYY-MM-DD`,
    };
  if (value < '1900-01-01') return { code: 'date_too_early', reason: `${column} ${value} is before 1900` };
  if (value > today) return { code: 'date_in_future', reason: `${column} ${value} is after today (${today})` };
  return null;
}

export const CASE_KINDS = ['child_welfare', 'probation'] as const;
const KIND_LOOKUP = new Map<string, (typeof CASE_KINDS)[number]>([
  ['child_welfare', 'child_welfare'],
  ['child welfare', 'child_welfare'],
  ['cws', 'child_welfare'],
  ['probation', 'probation'],
]);
export const resolveCaseKind = (value: string) => KIND_LOOKUP.get(fold(value)) ?? null;

/** The state's recorded sex, kept as given apart from the usual one-letter codes. */
export function normalizeSex(value: string): string | null {
  const v = fold(value);
  if (v === '') return null;
  return ({ m: 'male', f: 'female', u: 'unknown', i: 'intersex', x: 'nonbinary' } as Record<string, string>)[v] ?? v;
}
