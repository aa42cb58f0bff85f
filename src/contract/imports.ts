// The state extract upload (POST /api/admin/imports/extract) and the county's import batches
// (GET /api/admin/imports). The summary mirrors the importer's (src/features/import/import-extract.ts,
// ImportSummary): counts, file and column names, line numbers and error codes, never a name, a
// date of birth or a client id. The file format is docs/IMPORT.md.
import { z } from 'zod';

/** The extract's files, without ".csv" (EXTRACT_FILES of src/features/import/extract-format.ts). */
export const IMPORT_FILES = ['clients', 'referrals', 'cases', 'csec_types'] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

/**
 * The importer's hard error codes (HARD_ERROR_CODES of src/features/import/extract-format.ts;
 * test/api/import-upload.test.ts checks the two lists agree). Any one stops the import.
 */
export const IMPORT_ERROR_CODES = [
  'missing_file',
  'missing_column',
  'duplicate_column',
  'invalid_utf8',
  'unclosed_quote',
  'stray_quote',
  'wrong_field_count',
  'required',
  'too_long',
  'control_character',
  'invalid_date',
  'date_in_future',
  'date_too_early',
  'end_before_start',
  'unknown_county',
  'county_not_yours',
  'unknown_csec_type',
  'unknown_case_kind',
  'unknown_client',
  'duplicate_id',
  'client_changed_county',
  'id_belongs_to_other_client',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The largest zip the upload takes (413 upload_too_large above it). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** The most its extract files may hold once unzipped (413 extract_too_large above it). */
export const MAX_UNZIPPED_BYTES = 4 * 1024 * 1024 * 1024;

const count = z.number().int().min(0);

export const ImportFileSummaryView = z.object({
  present: z.boolean().describe('Whether the zip held this file'),
  rows: count.describe('Data rows read (the header not counted)'),
  inserted: count.describe('New in Harbor'),
  updated: count.describe('Already in Harbor, changed by this file'),
  unchanged: count.describe('Already in Harbor as the file has them'),
  repeated: count.describe("Rows repeating an earlier row's key in the same file: the last one counts"),
  ignoredColumns: z.array(z.string()).describe('Columns the extract format does not use'),
});

export const ImportErrorView = z.object({
  file: z.string().describe('clients.csv, referrals.csv, cases.csv or csec_types.csv'),
  line: z.number().int().min(0).describe('The line in the file (the header is line 1); 0 for the whole file'),
  column: z.string().optional(),
  code: z.enum(IMPORT_ERROR_CODES).describe('What is wrong, as a stable code the web translates'),
  reason: z.string().describe('English detail: the value at fault (a date, a county, an id), never a name'),
});
export type ImportErrorView = z.infer<typeof ImportErrorView>;

export const ImportSummaryView = z.object({
  ok: z.boolean().describe('false: hard errors stopped the import and nothing was written (`errors` lists them)'),
  dryRun: z.boolean().describe('true: checked and counted as if imported, and nothing was written'),
  batchId: z.string().nullable().describe('The import batch written; null for a dry run or a refused import'),
  nothingChanged: z.boolean().describe('Every row already matched what Harbor holds'),
  files: z.object({
    clients: ImportFileSummaryView,
    referrals: ImportFileSummaryView,
    cases: ImportFileSummaryView,
    csec_types: ImportFileSummaryView,
  }),
  ignoredFiles: z.array(z.string()).describe('Files in the zip that are not part of the extract'),
  typesKeptFromHarbor: count.describe('CSEC Types already recorded in Harbor for the same youth, Type and start'),
  association: z
    .object({ referral: count, case: count, none: count })
    .describe('CSEC Types associated with a referral, with a case, or with neither'),
  errors: z.array(ImportErrorView).describe('The hard errors, at most 500 listed'),
  errorCount: count.describe('Every hard error, listed or not'),
  errorsByCode: z.partialRecord(z.enum(IMPORT_ERROR_CODES), count).describe('Hard errors counted by code'),
  dataQuality: z
    .object({ opened: count, fixed: count })
    .nullable()
    .describe('Problems the data-quality queue gained and lost; null when nothing was imported'),
  counties: count,
  seconds: z.number().min(0),
  rowsPerSecond: z.number().min(0),
});
export type ImportSummaryView = z.infer<typeof ImportSummaryView>;

export const ImportUploadQuery = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('true: check the files and count what would change, writing nothing'),
  })
  .strict();

/** The request body: the zip itself, sent as application/zip (documented as binary). */
export const ImportUploadBody = z.unknown().meta({
  type: 'string',
  format: 'binary',
  description:
    'A zip holding clients.csv and, optionally, referrals.csv, cases.csv and csec_types.csv, at its root or ' +
    'in one folder (docs/IMPORT.md). Content-Type: application/zip.',
});

const fileCounts = z.object({
  rows: count,
  inserted: count,
  updated: count,
  unchanged: count,
  repeated: count,
});

export const ImportBatchView = z.object({
  id: z.string(),
  source: z.enum(['cli', 'upload']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  nothingChanged: z.boolean(),
  files: z.object({
    clients: fileCounts.nullable(),
    referrals: fileCounts.nullable(),
    cases: fileCounts.nullable(),
    csec_types: fileCounts.nullable(),
  }),
  dataQuality: z.object({ opened: count, fixed: count }).nullable(),
});
export type ImportBatchView = z.infer<typeof ImportBatchView>;

export const ImportBatchList = z.object({
  batches: z.array(ImportBatchView).describe("The county's latest imports, newest first (at most 50)"),
});
export type ImportBatchList = z.infer<typeof ImportBatchList>;
