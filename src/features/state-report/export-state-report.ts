// The state report as CSV (the rule and the heading in the first rows, then titled sections) and
// XLSX (a sheet per table, the rule at the top of each, and a sheet with the rule and the
// limitations): the same figures as the page, from tables.ts.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { StateReportT } from '../../contract/state-report.js';
import { neutralizeFormula } from '../directory/export-providers.js';
import { reportHeading, ruleLines, sections, type Cell } from './tables.js';

export function stateReportCsv(r: StateReportT): string {
  const out: Cell[][] = [...ruleLines(r).map((line) => [line]), [], ...reportHeading(r).map((line) => [line])];
  for (const s of sections(r)) out.push([], [s.name], s.header, ...s.rows);
  // No cell may start like a formula when a spreadsheet opens the file (county names and notes
  // come from data entry).
  return stringify(out.map((row) => row.map((v) => (v === null ? null : neutralizeFormula(v)))));
}

const RATIO_COLUMN = /^Victims per /;

export async function stateReportXlsx(r: StateReportT): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Harbor';
  const wrap = { wrapText: true, vertical: 'top' } as const;
  const all = sections(r);
  const limits = all.find((s) => s.name === 'Data limitations')!;
  const tables = all.filter((s) => s !== limits);
  for (const s of tables) {
    const sheet = wb.addWorksheet(s.name.slice(0, 31));
    // The rule heads every sheet, so a sheet copied out of the workbook still carries it.
    reportHeading(r).forEach((line, i) => {
      const row = sheet.addRow([line]);
      if (i === 0) row.font = { bold: true, size: 13 };
    });
    const across = Math.max(s.header.length, 4);
    const widths = Array.from({ length: across }, (_, i) => (i === 0 ? 44 : 18));
    const chars = widths.reduce((a, b) => a + b, 0);
    for (const line of ruleLines(r)) {
      const row = sheet.addRow([line]);
      row.alignment = wrap;
      sheet.mergeCells(row.number, 1, row.number, across);
      // Merged cells do not grow with their text: give the row the lines the text needs.
      row.height = Math.ceil((line.length * 1.1) / chars) * 13 + 4;
    }
    sheet.addRow([]);
    const headerRow = sheet.addRow(s.header);
    headerRow.font = { bold: true };
    headerRow.alignment = wrap;
    for (const row of s.rows) sheet.addRow(row);
    widths.forEach((w, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = w;
      if (RATIO_COLUMN.test(s.header[i] ?? '')) column.numFmt = '0.0000';
    });
  }
  const sheet = wb.addWorksheet('Rule and limitations');
  sheet.addRow([reportHeading(r)[0]]).font = { bold: true, size: 13 };
  sheet.addRow(['Counting rule']).font = { bold: true };
  sheet.addRow([r.rule.en]).alignment = wrap;
  sheet.addRow([r.rule.es]).alignment = wrap;
  if (r.suppression) {
    sheet.addRow([]);
    sheet.addRow(['Public version']).font = { bold: true };
    sheet.addRow([r.suppression.note]).alignment = wrap;
    sheet.addRow([r.suppression.noteEs]).alignment = wrap;
  }
  sheet.addRow([]);
  sheet.addRow(['Data limitations']).font = { bold: true };
  if (limits.rows.length === 0) sheet.addRow(['None found in the data for this period.']);
  for (const [, , en, es] of limits.rows) {
    sheet.addRow([en]).alignment = wrap;
    sheet.addRow([es]).alignment = wrap;
  }
  sheet.getColumn(1).width = 140;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
