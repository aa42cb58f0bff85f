// The county's recent imports of the state extract, for its administrator: when, from where
// (an upload or the command line) and the counts each file gave. Read as harbor_reference, which
// may select only import_batches' id, county, source, times and summary (migration 0014); the
// summary holds counts, never a name.
import { sql } from 'drizzle-orm';
import type { AdminContext } from '../../access/contexts.js';
import { IMPORT_FILES, type ImportBatchList, type ImportBatchView } from '../../contract/imports.js';
import { asDate, selectRows } from '../../db/client.js';

/** The latest imports listed. */
export const BATCH_LIST_LIMIT = 50;

interface BatchRow {
  id: string;
  source: 'cli' | 'upload';
  started_at: Date | string;
  finished_at: Date | string | null;
  summary: unknown;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The counts of a stored summary (written by the importer; read defensively all the same). */
export function batchView(row: BatchRow): ImportBatchView {
  const summary = record(row.summary);
  const files = record(summary.files);
  const dq = summary.dataQuality ? record(summary.dataQuality) : null;
  const fileCounts = (name: string) => {
    const f = record(files[name]);
    if (f.present !== true) return null;
    return {
      rows: count(f.rows),
      inserted: count(f.inserted),
      updated: count(f.updated),
      unchanged: count(f.unchanged),
      repeated: count(f.repeated),
    };
  };
  return {
    id: row.id,
    source: row.source,
    startedAt: asDate(row.started_at).toISOString(),
    finishedAt: row.finished_at ? asDate(row.finished_at).toISOString() : null,
    nothingChanged: summary.nothingChanged === true,
    files: {
      clients: fileCounts('clients'),
      referrals: fileCounts('referrals'),
      cases: fileCounts('cases'),
      csec_types: fileCounts('csec_types'),
    } satisfies Record<(typeof IMPORT_FILES)[number], unknown>,
    dataQuality: dq ? { opened: count(dq.opened), fixed: count(dq.fixed) } : null,
  };
}

/** The county's latest import batches, newest first. */
export function listImportBatches(repo: AdminContext): Promise<ImportBatchList> {
  return repo.forCounty(
    'import.batches.list',
    async ({ tx, actor }) => {
      const rows = await selectRows<BatchRow>(
        tx,
        sql`SELECT id, source, started_at, finished_at, summary FROM import_batches
             WHERE county_id = ${actor.countyId}
             ORDER BY started_at DESC, id DESC LIMIT ${BATCH_LIST_LIMIT}`,
      );
      return { batches: rows.map(batchView) };
    },
    { audit: false },
  );
}
