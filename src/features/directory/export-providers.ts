// The directory as a spreadsheet: the same filters as the search, the same columns in CSV and
// XLSX, human-readable headers. Rows go through toView, so a resource family's address is never
// written (the column is for organizations' offices).
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ReferenceContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { PLACEMENT_TYPE_NAMES_EN } from '../../domain/placements.js';
import { badRequest } from '../../errors.js';
import type { Filters } from '../../contract/directory.js';
import { findProviders } from './search-providers.js';
import { execIn } from './store.js';
import { toView, type ProviderViewT } from './view.js';

export const EXPORT_LIMIT = 10_000;

type Cell = string | number;
interface Column {
  header: string;
  width: number;
  value: (p: ProviderViewT, services: Map<string, string>) => Cell;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const list = (values: readonly (string | number)[]) => values.join('; ');
const num = (n: number | null): Cell => (n === null ? '' : n);
const PLACEMENT_NAME = new Map<string, string>(Object.entries(PLACEMENT_TYPE_NAMES_EN));
const KIND_NAME: Record<ProviderViewT['kind'], string> = {
  organization: 'Organization',
  resource_family: 'Resource family',
  independent: 'Independent',
};

export const EXPORT_COLUMNS: Column[] = [
  { header: 'Name', width: 40, value: (p) => p.name },
  { header: 'Kind', width: 16, value: (p) => KIND_NAME[p.kind] },
  { header: 'Organization', width: 30, value: (p) => p.organizationName ?? '' },
  { header: 'Description', width: 50, value: (p) => p.description ?? '' },
  { header: 'Services', width: 50, value: (p, s) => list(p.services.map((k) => s.get(k) ?? k)) },
  { header: 'Placement types', width: 30, value: (p) => list(p.placementTypes.map((k) => PLACEMENT_NAME.get(k) ?? k)) },
  { header: 'Beds', width: 8, value: (p) => num(p.beds) },
  { header: 'Vacancies', width: 10, value: (p) => num(p.vacancies) },
  { header: 'Vacancies confirmed', width: 22, value: (p) => p.vacanciesConfirmedAt ?? '' },
  {
    header: 'CSEC trainings',
    width: 36,
    value: (p) => list(p.csecTrainings.map((t) => `${t.training} (${t.completedOn})`)),
  },
  {
    header: 'Ages',
    width: 8,
    value: (p) => (p.ageMin === null && p.ageMax === null ? '' : `${p.ageMin ?? 0}-${p.ageMax ?? ''}`),
  },
  { header: 'Genders', width: 20, value: (p) => list(p.genders) },
  { header: 'LGBTQ+ affirming', width: 10, value: (p) => yesNo(p.lgbtqAffirming) },
  { header: 'Serves parenting youth', width: 10, value: (p) => yesNo(p.servesParentingYouth) },
  { header: 'Serves boys', width: 10, value: (p) => yesNo(p.servesBoys) },
  { header: 'Languages', width: 24, value: (p) => list(p.languages) },
  { header: 'Service planning areas', width: 12, value: (p) => list(p.spas) },
  { header: 'Counties served', width: 20, value: (p) => list(p.countiesServed) },
  { header: 'Phone', width: 18, value: (p) => p.phone ?? '' },
  { header: 'Email', width: 30, value: (p) => p.email ?? '' },
  { header: 'Website', width: 30, value: (p) => p.website ?? '' },
  {
    header: 'Office address (organizations only)',
    width: 40,
    value: (p) => (p.addressWithheld ? '' : (p.address ?? '')),
  },
  { header: 'Hours', width: 24, value: (p) => p.hours ?? '' },
  { header: '24/7 crisis line', width: 10, value: (p) => yesNo(p.crisis247) },
  { header: 'Active', width: 8, value: (p) => yesNo(p.active) },
  { header: 'External id', width: 16, value: (p) => p.externalRef ?? '' },
  { header: 'Last updated', width: 22, value: (p) => p.updatedAt },
];

/** A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with '; phone numbers stay as they are. */
export function neutralizeFormula(v: Cell): Cell {
  if (typeof v !== 'string' || !/^[=+\-@\t\r]/.test(v)) return v;
  return /^[+-]?[\d(][\d\s().-]*$/.test(v) ? v : `'${v}`;
}

interface Table {
  countyCode: string;
  rows: Cell[][];
}

async function table(repo: ReferenceContext, filters: Filters, format: 'csv' | 'xlsx'): Promise<Table> {
  return repo.forCounty(
    'directory.providers.export',
    async ({ tx, actor, note }) => {
      const { rows, total } = await findProviders(execIn(tx), actor.countyId, filters, {
        limit: EXPORT_LIMIT,
        offset: 0,
      });
      if (total > EXPORT_LIMIT)
        throw badRequest(
          `The export is limited to ${EXPORT_LIMIT} providers and ${total} match; narrow the filters.`,
          { limit: EXPORT_LIMIT, total },
          'export_too_large',
        );
      const services = await selectRows<{ key: string; name: { en: string } }>(
        tx,
        sql`SELECT key, name FROM service_catalog`,
      );
      const names = new Map(services.map((s) => [s.key, s.name.en]));
      const [county] = await selectRows<{ code: string }>(
        tx,
        sql`SELECT code FROM counties WHERE id = ${actor.countyId}`,
      );
      note({ format, filters, rows: rows.length });
      return {
        countyCode: county?.code ?? 'county',
        rows: rows.map((r) => EXPORT_COLUMNS.map((c) => c.value(toView(r), names))),
      };
    },
    // A whole-directory download is worth a line in the audit log, even though it is reference data.
    { audit: true },
  );
}

const fileName = (countyCode: string, ext: string) =>
  `harbor-directory-${countyCode}-${new Date().toISOString().slice(0, 10)}.${ext}`;

export async function exportCsv(repo: ReferenceContext, filters: Filters): Promise<{ fileName: string; body: string }> {
  const t = await table(repo, filters, 'csv');
  const body = stringify([EXPORT_COLUMNS.map((c) => c.header), ...t.rows.map((r) => r.map(neutralizeFormula))], {
    bom: true,
    record_delimiter: 'windows',
  });
  return { fileName: fileName(t.countyCode, 'csv'), body };
}

export async function exportXlsx(
  repo: ReferenceContext,
  filters: Filters,
): Promise<{ fileName: string; body: Buffer }> {
  const t = await table(repo, filters, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Harbor';
  const sheet = workbook.addWorksheet('Directory', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: fileName(t.countyCode, 'xlsx'), body };
}
