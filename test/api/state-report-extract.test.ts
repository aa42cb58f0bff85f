// Issue 13's end-to-end checks: an extract written here is imported with the import's own format
// (docs/IMPORT.md), and the state report (GET /api/reports/state, as the state analyst) must give
// every cell that the counting rule, worked out again in test/support/state-extract.ts without
// Harbor's code, gives. Runs on PGlite, and on the PostgreSQL server with DATABASE_URL.
//
//   1. Traps, each placed in San Benito County and answered by hand: both period edges, both ends
//      of a referral window, a lower and a higher Type on one child, a higher Type inside a
//      referral window, a Type outside the period, a missing subcategory, no date of birth.
//   2. Random clients over four counties and three years, against the independent count.
//   3. An extract built to seed 004's published Type table (June 1, 2015 to September 30, 2016:
//      260, 27, 105, 0, 307; 699 victims; 954 at risk) with distractors the overlap rule would
//      count, reproduced cell for cell.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSEC_TYPES } from '../../src/domain/csec-type.js';
import { importExtract } from '../../src/features/import/import-extract.js';
import { stateFigures, sumFigures } from '../../src/features/state-report/figures.js';
import { startHarness, type Harness } from '../support/app.js';
import {
  addDays,
  emptyExtract,
  expectedCount,
  HIERARCHY,
  random,
  writeExtract,
  type Expected,
  type Extract,
  type TypeCode,
} from '../support/state-extract.js';

const TODAY = '2026-06-15';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function load(h: Harness, x: Extract) {
  const dir = writeExtract(x);
  dirs.push(dir);
  const summary = await importExtract(h.db.database, { dir, dryRun: false, source: 'cli', today: TODAY });
  expect(summary.errors, JSON.stringify(summary.errors.slice(0, 3))).toEqual([]);
  return summary;
}

interface Report {
  typeTable: {
    rows: { type: TypeCode; youth: number }[];
    victims: number;
    atRisk: number;
    total: number;
  };
  referralOnly: { rows: { type: TypeCode; youth: number }[]; victims: number; atRisk: number };
  counties: {
    code: string;
    name: string;
    victims: number;
    atRisk: number;
    dataQuality: Record<string, number>;
  }[];
  limitations: { code: string; count: number }[];
  rule: { en: string; es: string };
}

async function report(h: Harness, query: string): Promise<Report> {
  const res = await (await h.as('state')).get(`/api/reports/state?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
}

const byType = (rows: { type: TypeCode; youth: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.type, r.youth])) as Record<TypeCode, number>;

/** Every cell of the report's tables against the independent count. */
function expectCells(r: Report, e: Expected) {
  expect(r.typeTable.rows.map((row) => row.type)).toEqual([...HIERARCHY]);
  expect(byType(r.typeTable.rows)).toEqual(e.cases.byType);
  expect(r.typeTable.victims).toBe(e.cases.victims);
  expect(r.typeTable.atRisk).toBe(e.cases.atRisk);
  expect(r.typeTable.total).toBe(e.cases.victims + e.cases.atRisk);
  expect(byType(r.referralOnly.rows)).toEqual(e.referralOnly.byType);
  expect(r.referralOnly.victims).toBe(e.referralOnly.victims);
  expect(r.referralOnly.atRisk).toBe(e.referralOnly.atRisk);
  const counties = Object.fromEntries(
    r.counties
      .filter((c) => c.victims + c.atRisk + c.dataQuality.referralOnlyYouth! > 0)
      .map((c) => [
        c.name.replace(/ County$/, ''),
        { victims: c.victims, atRisk: c.atRisk, referralOnly: c.dataQuality.referralOnlyYouth },
      ]),
  );
  expect(counties).toEqual(Object.fromEntries(e.byCounty));
  const sum = (key: string) => r.counties.reduce((n, c) => n + c.dataQuality[key]!, 0);
  expect(sum('typesWithoutSubcategory')).toBe(e.typesWithoutSubcategory);
  expect(sum('typesOutsidePeriod')).toBe(e.typesOutsidePeriod);
  expect(sum('youthWithoutDateOfBirth')).toBe(e.youthWithoutDateOfBirth);
}

// 1 and 2 -------------------------------------------------------------------------------------

/** The traps, in San Benito County, for fiscal year 2015-16. */
function traps(): Extract {
  const x = emptyExtract();
  const client = (id: string, dob: string | null = '2001-05-05') => x.clients.push({ id, county: 'San Benito', dob });
  const type = (
    c: string,
    t: TypeCode,
    start: string,
    end: string | null = null,
    subcategory: string | null = 'Sex trafficking',
  ) => x.types.push({ client: c, type: t, start, end, subcategory });
  // Both period edges: counted on the first and last day, not the day before or after.
  client('T01');
  type('T01', 'at_risk', '2015-07-01');
  client('T02');
  type('T02', 'victim_before_care', '2016-06-30', '2016-08-01');
  client('T03');
  type('T03', 'victim_during_care', '2015-06-30', '2015-12-31'); // applies in the period, started before it
  client('T04');
  type('T04', 'victim_during_care', '2016-07-01');
  // Both ends of a referral window (received 2015-09-01, disposed 2015-09-30): referral-only youth.
  client('T05');
  x.referrals.push({ id: 'R05', client: 'T05', received: '2015-09-01', disposition: '2015-09-30' });
  type('T05', 'victim_open_case_not_in_care', '2015-09-01');
  client('T06');
  x.referrals.push({ id: 'R06', client: 'T06', received: '2015-09-01', disposition: '2015-09-30' });
  type('T06', 'victim_open_case_not_in_care', '2015-09-30');
  // The day after the window closes: a case's Type (no case open: the state assumed one).
  client('T07');
  x.referrals.push({ id: 'R07', client: 'T07', received: '2015-09-01', disposition: '2015-09-30' });
  type('T07', 'victim_absent_from_placement', '2015-10-01', '2015-10-20');
  // A lower and a higher Type on one child: counted once, under the higher.
  client('T08');
  x.cases.push({ id: 'C08', client: 'T08', start: '2015-01-01', end: null });
  type('T08', 'at_risk', '2015-08-01');
  type('T08', 'victim_during_care', '2016-01-15');
  // A higher Type inside a referral window, a lower one outside it: counted under the lower.
  client('T09');
  x.referrals.push({ id: 'R09', client: 'T09', received: '2016-02-01', disposition: '2016-02-20' });
  type('T09', 'victim_during_care', '2016-02-10');
  type('T09', 'at_risk', '2016-03-01');
  // A Type from before the period that still applies (not counted), and one without a subcategory.
  client('T10');
  type('T10', 'at_risk', '2014-01-01');
  type('T10', 'victim_before_care', '2015-12-01', null, null);
  // No date of birth.
  client('T11', null);
  type('T11', 'at_risk', '2016-01-01');
  return x;
}

/** Random clients in four other counties over three years. */
function randomClients(seed: number, n: number): Extract {
  const rnd = random(seed);
  const x = emptyExtract();
  const counties = ['Los Angeles', 'Fresno', 'Kern', 'Humboldt'];
  const day = () => addDays('2014-06-01', rnd.int(0, 3 * 365));
  const weights: TypeCode[] = [
    'at_risk',
    'at_risk',
    'at_risk',
    'victim_before_care',
    'victim_before_care',
    'victim_during_care',
    'victim_absent_from_placement',
    'victim_open_case_not_in_care',
    'victim_closed_case_ilp',
  ];
  for (let i = 0; i < n; i++) {
    const id = `X${String(i).padStart(4, '0')}`;
    x.clients.push({
      id,
      county: rnd.pick(counties),
      dob: rnd.next() < 0.1 ? null : addDays('1998-01-01', rnd.int(0, 2500)),
    });
    for (let k = rnd.int(0, 2); k > 0; k--) {
      const received = day();
      const open = rnd.next() < 0.05;
      x.referrals.push({
        id: `${id}-R${k}`,
        client: id,
        received,
        disposition: open ? null : addDays(received, rnd.int(0, 60)),
      });
    }
    if (rnd.next() < 0.4) {
      const start = day();
      x.cases.push({
        id: `${id}-C`,
        client: id,
        start,
        end: rnd.next() < 0.5 ? null : addDays(start, rnd.int(30, 400)),
      });
    }
    const seen = new Set<string>();
    for (let k = rnd.int(1, 4); k > 0; k--) {
      const t = rnd.pick(weights);
      const start = day();
      if (seen.has(`${t}|${start}`)) continue;
      seen.add(`${t}|${start}`);
      const end = rnd.next() < 0.5 ? null : addDays(start, rnd.int(0, 300));
      x.types.push({
        client: id,
        type: t,
        start,
        end: t === 'victim_absent_from_placement' && end === null ? addDays(start, 10) : end,
        subcategory: rnd.next() < 0.1 ? null : 'Sex trafficking',
      });
    }
  }
  return x;
}

describe('the state report on an imported extract with traps', () => {
  let h: Harness;
  const x = traps();
  const more = randomClients(13, 300);
  const all: Extract = {
    clients: [...x.clients, ...more.clients],
    referrals: [...x.referrals, ...more.referrals],
    cases: [...x.cases, ...more.cases],
    types: [...x.types, ...more.types],
  };
  beforeAll(async () => {
    h = await startHarness();
    await load(h, all);
  });
  afterAll(() => h.close());

  it('answers each trap as worked out by hand (San Benito, fiscal year 2015-16)', async () => {
    const r = await report(h, 'fiscalYear=2015-16&county=san-benito');
    expect(byType(r.typeTable.rows)).toEqual({
      victim_during_care: 1, // T08 (its At Risk is lower)
      victim_open_case_not_in_care: 0, // T05 and T06 are referral-only
      victim_absent_from_placement: 1, // T07, the day after the window
      victim_closed_case_ilp: 0,
      victim_before_care: 2, // T02 on the last day, T10 without a subcategory
      at_risk: 3, // T01 on the first day, T09 (its higher Type is in a referral window), T11
    });
    expect(r.typeTable.victims).toBe(4);
    expect(r.typeTable.atRisk).toBe(3);
    expect(byType(r.referralOnly.rows)).toMatchObject({ victim_open_case_not_in_care: 2 });
    expect(r.referralOnly.victims).toBe(2);
    expect(r.counties).toHaveLength(1);
    expect(r.counties[0]!.dataQuality).toMatchObject({
      referralOnlyYouth: 2,
      typesWithoutSubcategory: 1, // T10
      typesOutsidePeriod: 2, // T03 and T10's At Risk from 2014
      youthWithoutDateOfBirth: 1, // T11
    });
    expect(r.rule.en).toMatch(/start date/i);
  });

  it('gives every cell the independent count gives, for a fiscal year and for an odd period', async () => {
    for (const [from, to] of [
      ['2015-07-01', '2016-06-30'],
      ['2014-11-17', '2016-02-29'],
      ['2016-03-01', '2016-03-01'],
    ] as const) {
      const r = await report(h, `from=${from}&to=${to}`);
      expectCells(r, expectedCount(all, from, to, TODAY));
    }
  });
});

// 3 -------------------------------------------------------------------------------------------

const SEED_004 = {
  from: '2015-06-01',
  to: '2016-09-30',
  table: {
    victim_during_care: 260,
    victim_open_case_not_in_care: 27,
    victim_absent_from_placement: 105,
    victim_closed_case_ilp: 0,
    victim_before_care: 307,
    at_risk: 954,
  } satisfies Record<TypeCode, number>,
};

/** The 2015-16 opted-in counties (seed 004): where the state's youth live in this extract. */
const OPTED_IN = [
  'Alameda',
  'Calaveras',
  'Colusa',
  'Contra Costa',
  'El Dorado',
  'Fresno',
  'Kern',
  'Los Angeles',
  'Madera',
  'Marin',
  'Merced',
  'Monterey',
  'Orange',
  'Placer',
  'Plumas',
  'Riverside',
  'Sacramento',
  'San Benito',
  'San Bernardino',
  'San Diego',
  'San Francisco',
  'San Joaquin',
  'San Luis Obispo',
  'San Mateo',
  'Santa Barbara',
  'Santa Clara',
  'Santa Cruz',
  'Shasta',
  'Siskiyou',
  'Solano',
  'Sonoma',
  'Stanislaus',
  'Tulare',
  'Ventura',
  'Yolo',
];

/**
 * Youth counted under each Type of the published table, each with distractors: a lower Type in
 * the period, a higher Type in a referral window, a higher Type that started before the period
 * and still applied (the overlap rule counts it), a higher Type after the period. Plus youth the
 * table must not count: referral-only youth (some on both ends of their window) and youth whose
 * Types start only outside the period (some a day outside either edge).
 */
function seed004Extract(): Extract {
  const rnd = random(4004);
  const x = emptyExtract();
  const { from, to } = SEED_004;
  const span = 487; // days from 2015-06-01 to 2016-09-30, both included
  let n = 0;
  const client = () => {
    const id = `S${String(++n).padStart(5, '0')}`;
    x.clients.push({
      id,
      county: rnd.pick(OPTED_IN),
      dob: rnd.next() < 0.04 ? null : addDays('1998-06-01', rnd.int(0, 2200)),
    });
    return id;
  };
  const keys = new Set<string>();
  const type = (c: string, t: TypeCode, start: string, subcategory: string | null = 'Sex trafficking') =>
    !keys.has(`${c}|${t}|${start}`) &&
    keys.add(`${c}|${t}|${start}`) &&
    x.types.push({
      client: c,
      type: t,
      start,
      end:
        t === 'victim_absent_from_placement'
          ? addDays(start, rnd.int(1, 40))
          : rnd.next() < 0.6
            ? null
            : addDays(start, rnd.int(0, 200)),
      subcategory,
    });
  const higherThan = (t: TypeCode) => HIERARCHY.slice(0, HIERARCHY.indexOf(t));
  const lowerThan = (t: TypeCode) => HIERARCHY.slice(HIERARCHY.indexOf(t) + 1);

  for (const counted of HIERARCHY) {
    for (let i = 0; i < SEED_004.table[counted]; i++) {
      const c = client();
      // The first few sit on the period's edges.
      const start = i === 0 ? from : i === 1 ? to : addDays(from, rnd.int(0, span - 1));
      type(c, counted, start, rnd.next() < 0.08 ? null : 'Sex trafficking');
      const lower = lowerThan(counted);
      if (lower.length && rnd.next() < 0.3) {
        const s = addDays(from, rnd.int(0, span - 1));
        if (s !== start) type(c, rnd.pick(lower), s);
      }
      const higher = higherThan(counted);
      if (higher.length && rnd.next() < 0.2) {
        // A referral window in the period holding a higher Type, clear of the counted Type's start.
        const received = addDays(from, rnd.int(0, span - 30));
        const disposition = addDays(received, rnd.int(0, 25));
        if (!(received <= start && start <= disposition)) {
          x.referrals.push({ id: `${c}-R`, client: c, received, disposition });
          type(c, rnd.pick(higher), rnd.next() < 0.5 ? received : disposition);
        }
      }
      if (higher.length && rnd.next() < 0.15) {
        // A higher Type from before the period, still applying during it: the overlap rule's trap.
        const t = rnd.pick(higher);
        const s = addDays(from, -rnd.int(1, 400));
        if (!keys.has(`${c}|${t}|${s}`)) {
          keys.add(`${c}|${t}|${s}`);
          x.types.push({ client: c, type: t, start: s, end: null, subcategory: 'Sex trafficking' });
        }
      }
      if (higher.length && rnd.next() < 0.05) type(c, rnd.pick(higher), addDays(to, rnd.int(1, 60)));
      if (rnd.next() < 0.3)
        x.cases.push({ id: `${c}-C`, client: c, start: addDays(start, -rnd.int(0, 200)), end: null });
    }
  }
  // Youth identified only during a hotline investigation: not in the table.
  for (let i = 0; i < 180; i++) {
    const c = client();
    const received = addDays(from, rnd.int(0, span - 40));
    const disposition = addDays(received, rnd.int(0, 30));
    x.referrals.push({ id: `${c}-R`, client: c, received, disposition });
    type(
      c,
      rnd.pick(HIERARCHY),
      i % 3 === 0
        ? received
        : i % 3 === 1
          ? disposition
          : addDays(received, Math.floor((Date.parse(disposition) - Date.parse(received)) / 172800000)),
    );
  }
  // Youth whose Types all start outside the period: a day before, a day after, or years away.
  for (let i = 0; i < 120; i++) {
    const c = client();
    const start =
      i % 4 === 0
        ? addDays(from, -1)
        : i % 4 === 1
          ? addDays(to, 1)
          : i % 4 === 2
            ? addDays(from, -rnd.int(30, 900))
            : addDays(to, rnd.int(30, 300));
    type(c, rnd.pick(HIERARCHY), start);
  }
  return x;
}

describe("seed 004's Type table, reproduced from an extract built to it", () => {
  let h: Harness;
  const x = seed004Extract();
  beforeAll(async () => {
    h = await startHarness();
    await load(h, x);
  });
  afterAll(() => h.close());

  it('the extract is built right: the independent count gives the published table', () => {
    const e = expectedCount(x, SEED_004.from, SEED_004.to, TODAY);
    expect(e.cases.byType).toEqual(SEED_004.table);
    expect(e.cases.victims).toBe(699);
    expect(e.cases.atRisk).toBe(954);
  });

  it('csec_type_rank() in the database ranks the Types as src/domain/csec-type.ts does', async () => {
    const rows = await h.db.database.query<{ t: string; rank: number }>(
      `SELECT t, csec_type_rank(t) AS rank FROM unnest($1::text[]) AS t`,
      [CSEC_TYPES.map((c) => c.code)],
    );
    expect(Object.fromEntries(rows.map((r) => [r.t, Number(r.rank)]))).toEqual(
      Object.fromEntries(CSEC_TYPES.map((c) => [c.code, c.rank])),
    );
  });

  it('the counting statements give the table as harbor_aggregate, under row-level security', async () => {
    const figures = await h.db.database.transactionWith(
      { role: 'harbor_aggregate', 'harbor.county_id': h.world.counties.la, 'harbor.all_counties': 'on' },
      (tx) => stateFigures(tx, 'all', SEED_004.from, SEED_004.to),
    );
    const total = sumFigures(figures.values());
    expect(total.cases.byType).toEqual(SEED_004.table);
    const e = expectedCount(x, SEED_004.from, SEED_004.to, TODAY);
    expect(total.referralOnly.byType).toEqual(e.referralOnly.byType);
    expect(total.typesWithoutSubcategory).toBe(e.typesWithoutSubcategory);
    expect(total.typesOutsidePeriod).toBe(e.typesOutsidePeriod);
    expect(total.youthWithoutDateOfBirth).toBe(e.youthWithoutDateOfBirth);
  });

  it('the report reproduces 260, 27, 105, 0, 307; 699 victims; 954 at risk, cell for cell', async () => {
    const r = await report(h, `from=${SEED_004.from}&to=${SEED_004.to}`);
    expect(byType(r.typeTable.rows)).toEqual(SEED_004.table);
    expect(r.typeTable.victims).toBe(699);
    expect(r.typeTable.atRisk).toBe(954);
    expectCells(r, expectedCount(x, SEED_004.from, SEED_004.to, TODAY));
  });

  it('narrowed to the counties opted in for 2015-16, it still holds every youth (all live in them)', async () => {
    const r = await report(h, `from=${SEED_004.from}&to=${SEED_004.to}&planYear=2015-16&optedIn=true`);
    expect(r.typeTable.victims).toBe(699);
    expect(r.typeTable.atRisk).toBe(954);
    expect(r.counties.every((c) => OPTED_IN.includes(c.name.replace(/ County$/, '')))).toBe(true);
  });
});
