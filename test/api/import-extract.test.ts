// The state extract import (docs/IMPORT.md), rule by rule, on a real database (PGlite, or the
// PostgreSQL server when DATABASE_URL is set). Every extract here is written by the test itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { importExtract, type ImportOptions } from '../../src/features/import/import-extract.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildWorld, type World } from '../support/world.js';

const TODAY = '2026-06-15';
let db: TestDatabase;
let database: Database;
let world: World;
const dirs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  database = db.database;
  world = await buildWorld(database);
});
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await db.drop();
});

type Files = Partial<Record<'clients' | 'referrals' | 'cases' | 'csec_types' | string, string | Buffer>>;

function extract(files: Files): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harbor-extract-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.csv`), body!);
  return dir;
}

const run = (files: Files, opts: Partial<ImportOptions> = {}) =>
  importExtract(database, { dir: extract(files), dryRun: false, source: 'cli', today: TODAY, ...opts });

const CLIENTS_HEADER = 'client_id,county,date_of_birth,first_name,last_name,sex\n';
const TYPES_HEADER = 'client_id,csec_type,start_date,end_date,subcategory\n';
const REFERRALS_HEADER = 'referral_id,client_id,received_date,disposition_date\n';
const CASES_HEADER = 'case_id,client_id,kind,start_date,end_date\n';

async function one<T>(query: string, params: unknown[] = []): Promise<T> {
  return (await database.query<T>(query, params))[0]!;
}
const n = async (query: string, params: unknown[] = []) => Number((await one<{ n: string }>(query, params)).n);

/** Everything an import may write, counted, to show that a refused import wrote nothing. */
async function footprint() {
  return {
    youth: await n('SELECT count(*) AS n FROM youth'),
    identifiers: await n('SELECT count(*) AS n FROM youth_identifiers'),
    referrals: await n('SELECT count(*) AS n FROM referrals'),
    cases: await n('SELECT count(*) AS n FROM cases'),
    types: await n('SELECT count(*) AS n FROM csec_type_records'),
    batches: await n('SELECT count(*) AS n FROM import_batches'),
    issues: await n('SELECT count(*) AS n FROM data_quality_issues'),
    obligations: await n('SELECT count(*) AS n FROM obligations'),
    notifications: await n('SELECT count(*) AS n FROM notifications'),
    emails: await n('SELECT count(*) AS n FROM email_outbox'),
    audit: await n('SELECT count(*) AS n FROM audit_events'),
  };
}

async function youthOf(clientId: string) {
  return one<{
    id: string;
    county: string;
    first: string | null;
    last: string | null;
    dob: string | null;
    sex: string | null;
  }>(
    `SELECT y.id, c.code AS county, y.legal_first_name AS first, y.legal_last_name AS last, y.date_of_birth::text AS dob, y.sex
       FROM youth y JOIN youth_identifiers i ON i.youth_id = y.id AND i.system = 'cws_cms' JOIN counties c ON c.id = y.county_id
      WHERE i.value = $1`,
    [clientId],
  );
}

async function typeOf(clientId: string, startDate: string) {
  return one<{
    referral: string | null;
    case_number: string | null;
    end_date: string | null;
    sub: string | null;
    source: string;
  }>(
    `SELECT r.external_id AS referral, k.external_id AS case_number, t.end_date::text, t.allegation_subcategory AS sub, t.source
       FROM csec_type_records t JOIN youth_identifiers i ON i.youth_id = t.youth_id AND i.system = 'cws_cms'
       LEFT JOIN referrals r ON r.id = t.referral_id LEFT JOIN cases k ON k.id = t.case_id
      WHERE i.value = $1 AND t.start_date = $2`,
    [clientId, startDate],
  );
}

describe('the California counties', () => {
  it('are all 58 with FIPS codes, the demo and test counties marked as running Harbor', async () => {
    expect(await n('SELECT count(*) AS n FROM counties WHERE fips IS NOT NULL')).toBe(58);
    const la = await one<{ fips: string; runs_harbor: boolean }>(
      'SELECT fips, runs_harbor FROM counties WHERE id = $1',
      [world.counties.la],
    );
    expect(la).toEqual({ fips: '037', runs_harbor: true });
    expect(await n("SELECT count(*) AS n FROM counties WHERE runs_harbor AND code = 'fresno'")).toBe(0);
  });
});

describe('a first import', () => {
  const files: Files = {
    clients:
      CLIENTS_HEADER +
      [
        'W-100,Los Angeles,2008-04-02,Maya,Quill,F',
        'W-101,037,2009-01-15,,,M', // FIPS, no names: de-identified
        'W-102,06073,,,,', // San Diego by state+county FIPS, no date of birth
        'W-103,fresno county,2007-07-07,"Rae, Jr.","O""Neil",F', // quoted comma and quote; a county not running Harbor
        'W-104,Los Angeles,2010-10-10,Sol,Vale,X',
      ].join('\n') +
      '\n',
    referrals:
      REFERRALS_HEADER +
      ['RF-1,W-100,2020-01-10,2020-02-10', 'RF-2,W-101,2026-06-01,', 'RF-3,W-104,2021-03-01,2021-03-05'].join('\n') +
      '\n',
    cases:
      CASES_HEADER +
      ['CS-1,W-100,child_welfare,2020-02-11,', 'CS-2,W-103,Probation,2019-01-01,2019-12-31'].join('\n') +
      '\n',
    csec_types:
      TYPES_HEADER +
      [
        'W-100,Victim During Care,2020-01-10,2020-01-20,Trafficking', // first day of RF-1's window
        'W-100,at_risk,2020-02-10,,Runaway', // last day of RF-1's window
        'W-100,VICTIM BEFORE FOSTER CARE,2020-02-11,2020-02-12,Other', // the day after: CS-1 opened that day
        'W-101,victim_open_case_not_in_care,2026-06-15,,', // open referral RF-2: its window runs to today; no subcategory
        'W-103,At-Risk,2018-06-01,,Other', // before CS-2 opened: neither; the label with a hyphen
        'W-104,victim_absent_from_placement,2021-03-06,,Other', // day after RF-3 closed, no case; no end date
      ].join('\n') +
      '\n',
    placements: 'not,part,of,the,extract\n',
  };
  let before: Awaited<ReturnType<typeof footprint>>;
  let summary: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    before = await footprint();
    // The same clients with a column the extract does not define.
    const withExtra = files
      .clients!.toString()
      .trimEnd()
      .split('\n')
      .map((l, i) => l + (i === 0 ? ',favourite_colour' : ',x'))
      .join('\n');
    summary = await run({ ...files, clients: withExtra + '\n' });
  });

  it('says what it did, file by file, and lists what it ignored', () => {
    expect(summary.errors).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(summary.files.clients).toMatchObject({
      rows: 5,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      ignoredColumns: ['favourite_colour'],
    });
    expect(summary.files.referrals).toMatchObject({ rows: 3, inserted: 3 });
    expect(summary.files.cases).toMatchObject({ rows: 2, inserted: 2 });
    expect(summary.files.csec_types).toMatchObject({ rows: 6, inserted: 6 });
    expect(summary.ignoredFiles).toEqual(['placements.csv']);
    expect(summary.nothingChanged).toBe(false);
    expect(summary.counties).toBe(3);
  });

  it('creates youth in the county named by name or FIPS code, with what the extract holds', async () => {
    expect(await youthOf('W-100')).toMatchObject({
      county: 'los-angeles',
      first: 'Maya',
      last: 'Quill',
      dob: '2008-04-02',
      sex: 'female',
    });
    expect(await youthOf('W-101')).toMatchObject({ county: 'los-angeles', first: null, last: null, sex: 'male' });
    expect(await youthOf('W-102')).toMatchObject({ county: 'san-diego', dob: null, sex: null });
    expect(await youthOf('W-103')).toMatchObject({ county: 'fresno', first: 'Rae, Jr.', last: 'O"Neil' });
  });

  it('associates a Type with the referral whose window holds its start date, both ends included', async () => {
    expect(await typeOf('W-100', '2020-01-10')).toMatchObject({ referral: 'RF-1', case_number: null });
    expect(await typeOf('W-100', '2020-02-10')).toMatchObject({ referral: 'RF-1', case_number: null });
  });

  it('otherwise with the case open that day, otherwise with nothing', async () => {
    expect(await typeOf('W-100', '2020-02-11')).toMatchObject({ referral: null, case_number: 'CS-1' });
    expect(await typeOf('W-103', '2018-06-01')).toMatchObject({ referral: null, case_number: null });
    expect(await typeOf('W-104', '2021-03-06')).toMatchObject({ referral: null, case_number: null });
    expect(summary.association).toEqual({ referral: 3, case: 1, none: 2 });
  });

  it("runs an open referral's window to today", async () => {
    expect(await typeOf('W-101', '2026-06-15')).toMatchObject({ referral: 'RF-2' });
  });

  it('opens no duty and sends no notification, whatever the dates', async () => {
    const after = await footprint();
    expect(after.obligations).toBe(before.obligations);
    expect(after.notifications).toBe(before.notifications);
    expect(after.emails).toBe(before.emails);
  });

  it('imports soft gaps and queues them for data quality', async () => {
    expect(await typeOf('W-101', '2026-06-15')).toMatchObject({ sub: null, source: 'state_extract' });
    const kinds = await database.query<{ kind: string; client: string }>(
      `SELECT q.kind, i.value AS client FROM data_quality_issues q
         JOIN youth_identifiers i ON i.youth_id = q.youth_id AND i.system = 'cws_cms' ORDER BY 1, 2`,
    );
    const has = (kind: string, client: string) => kinds.some((k) => k.kind === kind && k.client === client);
    expect(has('missing_subcategory', 'W-101')).toBe(true);
    expect(has('missing_date_of_birth', 'W-102')).toBe(true);
    expect(has('missing_names', 'W-101')).toBe(true);
    expect(has('missing_end_date', 'W-104')).toBe(true);
    expect(has('type_without_case_or_referral', 'W-103')).toBe(true);
    expect(has('missing_subcategory', 'W-100')).toBe(false);
    expect(summary.dataQuality?.opened).toBeGreaterThanOrEqual(5);
  });

  it('records a batch and an audit event per county, with counts and no names', async () => {
    const batch = await one<{ source: string; finished: boolean }>(
      'SELECT source, finished_at IS NOT NULL AS finished FROM import_batches WHERE id = $1',
      [summary.batchId],
    );
    expect(batch).toEqual({ source: 'cli', finished: true });
    const events = await database.query<{ details: unknown }>(
      "SELECT details FROM audit_events WHERE action = 'import.extract' AND $1 = ANY (record_ids)",
      [summary.batchId],
    );
    expect(events).toHaveLength(3);
    expect(JSON.stringify(events)).not.toMatch(/Maya|Quill|Neil/);
  });

  it('changes nothing when the same files come again, and says so', async () => {
    const mid = await footprint();
    const again = await run({ ...files, clients: files.clients! });
    expect(again.ok).toBe(true);
    expect(again.nothingChanged).toBe(true);
    expect(again.files.clients).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect(again.files.csec_types).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
    const after = await footprint();
    expect({ ...after, batches: 0, audit: 0 }).toEqual({ ...mid, batches: 0, audit: 0 });
  });

  it('updates a changed row, and the association follows the new dates', async () => {
    const changed = await run({
      ...files,
      clients: files.clients!.toString().replace('W-101,037,2009-01-15,,,M', 'W-101,037,2009-01-16,,,M'),
      referrals: files
        .referrals!.toString()
        .replace('RF-1,W-100,2020-01-10,2020-02-10', 'RF-1,W-100,2020-01-10,2020-02-09'),
    });
    expect(changed.ok).toBe(true);
    expect(changed.files.clients).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    expect(changed.files.referrals).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(changed.files.csec_types).toMatchObject({ inserted: 0, updated: 1 });
    expect((await youthOf('W-101')).dob).toBe('2009-01-16');
    // 2020-02-10 is now the day after RF-1's disposition, before CS-1 opened: associated with nothing.
    expect(await typeOf('W-100', '2020-02-10')).toMatchObject({ referral: null, case_number: null });
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const before2 = await footprint();
    const dry = await run({ clients: CLIENTS_HEADER + 'W-200,Los Angeles,2011-01-01,Ivy,Lark,F\n' }, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, batchId: null });
    expect(dry.files.clients.inserted).toBe(1);
    expect(await footprint()).toEqual(before2);
  });

  it('keeps a Type recorded in Harbor with the same youth, Type and start date as it is', async () => {
    const y = await youthOf('W-104');
    await database.query(
      `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, allegation_subcategory, source, recorded_by)
       VALUES ($1, $2, 'at_risk', '2022-01-01', 'From a screening', 'screening', $3)`,
      [y.id, world.counties.la, world.users.worker.id],
    );
    const r = await run({
      clients: files.clients!,
      csec_types: TYPES_HEADER + 'W-104,at_risk,2022-01-01,2022-05-01,Other\n',
    });
    expect(r.ok).toBe(true);
    expect(r.typesKeptFromHarbor).toBe(1);
    expect(await typeOf('W-104', '2022-01-01')).toMatchObject({
      source: 'screening',
      end_date: null,
      sub: 'From a screening',
    });
  });
});

describe('hard errors', () => {
  async function refused(files: Files, opts: Partial<ImportOptions> = {}) {
    const before = await footprint();
    const r = await run(files, opts);
    expect(r.ok).toBe(false);
    expect(await footprint()).toEqual(before);
    return r.errors.map((e) => `${e.file}:${e.line}:${e.column ?? ''}:${e.code}`);
  }
  const okClient = CLIENTS_HEADER + 'H-1,Los Angeles,2008-01-01,A,B,F\n';

  it('need clients.csv', async () => {
    expect(await refused({ referrals: REFERRALS_HEADER })).toEqual(['clients.csv:0::missing_file']);
  });

  it('list every bad row with file, line and reason, and write nothing', async () => {
    const errors = await refused({
      clients:
        CLIENTS_HEADER +
        [
          'H-1,Los Angeles,2008-01-01,A,B,F',
          'H-2,Atlantis,2008-01-01,A,B,F', // line 3: unknown county
          'H-3,Los Angeles,2008-02-30,A,B,F', // line 4: impossible date
          'H-4,Los Angeles,2008-01-01,A\u0000,B,F', // line 5: NUL byte
          'H-5,Los Angeles,2008-01-01,A,B', // line 6: a field short
          ',Los Angeles,2008-01-01,A,B,F', // line 7: no client id
          'H-7,Los Angeles,2099-01-01,A,B,F', // line 8: in the future
        ].join('\n') +
        '\n',
      referrals: REFERRALS_HEADER + 'R-1,H-1,2020-05-01,2020-04-30\n',
      cases: CASES_HEADER + 'C-1,H-1,adoption,2020-01-01,\nC-2,H-1,probation,2020-01-02,2020-01-01\n',
      csec_types: TYPES_HEADER + 'H-1,Victim of Something,2020-01-01,,x\nH-1,at_risk,,,x\n',
    });
    expect(errors).toEqual([
      'clients.csv:3:county:unknown_county',
      'clients.csv:4:date_of_birth:invalid_date',
      'clients.csv:5:first_name:control_character',
      'clients.csv:6::wrong_field_count',
      'clients.csv:7:client_id:required',
      'clients.csv:8:date_of_birth:date_in_future',
      'referrals.csv:2:disposition_date:end_before_start',
      'cases.csv:2:kind:unknown_case_kind',
      'cases.csv:3:end_date:end_before_start',
      'csec_types.csv:2:csec_type:unknown_csec_type',
      'csec_types.csv:3:start_date:required',
    ]);
  });

  it('include an unknown client and a repeated id', async () => {
    const errors = await refused({
      clients: okClient + 'H-1,Los Angeles,2008-01-01,A,B,F\n',
      csec_types: TYPES_HEADER + 'NOPE-9,at_risk,2020-01-01,,x\n',
    });
    expect(errors).toEqual(['clients.csv:3:client_id:duplicate_id', 'csec_types.csv:2:client_id:unknown_client']);
  });

  it('include a missing required column, named', async () => {
    expect(await refused({ clients: 'client_id,date_of_birth\nH-1,2008-01-01\n' })).toEqual([
      'clients.csv:1:county:missing_column',
    ]);
  });

  it('include a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(CLIENTS_HEADER + 'H-1,Los Angeles,2008-01-01,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(',B,M\n'),
    ]);
    expect((await refused({ clients: latin1 }))[0]).toMatch(/^clients\.csv:\d+::invalid_utf8$/);
  });

  it('include a client already in Harbor under another county', async () => {
    expect((await run({ clients: CLIENTS_HEADER + 'M-1,Los Angeles,2008-01-01,,,\n' })).ok).toBe(true);
    expect(await refused({ clients: CLIENTS_HEADER + 'M-1,San Diego,2008-01-01,,,\n' })).toEqual([
      'clients.csv:2:county:client_changed_county',
    ]);
  });

  it("include a row for another county in an administrator's upload", async () => {
    expect(
      await refused(
        { clients: CLIENTS_HEADER + 'U-1,San Diego,2008-01-01,,,\n' },
        { source: 'upload', countyId: world.counties.la },
      ),
    ).toEqual(['clients.csv:2:county:county_not_yours']);
  });

  it('include a referral id already used for another client', async () => {
    expect(
      (
        await run({
          clients: CLIENTS_HEADER + 'P-1,Los Angeles,,,,\nP-2,Los Angeles,,,,\n',
          referrals: REFERRALS_HEADER + 'PR-1,P-1,2020-01-01,\n',
        })
      ).ok,
    ).toBe(true);
    expect(
      await refused({
        clients: CLIENTS_HEADER + 'P-2,Los Angeles,,,,\n',
        referrals: REFERRALS_HEADER + 'PR-1,P-2,2020-01-01,\n',
      }),
    ).toEqual(['referrals.csv:2:referral_id:id_belongs_to_other_client']);
  });
});

describe('file format', () => {
  it('takes a byte order mark, CRLF line ends, blank lines and a quoted line break in a free-text column as a control character', async () => {
    const r = await run({
      clients:
        '\uFEFF' +
        CLIENTS_HEADER.replace('\n', '\r\n') +
        'F-1,Los Angeles,2008-01-01,Ana,Ruiz,F\r\n\r\nF-2,Los Angeles,,,,\r\n',
    });
    expect(r.errors).toEqual([]);
    expect(r.files.clients).toMatchObject({ rows: 2, inserted: 2 });
    const bad = await run({
      clients: CLIENTS_HEADER + 'F-3,Los Angeles,2008-01-01,"An\na",Ruiz,F\nF-4,Los Angeles,,,,\n',
    });
    expect(bad.errors.map((e) => `${e.line}:${e.code}`)).toEqual(['2:control_character']);
  });
});
