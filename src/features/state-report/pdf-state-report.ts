// The state report as a PDF to print and send: title, period, scope, the counting rule, the Type
// table beside the County Plans, a horizontal bar chart of it, the county tables, the data
// limitations and, in the public version, the suppression note. pdfkit with its standard fonts
// (see docs/ARCHITECTURE.md), which print Windows-1252 text only: printable() keeps to it.
import PDFDocument from 'pdfkit';
import type { CountT, StateReportT } from '../../contract/state-report.js';
import { reportHeading, sections, typeLabel, type Cell } from './tables.js';

const MARGIN = 40;
const INK = '#1b1b1b';
const HARBOR = '#005ea2';
const PLANS = '#e5a000';
const MUTED = '#565c65';

/** Text the standard fonts can draw: the minus sign as a hyphen, anything else they lack as "?". */
export const printable = (s: string) =>
  s
    .replace(/\u2212/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\u0020-\u00ff\u2013\u2014\u2022\u2026]/g, '?');

export function printed(v: Cell): string {
  if (v === null) return '–';
  return printable(String(v));
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(printable(text), MARGIN).moveDown(0.3);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, size = 8) {
  doc
    .font('Helvetica')
    .fontSize(size)
    .fillColor(INK)
    .text(printable(text), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN })
    .moveDown(0.3);
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: Cell[][], widths?: (number | string)[]) {
  doc.font('Helvetica').fontSize(7.5).fillColor(INK);
  doc.table({
    position: { x: MARGIN },
    columnStyles: widths ?? header.map((_, i) => (i === 0 ? 150 : '*')),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#a9aeb1' },
    data: [
      header.map((h) => ({
        text: printable(h),
        type: 'TH' as const,
        font: { family: 'Helvetica-Bold' },
        backgroundColor: '#f0f0f0',
      })),
      ...rows.map((r) =>
        r.map((v, i) => ({
          text: printed(v),
          align: { x: i === 0 || (typeof v === 'string' && v !== '<11') ? ('left' as const) : ('right' as const) },
        })),
      ),
    ],
  });
  doc.x = MARGIN;
}

/**
 * Horizontal bars, one group per Type: Harbor's count, and under it the County Plans' figure when
 * the plans give it. A hidden count ("<11") prints as text with no bar.
 */
function barChart(doc: PDFKit.PDFDocument, r: StateReportT) {
  const rows = r.typeTable.rows;
  const withPlans = rows.some((row) => row.plans !== null);
  const value = (v: CountT | null) => (typeof v === 'number' ? v : 0);
  const max = Math.max(1, ...rows.flatMap((row) => [value(row.youth), value(row.plans)]));
  const labelWidth = 210;
  const barHeight = 11;
  const group = withPlans ? 2 * barHeight + 10 : barHeight + 10;
  const height = 30 + rows.length * group + 20;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  heading(doc, withPlans ? 'Youth by CSEC Type: Harbor and the County Plans' : 'Youth by CSEC Type');
  const x0 = MARGIN + labelWidth;
  const plot = doc.page.width - 2 * MARGIN - labelWidth - 60;
  let y = doc.y + 4;
  // The legend.
  doc.rect(x0, y, 10, 8).fill(HARBOR);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(INK)
    .text('Harbor (state system rule)', x0 + 14, y, { lineBreak: false });
  if (withPlans) {
    doc.rect(x0 + 160, y, 10, 8).fill(PLANS);
    doc.fillColor(INK).text(`County Plans ${r.planYear}`, x0 + 174, y, { lineBreak: false });
  }
  y += 20;
  const top = y;
  const bar = (v: CountT | null, color: string, top: number) => {
    const w = typeof v === 'number' ? (v / max) * plot : 0;
    if (w > 0) doc.rect(x0, top, Math.max(w, 1), barHeight).fill(color);
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(INK)
      .text(v === null ? 'not given' : printable(String(v)), x0 + w + 4, top + 2, { lineBreak: false });
  };
  for (const row of rows) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(INK)
      .text(printable(typeLabel(row.type)), MARGIN, y + 1, { width: labelWidth - 8, height: group, ellipsis: true });
    bar(row.youth, HARBOR, y);
    if (withPlans) bar(row.plans, PLANS, y + barHeight + 1);
    y += group;
  }
  doc
    .moveTo(x0, top - 3)
    .lineTo(x0, y - 6)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  doc.x = MARGIN;
  doc.y = y + 4;
}

const FIGURE_COLUMNS = [0, 2, 5, 6, 7, 8, 9, 10, 11, 12];
const QUALITY_COLUMNS = [0, 13, 14, 15, 16, 17, 18, 19];

export function stateReportPdf(r: StateReportT): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: printable(`State CSEC Program report ${r.period.from} to ${r.period.to}`), Author: 'Harbor' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [title, ...sub] = reportHeading(r);
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(printable(title!));
  doc.font('Helvetica').fontSize(10);
  for (const line of sub) doc.text(printable(line));
  heading(doc, 'Counting rule');
  paragraph(doc, r.rule.en);
  paragraph(doc, r.rule.es);
  if (r.suppression) {
    heading(doc, 'Public version');
    paragraph(doc, r.suppression.note);
    paragraph(doc, r.suppression.noteEs);
  }
  const [types, referral, counties, limits] = sections(r) as [
    ReturnType<typeof sections>[number],
    ReturnType<typeof sections>[number],
    ReturnType<typeof sections>[number],
    ReturnType<typeof sections>[number],
  ];
  heading(doc, types.name);
  table(doc, types.header, types.rows, [260, 140, 140, '*']);
  barChart(doc, r);
  heading(doc, referral.name);
  table(doc, referral.header, referral.rows, [260, 200]);
  const pick = (cols: number[]) => ({
    header: cols.map((i) => counties.header[i]!),
    rows: counties.rows.map((row) => cols.map((i) => row[i] ?? null)),
  });
  for (const [name, cols] of [
    ['Counties: victims, at risk, population and County Plans', FIGURE_COLUMNS],
    ['Counties: data-quality counts', QUALITY_COLUMNS],
  ] as const) {
    heading(doc, name);
    if (counties.rows.length === 0) {
      paragraph(doc, 'No county with data in this period.', 9);
      continue;
    }
    const t = pick([...cols]);
    table(doc, t.header, t.rows, [130, ...t.header.slice(1).map(() => '*')]);
  }
  heading(doc, 'Data limitations');
  if (limits.rows.length === 0) paragraph(doc, 'None found in the data for this period.', 9);
  for (const [, , en, es] of limits.rows) {
    paragraph(doc, `• ${String(en)}`);
    paragraph(doc, `  ${String(es)}`);
  }
  doc.end();
  return done;
}
