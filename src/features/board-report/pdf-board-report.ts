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

// Tables are laid out here, page by page, rather than left to pdfkit's table (which carries rows
// onto a new page without their header): each page a table runs onto starts with the section's
// heading "(continued)" and the header row; a table starts on a new page unless its heading,
// header and first rows fit; no page gets only one or two rows of a table; a short table (the
// the last six periods, or any table too short to split without orphans) is kept whole.

/** Space a section heading takes (moveDown 0.8, a 12 pt line, moveDown 0.3), with room to spare. */
const HEADING_HEIGHT = 34;
/** The fewest rows of a table a page may hold, at its start or its end. */
const MIN_ROWS = 3;
/** A table this short cannot be split without orphans: it moves whole to the next page instead. */
const KEEP_WHOLE = 2 * MIN_ROWS - 1;
const PADDING = 3;
const FONT_SIZE = 8;
/** Slack for the difference between measured and drawn row heights. */
const SLACK = 12;

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Column widths in points: numbers as given, '*' sharing what is left of the page width. */
function columnWidths(doc: PDFKit.PDFDocument, count: number, widths?: (number | string)[]): number[] {
  const spec = widths ?? Array.from({ length: count }, (_, i) => (i === 0 ? 150 : '*'));
  const fixed = spec.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const stars = spec.filter((w) => typeof w !== 'number').length;
  const star = stars ? Math.max(20, (doc.page.width - 2 * MARGIN - fixed) / stars) : 0;
  return spec.map((w) => (typeof w === 'number' ? w : star));
}

/** The height a row of cells takes at the table's font, wrapped to the column widths. */
function rowHeight(doc: PDFKit.PDFDocument, texts: string[], widths: number[], bold = false): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  const tallest = Math.max(
    ...texts.map((text, i) => doc.heightOfString(text || ' ', { width: Math.max(1, widths[i]! - 2 * PADDING) })),
  );
  return tallest + 2 * PADDING + 1;
}

/** One page's part of a table: the header row, then the rows. */
function drawTable(doc: PDFKit.PDFDocument, header: string[], rows: Cell[][], widths: number[]) {
  doc.font('Helvetica').fontSize(FONT_SIZE).fillColor(INK);
  doc.table({
    position: { x: MARGIN },
    columnStyles: widths,
    defaultStyle: { padding: PADDING, border: 0.5, borderColor: '#a9aeb1' },
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
          text: cellText(r, v, header, i),
          align: { x: i === 0 || typeof v === 'string' ? ('left' as const) : ('right' as const) },
        })),
      ),
    ],
  });
  doc.x = MARGIN;
}

const cellText = (r: Cell[], v: Cell, header: string[], i: number) =>
  printed(v, typeof r[0] === 'string' && /^Share /.test(r[0]) ? r[0] : header[i]);

/** A titled table, split across pages with its heading and header on each (see above). */
function section(
  doc: PDFKit.PDFDocument,
  name: string,
  header: string[],
  rows: Cell[][],
  spec?: (number | string)[],
  keepWhole = rows.length <= KEEP_WHOLE,
) {
  const widths = columnWidths(doc, header.length, spec);
  const headerHeight = rowHeight(doc, header, widths, true);
  const heights = rows.map((r) =>
    rowHeight(
      doc,
      r.map((v, i) => cellText(r, v, header, i)),
      widths,
    ),
  );
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  const room = () => bottom(doc) - doc.y - SLACK;
  const fresh = bottom(doc) - doc.page.margins.top - SLACK;
  const whole = HEADING_HEIGHT + headerHeight + sum(0, rows.length);
  const opening = HEADING_HEIGHT + headerHeight + sum(0, Math.min(MIN_ROWS, rows.length));
  // Start on a new page when the start does not fit here, or when a short table would be split.
  if (opening > room() || (keepWhole && whole > room() && whole <= fresh)) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(name, MARGIN).moveDown(0.3);
  if (rows.length === 0) {
    doc.font('Helvetica').fontSize(9).text('None in this period.');
    return;
  }
  let at = 0;
  while (at < rows.length) {
    const space = room() - headerHeight;
    let take = 0;
    while (at + take < rows.length && sum(at, at + take + 1) <= space) take++;
    const left = rows.length - at - take;
    // No one or two rows left over for the next page: carry a few of these with them.
    if (left > 0 && left < MIN_ROWS) take = Math.max(Math.min(take, MIN_ROWS), take - (MIN_ROWS - left));
    take = Math.max(1, take);
    drawTable(doc, header, rows.slice(at, at + take), widths);
    at += take;
    if (at < rows.length) {
      doc.addPage();
      doc
        .moveDown(0.8)
        .font('Helvetica-Bold')
        .fontSize(12)
        .fillColor(INK)
        .text(`${name} (continued)`, MARGIN)
        .moveDown(0.3);
    }
  }
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
    const widths =
      s.name === 'Performance issues'
        ? [80, 50, 60, 42, 110, 120, 52, 40, 40, 50, '*']
        : s.name === 'County summary'
          ? [300, 100]
          : undefined;
    section(doc, s.name, s.header, s.rows, widths);
  }
  charts(doc, r);
  const series = all.find((x) => x.name === 'Last six periods');
  if (series) section(doc, series.name, series.header, series.rows, undefined, true);
  doc.end();
  return done;
}
