// `harbor import providers <file.csv> --county <code>`: a county's directory from a spreadsheet.
// Every row is checked first (shape with the API's own zod rules, then the county's catalog, SPAs
// and organizations); if any row is rejected, nothing is written and every rejected row is
// reported with its line number. Otherwise, in one transaction, rows are matched on external_ref:
// created, updated (a history snapshot, source 'import') or left alone when nothing changed.
// The work runs as harbor_app with the county set, so row-level security fences it like a request.
import { sql } from 'drizzle-orm';
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { appendAudit } from '../../access/audit.js';
import type { Database } from '../../db/client.js';
import {
  changedFields,
  EMPTY_PROVIDER,
  normalizeProvider,
  sameProvider,
  validateProvider,
  type ProviderData,
  type ProviderField,
} from '../../domain/directory.js';
import { applyInput, type ProviderInput } from './rules.js';
import { ProviderFields } from '../../contract/directory.js';
import {
  execIn,
  insertProvider,
  loadDirectoryContext,
  PROVIDER_COLUMNS,
  replaceProvider,
  rowToData,
  type ProviderRow,
} from './store.js';

type Kind = 'text' | 'list' | 'int' | 'ints' | 'bool' | 'trainings' | 'organization';

/** The CSV columns, in the documented order (docs/DIRECTORY.md), and the field each one sets. */
export const IMPORT_COLUMNS: { column: string; field: ProviderField; kind: Kind }[] = [
  { column: 'external_ref', field: 'externalRef', kind: 'text' },
  { column: 'name', field: 'name', kind: 'text' },
  { column: 'kind', field: 'kind', kind: 'text' },
  { column: 'organization', field: 'organizationId', kind: 'organization' },
  { column: 'description', field: 'description', kind: 'text' },
  { column: 'services', field: 'services', kind: 'list' },
  { column: 'placement_types', field: 'placementTypes', kind: 'list' },
  { column: 'beds', field: 'beds', kind: 'int' },
  { column: 'vacancies', field: 'vacancies', kind: 'int' },
  { column: 'csec_trainings', field: 'csecTrainings', kind: 'trainings' },
  { column: 'age_min', field: 'ageMin', kind: 'int' },
  { column: 'age_max', field: 'ageMax', kind: 'int' },
  { column: 'genders', field: 'genders', kind: 'list' },
  { column: 'lgbtq_affirming', field: 'lgbtqAffirming', kind: 'bool' },
  { column: 'serves_parenting_youth', field: 'servesParentingYouth', kind: 'bool' },
  { column: 'serves_boys', field: 'servesBoys', kind: 'bool' },
  { column: 'languages', field: 'languages', kind: 'list' },
  { column: 'spas', field: 'spas', kind: 'ints' },
  { column: 'counties_served', field: 'countiesServed', kind: 'list' },
  { column: 'phone', field: 'phone', kind: 'text' },
  { column: 'email', field: 'email', kind: 'text' },
  { column: 'website', field: 'website', kind: 'text' },
  { column: 'address', field: 'address', kind: 'text' },
  { column: 'hours', field: 'hours', kind: 'text' },
  { column: 'crisis_24_7', field: 'crisis247', kind: 'bool' },
  { column: 'active', field: 'active', kind: 'bool' },
];
const COLUMN_OF = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.field, c.column]));
const BY_COLUMN = new Map(IMPORT_COLUMNS.map((c) => [c.column, c]));

export interface RejectedRow {
  line: number;
  problems: string[];
}

export class ProviderImportError extends Error {
  constructor(
    message: string,
    readonly rejected: RejectedRow[] = [],
  ) {
    super(
      rejected.length
        ? `${message}\n  ${rejected.map((r) => `line ${r.line}: ${r.problems.join('; ')}`).join('\n  ')}`
        : message,
    );
  }
}

export interface ImportedRow {
  line: number;
  externalRef: string;
  name: string;
  action: 'created' | 'updated' | 'unchanged';
  /** For an update, the fields that changed. */
  fields: string[];
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  rows: ImportedRow[];
}

const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0', '']);
const splitList = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** One CSV cell as the field's value, or a problem saying what the cell should look like. */
function cellValue(
  kind: Kind,
  cell: string,
  organizations: Map<string, string>,
  organizationIds: ReadonlySet<string>,
): { value: unknown } | { problem: string } {
  switch (kind) {
    case 'text':
      return { value: cell === '' ? null : cell };
    case 'list':
      return { value: splitList(cell) };
    case 'int':
      if (cell === '') return { value: null };
      return /^\d+$/.test(cell) ? { value: Number(cell) } : { problem: `"${cell}" is not a whole number` };
    case 'ints': {
      const items = splitList(cell);
      const bad = items.filter((i) => !/^\d+$/.test(i));
      return bad.length
        ? { problem: `${bad.map((b) => `"${b}"`).join(', ')} is not a number; separate numbers with ;` }
        : { value: items.map(Number) };
    }
    case 'bool': {
      const v = cell.toLowerCase();
      if (TRUE.has(v)) return { value: true };
      if (FALSE.has(v)) return { value: false };
      return { problem: `"${cell}" is not yes or no` };
    }
    case 'trainings': {
      const out: { training: string; completedOn: string }[] = [];
      for (const item of splitList(cell)) {
        const m = /^([^:]+):\s*(.+)$/.exec(item);
        if (!m) return { problem: `"${item}" should be training:YYYY-MM-DD, for example csec_101:2025-03-01` };
        out.push({ training: m[1]!.trim(), completedOn: m[2]!.trim() });
      }
      return { value: out };
    }
    case 'organization': {
      if (cell === '') return { value: null };
      if (organizationIds.has(cell)) return { value: cell };
      const id = organizations.get(cell.toLowerCase());
      return id ? { value: id } : { problem: `no organization named "${cell}" in this county` };
    }
  }
}

const describeIssue = (i: z.core.$ZodIssue) => {
  const [field] = i.path;
  return `${COLUMN_OF.get(String(field)) ?? String(field ?? 'row')}: ${i.message}`;
};

function parseCsv(text: string): { header: string[]; records: { line: number; cells: string[] }[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as never;
  } catch (err) {
    if (err instanceof CsvError) {
      throw new ProviderImportError('The file is not valid CSV; nothing was written.', [
        { line: (err as CsvError & { lines?: number }).lines ?? 0, problems: [err.message] },
      ]);
    }
    throw err;
  }
  const [first, ...rest] = parsed;
  if (!first) throw new ProviderImportError('The file is empty; nothing was written.');
  return {
    header: first.record.map((h) => h.trim().toLowerCase()),
    records: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/**
 * Validates the whole file and, when every row passes (and it is not a dry run), writes it in
 * one transaction. Throws ProviderImportError listing every rejected row otherwise.
 */
export async function importProviders(
  database: Database,
  countyCode: string,
  csvText: string,
  opts: { dryRun?: boolean; fileName?: string } = {},
): Promise<ImportSummary> {
  const [county] = await database.query<{ id: string }>('SELECT id FROM counties WHERE code = $1', [countyCode]);
  if (!county) throw new ProviderImportError(`There is no county with code "${countyCode}".`);
  const { header, records } = parseCsv(csvText);

  const headerProblems: string[] = [];
  const unknown = header.filter((h) => !BY_COLUMN.has(h));
  if (unknown.length)
    headerProblems.push(
      `unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are ${IMPORT_COLUMNS.map((c) => c.column).join(', ')}`,
    );
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length) headerProblems.push(`column(s) ${[...new Set(repeated)].join(', ')} appear more than once`);
  if (!header.includes('external_ref'))
    headerProblems.push('the external_ref column is required: it is how a row finds its provider again');
  if (headerProblems.length)
    throw new ProviderImportError('The header row is not right; nothing was written.', [
      { line: 1, problems: headerProblems },
    ]);
  if (records.length === 0)
    throw new ProviderImportError('The file has a header but no provider rows; nothing was written.');

  return database.transactionWith(
    { role: 'harbor_app', 'harbor.county_id': county.id, 'harbor.all_counties': 'off' },
    async (tx) => {
      const exec = execIn(tx);
      const ctx = await loadDirectoryContext(exec, county.id);
      const existing = new Map(
        (
          await exec<ProviderRow>(
            sql`SELECT ${PROVIDER_COLUMNS} FROM providers p LEFT JOIN organizations o ON o.id = p.organization_id
               WHERE p.county_id = ${county.id}::uuid AND p.external_ref IS NOT NULL FOR UPDATE OF p`,
          )
        ).map((r) => [r.external_ref!, r]),
      );

      const rejected: RejectedRow[] = [];
      const planned: { line: number; ref: string; current: ProviderRow | null; next: ProviderData }[] = [];
      const seen = new Map<string, number>();
      for (const { line, cells } of records) {
        const problems: string[] = [];
        if (cells.length !== header.length)
          problems.push(
            `has ${cells.length} fields but the header has ${header.length} (check for a stray comma or quote)`,
          );
        const input: Record<string, unknown> = {};
        header.forEach((column, i) => {
          const spec = BY_COLUMN.get(column)!;
          const result = cellValue(spec.kind, cells[i] ?? '', ctx.organizationsByName, ctx.organizationIds);
          if ('problem' in result) problems.push(`${column}: ${result.problem}`);
          else input[spec.field] = result.value;
        });
        const ref = typeof input.externalRef === 'string' ? input.externalRef : null;
        if (!ref) problems.push('external_ref: is required on every row');
        else if (seen.has(ref))
          problems.push(`external_ref: "${ref}" is also on line ${seen.get(ref)}; each provider appears once`);
        else seen.set(ref, line);
        const current = ref ? (existing.get(ref) ?? null) : null;
        if (!current) {
          if (input.name === undefined || input.name === null) problems.push('name: is required for a new provider');
          if (input.kind === undefined || input.kind === null)
            problems.push('kind: is required for a new provider (organization, resource_family or independent)');
        }
        for (const field of ['name', 'kind'] as const) {
          if (input[field] === null) {
            if (current) problems.push(`${field}: cannot be empty`);
            delete input[field];
          }
        }
        // The API's own field rules (an empty cell is null: the field is cleared). A cell that fails
        // them is set aside so the row's other rules can still be checked and reported together.
        let shape = ProviderFields.partial().safeParse(input);
        if (!shape.success) {
          problems.push(...shape.error.issues.map(describeIssue));
          for (const issue of shape.error.issues) delete input[String(issue.path[0])];
          shape = ProviderFields.partial().safeParse(input);
        }
        const parsed = (shape.success ? shape.data : {}) as ProviderInput;
        const base: ProviderData = current
          ? rowToData(current)
          : { ...EMPTY_PROVIDER, kind: parsed.kind ?? 'organization', name: parsed.name ?? '' };
        const next = applyInput(base, parsed);
        // As in the API, services are checked only when the file gives them (a retired one must not block).
        const rules = validateProvider(normalizeProvider(next), ctx).filter(
          (p) => p.field !== 'services' || parsed.services !== undefined,
        );
        problems.push(...rules.map((p) => `${COLUMN_OF.get(p.field) ?? p.field}: ${p.message}`));
        if (problems.length) {
          rejected.push({ line, problems: [...new Set(problems)] });
          continue;
        }
        planned.push({ line, ref: ref!, current, next });
      }
      if (rejected.length) {
        throw new ProviderImportError(
          `The file was not imported: ${rejected.length} of ${records.length} row(s) rejected, so nothing was written. Fix these rows and import the whole file again:`,
          rejected,
        );
      }

      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, dryRun: opts.dryRun === true, rows: [] };
      for (const p of planned) {
        if (p.current && sameProvider(rowToData(p.current), p.next)) {
          summary.unchanged++;
          summary.rows.push({
            line: p.line,
            externalRef: p.ref,
            name: p.current.name,
            action: 'unchanged',
            fields: [],
          });
          continue;
        }
        const before = p.current ? normalizeProvider(rowToData(p.current)) : null;
        const after = normalizeProvider(p.next);
        const fields = before
          ? changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>)
          : [];
        const confirmVacancies = p.current ? fields.includes('vacancies') : after.vacancies !== null;
        if (!opts.dryRun) {
          const write = { userId: null, source: 'import' as const, confirmVacancies };
          if (p.current) await replaceProvider(exec, p.current, p.next, write);
          else await insertProvider(exec, county.id, p.next, write);
        }
        summary[p.current ? 'updated' : 'created']++;
        summary.rows.push({
          line: p.line,
          externalRef: p.ref,
          name: after.name,
          action: p.current ? 'updated' : 'created',
          fields,
        });
      }
      if (!opts.dryRun) {
        await appendAudit(tx, null, null, {
          countyId: county.id,
          action: 'directory.providers.import',
          details: {
            file: opts.fileName ?? null,
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
          },
        });
      }
      return summary;
    },
  );
}
