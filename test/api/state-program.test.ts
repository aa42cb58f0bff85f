// The state CSEC Program's data (issue 13): County Plan figures, participation, population
// denominators (API and CLI) and counties' submissions with their de-identified row files.
// Runs on PGlite and, with DATABASE_URL, on the PostgreSQL server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRepo } from '../../src/access/checkpoint.js';
import { selectRows } from '../../src/db/client.js';
import { HarborError } from '../../src/errors.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { importPopulationFile } from '../../src/features/state-program/population.js';
import { Builder } from '../../src/seed/builder.js';
import { signIn, startHarness, type Client, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
let sdAnalyst: Client;
const ANA_CWS = '1111-2222-3333-4444444';
const FY = { from: '2025-07-01', to: '2026-06-30' };
const tmp = mkdtempSync(path.join(tmpdir(), 'harbor-state-program-test-'));

const sys = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => h.db.database.query<T>(q, params);
const n = async (q: string, params: unknown[] = []) => Number((await sys<{ n: string }>(q, params))[0]!.n);

async function addType(
  youthId: string,
  countyId: string,
  t: { type: string; start: string; end?: string; referralId?: string },
) {
  await sys(
    `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source, referral_id)
     VALUES ($1, $2, $3, $4, $5, 'Sex trafficking', 'state_extract', $6)`,
    [youthId, countyId, t.type, t.start, t.end ?? null, t.referralId ?? null],
  );
}

beforeAll(async () => {
  h = await startHarness();
  const { la, sd } = h.world.counties;
  const b = new Builder(h.db.database);
  await b.user({
    countyId: sd,
    organizationId: h.world.orgs.sdCws,
    email: 'sdanalyst@test.example',
    displayName: 'Test sdAnalyst',
    roles: ['county_analyst'],
    passwordHash: await hashPassword(PASSWORD),
  });
  sdAnalyst = await signIn(h.app, 'sdanalyst@test.example');
  const { ana, bruno, carla, diego, elena } = h.world.youth;
  // Los Angeles, fiscal year 2025-26: Ana counts as a victim (her at-risk Type is a row, not
  // counted), Bruno at risk; Carla only on a hotline referral; Elena's Type is before the year.
  await addType(ana, la, { type: 'at_risk', start: '2025-07-15' });
  await addType(ana, la, { type: 'victim_during_care', start: '2025-08-10' });
  await addType(bruno, la, { type: 'at_risk', start: '2025-10-01' });
  const referral = await b.referral({
    youthId: carla,
    countyId: la,
    organizationId: h.world.orgs.dcfs,
    externalId: 'R-STATE-1',
    receivedAt: '2025-09-01T10:00:00Z',
  });
  await addType(carla, la, { type: 'at_risk', start: '2025-09-02', referralId: referral });
  await addType(elena, la, { type: 'victim_before_care', start: '2024-05-01' });
  // San Diego: Diego holds the same state client id as Ana (another county's client).
  await sys(`INSERT INTO youth_identifiers (youth_id, county_id, system, value) VALUES ($1, $2, 'cws_cms', $3)`, [
    diego,
    sd,
    ANA_CWS,
  ]);
  await addType(diego, sd, { type: 'victim_open_case_not_in_care', start: '2025-08-20' });
}, 120_000);
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await h?.close();
});

const csvPost = (c: Client, body: string | Buffer, type = 'text/csv') =>
  h.app.inject({
    method: 'POST',
    url: '/api/state/population',
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrfToken!, 'content-type': type },
    payload: body,
  });

describe('County Plans', () => {
  it('the county analyst enters and changes the county’s figures, with versions', async () => {
    const analyst = await h.as('analyst');
    const made = await analyst.put('/api/state/plans/2015-16', {
      victimsServed: 379,
      atRiskIdentified: 120,
      victimsByType: { victim_during_care: 326, victim_before_care: 20 },
      note: 'From the County Plan, page 4.',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({
      county: 'los-angeles',
      countyName: 'Los Angeles County',
      fiscalYear: '2015-16',
      victimsServed: 379,
      atRiskIdentified: 120,
      victimsByType: { victim_during_care: 326, victim_before_care: 20 },
      version: 1,
    });
    const again = await analyst.put('/api/state/plans/2015-16', { victimsServed: 380, atRiskIdentified: 120 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'plan_figures_exist',
      details: { fiscalYear: '2015-16', currentVersion: 1 },
    });
    const changed = await analyst.put('/api/state/plans/2015-16', {
      victimsServed: 380,
      atRiskIdentified: 121,
      victimsByType: null,
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ victimsServed: 380, victimsByType: null, note: null, version: 2 });
    const stale = await analyst.put('/api/state/plans/2015-16', {
      victimsServed: 1,
      atRiskIdentified: 1,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const notThere = await analyst.put('/api/state/plans/2016-17', {
      victimsServed: 1,
      atRiskIdentified: 1,
      version: 1,
    });
    expect(notThere.statusCode).toBe(409);
    expect(notThere.json()).toMatchObject({ code: 'plan_figures_not_entered', details: { fiscalYear: '2016-17' } });
    expect(await n(`SELECT count(*) AS n FROM county_plan_figures WHERE fiscal_year = '2016-17'`)).toBe(0);
    const audit = await sys<{ action: string }>(
      `SELECT action FROM audit_events WHERE action = 'state.plans.save' AND actor_user_id = $1`,
      [h.world.users.analyst.id],
    );
    expect(audit.length).toBe(2);
  });

  it('checks the victims by Type against the victims served', async () => {
    const analyst = await h.as('analyst');
    const over = await analyst.put('/api/state/plans/2017-18', {
      victimsServed: 10,
      atRiskIdentified: 0,
      victimsByType: { victim_during_care: 6, victim_before_care: 5 },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'plan_types_over_victims', details: { sum: 11, victimsServed: 10 } });
    const five = {
      victim_during_care: 1,
      victim_open_case_not_in_care: 1,
      victim_absent_from_placement: 1,
      victim_closed_case_ilp: 1,
      victim_before_care: 1,
    };
    const short = await analyst.put('/api/state/plans/2017-18', {
      victimsServed: 6,
      atRiskIdentified: 0,
      victimsByType: five,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'plan_types_not_victims', details: { sum: 5, victimsServed: 6 } });
    const exact = await analyst.put('/api/state/plans/2017-18', {
      victimsServed: 5,
      atRiskIdentified: 0,
      victimsByType: five,
    });
    expect(exact.statusCode).toBe(200);
    expect(exact.json().victimsByType).toEqual(five);
  });

  it('refuses bad input with 400, never 500', async () => {
    const analyst = await h.as('analyst');
    const ok = { victimsServed: 1, atRiskIdentified: 1 };
    for (const fy of ['2015-17', '2015', 'abcd-ef', '1999-00', '2015-16x', '2015%0016', '2099-00'])
      expect((await analyst.put(`/api/state/plans/${fy}`, ok)).statusCode, fy).toBe(400);
    const bodies: unknown[] = [
      { victimsServed: -1, atRiskIdentified: 1 },
      { victimsServed: 1, atRiskIdentified: -5 },
      { victimsServed: 1e12, atRiskIdentified: 1 },
      { victimsServed: 1_000_001, atRiskIdentified: 1 },
      { victimsServed: 1.5, atRiskIdentified: 1 },
      { victimsServed: '3', atRiskIdentified: 1 },
      { victimsServed: 1 },
      { ...ok, note: 'bad \u0000 byte' },
      { ...ok, note: 'x'.repeat(2001) },
      { ...ok, victimsByType: { at_risk: 1 } },
      { ...ok, victimsByType: { victim_during_care: -1 } },
      { ...ok, victimsByType: [] },
      { ...ok, version: 0 },
      { ...ok, extra: true },
      [],
    ];
    for (const body of bodies) {
      const res = await analyst.put('/api/state/plans/2018-19', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    // Text is not JSON: 415.
    expect((await analyst.put('/api/state/plans/2018-19', 'not json')).statusCode).toBe(415);
    expect(await n(`SELECT count(*) AS n FROM county_plan_figures WHERE fiscal_year = '2018-19'`)).toBe(0);
  });

  it('state analysts read every county’s figures, county staff their own; only county analysts enter them', async () => {
    expect(
      (await sdAnalyst.put('/api/state/plans/2015-16', { victimsServed: 40, atRiskIdentified: 12 })).statusCode,
    ).toBe(200);
    const state = await h.as('state');
    const all = (await state.get('/api/state/plans?fiscalYear=2015-16')).json() as { county: string }[];
    expect(all.map((p) => p.county)).toEqual(['los-angeles', 'san-diego']);
    const every = (await state.get('/api/state/plans')).json() as { fiscalYear: string }[];
    expect(every.map((p) => p.fiscalYear)).toEqual(['2017-18', '2015-16', '2015-16']);
    const analyst = await h.as('analyst');
    const own = (await analyst.get('/api/state/plans?fiscalYear=2015-16')).json() as { county: string }[];
    expect(own.map((p) => p.county)).toEqual(['los-angeles']);
    const admin = await h.as('admin');
    expect(
      ((await admin.get('/api/state/plans')).json() as { county: string }[]).every((p) => p.county === 'los-angeles'),
    ).toBe(true);
    // The state does not enter a county's plans; caseworkers see none of it.
    const entered = await state.put('/api/state/plans/2019-20', { victimsServed: 1, atRiskIdentified: 1 });
    expect(entered.statusCode).toBe(403);
    expect(entered.json().code).toBe('role_not_allowed');
    const admin403 = await admin.put('/api/state/plans/2019-20', { victimsServed: 1, atRiskIdentified: 1 });
    expect(admin403.statusCode).toBe(403);
    const worker = await h.as('worker');
    expect((await worker.get('/api/state/plans')).statusCode).toBe(403);
    expect((await state.get('/api/state/plans?fiscalYear=2015-17')).statusCode).toBe(400);
    expect((await state.get('/api/state/plans?county=los-angeles')).statusCode).toBe(400);
  });
});

describe('participation', () => {
  it('lists the 58 counties with seed 004’s participation for the year', async () => {
    const state = await h.as('state');
    const res = await state.get('/api/state/participation?fiscalYear=2016-17');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { county: string; optedIn: boolean; tier: string | null; countyName: string }[];
    expect(rows).toHaveLength(58);
    expect(rows.find((r) => r.county === 'colusa')).toMatchObject({ optedIn: true, tier: 'I' });
    expect(rows.find((r) => r.county === 'los-angeles')).toMatchObject({ optedIn: true, tier: 'II' });
    expect(rows.find((r) => r.county === 'alpine')).toMatchObject({ optedIn: false, tier: null });
    expect(rows.filter((r) => r.optedIn)).toHaveLength(38);
    const early = (await state.get('/api/state/participation?fiscalYear=2014-15')).json() as {
      optedIn: boolean;
      tier: string | null;
    }[];
    expect(early.filter((r) => r.optedIn)).toHaveLength(30);
    expect(early.every((r) => r.tier === null)).toBe(true);
    // Without a year: the fiscal year containing today.
    expect((await state.get('/api/state/participation')).json()).toHaveLength(58);
    const analyst = await h.as('analyst');
    expect((await analyst.get('/api/state/participation?fiscalYear=2016-17')).json()).toHaveLength(58);
    expect((await (await h.as('worker')).get('/api/state/participation')).statusCode).toBe(403);
    expect((await state.get('/api/state/participation?fiscalYear=16-17')).statusCode).toBe(400);
  });

  it('the state sets counties in or out, with tier and allocation, all or nothing', async () => {
    const state = await h.as('state');
    const set = await state.put('/api/state/participation/2017-18', {
      counties: [
        { county: 'los-angeles', optedIn: true, tier: 'II', allocationDollars: 2_500_000 },
        { county: '073', optedIn: true, tier: 'I', allocationDollars: null },
        { county: 'alpine', optedIn: false, tier: null, allocationDollars: null },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const rows = set.json() as {
      county: string;
      optedIn: boolean;
      tier: string | null;
      allocationDollars: number | null;
    }[];
    expect(rows).toHaveLength(58);
    expect(rows.find((r) => r.county === 'los-angeles')).toMatchObject({
      optedIn: true,
      tier: 'II',
      allocationDollars: 2_500_000,
    });
    expect(rows.find((r) => r.county === 'san-diego')).toMatchObject({
      optedIn: true,
      tier: 'I',
      allocationDollars: null,
    });
    expect(rows.filter((r) => r.optedIn)).toHaveLength(2);
    const out = await state.put('/api/state/participation/2017-18', {
      counties: [{ county: 'san-diego', optedIn: false, tier: null, allocationDollars: null }],
    });
    expect((out.json() as { optedIn: boolean }[]).filter((r) => r.optedIn)).toHaveLength(1);

    const before = await n(`SELECT count(*) AS n FROM csec_program_participation`);
    const unknown = await state.put('/api/state/participation/2017-18', {
      counties: [
        { county: 'orange', optedIn: true, tier: 'I', allocationDollars: 1 },
        { county: 'atlantis', optedIn: true, tier: 'I', allocationDollars: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'state_county_unknown',
      details: { county: 'atlantis' },
      errors: [{ pointer: '/body/counties/1/county' }],
    });
    const twice = await state.put('/api/state/participation/2017-18', {
      counties: [
        { county: 'orange', optedIn: true, tier: 'I', allocationDollars: 1 },
        { county: '059', optedIn: false, tier: null, allocationDollars: null },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'state_county_twice', details: { county: 'Orange County' } });
    for (const body of [
      { counties: [] },
      { counties: [{ county: 'orange', optedIn: true, tier: 'III', allocationDollars: 1 }] },
      { counties: [{ county: 'orange', optedIn: true, tier: 'I', allocationDollars: -1 }] },
      { counties: [{ county: 'orange', optedIn: true, tier: 'I', allocationDollars: 1e15 }] },
      { counties: [{ county: 'Orange County', optedIn: true, tier: 'I', allocationDollars: 1 }] },
      { counties: [{ county: 'orange\u0000', optedIn: true, tier: 'I', allocationDollars: 1 }] },
      { counties: [{ county: 'orange', optedIn: 'yes', tier: 'I', allocationDollars: 1 }] },
    ]) {
      const res = await state.put('/api/state/participation/2017-18', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await state.put('/api/state/participation/2017-19', { counties: [] })).statusCode).toBe(400);
    expect(await n(`SELECT count(*) AS n FROM csec_program_participation`)).toBe(before);
    const analyst = await h.as('analyst');
    const refused = await analyst.put('/api/state/participation/2017-18', {
      counties: [{ county: 'orange', optedIn: true, tier: 'I', allocationDollars: 1 }],
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('population', () => {
  const HEADER = 'county,fiscal_year,youth_10_20_in_child_welfare\n';

  it('imports denominators by county name or FIPS code, then updates them', async () => {
    const state = await h.as('state');
    const first = await csvPost(
      state,
      HEADER + 'Los Angeles,2016-17,17421\n"San Diego County",2016-17,3588\n037,2015-16,17980\n',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 3, updated: 0 });
    // Columns in another order, a BOM, CRLF line ends and an extra column.
    const second = await csvPost(
      state,
      '\ufeffYouth_10_20_in_child_welfare,Fiscal_Year,County,source\r\n17500,2016-17,los angeles,CDSS\r\n12,2016-17,Alpine,CDSS\r\n',
      'text/csv; charset=utf-8',
    );
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual({ inserted: 1, updated: 1 });
    const year = (await state.get('/api/state/participation?fiscalYear=2016-17')).json() as {
      county: string;
      population: number | null;
    }[];
    expect(year.find((r) => r.county === 'los-angeles')?.population).toBe(17500);
    expect(year.find((r) => r.county === 'san-diego')?.population).toBe(3588);
    expect(year.find((r) => r.county === 'alpine')?.population).toBe(12);
    expect(year.find((r) => r.county === 'orange')?.population).toBeNull();
    const audit = await sys<{ details: { inserted: number } }>(
      `SELECT details FROM audit_events WHERE action = 'state.population.import' ORDER BY id`,
    );
    expect(audit.map((a) => a.details.inserted)).toEqual([3, 1]);
  });

  it('refuses a file with any error, listing each by line and column, writing nothing', async () => {
    const state = await h.as('state');
    const before = await n('SELECT count(*) AS n FROM child_welfare_population');
    const res = await csvPost(
      state,
      HEADER +
        'Atlantis,2016-17,5\n' + // line 2: unknown county
        'Orange,2016-18,5\n' + // 3: bad fiscal year
        'Orange,2016-17,-4\n' + // 4: negative
        'Orange,2016-17,4.5\n' + // 5: not whole
        'Kern,2016-17,99999999999\n' + // 6: huge
        'Kern,2015-16,10\n' +
        'Kern County,2015-16,11\n' + // 8: repeated
        'Kern,2014-15\n' + // 9: missing field
        'Kern,,3\n' + // 10: empty
        'Ke\u0000rn,2014-15,3\n', // 11: NUL byte
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('population_file_invalid');
    expect(body.details.errorCount).toBe(9);
    const found = body.details.errors.map((e: { line: number; column: string | null; code: string }) => [
      e.line,
      e.column,
      e.code,
    ]);
    expect(found).toEqual([
      [2, 'county', 'unknown_county'],
      [3, 'fiscal_year', 'invalid_fiscal_year'],
      [4, 'youth_10_20_in_child_welfare', 'invalid_count'],
      [5, 'youth_10_20_in_child_welfare', 'invalid_count'],
      [6, 'youth_10_20_in_child_welfare', 'invalid_count'],
      [8, 'county', 'duplicate_row'],
      [9, null, 'wrong_field_count'],
      [10, 'fiscal_year', 'required'],
      [11, 'county', 'control_character'],
    ]);
    expect(body.details.errors[0].message).toContain('Atlantis');
    const missing = await csvPost(state, 'county,year,youth_10_20_in_child_welfare\nKern,2016-17,3\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'fiscal_year', code: 'missing_column' }),
    ]);
    const malformed = await csvPost(state, HEADER + 'Kern,"2016-17,3\n');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details.errors[0].code).toBe('unclosed_quote');
    const stray = await csvPost(state, HEADER + 'Ke"rn,2016-17,3\n');
    expect(stray.json().details.errors[0].code).toBe('stray_quote');
    const notUtf8 = await csvPost(
      state,
      Buffer.concat([Buffer.from(HEADER + 'K'), Buffer.from([0xff, 0xfe]), Buffer.from(',2016-17,3\n')]),
    );
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().details.errors[0].code).toBe('invalid_utf8');
    const empty = await csvPost(state, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.errors[0].code).toBe('empty_file');
    const headerOnly = await csvPost(state, HEADER);
    expect(headerOnly.json().details.errors[0].code).toBe('empty_file');
    expect(await n('SELECT count(*) AS n FROM child_welfare_population')).toBe(before);
  });

  it('lists at most 200 errors and counts the rest', async () => {
    const state = await h.as('state');
    const res = await csvPost(state, HEADER + 'Atlantis,2016-17,5\n'.repeat(250));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errorCount).toBe(250);
    expect(res.json().details.errors).toHaveLength(201);
    expect(res.json().details.errors.at(-1)).toMatchObject({ code: 'too_many_errors' });
  });

  it('takes CSV only, up to 5 MB, from the state’s program staff only', async () => {
    const state = await h.as('state');
    const json = await csvPost(state, JSON.stringify({ county: 'Kern' }), 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('unsupported_media_type');
    expect((await csvPost(state, HEADER + 'Kern,2016-17,3\n', 'text/plain')).statusCode).toBe(415);
    expect((await csvPost(state, HEADER + 'Kern,2016-17,3\n', 'application/zip')).statusCode).toBe(415);
    const big = await csvPost(state, HEADER + 'Kern,2016-17,3\n'.repeat(400_000));
    expect(big.statusCode).toBe(413);
    const noType = await h.app.inject({
      method: 'POST',
      url: '/api/state/population',
      headers: { cookie: state.cookie!, 'x-csrf-token': state.csrfToken! },
    });
    expect(noType.statusCode).toBeLessThan(500);
    for (const who of ['analyst', 'admin', 'worker'] as const) {
      const res = await csvPost(await h.as(who), HEADER + 'Kern,2016-17,3\n');
      expect(res.statusCode, who).toBe(403);
    }
    expect(await n(`SELECT count(*) AS n FROM child_welfare_population WHERE youth_10_20_in_child_welfare = 3`)).toBe(
      0,
    );
  });

  it('the CLI import uses the same check and load, and audits each county', async () => {
    const file = path.join(tmp, 'population.csv');
    writeFileSync(file, HEADER + 'Fresno,2016-17,4100\nLos Angeles,2016-17,17600\n');
    const r = await importPopulationFile(systemRepo(h.db.database), file);
    expect(r).toMatchObject({ inserted: 1, updated: 1, counties: ['fresno', 'los-angeles'], fiscalYears: ['2016-17'] });
    expect(
      await n(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'state.population.import' AND details->>'source' = 'cli'`,
      ),
    ).toBe(2);
    writeFileSync(file, HEADER + 'Fresno,2016-17,4200\nNowhere,2016-17,1\n');
    const err = await importPopulationFile(systemRepo(h.db.database), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarborError);
    expect(err).toMatchObject({ code: 'population_file_invalid', details: { errorCount: 1 } });
    expect(
      await n(
        `SELECT youth_10_20_in_child_welfare AS n FROM child_welfare_population p JOIN counties c ON c.id = p.county_id WHERE c.code = 'fresno'`,
      ),
    ).toBe(4100);
  });
});

describe('submissions', () => {
  let laId: string;
  let laVersion: number;

  it('the county analyst makes a draft with the county’s figures and rows', async () => {
    const analyst = await h.as('analyst');
    const res = await analyst.post('/api/state/submissions', FY);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      county: 'los-angeles',
      countyName: 'Los Angeles County',
      period: FY,
      status: 'draft',
      figures: {
        typeTable: {
          victim_during_care: 1,
          victim_open_case_not_in_care: 0,
          victim_absent_from_placement: 0,
          victim_closed_case_ilp: 0,
          victim_before_care: 0,
          at_risk: 1,
        },
        victims: 1,
        atRisk: 1,
        referralOnlyYouth: 1,
      },
      rowCount: 4,
      submittedAt: null,
      version: 1,
    });
    laId = s.id;
    laVersion = s.version;
    const again = await analyst.post('/api/state/submissions', FY);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'submission_exists', details: { id: laId, status: 'draft' } });
    expect(await n('SELECT count(*) AS n FROM state_submissions')).toBe(1);
  });

  it('writes a row file with no name, no date of birth and no state client id', async () => {
    const analyst = await h.as('analyst');
    const res = await analyst.get(`/api/state/submissions/${laId}/rows.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      'harbor-state-submission-los-angeles-2025-07-01-2026-06-30.csv',
    );
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('client_hash,age_at_start,csec_type,start_month,county,association,counted');
    expect(lines).toHaveLength(5);
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const r of rows) {
      expect(r[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(r[4]).toBe('Los Angeles County');
    }
    const { ana, bruno, carla, elena } = h.world.youth;
    for (const secret of [
      'Anaís',
      'Quintero',
      'Bruno',
      'Okafor',
      'Carla',
      'Nguyen',
      'Marsh',
      '2010-03-14',
      '2009-07-01',
      '2008-11-30',
      ANA_CWS,
      ana,
      bruno,
      carla,
      elena,
      '1111',
    ])
      expect(res.body, secret).not.toContain(secret);
    // Ana's two Types share one hash; the victim Type is the one counted; her age on 2025-08-10 was 15.
    const sorted = rows.map((r) => r.slice(1).join(',')).sort();
    expect(sorted).toEqual(
      [
        '15,at_risk,2025-07,Los Angeles County,case,false',
        '15,victim_during_care,2025-08,Los Angeles County,case,true',
        '16,at_risk,2025-10,Los Angeles County,case,true',
        '16,at_risk,2025-09,Los Angeles County,referral,false',
      ].sort(),
    );
    const anaRows = rows.filter((r) => r[1] === '15');
    expect(anaRows).toHaveLength(2);
    expect(new Set(anaRows.map((r) => r[0])).size).toBe(1);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3);
    // The stored rows hold the same: no column could hold an identity.
    const columns = await sys<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'state_submission_rows' ORDER BY 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'age_at_start',
      'association',
      'client_hash',
      'counted',
      'county_id',
      'csec_type',
      'line',
      'start_month',
      'submission_id',
    ]);
  });

  it('hashes a client id the same way in the same county, differently in another county', async () => {
    const analyst = await h.as('analyst');
    const august = await analyst.post('/api/state/submissions', { from: '2025-08-01', to: '2025-08-31' });
    expect(august.statusCode).toBe(201);
    expect(august.json()).toMatchObject({ rowCount: 1, figures: { victims: 1, atRisk: 0 } });
    const hashOf = async (c: Client, id: string, type: string) =>
      (await c.get(`/api/state/submissions/${id}/rows.csv`)).body
        .split('\n')
        .find((l) => l.includes(`,${type},`))!
        .split(',')[0]!;
    const anaHash = await hashOf(analyst, laId, 'victim_during_care');
    expect(await hashOf(analyst, august.json().id, 'victim_during_care')).toBe(anaHash);
    const sd = await sdAnalyst.post('/api/state/submissions', FY);
    expect(sd.statusCode).toBe(201);
    expect(sd.json()).toMatchObject({ county: 'san-diego', rowCount: 1, figures: { victims: 1 } });
    const diegoHash = await hashOf(sdAnalyst, sd.json().id, 'victim_open_case_not_in_care');
    expect(diegoHash).toMatch(/^[0-9a-f]{64}$/);
    expect(diegoHash).not.toBe(anaHash);
    // Neither hash is a plain hash of the id: the county's secret is in it.
    const [plain] = await sys<{ h: string }>(`SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS h`, [ANA_CWS]);
    expect([anaHash, diegoHash]).not.toContain(plain!.h);
    // No application role reads the secrets; the function refuses another county's rows.
    for (const role of ['harbor_app', 'harbor_aggregate', 'harbor_reference']) {
      const [p] = await sys<{ ok: boolean }>(
        `SELECT has_table_privilege($1, 'county_submission_secrets', 'SELECT') AS ok`,
        [role],
      );
      expect(p!.ok, role).toBe(false);
    }
    const other = await h.db.database
      .transactionWith(
        {
          role: 'harbor_aggregate',
          'harbor.county_id': h.world.counties.la,
          'harbor.all_counties': 'off',
          'harbor.user_id': '',
        },
        (tx) =>
          selectRows(
            tx,
            sql`SELECT * FROM harbor_submission_rows(${h.world.counties.sd}::uuid, '2025-07-01'::date, '2026-06-30'::date)`,
          ),
      )
      .then(
        () => 'read',
        (e: unknown) =>
          String((e as { cause?: { code?: string }; code?: string }).cause?.code ?? (e as { code?: string }).code),
      );
    expect(other).toBe('42501');
  });

  it('another county’s submission is not found', async () => {
    const sdSubs = (await sdAnalyst.get('/api/state/submissions')).json() as { county: string }[];
    expect(sdSubs.map((s) => s.county)).toEqual(['san-diego']);
    expect((await sdAnalyst.get(`/api/state/submissions/${laId}`)).statusCode).toBe(404);
    expect((await sdAnalyst.get(`/api/state/submissions/${laId}/rows.csv`)).statusCode).toBe(404);
    expect((await sdAnalyst.post(`/api/state/submissions/${laId}/refresh`, { version: laVersion })).statusCode).toBe(
      404,
    );
    expect((await sdAnalyst.post(`/api/state/submissions/${laId}/submit`, { version: laVersion })).statusCode).toBe(
      404,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await sdAnalyst.get(`/api/state/submissions/${missing}`)).statusCode).toBe(404);
    expect((await sdAnalyst.get(`/api/state/submissions/not-an-id`)).statusCode).toBe(400);
    const la = (await (await h.as('analyst')).get('/api/state/submissions')).json() as { county: string }[];
    expect(la.every((s) => s.county === 'los-angeles')).toBe(true);
    expect(la).toHaveLength(2);
    const state = (await (await h.as('state')).get('/api/state/submissions')).json() as { county: string }[];
    expect(state).toHaveLength(3);
    const within = (await (await h.as('state')).get('/api/state/submissions?from=2025-09-01&to=2025-12-31')).json();
    expect(within).toHaveLength(2);
  });

  it('goes draft → submitted → returned → refreshed → submitted → accepted, refusing steps out of order', async () => {
    const analyst = await h.as('analyst');
    const state = await h.as('state');
    const acceptDraft = await state.post(`/api/state/submissions/${laId}/accept`, { version: laVersion });
    expect(acceptDraft.statusCode).toBe(409);
    expect(acceptDraft.json()).toMatchObject({ code: 'submission_is_draft', details: { status: 'draft' } });
    const stale = await analyst.post(`/api/state/submissions/${laId}/submit`, { version: laVersion + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const submitted = await analyst.post(`/api/state/submissions/${laId}/submit`, { version: laVersion });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: laVersion + 1 });
    expect(submitted.json().submittedAt).not.toBeNull();
    laVersion = submitted.json().version;
    for (const step of ['refresh', 'submit'] as const) {
      const res = await analyst.post(`/api/state/submissions/${laId}/${step}`, { version: laVersion });
      expect(res.statusCode, step).toBe(409);
      expect(res.json().code, step).toBe('submission_is_submitted');
    }
    // County analysts do not review; the state does not submit or refresh.
    expect((await analyst.post(`/api/state/submissions/${laId}/accept`, { version: laVersion })).statusCode).toBe(403);
    expect(
      (await analyst.post(`/api/state/submissions/${laId}/return`, { version: laVersion, comments: 'x' })).statusCode,
    ).toBe(403);
    expect((await state.post(`/api/state/submissions/${laId}/refresh`, { version: laVersion })).statusCode).toBe(403);
    expect((await state.post('/api/state/submissions', FY)).statusCode).toBe(403);
    expect((await (await h.as('worker')).post('/api/state/submissions', FY)).statusCode).toBe(403);
    expect((await (await h.as('worker')).get('/api/state/submissions')).statusCode).toBe(403);
    for (const body of [
      { version: laVersion },
      { version: laVersion, comments: '' },
      { version: laVersion, comments: 'a\u0000b' },
    ]) {
      const res = await state.post(`/api/state/submissions/${laId}/return`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const returned = await state.post(`/api/state/submissions/${laId}/return`, {
      version: laVersion,
      comments: 'Bruno’s Type looks late; check the referral.',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComments: 'Bruno’s Type looks late; check the referral.',
    });
    laVersion = returned.json().version;
    const twice = await state.post(`/api/state/submissions/${laId}/return`, { version: laVersion, comments: 'again' });
    expect(twice.json()).toMatchObject({ code: 'submission_is_returned', details: { status: 'returned' } });
    // The county's data changes; the refresh takes it in.
    await addType(h.world.youth.elena, h.world.counties.la, { type: 'at_risk', start: '2026-01-05' });
    const refreshed = await analyst.post(`/api/state/submissions/${laId}/refresh`, { version: laVersion });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json()).toMatchObject({ status: 'returned', rowCount: 5, figures: { atRisk: 2, victims: 1 } });
    laVersion = refreshed.json().version;
    expect(await n('SELECT count(*) AS n FROM state_submission_rows WHERE submission_id = $1', [laId])).toBe(5);
    const again = await analyst.post(`/api/state/submissions/${laId}/submit`, { version: laVersion });
    expect(again.json()).toMatchObject({ status: 'submitted' });
    laVersion = again.json().version;
    const accepted = await state.post(`/api/state/submissions/${laId}/accept`, { version: laVersion });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewComments: null });
    expect(accepted.json().reviewedAt).not.toBeNull();
    laVersion = accepted.json().version;
    for (const step of ['refresh', 'submit'] as const) {
      const res = await analyst.post(`/api/state/submissions/${laId}/${step}`, { version: laVersion });
      expect(res.json().code, step).toBe('submission_is_accepted');
    }
    const done = await state.post(`/api/state/submissions/${laId}/return`, { version: laVersion, comments: 'no' });
    expect(done.json().code).toBe('submission_is_accepted');
    const actions = await sys<{ action: string }>(
      `SELECT action FROM audit_events WHERE action LIKE 'state.submission.%' AND details->>'submissionId' = $1 ORDER BY id, action`,
      [laId],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'state.submission.create',
        'state.submission.submit',
        'state.submission.return',
        'state.submission.refresh',
        'state.submission.accept',
      ]),
    );
  });

  it('rolls up the period statewide beside what the imported data says now', async () => {
    const state = await h.as('state');
    const res = await state.get(`/api/state/submissions/rollup?from=${FY.from}&to=${FY.to}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.period).toEqual(FY);
    expect(r.counties.map((c: { county: string }) => c.county)).toEqual(['los-angeles', 'san-diego']);
    expect(r.counties[0]).toMatchObject({
      status: 'accepted',
      submitted: { victims: 1, atRisk: 2, referralOnlyYouth: 1 },
      extract: { victims: 1, atRisk: 2, referralOnlyYouth: 1 },
    });
    // San Diego's draft stands for nothing yet; its data does.
    expect(r.counties[1]).toMatchObject({ status: 'draft', submitted: null, extract: { victims: 1, atRisk: 0 } });
    expect(r.totals.submitted).toMatchObject({ victims: 1, atRisk: 2 });
    expect(r.totals.extract).toMatchObject({ victims: 2, atRisk: 2, referralOnlyYouth: 1 });
    expect(r.totals.extract.typeTable).toMatchObject({ victim_during_care: 1, victim_open_case_not_in_care: 1 });
    // A period nobody submitted: counties with data only.
    const august = (await state.get('/api/state/submissions/rollup?from=2025-08-15&to=2025-08-31')).json();
    expect(august.counties).toEqual([expect.objectContaining({ county: 'san-diego', status: null, submitted: null })]);
    expect(
      (await (await h.as('analyst')).get(`/api/state/submissions/rollup?from=${FY.from}&to=${FY.to}`)).statusCode,
    ).toBe(403);
    for (const q of [
      'from=2026-06-30&to=2025-07-01',
      'from=2025-07-01',
      'from=2025-02-30&to=2025-03-01',
      'from=x&to=y',
      '',
    ])
      expect((await state.get(`/api/state/submissions/rollup?${q}`)).statusCode, q).toBe(400);
  });

  it('refuses bad periods and bodies with 400, never 500', async () => {
    const analyst = await h.as('analyst');
    const before = await n('SELECT count(*) AS n FROM state_submissions');
    const bodies: unknown[] = [
      { from: '2025-02-30', to: '2025-03-31' },
      { from: '2026-06-30', to: '2025-07-01' },
      { from: '1999-01-01', to: '2025-07-01' },
      { from: '2025-07-01' },
      { from: '2025-07-01\u0000', to: '2026-06-30' },
      { from: '2025-07-01', to: '2026-06-30', county: 'san-diego' },
      { from: 20250701, to: 20260630 },
      null,
    ];
    for (const body of bodies) {
      const res = await analyst.post('/api/state/submissions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await analyst.post('/api/state/submissions', 'text')).statusCode).toBe(415);
    const reversed = await analyst.post('/api/state/submissions', { from: '2026-06-30', to: '2025-07-01' });
    expect(reversed.json().errors).toEqual([
      expect.objectContaining({ pointer: '/body/to', code: 'end_before_start' }),
    ]);
    expect(await n('SELECT count(*) AS n FROM state_submissions')).toBe(before);
    for (const body of [{}, { version: 0 }, { version: 'one' }, { version: 1.5 }, { version: 1, extra: 1 }]) {
      const res = await analyst.post(`/api/state/submissions/${laId}/submit`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    // A version no submission has is only stale.
    const huge = await analyst.post(`/api/state/submissions/${laId}/refresh`, { version: 2 ** 40 });
    expect(huge.statusCode).toBe(409);
    expect((await analyst.get('/api/state/submissions?from=2025-13-01')).statusCode).toBe(400);
    expect((await analyst.get('/api/state/submissions?from=2026-01-01&to=2025-01-01')).statusCode).toBe(400);
  });
});
