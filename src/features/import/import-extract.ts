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
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BulkTransaction, Database } from '../../db/client.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { refreshDataQuality } from '../data-quality/detect.js';
import {
  countyResolver,
  EXTRACT_FILES,
  type CountyRef,
  type ExtractFile,
  type HardError,
  type HardErrorCode,
} from './extract-format.js';
import { checkStaged, count, mapClients, mergeCases, mergeClients, mergeReferrals, mergeTypes } from './merge.js';
import { Errors, STAGING, stageFile, type StageContext } from './stage.js';

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
