// Phase 1 of the import (import-extract.ts): each file read as a stream, each row checked on its
// own (extract-format.ts) and COPYed into a temporary table, a block at a time.
import { randomFillSync } from 'node:crypto';
import type { BulkTransaction } from '../../db/client.js';
import { CsvFormatError, readCsvBlocks, type ReadProgress } from './csv-reader.js';
import {
  checkDate,
  checkValue,
  COLUMNS,
  normalizeSex,
  resolveCaseKind,
  resolveCsecType,
  type CountyRef,
  type ExtractFile,
  type HardError,
  type HardErrorCode,
} from './extract-format.js';

/** Staged lines are sent to COPY in blocks of about this many characters. */
const COPY_BLOCK = 1 << 16;
/** Hard errors listed in full; the rest are counted by code. */
export const ERROR_LIST_LIMIT = 500;

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

export class Errors {
  list: HardError[] = [];
  count = 0;
  byCode: Partial<Record<HardErrorCode, number>> = {};
  add(e: HardError) {
    this.count++;
    this.byCode[e.code] = (this.byCode[e.code] ?? 0) + 1;
    if (this.list.length < ERROR_LIST_LIMIT) this.list.push(e);
  }
}

export const STAGING: Record<ExtractFile, { table: string; ddl: string; columns: string[] }> = {
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

export interface StageContext {
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
export async function stageFile(
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
