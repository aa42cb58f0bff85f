// The Board report as a PDF a Board deputy can open and print: title, period, definitions,
// county summary, per-organization table, declined referrals and performance issues with their
// recommendations (internal version), and a bar chart per measure over the last six periods.
// pdfkit (pure JavaScript, standard PDF fonts, no browser): see docs/ARCHITECTURE.md.
import PDFDocument from 'pdfkit';
import type { BoardReportT, CountySummaryT } from '../../contract/board-report.js';
import { definitionLines, reportHeading, sections, seriesRecovered, type Cell } from './tables.js';

const MARGIN = 40;
const INK = '#1b1b1b';
const BAR = '#005ea2';
const MUTED = '#565c65';

/** How a figure reads in print: shares as percentages, missing figures as a dash. */
export function printed(v: Cell | 'suppressed', header = ''): string {
  if (v === null) return '–';
  if (typeof v === 'number' && /^Share /.test(header)) return `${Math.round(v * 1000) / 10}%`;
  return String(v);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(text, MARGIN).moveDown(0.3);
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: Cell[][], widths?: (number | string)[]) {
  doc.font('Helvetica').fontSize(8).fillColor(INK);
  doc.table({
    position: { x: MARGIN },
    columnStyles: widths ?? header.map((_, i) => (i === 0 ? 150 : '*')),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#a9aeb1' },
    data: [
      header.map((h) => ({
        text: h,
        type: 'TH' as const,
        font: { family: 'Helvetica-Bold' },
        backgroundColor: '#f0f0f0',
      })),
      // A share prints as a percentage, whether its column or its row (the summary) says so.
      ...rows.map((r) =>
        r.map((v, i) => ({
          text: printed(v, typeof r[0] === 'string' && /^Share /.test(r[0]) ? r[0] : header[i]),
          align: { x: i === 0 || typeof v === 'string' ? ('left' as const) : ('right' as const) },
        })),
      ),
    ],
  });
  doc.x = MARGIN;
}

type Measure = { name: string; value: (s: CountySummaryT) => number | string | null; share?: boolean };

/** One small bar chart: six periods, the value over each bar; hidden values print as they read. */
function barChart(doc: PDFKit.PDFDocument, r: BoardReportT, m: Measure, x: number, y: number, w: number, h: number) {
  const values = r.series.map((p) => m.value(p.summary));
  const numeric = values.map((v) => (typeof v === 'number' ? v : 0));
  const max = Math.max(...numeric, m.share ? 1 : 1);
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(m.name, x, y, { width: w });
  // Room under the title for the label over the tallest bar, and under the axis for the months.
  const top = y + 28;
  const plot = h - 52;
  const slot = w / Math.max(values.length, 1);
  values.forEach((v, i) => {
    const bx = x + i * slot + slot * 0.15;
    const bw = slot * 0.7;
    const bh = typeof v === 'number' ? (v / max) * plot : 0;
    if (bh > 0) doc.rect(bx, top + plot - bh, bw, bh).fill(BAR);
    const text = typeof v === 'number' && m.share ? `${Math.round(v * 100)}%` : v === null ? '–' : String(v);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(INK)
      .text(text, bx - 4, top + plot - bh - 10, { width: bw + 8, align: 'center', lineBreak: false });
    const period = r.series[i]!.period;
    doc
      .fillColor(MUTED)
      .text(period.from.slice(0, 7), bx - 6, top + plot + 3, { width: bw + 12, align: 'center', lineBreak: false });
  });
  doc
    .moveTo(x, top + plot)
    .lineTo(x + w, top + plot)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
}

function charts(doc: PDFKit.PDFDocument, r: BoardReportT) {
  const measures: Measure[] = [
    { name: 'Referrals made', value: (s) => s.referrals },
    {
      name: r.version === 'internal' ? 'Youth recovered and connected (distinct)' : 'Youth recovered and connected',
      value: (s) => seriesRecovered(r, s),
    },
    { name: 'Share reached within the first-contact term', value: (s) => s.reachedOnTimeShare, share: true },
    { name: 'Median days to first contact', value: (s) => s.medianDaysToFirstContact },
  ];
  doc.addPage();
  heading(doc, 'County figures over the last six periods');
  const top = doc.y;
  const w = (doc.page.width - 2 * MARGIN - 40) / 2;
  const h = 170;
  measures.forEach((m, i) =>
    barChart(doc, r, m, MARGIN + (i % 2) * (w + 40), top + Math.floor(i / 2) * (h + 20), w, h),
  );
  doc.x = MARGIN;
  doc.y = top + 2 * (h + 20);
}

export function boardReportPdf(r: BoardReportT): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: `${r.county} advocacy report ${r.period.from} to ${r.period.to}`, Author: 'Harbor' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [title, ...sub] = reportHeading(r);
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(title!);
  doc.font('Helvetica').fontSize(10);
  for (const line of sub) doc.text(line);
  heading(doc, 'Definitions');
  doc.font('Helvetica').fontSize(8).fillColor(INK);
  for (const line of definitionLines(r)) doc.text(line, { width: doc.page.width - 2 * MARGIN }).moveDown(0.3);
  const all = sections(r);
  for (const s of all.filter((x) => x.name !== 'Last six periods')) {
    heading(doc, s.name);
    if (s.rows.length === 0) {
      doc.font('Helvetica').fontSize(9).text('None in this period.');
      continue;
    }
    const widths =
      s.name === 'Performance issues'
        ? [80, 50, 60, 42, 110, 120, 52, 40, 40, 50, '*']
        : s.name === 'County summary'
          ? [300, 100]
          : undefined;
    table(doc, s.header, s.rows, widths);
  }
  charts(doc, r);
  const series = all.find((x) => x.name === 'Last six periods');
  if (series) {
    heading(doc, series.name);
    table(doc, series.header, series.rows);
  }
  doc.end();
  return done;
}
