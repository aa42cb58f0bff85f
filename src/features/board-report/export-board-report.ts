// The Board report as CSV (one file of titled sections) and XLSX (a cover sheet with the
// definitions, then one sheet per section): the same figures as the page, from tables.ts.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { BoardReportT } from '../../contract/board-report.js';
import { definitionLines, reportHeading, sections, type Cell } from './tables.js';

export function boardReportCsv(r: BoardReportT): string {
  const out: Cell[][] = reportHeading(r).map((line) => [line]);
  out.push([], ['Definitions'], ...definitionLines(r).map((line) => [line]));
  for (const s of sections(r)) out.push([], [s.name], s.header, ...s.rows);
  return stringify(out);
}

/** Shares as percentages in the workbook; the cell value stays the fraction the API gives. */
const SHARE_COLUMN = /^Share /;

export async function boardReportXlsx(r: BoardReportT): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Harbor';
  const cover = wb.addWorksheet('Report');
  reportHeading(r).forEach((line, i) => {
    const row = cover.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  cover.addRow([]);
  cover.addRow(['Definitions']).font = { bold: true };
  for (const line of definitionLines(r)) cover.addRow([line]).alignment = { wrapText: true, vertical: 'top' };
  cover.getColumn(1).width = 120;
  for (const s of sections(r)) {
    const sheet = wb.addWorksheet(s.name.slice(0, 31));
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 34 : 22;
      if (SHARE_COLUMN.test(s.header[i] ?? '')) c.numFmt = '0.0%';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
