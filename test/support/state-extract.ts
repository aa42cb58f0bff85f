// Extracts in the import's format (docs/IMPORT.md) for the state report's tests, and the state's
// counting rule worked out again here, independently of Harbor's code: association by referral
// window written from the docs, the hierarchy as seed 004 lists it. Nothing here imports from
// src/, so a mistake in Harbor's rule cannot hide in the expected answers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Seed 004's hierarchy, highest first, in the extract's words (the state's labels). */
export const HIERARCHY = [
  'victim_during_care',
  'victim_open_case_not_in_care',
  'victim_absent_from_placement',
  'victim_closed_case_ilp',
  'victim_before_care',
  'at_risk',
] as const;
export type TypeCode = (typeof HIERARCHY)[number];
export const STATE_LABEL: Record<TypeCode, string> = {
  victim_during_care: 'Victim During Care',
  victim_open_case_not_in_care: 'Victim in Open Case, Not in Foster Care',
  victim_absent_from_placement: 'Victim while Absent from Placement',
  victim_closed_case_ilp: 'Victim in Closed Case, Receiving Independent Living Placement Services',
  victim_before_care: 'Victim Before Foster Care',
  at_risk: 'At Risk',
};

export interface XClient {
  id: string;
  county: string;
  dob: string | null;
}
export interface XReferral {
  id: string;
  client: string;
  received: string;
  disposition: string | null;
}
export interface XCase {
  id: string;
  client: string;
  start: string;
  end: string | null;
}
export interface XType {
  client: string;
  type: TypeCode;
  start: string;
  end: string | null;
  subcategory: string | null;
}
export interface Extract {
  clients: XClient[];
  referrals: XReferral[];
  cases: XCase[];
  types: XType[];
}

export const emptyExtract = (): Extract => ({ clients: [], referrals: [], cases: [], types: [] });

const q = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: (string | null)[][]) =>
  [header.join(','), ...rows.map((r) => r.map(q).join(','))].join('\n') + '\n';

/** Writes the four files into a new temporary folder and returns it. */
export function writeExtract(x: Extract): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harbor-state-extract-'));
  writeFileSync(
    path.join(dir, 'clients.csv'),
    csv(
      ['client_id', 'county', 'date_of_birth', 'sex'],
      x.clients.map((c) => [c.id, c.county, c.dob, 'F']),
    ),
  );
  writeFileSync(
    path.join(dir, 'referrals.csv'),
    csv(
      ['referral_id', 'client_id', 'received_date', 'disposition_date'],
      x.referrals.map((r) => [r.id, r.client, r.received, r.disposition]),
    ),
  );
  writeFileSync(
    path.join(dir, 'cases.csv'),
    csv(
      ['case_id', 'client_id', 'kind', 'start_date', 'end_date'],
      x.cases.map((c) => [c.id, c.client, 'Child Welfare', c.start, c.end]),
    ),
  );
  writeFileSync(
    path.join(dir, 'csec_types.csv'),
    csv(
      ['client_id', 'csec_type', 'start_date', 'end_date', 'subcategory'],
      x.types.map((t) => [t.client, STATE_LABEL[t.type], t.start, t.end, t.subcategory]),
    ),
  );
  return dir;
}

export interface ExpectedTable {
  byType: Record<TypeCode, number>;
  victims: number;
  atRisk: number;
}
export interface Expected {
  cases: ExpectedTable;
  referralOnly: ExpectedTable;
  byCounty: Map<string, { victims: number; atRisk: number; referralOnly: number }>;
  typesWithoutSubcategory: number;
  typesOutsidePeriod: number;
  youthWithoutDateOfBirth: number;
}

const table = (): ExpectedTable => ({
  byType: Object.fromEntries(HIERARCHY.map((t) => [t, 0])) as Record<TypeCode, number>,
  victims: 0,
  atRisk: 0,
});
const put = (t: ExpectedTable, type: TypeCode) => {
  t.byType[type]++;
  if (type === 'at_risk') t.atRisk++;
  else t.victims++;
};

/**
 * The state's count for from..to, worked out from the extract alone: a Type belongs to a referral
 * when its start date lies in one of the client's referral windows (received..disposition, an
 * open referral to `today`), otherwise to a case; each client counts once under the highest
 * case Type starting in the period, else (referral-only) under the highest referral Type.
 */
export function expectedCount(x: Extract, from: string, to: string, today: string): Expected {
  const county = new Map(x.clients.map((c) => [c.id, c]));
  const windows = new Map<string, [string, string][]>();
  for (const r of x.referrals) {
    const list = windows.get(r.client) ?? [];
    list.push([r.received, r.disposition ?? today]);
    windows.set(r.client, list);
  }
  const rank = (t: TypeCode) => HIERARCHY.indexOf(t);
  const best = new Map<string, { onCase: TypeCode | null; onReferral: TypeCode | null }>();
  const out: Expected = {
    cases: table(),
    referralOnly: table(),
    byCounty: new Map(),
    typesWithoutSubcategory: 0,
    typesOutsidePeriod: 0,
    youthWithoutDateOfBirth: 0,
  };
  for (const t of x.types) {
    if (t.start < from && (t.end === null || t.end >= from)) out.typesOutsidePeriod++;
    if (t.start < from || t.start > to) continue;
    if (t.subcategory === null) out.typesWithoutSubcategory++;
    const onReferral = (windows.get(t.client) ?? []).some(([a, b]) => a <= t.start && t.start <= b);
    const b = best.get(t.client) ?? { onCase: null, onReferral: null };
    const key = onReferral ? 'onReferral' : 'onCase';
    if (b[key] === null || rank(t.type) < rank(b[key])) b[key] = t.type;
    best.set(t.client, b);
  }
  for (const [client, b] of best) {
    const c = county.get(client)!;
    const row = out.byCounty.get(c.county) ?? { victims: 0, atRisk: 0, referralOnly: 0 };
    out.byCounty.set(c.county, row);
    if (c.dob === null) out.youthWithoutDateOfBirth++;
    if (b.onCase) {
      put(out.cases, b.onCase);
      if (b.onCase === 'at_risk') row.atRisk++;
      else row.victims++;
    } else if (b.onReferral) {
      put(out.referralOnly, b.onReferral);
      row.referralOnly++;
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

/** A date `days` after `iso` (UTC arithmetic on calendar dates). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
