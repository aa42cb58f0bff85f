// The compliance report as CSV (one table of sections) and XLSX (one sheet per section), the
// same figures as the page.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ComplianceReportT } from '../../contract/compliance.js';

type Row = (string | number | null)[];

function sections(r: ComplianceReportT): { name: string; header: string[]; rows: Row[] }[] {
  return [
    {
      name: 'MDTs on time',
      header: ['Tier', 'Due in range', 'Held on time', 'Share on time'],
      rows: r.mdtOnTime.map((m) => [m.tier, m.due, m.heldOnTime, m.share]),
    },
    {
      name: `Arrivals (target ${r.targetMinutes} min)`,
      header: ['Agency', 'Notified', 'Arrived', 'Within target', 'Share within target', 'Median minutes from call'],
      rows: r.arrivals.map((a) => [a.organization, a.notified, a.arrived, a.withinTarget, a.share, a.medianMinutes]),
    },
    {
      name: 'Obligations',
      header: ['Obligation', 'Organization', 'Met on time', 'Met late', 'Missed', 'Waived', 'Open'],
      rows: r.obligations.map((o) => [o.label, o.organization, o.metOnTime, o.metLate, o.missed, o.waived, o.open]),
    },
  ];
}

export function complianceCsv(r: ComplianceReportT): string {
  const out: Row[] = [[`Harbor compliance report ${r.from} to ${r.to}`]];
  for (const s of sections(r)) out.push([], [s.name], s.header, ...s.rows);
  return stringify(out);
}

export async function complianceXlsx(r: ComplianceReportT): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Harbor';
  for (const s of sections(r)) {
    const sheet = wb.addWorksheet(s.name.slice(0, 31));
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 22));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
