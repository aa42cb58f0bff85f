// Imports the state system's extract (docs/IMPORT.md): clients, referrals, cases and CSEC Types
// as CSV files. One transaction, three phases:
//
//   1. Stage. Each file is read as a stream (csv-reader.ts), each row checked on its own
//      (extract-format.ts) and COPYed into a temporary table. Memory holds one block of a file,
//      never the file.
//   2. Check. What needs other rows or the database is checked in SQL over the staged rows:
//      duplicate ids, unknown clients, a client that moved county, an id already used for
//      another client. Any hard error, from either phase, rolls everything back: the import
//      writes nothing and lists each error with its file, line and reason.
//   3. Merge. Set-based INSERTs and UPDATEs keyed by the external ids (the client id, referral
//      id, case id; a Type by client, Type and start date), so a second import of the same files
//      changes nothing, and a changed row updates. CSEC Types are associated with the referral
//      whose received..disposition dates include the Type's start (an open referral's window
//      runs to today), else with the case open on that day. Then the data-quality queue is
//      refreshed, and one audit event per county records the batch.
//
// History, not news: nothing here opens an obligation or sends a notification, whatever the
// dates. A dry run does all three phases and rolls back.
import { randomFillSync } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BulkTransaction, Database } from '../../db/client.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { refreshDataQuality } from '../data-quality/detect.js';
import { CsvFormatError, readCsvBlocks, type ReadProgress } from './csv-reader.js';
import {
  checkDate,
  checkValue,
  COLUMNS,
  countyResolver,
  EXTRACT_FILES,
  normalizeSex,
  resolveCaseKind,
  resolveCsecType,
  type CountyRef,
  type ExtractFile,
  type HardError,
  type HardErrorCode,
} from './extract-format.js';

const TZ = 'America/Los_Angeles';
/** Staged lines are sent to COPY in blocks of about this many characters. */
const COPY_BLOCK = 1 << 16;
/** Hard errors listed in full; the rest are counted by code. */
const ERROR_LIST_LIMIT = 500;

export interface ImportProgress {
  phase: 'stage' | 'check' | 'merge' | 'data_quality' | 'done';
  file?: ExtractFile;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ImportOptions {
  /** The folder holding clients.csv and, optionally, referrals.csv, cases.csv, csec_types.csv. */
  dir: string;
  dryRun: boolean;
  source: 'cli' | 'upload';
  /** An administrator's upload: every client must be in this county, and only its records are matched. */
  countyId?: string | null;
  userId?: string | null;
  /** For the audit events: the uploading administrator's roles and request. */
  actorRoles?: readonly string[];
  requestId?: string | null;
  /** The county's today (tests pin it); defaults to today in California. */
  today?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface FileSummary {
  present: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows repeating an earlier row's key in the same file: the last one counts. */
  repeated: number;
  ignoredColumns: string[];
}

export interface ImportSummary {
  ok: boolean;
  dryRun: boolean;
  batchId: string | null;
  nothingChanged: boolean;
  files: Record<ExtractFile, FileSummary>;
  /** Files in the folder that are not part of the extract. */
  ignoredFiles: string[];
  /** CSEC Types kept as Harbor recorded them (same youth, Type and start date, recorded in Harbor). */
  typesKeptFromHarbor: number;
  association: { referral: number; case: number; none: number };
  errors: HardError[];
  errorCount: number;
  errorsByCode: Partial<Record<HardErrorCode, number>>;
  dataQuality: { opened: number; fixed: number } | null;
  counties: number;
  seconds: number;
  rowsPerSecond: number;
}

/** HARBOR_IMPORT_TRACE=1: each statement's time on standard error (the SQL's first words only). */
function traced(tx: BulkTransaction): BulkTransaction {
  const time = async <T>(label: string, work: () => Promise<T>) => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      process.stderr.write(`[import] ${Date.now() - t0} ms  ${label.replace(/\s+/g, ' ').trim().slice(0, 100)}\n`);
    }
  };
  return {
    db: tx.db,
    execScript: (q) => time(q, () => tx.execScript(q)),
    query: (q, p) => time(q, () => tx.query(q, p)),
    copyIn: (t, c, l) => time(`COPY ${t}`, () => tx.copyIn(t, c, l)),
  } as BulkTransaction;
}

/** Thrown inside the transaction to roll it back while keeping the summary. */
class RollBack extends Error {
  constructor(readonly summary: ImportSummary) {
    super('rolled back');
  }
}

// Version 7 UUIDs (time-ordered): new rows land at the right edge of the primary key index
// instead of at random pages, which keeps a million-row insert from thrashing the index.
const pool = Buffer.alloc(16 * 4096);
let poolAt = pool.length;
let lastMs = 0;
let counter = 0;
export function uuidv7(): string {
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else counter = 0;
  lastMs = ms;
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** COPY text format: backslash escaped; control characters never reach here (checkValue). */
const copyValue = (v: string | null) => (v === null ? '\\N' : v.indexOf('\\') < 0 ? v : v.replaceAll('\\', '\\\\'));

class Errors {
  list: HardError[] = [];
  count = 0;
  byCode: Partial<Record<HardErrorCode, number>> = {};
  add(e: HardError) {
    this.count++;
    this.byCode[e.code] = (this.byCode[e.code] ?? 0) + 1;
    if (this.list.length < ERROR_LIST_LIMIT) this.list.push(e);
  }
}

const STAGING: Record<ExtractFile, { table: string; ddl: string; columns: string[] }> = {
  clients: {
    table: 'stg_clients',
    ddl: 'line int, client_id text, county_id uuid, date_of_birth date, first_name text, last_name text, sex text, new_id uuid',
    columns: ['line', 'client_id', 'county_id', 'date_of_birth', 'first_name', 'last_name', 'sex', 'new_id'],
  },
  referrals: {
    table: 'stg_referrals',
    ddl: 'line int, referral_id text, client_id text, received date, disposition date',
    columns: ['line', 'referral_id', 'client_id', 'received', 'disposition'],
  },
  cases: {
    table: 'stg_cases',
    ddl: 'line int, case_id text, client_id text, kind text, start_date date, end_date date',
    columns: ['line', 'case_id', 'client_id', 'kind', 'start_date', 'end_date'],
  },
  csec_types: {
    table: 'stg_types',
    ddl: 'line int, client_id text, type text, start_date date, end_date date, subcategory text, new_id uuid',
    columns: ['line', 'client_id', 'type', 'start_date', 'end_date', 'subcategory', 'new_id'],
  },
};

interface StageContext {
  errors: Errors;
  today: string;
  county: (v: string) => CountyRef | null;
  countyId: string | null;
  progress: (file: ExtractFile, rows: number, read: ReadProgress) => void;
}

/** Turns one checked row into the staging table's values, or records why it cannot be. */
type RowBuilder = (get: (column: string) => string, line: number) => (string | null)[] | null;

function rowBuilder(file: ExtractFile, ctx: StageContext): RowBuilder {
  const fail = (line: number, column: string, code: HardErrorCode, reason: string) => {
    ctx.errors.add({ file: `${file}.csv`, line, column, code, reason });
    return null;
  };
  const date = (get: (c: string) => string, line: number, column: string): string | null | false => {
    const v = get(column).trim();
    if (v === '') return null;
    const problem = checkDate(column, v, ctx.today);
    if (problem) {
      fail(line, column, problem.code, problem.reason);
      return false;
    }
    return v;
  };
  const span = (line: number, start: string | null, end: string | null, startCol: string, endCol: string) =>
    start && end && end < start
      ? fail(line, endCol, 'end_before_start', `${endCol} ${end} is before ${startCol} ${start}`) === null
      : true;
  const text = (get: (c: string) => string, column: string) => {
    const v = get(column).trim();
    return v === '' ? null : v;
  };
  switch (file) {
    case 'clients':
      return (get, line) => {
        const county = ctx.county(get('county'));
        if (!county)
          return fail(
            line,
            'county',
            'unknown_county',
            `county "${get('county').slice(0, 40)}" is not a California county name or FIPS code`,
          );
        if (ctx.countyId && county.id !== ctx.countyId)
          return fail(line, 'county', 'county_not_yours', `county ${county.name} is not the county you administer`);
        const dob = date(get, line, 'date_of_birth');
        if (dob === false) return null;
        return [
          String(line),
          get('client_id').trim(),
          county.id,
          dob,
          text(get, 'first_name'),
          text(get, 'last_name'),
          normalizeSex(get('sex')),
          uuidv7(),
        ];
      };
    case 'referrals':
      return (get, line) => {
        const received = date(get, line, 'received_date');
        const disposition = date(get, line, 'disposition_date');
        if (received === false || disposition === false) return null;
        if (!span(line, received, disposition, 'received_date', 'disposition_date')) return null;
        return [String(line), get('referral_id').trim(), get('client_id').trim(), received, disposition];
      };
    case 'cases':
      return (get, line) => {
        const kind = resolveCaseKind(get('kind'));
        if (!kind)
          return fail(
            line,
            'kind',
            'unknown_case_kind',
            `kind "${get('kind').slice(0, 40)}" is not child_welfare or probation`,
          );
        const start = date(get, line, 'start_date');
        const end = date(get, line, 'end_date');
        if (start === false || end === false) return null;
        if (!span(line, start, end, 'start_date', 'end_date')) return null;
        return [String(line), get('case_id').trim(), get('client_id').trim(), kind, start, end];
      };
    case 'csec_types':
      return (get, line) => {
        const type = resolveCsecType(get('csec_type'));
        if (!type)
          return fail(
            line,
            'csec_type',
            'unknown_csec_type',
            `csec_type "${get('csec_type').slice(0, 60)}" is not one of the six CSEC Types`,
          );
        const start = date(get, line, 'start_date');
        const end = date(get, line, 'end_date');
        if (start === false || end === false) return null;
        // An end before the start is a soft gap here (the state system holds such rows): it is
        // imported as it is and queued as "dates out of order".
        return [String(line), get('client_id').trim(), type, start, end, text(get, 'subcategory'), uuidv7()];
      };
  }
}

/** Reads, checks and stages one file; returns the row count and the extra columns. */
async function stageFile(
  tx: BulkTransaction,
  file: ExtractFile,
  filePath: string,
  ctx: StageContext,
): Promise<{ rows: number; ignoredColumns: string[] }> {
  const specs = COLUMNS[file];
  const name = `${file}.csv`;
  const read: ReadProgress = { bytesRead: 0 };
  let rows = 0;
  let ignoredColumns: string[] = [];
  const errors = ctx.errors;
  async function* lines(): AsyncGenerator<string> {
    let index: Map<string, number> | null = null;
    let width = 0;
    let build: RowBuilder | null = null;
    let checks: { spec: (typeof specs)[number]; at: number }[] = [];
    let current: string[] = [];
    let block = '';
    const get = (column: string) => {
      const at = index!.get(column);
      return at === undefined ? '' : (current[at] ?? '');
    };
    try {
      for await (const records of readCsvBlocks(filePath, read))
        for (const record of records) {
          if (!index) {
            const header = record.fields.map((h) => h.trim().toLowerCase());
            index = new Map();
            for (const [i, h] of header.entries()) {
              if (index.has(h))
                errors.add({
                  file: name,
                  line: 1,
                  column: h,
                  code: 'duplicate_column',
                  reason: `column ${h} appears twice`,
                });
              index.set(h, i);
            }
            width = header.length;
            const missing = specs.filter((s) => s.required && !index!.has(s.name)).map((s) => s.name);
            for (const m of missing)
              errors.add({
                file: name,
                line: 1,
                column: m,
                code: 'missing_column',
                reason: `the header has no ${m} column`,
              });
            if (missing.length) return;
            ignoredColumns = header.filter((h) => !specs.some((s) => s.name === h));
            checks = specs.filter((s) => index!.has(s.name)).map((spec) => ({ spec, at: index!.get(spec.name)! }));
            build = rowBuilder(file, ctx);
            continue;
          }
          rows++;
          if (rows % 50_000 === 0) ctx.progress(file, rows, read);
          if (record.fields.length !== width) {
            errors.add({
              file: name,
              line: record.line,
              code: 'wrong_field_count',
              reason: `${record.fields.length} fields where the header has ${width}`,
            });
            continue;
          }
          current = record.fields;
          let bad = false;
          for (const { spec, at } of checks) {
            const problem = checkValue(spec, current[at]!.trim());
            if (problem) {
              errors.add({ file: name, line: record.line, column: spec.name, ...problem });
              bad = true;
            }
          }
          if (bad) continue;
          const values = build!(get, record.line);
          if (!values) continue;
          // After the first error nothing will be written: keep checking, stop copying.
          if (errors.count === 0) {
            block += copyValue(values[0]!);
            for (let i = 1; i < values.length; i++) block += '\t' + copyValue(values[i] ?? null);
            block += '\n';
            // Lines go to COPY in blocks: one write per line costs more than the line.
            if (block.length >= COPY_BLOCK) {
              yield block;
              block = '';
            }
          }
        }
      if (block && errors.count === 0) yield block;
      if (!index)
        errors.add({ file: name, line: 1, code: 'missing_column', reason: 'the file is empty: it needs a header row' });
    } catch (err) {
      if (!(err instanceof CsvFormatError)) throw err;
      errors.add({ file: name, line: err.line, code: err.code, reason: err.message });
    }
  }
  const staging = STAGING[file];
  await tx.copyIn(staging.table, staging.columns, lines());
  ctx.progress(file, rows, read);
  return { rows, ignoredColumns };
}

/** Lists staged rows a query finds, as hard errors. The query returns file, line, column, reason. */
async function addErrors(
  tx: BulkTransaction,
  errors: Errors,
  code: HardErrorCode,
  query: string,
  params: unknown[] = [],
) {
  const rows = await tx.query<{ file: string; line: number; col: string; reason: string }>(
    `${query} LIMIT ${ERROR_LIST_LIMIT + 1}`,
    params,
  );
  for (const r of rows) errors.add({ file: r.file, line: r.line, column: r.col, code, reason: r.reason });
}

/** The checks that need every staged row, or what is already stored. */
async function checkStaged(tx: BulkTransaction, errors: Errors, countyId: string | null, present: Set<ExtractFile>) {
  const inCounty = countyId ? `AND i.county_id = '${countyId}'` : '';
  for (const [file, table, key] of [
    ['clients', 'stg_clients', 'client_id'],
    ['referrals', 'stg_referrals', 'referral_id'],
    ['cases', 'stg_cases', 'case_id'],
  ] as const) {
    if (!present.has(file)) continue;
    await addErrors(
      tx,
      errors,
      'duplicate_id',
      `SELECT '${file}.csv' AS file, s.line, '${key}' AS col, '${key} ' || s.${key} || ' is also on line ' || f.first AS reason
         FROM ${table} s JOIN (SELECT ${key}, min(line) AS first FROM ${table} GROUP BY ${key} HAVING count(*) > 1) f
           ON f.${key} = s.${key} AND s.line > f.first
        ORDER BY s.line`,
    );
  }
  // A client already in Harbor under another county: moving youth between counties is not an import's call.
  await addErrors(
    tx,
    errors,
    'client_changed_county',
    `SELECT 'clients.csv' AS file, s.line, 'county' AS col,
            'client ' || s.client_id || ' is already in Harbor under another county' AS reason
       FROM stg_clients s JOIN youth_identifiers i ON i.system = 'cws_cms' AND i.value = s.client_id ${inCounty ? '' : ''}
      WHERE i.county_id <> s.county_id ${countyId ? 'AND false' : ''}
        AND NOT EXISTS (SELECT 1 FROM youth_identifiers j WHERE j.system = 'cws_cms' AND j.value = s.client_id AND j.county_id = s.county_id)
      ORDER BY s.line`,
  );
  // Every client a referral, case or Type names is in clients.csv or already in Harbor.
  for (const [file, table] of [
    ['referrals', 'stg_referrals'],
    ['cases', 'stg_cases'],
    ['csec_types', 'stg_types'],
  ] as const) {
    if (!present.has(file)) continue;
    await addErrors(
      tx,
      errors,
      'unknown_client',
      `SELECT '${file}.csv' AS file, s.line, 'client_id' AS col,
              'client_id ' || s.client_id || ' is not in clients.csv nor already in Harbor' AS reason
         FROM ${table} s
        WHERE NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = s.client_id)
          AND NOT EXISTS (SELECT 1 FROM youth_identifiers i WHERE i.system = 'cws_cms' AND i.value = s.client_id ${inCounty})
        ORDER BY s.line`,
    );
  }
}

/** Which youth each staged client id is: an existing youth, or the new id staged with the client. */
async function mapClients(tx: BulkTransaction, countyId: string | null) {
  const inCounty = countyId ? `AND i.county_id = '${countyId}'` : '';
  await tx.execScript(`
    CREATE TEMP TABLE stg_map ON COMMIT DROP AS
      SELECT DISTINCT ON (s.client_id COLLATE "C") s.client_id, coalesce(i.youth_id, s.new_id) AS youth_id, s.county_id,
             i.youth_id IS NOT NULL AS existing, s.date_of_birth, s.first_name, s.last_name, s.sex, true AS in_file
        FROM stg_clients s
        LEFT JOIN youth_identifiers i ON i.system = 'cws_cms' AND i.value = s.client_id AND i.county_id = s.county_id
       ORDER BY s.client_id COLLATE "C", s.line DESC;
    INSERT INTO stg_map (client_id, youth_id, county_id, existing, in_file)
      SELECT DISTINCT ON (i.value) i.value, i.youth_id, i.county_id, true, false
        FROM youth_identifiers i
       WHERE i.system = 'cws_cms' ${inCounty}
         AND i.value IN (SELECT client_id FROM stg_referrals UNION SELECT client_id FROM stg_cases UNION SELECT client_id FROM stg_types)
         AND NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = i.value)
       ORDER BY i.value, i.youth_id;
    ANALYZE stg_map;
  `);
}

const count = async (tx: BulkTransaction, query: string, params: unknown[] = []) =>
  Number((await tx.query<{ n: string | number }>(query, params))[0]?.n ?? 0);

async function mergeClients(tx: BulkTransaction, batchId: string, s: FileSummary) {
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE youth y SET legal_first_name = coalesce(m.first_name, y.legal_first_name),
              legal_last_name = coalesce(m.last_name, y.legal_last_name),
              date_of_birth = coalesce(m.date_of_birth, y.date_of_birth), sex = coalesce(m.sex, y.sex),
              version = y.version + 1, updated_at = now()
         FROM stg_map m
        WHERE m.existing AND y.id = m.youth_id AND m.county_id IS NOT NULL
          AND ((m.first_name IS NOT NULL AND m.first_name IS DISTINCT FROM y.legal_first_name)
            OR (m.last_name IS NOT NULL AND m.last_name IS DISTINCT FROM y.legal_last_name)
            OR (m.date_of_birth IS NOT NULL AND m.date_of_birth IS DISTINCT FROM y.date_of_birth)
            OR (m.sex IS NOT NULL AND m.sex IS DISTINCT FROM y.sex))
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO youth (id, county_id, legal_first_name, legal_last_name, date_of_birth, sex, import_batch_id)
       SELECT youth_id, county_id, first_name, last_name, date_of_birth, sex, $1 FROM stg_map
        WHERE NOT existing ORDER BY youth_id
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
  await tx.query(
    `INSERT INTO youth_identifiers (youth_id, county_id, system, value)
     SELECT youth_id, county_id, 'cws_cms', client_id FROM stg_map WHERE NOT existing`,
  );
}

/** The county's agency of each kind a new imported case or referral belongs to, if Harbor has one. */
const AGENCY = (kind: string, county: string) =>
  `(SELECT o.id FROM organizations o WHERE o.county_id = ${county} AND o.type = ${kind} ORDER BY o.name LIMIT 1)`;

const midnight = (col: string) => `(${col}::timestamp AT TIME ZONE '${TZ}')`;

async function mergeReferrals(tx: BulkTransaction, batchId: string, s: FileSummary, errors: Errors) {
  await tx.execScript(`
    CREATE TEMP TABLE stg_ref ON COMMIT DROP AS
      SELECT DISTINCT ON (r.referral_id COLLATE "C") r.*, m.youth_id, m.county_id, x.id AS existing_id, x.youth_id AS existing_youth
        FROM stg_referrals r JOIN stg_map m ON m.client_id = r.client_id
        LEFT JOIN referrals x ON x.external_id = r.referral_id AND x.county_id = m.county_id
       ORDER BY r.referral_id COLLATE "C", r.line DESC;`);
  await addErrors(
    tx,
    errors,
    'id_belongs_to_other_client',
    `SELECT 'referrals.csv' AS file, line, 'referral_id' AS col,
            'referral ' || referral_id || ' is already in Harbor for another client' AS reason
       FROM stg_ref WHERE existing_id IS NOT NULL AND existing_youth <> youth_id ORDER BY line`,
  );
  if (errors.count) return;
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE referrals x SET received_at = ${midnight('r.received')}, disposition_at = ${midnight('r.disposition')},
              closed_at = ${midnight('r.disposition')}
         FROM stg_ref r
        WHERE x.id = r.existing_id
          AND (x.received_at IS DISTINCT FROM ${midnight('r.received')} OR x.disposition_at IS DISTINCT FROM ${midnight('r.disposition')})
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO referrals (youth_id, county_id, organization_id, external_id, received_at, disposition_at, closed_at, import_batch_id)
       SELECT r.youth_id, r.county_id, ${AGENCY("'child_welfare'", 'r.county_id')}, r.referral_id, ${midnight('r.received')},
              ${midnight('r.disposition')}, ${midnight('r.disposition')}, $1
         FROM stg_ref r WHERE r.existing_id IS NULL
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
}

const CASE_SNAPSHOT = `jsonb_build_object('kind', c.kind, 'caseNumber', c.external_id, 'openedOn', c.opened_on,
  'closedOn', c.closed_on, 'assignedUserId', c.assigned_user_id, 'closeReason', c.close_reason)`;

async function mergeCases(tx: BulkTransaction, batchId: string, s: FileSummary, errors: Errors) {
  await tx.execScript(`
    CREATE TEMP TABLE stg_case ON COMMIT DROP AS
      SELECT DISTINCT ON (c.case_id COLLATE "C") c.*, m.youth_id, m.county_id, x.id AS existing_id, x.youth_id AS existing_youth
        FROM stg_cases c JOIN stg_map m ON m.client_id = c.client_id
        LEFT JOIN cases x ON x.external_id = c.case_id AND x.county_id = m.county_id
       ORDER BY c.case_id COLLATE "C", c.line DESC;`);
  await addErrors(
    tx,
    errors,
    'id_belongs_to_other_client',
    `SELECT 'cases.csv' AS file, line, 'case_id' AS col,
            'case ' || case_id || ' is already in Harbor for another client' AS reason
       FROM stg_case WHERE existing_id IS NOT NULL AND existing_youth <> youth_id ORDER BY line`,
  );
  if (errors.count) return;
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE cases c SET kind = s.kind, opened_on = s.start_date, closed_on = s.end_date, version = c.version + 1, updated_at = now()
         FROM stg_case s
        WHERE c.id = s.existing_id
          AND (c.kind IS DISTINCT FROM s.kind OR c.opened_on IS DISTINCT FROM s.start_date OR c.closed_on IS DISTINCT FROM s.end_date)
        RETURNING c.*),
     h AS (INSERT INTO case_history (case_id, county_id, version, snapshot, import_batch_id)
           SELECT c.id, c.county_id, c.version, ${CASE_SNAPSHOT}, $1 FROM u c RETURNING 1)
     SELECT count(*) AS n FROM h`,
    [batchId],
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO cases (youth_id, county_id, organization_id, kind, external_id, opened_on, closed_on, import_batch_id)
       SELECT s.youth_id, s.county_id, ${AGENCY('s.kind', 's.county_id')}, s.kind, s.case_id, s.start_date, s.end_date, $1
         FROM stg_case s WHERE s.existing_id IS NULL
       RETURNING *),
     h AS (INSERT INTO case_history (case_id, county_id, version, snapshot, import_batch_id)
           SELECT c.id, c.county_id, c.version, ${CASE_SNAPSHOT}, $1 FROM i c RETURNING 1)
     SELECT count(*) AS n FROM h`,
    [batchId],
  );
}

async function mergeTypes(tx: BulkTransaction, batchId: string, today: string, summary: ImportSummary) {
  const s = summary.files.csec_types;
  // One row per (client, Type, start): the last line wins. Then the state's association rule.
  await tx.execScript(`
    CREATE TEMP TABLE stg_t ON COMMIT DROP AS
      SELECT DISTINCT ON (t.client_id COLLATE "C", t.type COLLATE "C", t.start_date) t.*, m.youth_id, m.county_id
        FROM stg_types t JOIN stg_map m ON m.client_id = t.client_id
       ORDER BY t.client_id COLLATE "C", t.type COLLATE "C", t.start_date, t.line DESC;
    ANALYZE stg_t;
    CREATE TEMP TABLE stg_assoc ON COMMIT DROP AS
      SELECT DISTINCT ON (t.line) t.line, r.id AS referral_id
        FROM stg_t t JOIN referrals r ON r.youth_id = t.youth_id
       WHERE (r.received_at AT TIME ZONE '${TZ}')::date <= t.start_date
         AND t.start_date <= coalesce((r.disposition_at AT TIME ZONE '${TZ}')::date, '${today}'::date)
       ORDER BY t.line, r.received_at DESC, r.id;
    CREATE TEMP TABLE stg_assoc_case ON COMMIT DROP AS
      SELECT DISTINCT ON (t.line) t.line, c.id AS case_id
        FROM stg_t t JOIN cases c ON c.youth_id = t.youth_id
       WHERE c.opened_on <= t.start_date AND t.start_date <= coalesce(c.closed_on, '${today}'::date)
         AND NOT EXISTS (SELECT 1 FROM stg_assoc a WHERE a.line = t.line)
       ORDER BY t.line, c.opened_on DESC, c.id;
    CREATE TEMP TABLE stg_tl ON COMMIT DROP AS
      SELECT t.*, a.referral_id, c.case_id, x.id AS existing_id, x.source AS existing_source,
             x.end_date AS x_end, x.allegation_subcategory AS x_sub, x.referral_id AS x_referral, x.case_id AS x_case
        FROM stg_t t LEFT JOIN stg_assoc a ON a.line = t.line LEFT JOIN stg_assoc_case c ON c.line = t.line
        LEFT JOIN csec_type_records x ON x.youth_id = t.youth_id AND x.type = t.type AND x.start_date = t.start_date;
  `);
  const [assoc] = await tx.query<{ referral: string; case: string; none: string; kept: string }>(
    `SELECT count(*) FILTER (WHERE referral_id IS NOT NULL) AS referral, count(*) FILTER (WHERE case_id IS NOT NULL) AS case,
            count(*) FILTER (WHERE referral_id IS NULL AND case_id IS NULL) AS none,
            count(*) FILTER (WHERE existing_id IS NOT NULL AND existing_source <> 'state_extract') AS kept
       FROM stg_tl`,
  );
  summary.association = { referral: Number(assoc!.referral), case: Number(assoc!.case), none: Number(assoc!.none) };
  summary.typesKeptFromHarbor = Number(assoc!.kept);
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE csec_type_records x SET end_date = t.end_date, allegation_subcategory = t.subcategory,
              referral_id = t.referral_id, case_id = t.case_id, version = x.version + 1
         FROM stg_tl t
        WHERE x.id = t.existing_id AND t.existing_source = 'state_extract'
          AND (t.x_end IS DISTINCT FROM t.end_date OR t.x_sub IS DISTINCT FROM t.subcategory
            OR t.x_referral IS DISTINCT FROM t.referral_id OR t.x_case IS DISTINCT FROM t.case_id)
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO csec_type_records (id, youth_id, county_id, type, start_date, end_date, allegation_subcategory, source,
                                      referral_id, case_id, import_batch_id)
       SELECT new_id, youth_id, county_id, type, start_date, end_date, subcategory, 'state_extract', referral_id, case_id, $1
         FROM stg_tl WHERE existing_id IS NULL ORDER BY youth_id
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
}

const emptyFile = (): FileSummary => ({
  present: false,
  rows: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  repeated: 0,
  ignoredColumns: [],
});

/**
 * Imports an extract folder. Resolves with the summary whether it wrote or not: `ok` is false
 * when hard errors stopped it (nothing written), and a dry run never writes.
 */
export async function importExtract(database: Database, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const today = opts.today ?? countyToday();
  const errors = new Errors();
  const summary: ImportSummary = {
    ok: false,
    dryRun: opts.dryRun,
    batchId: null,
    nothingChanged: false,
    files: { clients: emptyFile(), referrals: emptyFile(), cases: emptyFile(), csec_types: emptyFile() },
    ignoredFiles: [],
    typesKeptFromHarbor: 0,
    association: { referral: 0, case: 0, none: 0 },
    errors: [],
    errorCount: 0,
    errorsByCode: {},
    dataQuality: null,
    counties: 0,
    seconds: 0,
    rowsPerSecond: 0,
  };
  const finish = () => {
    summary.errors = errors.list;
    summary.errorCount = errors.count;
    summary.errorsByCode = errors.byCode;
    summary.ok = errors.count === 0;
    summary.seconds = (Date.now() - started) / 1000;
    const rows = EXTRACT_FILES.reduce((n, f) => n + summary.files[f].rows, 0);
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(rows / summary.seconds) : rows;
    return summary;
  };

  const present = new Set<ExtractFile>();
  let totalBytes = 0;
  const entries = existsSync(opts.dir) ? readdirSync(opts.dir) : [];
  for (const entry of entries) {
    const file = EXTRACT_FILES.find((f) => `${f}.csv` === entry.toLowerCase());
    if (file) {
      present.add(file);
      totalBytes += statSync(path.join(opts.dir, entry)).size;
    } else summary.ignoredFiles.push(entry);
  }
  if (!present.has('clients')) {
    errors.add({
      file: 'clients.csv',
      line: 0,
      code: 'missing_file',
      reason: existsSync(opts.dir) ? 'clients.csv is required and is not in the folder' : 'the folder does not exist',
    });
    return finish();
  }
  const fileName = (f: ExtractFile) => entries.find((e) => e.toLowerCase() === `${f}.csv`)!;
  let bytesBefore = 0;
  const report = (p: Omit<ImportProgress, 'elapsedMs' | 'totalBytes'>) =>
    opts.onProgress?.({ ...p, totalBytes, elapsedMs: Date.now() - started });

  try {
    return await database.bulkTransaction(async (rawTx) => {
      const tx = process.env.HARBOR_IMPORT_TRACE ? traced(rawTx) : rawTx;
      // One import at a time: two would each see the other's clients as new.
      await tx.query('SELECT pg_advisory_xact_lock(727012)');
      // Sorts and hash joins over a million staged rows stay in memory for this transaction.
      await tx.execScript("SET LOCAL work_mem = '256MB'");
      const counties = await tx.query<CountyRef>('SELECT id, name, fips FROM counties');
      for (const f of EXTRACT_FILES)
        await tx.execScript(`CREATE TEMP TABLE ${STAGING[f].table} (${STAGING[f].ddl}) ON COMMIT DROP`);
      const ctx: StageContext = {
        errors,
        today,
        county: countyResolver(counties),
        countyId: opts.countyId ?? null,
        progress: (file, rows, read) => report({ phase: 'stage', file, rows, bytesRead: bytesBefore + read.bytesRead }),
      };
      for (const f of EXTRACT_FILES) {
        if (!present.has(f)) continue;
        const filePath = path.join(opts.dir, fileName(f));
        const { rows, ignoredColumns } = await stageFile(tx, f, filePath, ctx);
        bytesBefore += statSync(filePath).size;
        Object.assign(summary.files[f], { present: true, rows, ignoredColumns });
      }
      report({ phase: 'check', rows: 0, bytesRead: bytesBefore });
      if (errors.count === 0) {
        await tx.execScript('ANALYZE stg_clients; ANALYZE stg_referrals; ANALYZE stg_cases; ANALYZE stg_types;');
        await checkStaged(tx, errors, opts.countyId ?? null, present);
      }
      if (errors.count) throw new RollBack(finish());

      report({ phase: 'merge', rows: 0, bytesRead: bytesBefore });
      const [batch] = await tx.query<{ id: string }>(
        `INSERT INTO import_batches (county_id, source, started_by) VALUES ($1, $2, $3) RETURNING id`,
        [opts.countyId ?? null, opts.source, opts.userId ?? null],
      );
      const batchId = batch!.id;
      await mapClients(tx, opts.countyId ?? null);
      await mergeClients(tx, batchId, summary.files.clients);
      if (present.has('referrals')) await mergeReferrals(tx, batchId, summary.files.referrals, errors);
      if (present.has('cases') && errors.count === 0) await mergeCases(tx, batchId, summary.files.cases, errors);
      if (errors.count) throw new RollBack(finish());
      if (present.has('csec_types')) await mergeTypes(tx, batchId, today, summary);

      // Repeats and what stayed as it was, from the tables the merge deduplicated.
      const distinct: Record<ExtractFile, string> = {
        clients: 'SELECT count(*) AS n FROM stg_map WHERE in_file',
        referrals: 'SELECT count(*) AS n FROM stg_ref',
        cases: 'SELECT count(*) AS n FROM stg_case',
        csec_types: 'SELECT count(*) AS n FROM stg_t',
      };
      for (const f of EXTRACT_FILES) {
        const fs = summary.files[f];
        if (!fs.present) continue;
        const unique = await count(tx, distinct[f]);
        fs.repeated = fs.rows - unique;
        fs.unchanged = unique - fs.inserted - fs.updated - (f === 'csec_types' ? summary.typesKeptFromHarbor : 0);
      }
      summary.nothingChanged = EXTRACT_FILES.every((f) => summary.files[f].inserted + summary.files[f].updated === 0);

      report({ phase: 'data_quality', rows: 0, bytesRead: bytesBefore });
      // The planner's statistics are stale after a large import; the queue's queries need fresh ones.
      if (summary.files.clients.inserted + summary.files.csec_types.inserted > 10_000)
        await tx.execScript(
          'ANALYZE youth; ANALYZE youth_identifiers; ANALYZE csec_type_records; ANALYZE referrals; ANALYZE cases;',
        );
      summary.dataQuality = await refreshDataQuality(tx.db, { countyId: opts.countyId ?? null });

      // One audit event per county the batch touched; the youth carry the batch id.
      const touched = await tx.query<{ county_id: string; n: string }>(
        `SELECT county_id, count(*) AS n FROM stg_map GROUP BY county_id`,
      );
      summary.counties = touched.length;
      summary.batchId = batchId;
      finish();
      const counts = Object.fromEntries(
        EXTRACT_FILES.map((f) => [f, { inserted: summary.files[f].inserted, updated: summary.files[f].updated }]),
      );
      for (const t of touched)
        await tx.query(
          `INSERT INTO audit_events (county_id, actor_user_id, actor_roles, action, outcome, record_ids, categories, details,
                                     request_id, shard, shard_seq, prev_hash, hash)
           VALUES ($1, $2, $5::text[], 'import.extract', 'allowed', ARRAY[$3::text], ARRAY['identity','exploitation'],
                   $4::jsonb, $6, 0, 0, '', '')`,
          [
            t.county_id,
            opts.userId ?? null,
            batchId,
            JSON.stringify({ batchId, clients: Number(t.n), dryRun: opts.dryRun, counts }),
            [...(opts.actorRoles ?? [])],
            opts.requestId ?? null,
          ],
        );
      await tx.query(`UPDATE import_batches SET finished_at = now(), summary = $2::jsonb WHERE id = $1`, [
        batchId,
        JSON.stringify({ ...summary, errors: [] }),
      ]);
      report({ phase: 'done', rows: 0, bytesRead: bytesBefore });
      if (opts.dryRun) throw new RollBack({ ...summary, batchId: null });
      return summary;
    });
  } catch (err) {
    if (err instanceof RollBack) return err.summary;
    throw err;
  }
}
