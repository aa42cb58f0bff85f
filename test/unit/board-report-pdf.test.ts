// Issue 14, finding 10: the Board report PDF keeps each table's header on every page it runs
// onto, leaves no row orphaned on a page of its own, and says when it was generated in county
// time with the zone's name. Read back by page: pdfkit writes one content stream per page.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BoardReportT, CountySummaryT } from '../../src/contract/board-report.js';
import { definitions } from '../../src/features/board-report/board-report.js';
import { boardReportPdf } from '../../src/features/board-report/pdf-board-report.js';

/** The text of each page, in order. */
function pagesText(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: Buffer;
    try {
      body = inflateSync(pdf.subarray(start, end));
    } catch {
      continue;
    }
    const text = [...body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
      .map((tj) =>
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''),
      )
      .join(' ');
    out.push(text.replace(/\s+/g, ' '));
  }
  return out;
}

const issueCounts = { open: 1, resolved: 0, byCategory: [] };
const summary = (n: number): CountySummaryT => ({
  referrals: n,
  declined: 1,
  notDeclined: n - 1,
  reachedOnTime: n - 2,
  reachedOnTimeShare: 0.5,
  recoveredYouth: 3,
  recoveredYouthDistinct: 3,
  medianDaysToFirstContact: 1.5,
  medianDaysToFirstService: 12,
  issueCounts,
});

function report(cbos: number, issuesEach: number): BoardReportT {
  const months = ['2025-07', '2025-09', '2025-11', '2026-01', '2026-03', '2026-05'];
  return {
    version: 'internal',
    county: 'Test County',
    period: { from: '2026-03-01', to: '2026-06-30', label: 'Mar 2026 – Jun 2026' },
    // 18:05 UTC on 3 December 2026 is 10:05 in the morning in Los Angeles (PST).
    generatedAt: '2026-12-03T18:05:00.000Z',
    definitions: definitions(60),
    suppression: null,
    cbos: Array.from({ length: cbos }, (_, i) => ({
      organizationId: `org-${i}`,
      name: `Organization ${String(i + 1).padStart(2, '0')}`,
      contracts: [],
      ...summary(10 + i),
      declineReasons: [{ reason: 'at_capacity', count: 1 }],
      issueCounts,
      issues: Array.from({ length: issuesEach }, (_, j) => ({
        id: `i-${i}-${j}`,
        raisedOn: '2026-03-10',
        category: 'timeliness' as BoardReportT['cbos'][number]['issues'][number]['category'],
        severity: 'moderate' as BoardReportT['cbos'][number]['issues'][number]['severity'],
        description: 'First contacts came late for several referrals this period.',
        recommendation: 'Add an on-call advocate for weekend referrals.',
        owner: 'Program manager',
        status: 'open' as BoardReportT['cbos'][number]['issues'][number]['status'],
        atPeriodEnd: 'open' as const,
        resolvedOn: null,
        resolution: null,
      })),
    })),
    summary: summary(40),
    series: months.map((m, i) => ({
      period: { from: `${m}-01`, to: `${m}-28`, label: `Period ${i + 1}` },
      summary: summary(20 + i),
    })),
  };
}

/** Each table's heading and the last words of its header row (printed after the heading). */
const TABLES: Record<string, string> = {
  'County summary': 'County',
  'By organization': 'Resolved performance issues',
  'Declined referrals by reason': 'Referrals',
  'Performance issues': 'Resolution',
  'Last six periods': 'Median days to first service',
};
const HEADINGS = [...Object.keys(TABLES), 'Definitions', 'County figures over the last six periods'];
const DATA_ROW = /Organization \d\d|Period \d/g;

describe('Board report PDF', () => {
  for (const [name, cbos, issuesEach] of [
    ['a small county', 2, 1],
    ['a county with many organizations', 24, 2],
    ['a county with a few', 6, 3],
  ] as const) {
    it(`${name}: every page starts with a heading and the table's header, no row is orphaned`, async () => {
      const pages = pagesText(await boardReportPdf(report(cbos, issuesEach)));
      expect(pages.length).toBeGreaterThan(1);
      pages.slice(1).forEach((text, i) => {
        const page = `page ${i + 2}`;
        const heading = HEADINGS.find((h) => text.startsWith(h));
        expect(heading, `${page} starts with a table row, not a heading: ${text.slice(0, 60)}`).toBeTruthy();
        if (text.startsWith(`${heading} (continued)`)) {
          const afterHeading = text.slice(`${heading} (continued)`.length);
          expect(afterHeading.slice(0, 300), `${page} repeats the header of ${heading}`).toContain(TABLES[heading!]!);
          const firstSection = afterHeading.split(new RegExp(HEADINGS.map((h) => `${h} `).join('|')))[0]!;
          const rows = (firstSection.match(DATA_ROW) ?? []).length;
          expect(rows, `${page} continues ${heading} with an orphaned row or two`).toBeGreaterThan(2);
        }
      });
      // Page 1 carries the summary and starts the organizations, not half a page of white.
      expect(pages[0]).toContain('County summary');
      expect(pages[0]).toContain('By organization Organization');
    });
  }

  it('says when it was generated in county time with the zone, not UTC', async () => {
    const [first] = pagesText(await boardReportPdf(report(2, 1)));
    expect(first).toContain('Generated Dec 3, 2026, 10:05 AM PST by Harbor');
    expect(first).not.toContain('UTC');
  });
});
