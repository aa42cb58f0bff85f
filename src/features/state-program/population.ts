// Population denominators from population.csv (issue 13): youth aged 10-20 receiving child-welfare
// services, per county and fiscal year. One function checks and loads the file for both the API
// (POST /api/state/population, as harbor_reference in the state program's context) and the CLI
// (`harbor import population FILE`, on the system connection): every line is checked first, and
// any error stops the whole file; otherwise each county and year is inserted or updated.
//
// Columns (a header line, any order, any case; other columns are ignored): county (a name such as
// "Los Angeles" or "Los Angeles County", a Harbor code, or a FIPS code), fiscal_year ("2015-16"),
// youth_10_20_in_child_welfare (a whole number from 0 to 10,000,000).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../access/audit.js';
import type { SystemDatabase } from '../../access/checkpoint.js';
import type { AdminContext } from '../../access/contexts.js';
import {
  FiscalYear,
  type PopulationErrorCode,
  type PopulationErrorT,
  type PopulationImportResultT,
} from '../../contract/state-report.js';
import { selectRows, type Db } from '../../db/client.js';
import { HarborError } from '../../errors.js';
import { CsvFormatError, readCsv } from '../import/csv-reader.js';
import { countyLookup, loadCounties, type CountyInfo } from './counties.js';

export const POPULATION_COLUMNS = ['county', 'fiscal_year', 'youth_10_20_in_child_welfare'] as const;
type Column = (typeof POPULATION_COLUMNS)[number];

/** The largest figure taken: more youth than California has. */
export const MAX_POPULATION = 10_000_000;
/** At most this many errors are listed; one more line says there were more. */
export const MAX_LISTED_ERRORS = 200;
const MAX_VALUE_LENGTH = 64;
// Control characters other than tab; a value is one line of text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export interface PopulationRow {
  line: number;
  countyId: string;
  countyCode: string;
  fiscalYear: string;
  youth: number;
}

/** What the file holds, or every error found in it (capped at MAX_LISTED_ERRORS). */
export interface PopulationCheck {
  rows: PopulationRow[];
  errors: PopulationErrorT[];
  errorCount: number;
}

/** Reads and checks a population file against the counties; writes nothing. */
export async function checkPopulationFile(file: string, counties: CountyInfo[]): Promise<PopulationCheck> {
  const lookup = countyLookup(counties.filter((c) => c.fips !== null));
  const errors: PopulationErrorT[] = [];
  let errorCount = 0;
  const fail = (line: number, column: string | null, code: PopulationErrorCode, message: string) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, column, code, message });
  };
  const rows: PopulationRow[] = [];
  const firstLine = new Map<string, number>();
  let positions: Record<Column, number> | null = null;
  let width = 0;
  let sawHeader = false;
  try {
    for await (const record of readCsv(file)) {
      if (!sawHeader) {
        sawHeader = true;
        const header = record.fields.map((f) => f.trim().toLowerCase());
        width = header.length;
        const found: Partial<Record<Column, number>> = {};
        for (const [i, name] of header.entries()) {
          if (!(POPULATION_COLUMNS as readonly string[]).includes(name)) continue;
          if (found[name as Column] !== undefined)
            fail(1, name, 'duplicate_column', `the column ${name} appears twice in the header`);
          else found[name as Column] = i;
        }
        for (const c of POPULATION_COLUMNS)
          if (found[c] === undefined) fail(1, c, 'missing_column', `the header has no ${c} column`);
        if (errorCount > 0) break;
        positions = found as Record<Column, number>;
        continue;
      }
      const { line, fields } = record;
      if (fields.length !== width) {
        fail(line, null, 'wrong_field_count', `line ${line} has ${fields.length} fields; the header has ${width}`);
        continue;
      }
      const value = (c: Column) => fields[positions![c]]!.trim();
      let bad = false;
      for (const c of POPULATION_COLUMNS) {
        const v = value(c);
        if (v === '') fail(line, c, 'required', `${c} is required`);
        else if (v.length > MAX_VALUE_LENGTH)
          fail(line, c, 'too_long', `${c} is longer than ${MAX_VALUE_LENGTH} characters`);
        else if (CONTROL.test(v))
          fail(line, c, 'control_character', `${c} holds a control character (a NUL byte, a line break)`);
        else continue;
        bad = true;
      }
      if (bad) continue;
      const county = lookup(value('county'));
      if (!county)
        fail(
          line,
          'county',
          'unknown_county',
          `"${value('county')}" is not a California county name, code or FIPS code`,
        );
      const fiscalYear = value('fiscal_year');
      const fy = FiscalYear.safeParse(fiscalYear);
      if (!fy.success)
        fail(
          line,
          'fiscal_year',
          'invalid_fiscal_year',
          `fiscal_year ${fy.error.issues[0]?.message ?? 'is not valid'}`,
        );
      const text = value('youth_10_20_in_child_welfare');
      const youth = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(youth) || youth > MAX_POPULATION)
        fail(
          line,
          'youth_10_20_in_child_welfare',
          'invalid_count',
          `youth_10_20_in_child_welfare must be a whole number from 0 to ${MAX_POPULATION.toLocaleString('en-US')}`,
        );
      if (!county || !fy.success || !Number.isInteger(youth) || youth > MAX_POPULATION) continue;
      const key = `${county.id}|${fiscalYear}`;
      const earlier = firstLine.get(key);
      if (earlier !== undefined) {
        fail(line, 'county', 'duplicate_row', `${county.name} ${fiscalYear} is already on line ${earlier}`);
        continue;
      }
      firstLine.set(key, line);
      rows.push({ line, countyId: county.id, countyCode: county.code, fiscalYear, youth });
    }
  } catch (err) {
    if (!(err instanceof CsvFormatError)) throw err;
    fail(err.line, null, err.code, err.message);
  }
  if (!sawHeader && errorCount === 0) fail(0, null, 'empty_file', 'the file is empty: it needs a header line');
  else if (errorCount === 0 && rows.length === 0) fail(0, null, 'empty_file', 'the file has a header but no rows');
  if (errorCount > errors.length)
    errors.push({
      line: 0,
      column: null,
      code: 'too_many_errors',
      message: `${errorCount - errors.length} more errors are not listed`,
    });
  return { rows, errors, errorCount };
}

/** 400 population_file_invalid, listing the errors by line and column. */
export const populationFileInvalid = (check: PopulationCheck) =>
  new HarborError(
    400,
    'population_file_invalid',
    `The population file has ${check.errorCount} error${check.errorCount === 1 ? '' : 's'}; nothing was imported. ` +
      check.errors
        .slice(0, 3)
        .map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message))
        .join('; '),
    { errorCount: check.errorCount, errors: check.errors },
  );

export interface PopulationImport extends PopulationImportResultT {
  /** The counties whose figures the file set, by Harbor code and by id, and the fiscal years it covers. */
  counties: string[];
  countyIds: string[];
  fiscalYears: string[];
}

/**
 * Checks the file and, when it has no error, loads it in the caller's transaction: any error
 * throws 400 population_file_invalid before anything is written. `userId` is null from the CLI.
 */
export async function importPopulation(tx: Db, file: string, userId: string | null): Promise<PopulationImport> {
  const check = await checkPopulationFile(file, await loadCounties(tx));
  if (check.errorCount > 0) throw populationFileInvalid(check);
  const existing = new Set(
    (
      await selectRows<{ county_id: string; fiscal_year: string }>(
        tx,
        sql`SELECT county_id, fiscal_year FROM child_welfare_population`,
      )
    ).map((r) => `${r.county_id}|${r.fiscal_year}`),
  );
  let inserted = 0;
  let updated = 0;
  // A few hundred rows at most in practice: one statement per 500 rows.
  for (let i = 0; i < check.rows.length; i += 500) {
    const chunk = check.rows.slice(i, i + 500);
    await tx.execute(
      sql`INSERT INTO child_welfare_population (county_id, fiscal_year, youth_10_20_in_child_welfare, updated_by)
          VALUES ${sql.join(
            chunk.map((r) => sql`(${r.countyId}::uuid, ${r.fiscalYear}, ${r.youth}, ${userId}::uuid)`),
            sql`, `,
          )}
          ON CONFLICT (county_id, fiscal_year) DO UPDATE
             SET youth_10_20_in_child_welfare = EXCLUDED.youth_10_20_in_child_welfare,
                 updated_by = EXCLUDED.updated_by, updated_at = now()`,
    );
    for (const r of chunk) {
      if (existing.has(`${r.countyId}|${r.fiscalYear}`)) updated++;
      else inserted++;
    }
  }
  return {
    inserted,
    updated,
    counties: [...new Set(check.rows.map((r) => r.countyCode))].sort(),
    countyIds: [...new Set(check.rows.map((r) => r.countyId))],
    fiscalYears: [...new Set(check.rows.map((r) => r.fiscalYear))].sort(),
  };
}

/**
 * The upload (POST /api/state/population): the body is saved to a file of its own in a fresh
 * temporary folder, read by the same reader as the CLI's file, and removed whatever happened.
 */
export async function importPopulationUpload(ctx: AdminContext, body: Buffer): Promise<PopulationImportResultT> {
  const dir = await mkdtemp(path.join(tmpdir(), 'harbor-population-'));
  try {
    const file = path.join(dir, 'population.csv');
    await writeFile(file, body, { flag: 'wx' });
    return await ctx.forState('state.population.import', async ({ tx, actor, note }) => {
      const r = await importPopulation(tx, file, actor.userId);
      note({ inserted: r.inserted, updated: r.updated, counties: r.counties, fiscalYears: r.fiscalYears });
      return { inserted: r.inserted, updated: r.updated };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The command line's import (`harbor import population FILE`), on the system connection: the
 * same check and load in one transaction, audited once per county the file sets figures for.
 */
export function importPopulationFile(database: SystemDatabase, file: string): Promise<PopulationImport> {
  return database.db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    const r = await importPopulation(tx, file, null);
    for (const countyId of r.countyIds)
      await appendAudit(tx, null, null, {
        countyId,
        action: 'state.population.import',
        details: { source: 'cli', fileName: path.basename(file), fiscalYears: r.fiscalYears },
      });
    return r;
  });
}
