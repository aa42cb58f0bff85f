// The state CSEC Program report (GET /api/reports/state and its CSV, XLSX and PDF) on a small
// hand-made dataset whose answers are worked out here; who sees which counties; bad input; the
// plan year; County Plans side by side; limitations; the public version. Runs on PGlite, and on
// the PostgreSQL server with DATABASE_URL.
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateReportT } from '../../src/contract/state-report.js';
import { COUNTY_TIME_ZONE } from '../../src/domain/geography.js';
import { fiscalYearOf, fiscalYearPeriod, STATE_COUNTING_RULE } from '../../src/domain/state-count.js';
import { stateReportCsv } from '../../src/features/state-report/export-state-report.js';
import { suppressLinked } from '../../src/features/state-report/public-version.js';
import { planYearFor, resolveStatePeriod } from '../../src/features/state-report/report.js';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let la: string;
let sd: string;
let fresno: string;
let alpine: string;
let kern: string;
const ids: Record<string, string> = {};

const FY = 'fiscalYear=2015-16';

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return h.db.database.query<T>(text, params);
}
async function countyId(code: string) {
  return (await q<{ id: string }>('SELECT id FROM counties WHERE code = $1', [code]))[0]!.id;
}
async function youth(name: string, county: string, dob: string | null = '2002-02-02') {
  ids[name] = await new Builder(h.db.database).youth({
    countyId: county,
    legalFirstName: null,
    legalLastName: null,
    dateOfBirth: dob,
  });
  return ids[name];
}
async function csecType(
  who: string,
  county: string,
  type: string,
  start: string,
  o: { end?: string | null; sub?: string | null; referral?: string; caseId?: string } = {},
) {
  await q(
    `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source, referral_id, case_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'state_extract', $7, $8)`,
    [
      ids[who],
      county,
      type,
      start,
      o.end ?? null,
      o.sub === undefined ? 'Sex trafficking' : o.sub,
      o.referral ?? null,
      o.caseId ?? null,
    ],
  );
}
async function openCase(who: string, county: string, on: string) {
  return new Builder(h.db.database).case({
    youthId: ids[who]!,
    countyId: county,
    organizationId: null,
    kind: 'child_welfare',
    openedOn: on,
  });
}
async function referral(who: string, county: string, received: string, disposed: string) {
  return new Builder(h.db.database).referral({
    youthId: ids[who]!,
    countyId: county,
    organizationId: null,
    receivedAt: `${received}T12:00:00-07:00`,
    dispositionAt: `${disposed}T12:00:00-07:00`,
    disposition: 'substantiated',
  });
}
async function plans(county: string, fy: string, victims: number, atRisk: number, byType: object | null) {
  await q(
    `INSERT INTO county_plan_figures (county_id, fiscal_year, victims_served, at_risk_identified, victims_by_type, entered_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [county, fy, victims, atRisk, byType === null ? null : JSON.stringify(byType), h.world.users.analyst.id],
  );
}
async function population(county: string, fy: string, n: number) {
  await q(
    'INSERT INTO child_welfare_population (county_id, fiscal_year, youth_10_20_in_child_welfare) VALUES ($1, $2, $3)',
    [county, fy, n],
  );
}
/** n youth of a county, each with one case-associated Type starting on `start`. */
async function many(prefix: string, county: string, type: string, n: number, start: string) {
  for (let i = 0; i < n; i++) {
    await youth(`${prefix}${i}`, county);
    await csecType(`${prefix}${i}`, county, type, start);
  }
}

beforeAll(async () => {
  h = await startHarness();
  la = h.world.counties.la;
  sd = h.world.counties.sd;
  fresno = await countyId('fresno');
  alpine = await countyId('alpine');
  kern = await countyId('kern');

  // Fiscal year 2015-16 (2015-07-01 to 2016-06-30), worked out by hand:
  //   Los Angeles: L1 on the first day (During Care), L2 on the last day (Before Care, no case
  //   around it), L3 At Risk then a higher Absent from Placement (counted under the higher),
  //   L4 referral-only (Open Case, inside a referral window), L5 an At Risk from the day before
  //   the period still open (not counted) and one without a subcategory nor a case (counted),
  //   L6 At Risk without a date of birth, L7 the day after the period, L8 ended before it.
  //   → During Care 1, Absent 1, Before Care 1, At Risk 2: victims 3, at risk 2; referral-only 1.
  //   San Diego: S1 During Care, S2 At Risk → victims 1, at risk 1.
  await youth('L1', la);
  const c1 = await openCase('L1', la, '2015-01-01');
  await csecType('L1', la, 'victim_during_care', '2015-07-01', { caseId: c1 });
  await youth('L2', la);
  await csecType('L2', la, 'victim_before_care', '2016-06-30');
  await youth('L3', la);
  const c3 = await openCase('L3', la, '2015-05-05');
  await csecType('L3', la, 'at_risk', '2015-08-01', { caseId: c3 });
  await csecType('L3', la, 'victim_absent_from_placement', '2016-01-10', { end: '2016-01-20', caseId: c3 });
  await youth('L4', la);
  const r4 = await referral('L4', la, '2015-09-01', '2015-09-30');
  await csecType('L4', la, 'victim_open_case_not_in_care', '2015-09-05', { referral: r4 });
  await youth('L5', la);
  await csecType('L5', la, 'at_risk', '2015-06-30');
  await csecType('L5', la, 'at_risk', '2015-10-01', { sub: null });
  await youth('L6', la, null);
  const c6 = await openCase('L6', la, '2015-11-11');
  await csecType('L6', la, 'at_risk', '2015-12-01', { caseId: c6 });
  await youth('L7', la);
  await csecType('L7', la, 'victim_during_care', '2016-07-01');
  await youth('L8', la);
  await csecType('L8', la, 'at_risk', '2014-01-01', { end: '2015-03-01' });
  await youth('S1', sd);
  await csecType('S1', sd, 'victim_during_care', '2015-09-01', { caseId: await openCase('S1', sd, '2015-08-01') });
  // Kern: only a Type from before the period that still applied in it: counted nowhere, but the
  // county is in the report (with zeros) for the limitation that explains it.
  await youth('K1', kern);
  await csecType('K1', kern, 'at_risk', '2015-01-01', { end: '2016-12-31' });
  await youth('S2', sd);
  await csecType('S2', sd, 'at_risk', '2016-02-01', { caseId: await openCase('S2', sd, '2015-08-01') });
  // The data-quality queue: a likely duplicate and a missing date of birth open, one fixed.
  await q(
    `INSERT INTO data_quality_issues (county_id, youth_id, kind, record_kind, record_id, other_youth_id, status) VALUES
       ($1, $2, 'likely_duplicate', 'client', $2, $3, 'open'),
       ($1, $4, 'missing_date_of_birth', 'client', $4, NULL, 'open'),
       ($1, $3, 'missing_names', 'client', $3, NULL, 'fixed')`,
    [la, ids.L1, ids.L2, ids.L6],
  );
  // County Plans for 2015-16: Los Angeles by Type, Fresno and Alpine (not opted in) without.
  await plans(la, '2015-16', 12, 20, {
    victim_during_care: 5,
    victim_open_case_not_in_care: 2,
    victim_absent_from_placement: 3,
    victim_before_care: 2,
  });
  await plans(fresno, '2015-16', 4, 6, null);
  await plans(alpine, '2015-16', 1, 2, null);
  await population(la, '2015-16', 700);
  await population(sd, '2015-16', 0);
  await q(
    `UPDATE csec_program_participation SET allocation_dollars = 1500000 WHERE county_id = $1 AND fiscal_year = '2015-16'`,
    [la],
  );

  // Fiscal year 2017-18 for the public version: LA 12 During Care, 3 Before Care, 30 At Risk;
  // San Diego 15 During Care, 20 At Risk.
  await many('PA', la, 'victim_during_care', 12, '2017-08-01');
  await many('PB', la, 'victim_before_care', 3, '2017-09-01');
  await many('PC', la, 'at_risk', 30, '2017-10-01');
  await many('PD', sd, 'victim_during_care', 15, '2017-08-01');
  await many('PE', sd, 'at_risk', 20, '2017-10-01');

  // Fiscal year 2018-19, where the county table hides its totals and the Type table would not:
  // LA 5 During Care, 12 Absent, 12 Closed case ILP; San Diego 5 Open Case, 1 Absent, 1 ILP, 12 At Risk.
  await many('QA', la, 'victim_during_care', 5, '2018-08-01');
  for (let i = 0; i < 12; i++) {
    await youth(`QB${i}`, la);
    await csecType(`QB${i}`, la, 'victim_absent_from_placement', '2018-08-01', { end: '2018-08-05' });
  }
  await many('QC', la, 'victim_closed_case_ilp', 12, '2018-08-01');
  await many('QD', sd, 'victim_open_case_not_in_care', 5, '2018-08-01');
  await youth('QE', sd);
  await csecType('QE', sd, 'victim_absent_from_placement', '2018-09-01', { end: '2018-09-03' });
  await many('QF', sd, 'victim_closed_case_ilp', 1, '2018-09-01');
  await many('QG', sd, 'at_risk', 12, '2018-09-01');
}, 120_000);
afterAll(() => h.close());

async function report(who: Parameters<Harness['as']>[0], query: string): Promise<StateReportT> {
  const res = await (await h.as(who)).get(`/api/reports/state?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StateReportT;
}
const byType = (r: { rows: { type: string; youth: unknown }[] }) =>
  Object.fromEntries(r.rows.map((x) => [x.type, x.youth]));
const county = (r: StateReportT, code: string) => r.counties.find((c) => c.code === code);

describe('the Type table and the county table (fiscal year 2015-16, worked out by hand)', () => {
  it('counts each youth once under the highest case-associated Type starting in the period', async () => {
    const r = await report('state', FY);
    expect(r.period).toEqual({ from: '2015-07-01', to: '2016-06-30' });
    expect(r.planYear).toBe('2015-16');
    expect(r.version).toBe('internal');
    expect(byType(r.typeTable)).toEqual({
      victim_during_care: 2, // L1 on the first day, S1
      victim_open_case_not_in_care: 0, // L4 is referral-only
      victim_absent_from_placement: 1, // L3, over its lower At Risk
      victim_closed_case_ilp: 0,
      victim_before_care: 1, // L2 on the last day
      at_risk: 3, // L5 (not its Type from before the period), L6, S2
    });
    expect(r.typeTable).toMatchObject({ victims: 4, atRisk: 3, total: 7 });
    expect(byType(r.referralOnly)).toMatchObject({ victim_open_case_not_in_care: 1, at_risk: 0 });
    expect(r.referralOnly).toMatchObject({ victims: 1, atRisk: 0 });
    expect(r.rule).toEqual(STATE_COUNTING_RULE);
    expect(r.suppression).toBeNull();
    // Every county with data: Types starting in the period, or County Plans for the year.
    expect(r.scope).toEqual({ kind: 'state', optedInOnly: false, counties: 5 });
    expect(r.counties.map((c) => c.code)).toEqual(['alpine', 'fresno', 'kern', 'los-angeles', 'san-diego']);
    expect(county(r, 'kern')).toMatchObject({ victims: 0, atRisk: 0, dataQuality: { typesOutsidePeriod: 1 } });
  });

  it('gives each county its victims, at risk, population ratio, plans, differences and data quality', async () => {
    const r = await report('state', FY);
    expect(county(r, 'los-angeles')).toEqual({
      code: 'los-angeles',
      name: 'Los Angeles County',
      fips: '037',
      optedIn: true,
      tier: 'II',
      allocationDollars: 1_500_000,
      victims: 3,
      atRisk: 2,
      population: 700,
      victimRatio: 0.0043, // 3 / 700 = 0.004286
      plans: { victimsServed: 12, atRiskIdentified: 20 },
      victimsDifference: 9,
      atRiskDifference: 18,
      dataQuality: {
        typesWithoutSubcategory: 1, // L5's At Risk in the period
        referralOnlyYouth: 1, // L4
        typesOutsidePeriod: 1, // L5's At Risk from 2015-06-30, still open
        typesWithoutCase: 2, // L2 and L5's counted At Risk
        likelyDuplicates: 1,
        youthWithoutDateOfBirth: 1, // L6
        openDataQualityIssues: 2,
      },
    });
    expect(county(r, 'san-diego')).toMatchObject({
      victims: 1,
      atRisk: 1,
      population: 0,
      victimRatio: null, // no ratio over a population of 0
      plans: null,
      victimsDifference: null,
      atRiskDifference: null,
    });
    expect(county(r, 'fresno')).toMatchObject({
      optedIn: true,
      victims: 0,
      atRisk: 0,
      population: null,
      victimRatio: null,
      plans: { victimsServed: 4, atRiskIdentified: 6 },
      victimsDifference: 4,
      atRiskDifference: 6,
    });
    expect(county(r, 'alpine')).toMatchObject({ optedIn: false, tier: null, allocationDollars: null });
  });

  it('sets the County Plans beside the count: by Type only when every county gave the Type', async () => {
    const all = await report('state', FY);
    // Fresno and Alpine gave no breakdown by Type: no victim Type has a plans figure.
    expect(all.typeTable.rows.map((x) => x.plans)).toEqual([null, null, null, null, null, 28]);
    expect(all.typeTable).toMatchObject({ plansVictims: 17, plansAtRisk: 28 });
    const one = await report('state', `${FY}&county=los-angeles`);
    expect(one.scope).toEqual({ kind: 'county', optedInOnly: false, counties: 1 });
    expect(one.typeTable.rows.map((x) => [x.type, x.youth, x.plans])).toEqual([
      ['victim_during_care', 1, 5],
      ['victim_open_case_not_in_care', 0, 2],
      ['victim_absent_from_placement', 1, 3],
      ['victim_closed_case_ilp', 0, null], // the County Plans had no such figure
      ['victim_before_care', 1, 2],
      ['at_risk', 2, 20],
    ]);
    expect(one.typeTable).toMatchObject({ victims: 3, atRisk: 2, plansVictims: 12, plansAtRisk: 20, total: 5 });
    const sd = await report('state', `${FY}&county=san-diego`);
    expect(sd.typeTable).toMatchObject({ plansVictims: null, plansAtRisk: null });
  });

  it('narrows to the counties opted in for the plan year', async () => {
    const r = await report('state', `${FY}&optedIn=true`);
    expect(r.scope).toEqual({ kind: 'state', optedInOnly: true, counties: 4 });
    expect(r.counties.map((c) => c.code)).toEqual(['fresno', 'kern', 'los-angeles', 'san-diego']);
    expect(r.typeTable).toMatchObject({ plansVictims: 16, plansAtRisk: 26 });
  });

  it('lists the data limitations found, with counts, in English and Spanish', async () => {
    const r = await report('state', FY);
    expect(r.limitations.map((l) => [l.code, l.count])).toEqual([
      ['types_without_subcategory', 1],
      ['referral_only_youth', 1],
      ['types_outside_period', 2], // L5's, Kern's
      ['types_without_case', 2],
      ['likely_duplicates', 1],
      ['youth_without_date_of_birth', 1],
      ['counties_without_population', 3], // Alpine, Fresno, Kern (San Diego's 0 is a figure)
      ['counties_without_plans', 2], // Kern, San Diego
    ]);
    for (const l of r.limitations) {
      expect(l.en).toContain(String(l.count));
      expect(l.es).toContain(String(l.count));
      expect(l.es).not.toBe(l.en);
    }
    const empty = await report('state', 'from=2010-01-01&to=2010-12-31');
    expect(empty.counties).toEqual([]);
    expect(empty.limitations).toEqual([]);
    expect(empty.typeTable).toMatchObject({ victims: 0, atRisk: 0, total: 0, plansVictims: null });
  });

  it('accepts a county by code or FIPS code', async () => {
    for (const ref of ['san-diego', '073', '73', '06073']) {
      const r = await report('state', `${FY}&county=${ref}`);
      expect(r.counties.map((c) => c.code)).toEqual(['san-diego']);
    }
    // A county with no data still gets its row of zeros when named.
    const kern = await report('state', `${FY}&county=kern`);
    expect(kern.counties).toHaveLength(1);
    expect(kern.counties[0]).toMatchObject({ code: 'kern', victims: 0, atRisk: 0, optedIn: true, tier: 'I' });
    const fresnoOnly = await report('state', `${FY}&county=019`);
    expect(fresnoOnly.counties.map((c) => c.code)).toEqual(['fresno']);
  });

  it('records the request in the audit log, without names', async () => {
    await report('state', `${FY}&optedIn=true`);
    const [row] = await q<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'report.state' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`,
      [h.world.users.state.id],
    );
    expect(row?.details).toEqual({
      from: '2015-07-01',
      to: '2016-06-30',
      planYear: '2015-16',
      counties: 4,
      version: 'internal',
    });
  });
});

describe('who sees which counties', () => {
  it('the state analyst sees every county; a county analyst their own county only', async () => {
    const mine = await report('analyst', FY);
    expect(mine.scope).toEqual({ kind: 'county', optedInOnly: false, counties: 1 });
    expect(mine.counties.map((c) => c.code)).toEqual(['los-angeles']);
    expect(mine.typeTable).toMatchObject({ victims: 3, atRisk: 2 });
    expect((await report('analyst', `${FY}&county=037`)).counties.map((c) => c.code)).toEqual(['los-angeles']);
    expect((await report('admin', FY)).counties.map((c) => c.code)).toEqual(['los-angeles']);
  });

  it('a county analyst naming another county is told it is not found', async () => {
    const an = await h.as('analyst');
    for (const ref of ['san-diego', '073', 'fresno']) {
      const res = await an.get(`/api/reports/state?${FY}&county=${ref}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
      expect(res.body).not.toMatch(/San Diego|Fresno/);
    }
    for (const ext of ['csv', 'xlsx', 'pdf'])
      expect((await an.get(`/api/reports/state.${ext}?${FY}&county=san-diego`)).statusCode).toBe(404);
  });

  it('caseworkers, supervisors and advocates may not see the report; nobody signed out', async () => {
    for (const who of ['worker', 'supervisor', 'advocate', 'auditor'] as const) {
      const res = await (await h.as(who)).get(`/api/reports/state?${FY}`);
      expect(res.statusCode, who).toBe(403);
      expect((await (await h.as(who)).get(`/api/reports/state.csv?${FY}`)).statusCode).toBe(403);
    }
    expect((await h.anonymous.get(`/api/reports/state?${FY}`)).statusCode).toBe(401);
  });

  it('never answers with a name', async () => {
    const res = await (await h.as('state')).get('/api/reports/state?from=2016-01-01&to=2025-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/Quintero|Okafor|Nguyen|Marsh|Anaís/);
  });
});

describe('bad input never gives a 500', () => {
  const cases: [string, number, string | null][] = [
    ['from=2015-02-30&to=2015-03-31', 400, null],
    ['from=2016-01-01&to=2015-01-01', 400, 'bad_request'],
    ['fiscalYear=2015-17', 400, null],
    ['fiscalYear=2015-16&from=2015-07-01&to=2016-06-30', 400, 'state_report_fiscal_year_or_range'],
    ['fiscalYear=2015-16&to=2016-06-30', 400, 'state_report_fiscal_year_or_range'],
    ['from=2015-07-01', 400, 'report_range_missing'],
    ['to=2015-07-01', 400, 'report_range_missing'],
    ['from=2000-01-01&to=2010-01-01', 400, 'report_range_too_long'],
    ['county=nowhere', 400, 'bad_request'],
    ['county=999', 400, 'bad_request'],
    ['county=Los%20Angeles', 400, null],
    ['county=%00', 400, null],
    ['from=2015-07-01%00&to=2016-06-30', 400, null],
    ['planYear=2015', 400, null],
    ['optedIn=yes', 400, null],
    ['version=secret', 400, null],
    ['extra=1', 400, null],
    ['county=los-angeles&county=san-diego', 400, null],
  ];
  it.each(cases)('%s → %i', async (query, status, code) => {
    const res = await (await h.as('state')).get(`/api/reports/state?${query}`);
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().code).toBe(code);
  });

  it('names the field: to before from, an unknown county', async () => {
    const st = await h.as('state');
    const early = await st.get('/api/reports/state?from=2016-01-01&to=2015-01-01');
    expect(early.json().errors).toEqual([
      { pointer: '/query/to', code: 'end_before_start', params: { start: '2016-01-01' } },
    ]);
    const unknown = await st.get('/api/reports/state?county=nowhere');
    expect(unknown.json().errors).toEqual([{ pointer: '/query/county', code: 'unknown_county' }]);
    const feb = await st.get('/api/reports/state?from=2015-02-30&to=2015-03-31');
    expect(feb.json().errors[0]).toMatchObject({ pointer: '/query/from', code: 'invalid_date' });
  });

  it('takes ten years, not a day more', async () => {
    expect((await (await h.as('state')).get('/api/reports/state?from=2000-01-01&to=2009-12-31')).statusCode).toBe(200);
    const res = await (await h.as('state')).get('/api/reports/state?from=2000-01-01&to=2010-01-01');
    expect(res.json().details).toEqual({ days: 3654, max: 3653 });
  });

  it('a query string of a megabyte', async () => {
    const st = await h.as('state');
    for (const query of [
      `county=${'a'.repeat(1_000_000)}`,
      `x=${'1'.repeat(1_000_000)}`,
      `from=${'9'.repeat(1_000_000)}`,
    ]) {
      const res = await st.get(`/api/reports/state?${query}`);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});

describe('the period and the plan year', () => {
  it('defaults to the fiscal year containing today (county time)', async () => {
    const r = await report('state', '');
    const today = DateTime.now().setZone(COUNTY_TIME_ZONE).toISODate()!;
    expect(r.period).toEqual(fiscalYearPeriod(fiscalYearOf(today)));
    expect(r.planYear).toBe(fiscalYearOf(today));
    // Just after midnight on July 1 in California (07:30 UTC), the new fiscal year has begun there.
    expect(resolveStatePeriod({}, '2026-07-01')).toEqual({ from: '2026-07-01', to: '2027-06-30' });
  });

  it('takes the fiscal year that overlaps the period most, the later one on a tie', async () => {
    expect(planYearFor({ from: '2015-06-01', to: '2016-09-30' })).toBe('2015-16');
    expect(planYearFor({ from: '2015-05-01', to: '2015-08-30' })).toBe('2015-16'); // 61 days each
    expect(planYearFor({ from: '2015-05-01', to: '2015-08-29' })).toBe('2014-15');
    expect(planYearFor({ from: '2016-03-01', to: '2016-03-01' })).toBe('2015-16');
    const r = await report('state', 'from=2015-06-01&to=2016-09-30');
    expect(r.planYear).toBe('2015-16');
    expect(county(r, 'los-angeles')?.plans).toEqual({ victimsServed: 12, atRiskIdentified: 20 });
    // Asked for, another plan year: no plans entered for it, Alpine and Fresno drop out.
    const other = await report('state', 'from=2015-06-01&to=2016-09-30&planYear=2016-17');
    expect(other.planYear).toBe('2016-17');
    expect(other.counties.map((c) => c.code)).toEqual(['kern', 'los-angeles', 'san-diego']);
    expect(other.counties.every((c) => c.plans === null)).toBe(true);
  });
});

describe('the public version', () => {
  it('is published for whole fiscal years only', async () => {
    const st = await h.as('state');
    const res = await st.get('/api/reports/state?from=2017-07-01&to=2018-06-29&version=public');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'state_report_public_fiscal_years_only',
      details: { fiscalYear: '2017-18' },
    });
    const same = await report('state', 'from=2017-07-01&to=2018-06-30&version=public');
    expect(same.version).toBe('public');
  });

  it('hides counts from 1 to 10 and the counts that would give them away', async () => {
    // Internal: During Care 27, Before Care 3, At Risk 50; victims 30.
    const internal = await report('state', 'fiscalYear=2017-18');
    expect(byType(internal.typeTable)).toMatchObject({ victim_during_care: 27, victim_before_care: 3, at_risk: 50 });
    const r = await report('state', 'fiscalYear=2017-18&version=public');
    expect(r.suppression).toMatchObject({ threshold: 11 });
    expect(r.suppression!.note).toContain('<11');
    expect(r.suppression!.noteEs).toContain('<11');
    // Before Care (3) is hidden; During Care (27) too, or victims − During Care would give it.
    expect(byType(r.typeTable)).toEqual({
      victim_during_care: '<11',
      victim_open_case_not_in_care: 0,
      victim_absent_from_placement: 0,
      victim_closed_case_ilp: 0,
      victim_before_care: '<11',
      at_risk: 50,
    });
    expect(r.typeTable).toMatchObject({ victims: 30, atRisk: 50, total: 80 });
    // No county count is small: the county table shows all.
    expect(r.counties.map((c) => [c.code, c.victims, c.atRisk])).toEqual([
      ['los-angeles', 15, 30],
      ['san-diego', 15, 20],
    ]);
  });

  it('hides a total in both tables when either hides it', async () => {
    const internal = await report('state', 'fiscalYear=2018-19');
    expect(internal.typeTable).toMatchObject({ victims: 36, atRisk: 12, total: 48 });
    const r = await report('state', 'fiscalYear=2018-19&version=public');
    // The county table must hide San Diego's 7 victims and so its totals; the Type table follows.
    expect(county(r, 'san-diego')).toMatchObject({ victims: '<11', victimRatio: null });
    expect([r.typeTable.victims, r.typeTable.atRisk]).toEqual(['<11', '<11']);
    expect(r.typeTable.total).toBe(48);
    // No line of either table holds exactly one hidden count.
    const hidden = (xs: unknown[]) => xs.filter((x) => x === '<11').length;
    const victimsColumn = [...r.typeTable.rows.slice(0, 5).map((x) => x.youth), r.typeTable.victims];
    expect(hidden(victimsColumn)).not.toBe(1);
    expect(hidden([r.typeTable.victims, r.typeTable.atRisk, r.typeTable.total])).not.toBe(1);
    expect(hidden([...r.counties.map((c) => c.victims), r.typeTable.victims])).not.toBe(1);
    expect(hidden([...r.counties.map((c) => c.atRisk), r.typeTable.atRisk])).not.toBe(1);
  });

  it('suppresses the plans, the data-quality counts and what derives from a hidden count', async () => {
    const r = await report('state', `${FY}&version=public`);
    expect(byType(r.typeTable)).toEqual({
      victim_during_care: '<11',
      victim_open_case_not_in_care: 0,
      victim_absent_from_placement: '<11',
      victim_closed_case_ilp: 0,
      victim_before_care: '<11',
      at_risk: '<11',
    });
    expect(r.typeTable).toMatchObject({
      victims: '<11',
      atRisk: '<11',
      total: '<11',
      plansVictims: 17,
      plansAtRisk: 28,
    });
    const laRow = county(r, 'los-angeles')!;
    expect(laRow).toMatchObject({
      victims: '<11',
      atRisk: '<11',
      population: 700,
      victimRatio: null,
      victimsDifference: null,
      atRiskDifference: null,
    });
    expect(laRow.dataQuality).toEqual({
      typesWithoutSubcategory: '<11',
      referralOnlyYouth: '<11',
      typesOutsidePeriod: '<11',
      typesWithoutCase: '<11',
      likelyDuplicates: '<11',
      youthWithoutDateOfBirth: '<11',
      openDataQualityIssues: '<11',
    });
    // Small plan figures are hidden too; a zero stays a zero.
    expect(county(r, 'fresno')).toMatchObject({ victims: 0, plans: { victimsServed: '<11', atRiskIdentified: '<11' } });
    expect(r.referralOnly).toMatchObject({ victims: '<11', atRisk: 0 });
    expect(r.limitations.find((l) => l.code === 'referral_only_youth')).toMatchObject({ count: '<11' });
    const l = r.limitations.find((x) => x.code === 'types_without_case')!;
    expect(l.en).toContain('fewer than 11');
    expect(l.es).toContain('menos de 11');
    // Counts of counties are not counts of youth.
    expect(r.limitations.find((x) => x.code === 'counties_without_population')).toMatchObject({ count: 3 });
    expect(JSON.stringify(r)).not.toMatch(/"(victims|atRisk|youth)":[1-9]\b/);
  });

  it('a county analyst may ask for it', async () => {
    const r = await report('analyst', `${FY}&version=public`);
    expect(r.counties.map((c) => c.code)).toEqual(['los-angeles']);
    expect(r.typeTable.victims).toBe('<11');
  });

  it('links totals across tables until they agree', () => {
    // Two one-column lists sharing their total: the first hides it (4 + 3), the second alone would not.
    const [a, b] = suppressLinked(
      [[[4], [3]], [[7]]],
      [
        [
          { table: 0, at: 0 },
          { table: 1, at: 0 },
        ],
      ],
    );
    expect(a!.columnTotals[0]!.shown).toBe(false);
    expect(b!.columnTotals[0]!.shown).toBe(false);
    const [c, d] = suppressLinked(
      [
        [
          [20, 3],
          [30, 40],
        ],
        [[50, 43]],
      ],
      [
        [
          { table: 0, at: 1 },
          { table: 1, at: 1 },
        ],
      ],
    );
    expect(c!.columnTotals[1]!.shown).toBe(d!.columnTotals[1]!.shown);
  });
});

/** The text drawn on a pdfkit page: inflate each stream, then join the hex strings of each TJ. */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: Buffer;
    try {
      body = inflateSync(pdf.subarray(start, end));
    } catch {
      continue;
    }
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''),
      );
    }
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

describe('exports', () => {
  it('CSV: the rule first, then the period, the tables and the limitations', async () => {
    const res = await (await h.as('state')).get(`/api/reports/state.csv?${FY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="harbor-state-csec-2015-07-01-2016-06-30.csv"',
    );
    const lines = res.body.split('\n');
    expect(lines[0]).toContain('Counting rule (state CSEC Program)');
    expect(lines[1]).toContain('Regla de conteo');
    expect(res.body).toContain('Period: 2015-07-01 to 2016-06-30, both included');
    expect(res.body).toContain('fiscal year 2015-16');
    expect(res.body).toContain('Victim During Care,2,,');
    expect(res.body).toContain('At Risk,3,28,25');
    expect(res.body).toContain('Total CSEC victims,4,17,13');
    expect(res.body).toContain('Los Angeles County,037,yes,II,1500000,3,2,700,0.0043,12,20,9,18,1,1,1,2,1,1,2');
    expect(res.body).toContain('types_without_case,2,');
    const pub = await (await h.as('state')).get(`/api/reports/state.csv?${FY}&version=public`);
    expect(pub.headers['content-disposition']).toContain('harbor-state-csec-2015-07-01-2016-06-30-public.csv');
    expect(pub.body).toContain('Public version.');
    expect(pub.body).toContain('Los Angeles County,037,yes,II,1500000,<11,<11,700,,');
  });

  it('CSV cells cannot start a formula', async () => {
    const r = await report('state', FY);
    const csv = stateReportCsv({ ...r, counties: r.counties.map((c) => ({ ...c, name: '=HYPERLINK("x")' })) });
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('XLSX: a sheet per table and one with the rule and the limitations', async () => {
    const res = await (await h.as('state')).get(`/api/reports/state.xlsx?${FY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('harbor-state-csec-2015-07-01-2016-06-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Type table',
      'Referral-only youth',
      'Counties',
      'Rule and limitations',
    ]);
    const cells = (name: string) => {
      const out: unknown[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(c.value)));
      return out;
    };
    for (const w of wb.worksheets) expect(cells(w.name), w.name).toContain(STATE_COUNTING_RULE.en);
    const rule = cells('Rule and limitations');
    expect(rule).toContain(STATE_COUNTING_RULE.es);
    expect(
      rule.some((v) => typeof v === 'string' && v.startsWith('CSEC Types starting in the period with neither')),
    ).toBe(true);
    const types = wb.getWorksheet('Type table')!;
    let found = false;
    types.eachRow((row) => {
      if (row.getCell(1).value === 'At Risk') {
        expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([3, 28, 25]);
        found = true;
      }
    });
    expect(found).toBe(true);
  });

  it('PDF: the rule, the tables and the chart', async () => {
    const res = await (await h.as('state')).get(`/api/reports/state.pdf?${FY}&county=los-angeles`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('harbor-state-csec-2015-07-01-2016-06-30.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5000);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('State CSEC Program: youth by CSEC Type');
    expect(text).toContain('Counting rule (state CSEC Program)');
    expect(text).toContain('Youth by CSEC Type: Harbor and the County Plans');
    expect(text).toContain('County Plans 2015-16');
    expect(text).toContain('Los Angeles County');
    expect(text).toContain('Data limitations');
    const pub = await (await h.as('state')).get(`/api/reports/state.pdf?${FY}&version=public`);
    expect(pub.statusCode).toBe(200);
    const pubText = pdfText(pub.rawPayload);
    expect(pubText).toContain('<11');
    expect(pubText).toContain('Public version');
  });
});
