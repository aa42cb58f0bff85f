// The Board report as titled tables: the one layout the CSV, the workbook and the PDF print, so
// the three show the same figures as the page (GET /api/reports/advocacy).
import type { BoardReportT, CountySummaryT } from '../../contract/board-report.js';
import { formatCountyTime } from '../../domain/deadlines.js';

export type Cell = string | number | null;
export interface Section {
  name: string;
  header: string[];
  rows: Cell[][];
}

const label = (s: string) => s.replaceAll('_', ' ');

export function reportTitle(r: BoardReportT): string {
  return `Advocacy organizations: report to the Board of Supervisors${r.version === 'public' ? ' (public version)' : ''}`;
}

export function reportHeading(r: BoardReportT): string[] {
  return [
    reportTitle(r),
    `${r.county}, ${r.period.label} (${r.period.from} to ${r.period.to})`,
    `Generated ${formatCountyTime(new Date(r.generatedAt), 'en')} by Harbor`,
  ];
}

export function definitionLines(r: BoardReportT): string[] {
  const d = r.definitions;
  return [
    `Recovered and connected to services: ${d.recovered}`,
    d.reachedOnTime,
    d.medians,
    d.countyTotals,
    d.issues,
    ...(r.suppression ? [r.suppression] : []),
  ];
}

const SUMMARY_MEASURES: [keyof CountySummaryT, string][] = [
  ['referrals', 'Referrals made'],
  ['declined', 'Referrals declined'],
  ['notDeclined', 'Referrals not declined (denominator of the share reached)'],
  ['reachedOnTime', 'Reached within the first-contact term'],
  ['reachedOnTimeShare', 'Share reached within the first-contact term'],
  ['recoveredYouth', 'Youth recovered and connected (sum of organizations)'],
  ['recoveredYouthDistinct', 'Youth recovered and connected (distinct youth county-wide)'],
  ['medianDaysToFirstContact', 'Median days from referral to first contact'],
  ['medianDaysToFirstService', 'Median days from referral to first service'],
];

export const CBO_HEADER = [
  'Organization',
  'Referrals made',
  'Declined',
  'Not declined',
  'Reached within term',
  'Share reached within term',
  'Youth recovered and connected',
  'Median days to first contact',
  'Median days to first service',
  'Open performance issues',
  'Resolved performance issues',
];

export function sections(r: BoardReportT): Section[] {
  const s = r.summary;
  const out: Section[] = [
    {
      name: 'County summary',
      header: ['Measure', 'County'],
      rows: SUMMARY_MEASURES.filter(([k]) => !(k === 'recoveredYouthDistinct' && s.recoveredYouthDistinct === null))
        .map(([k, name]) => [name, s[k] as Cell])
        .concat([
          ['Open performance issues', s.issueCounts.open],
          ['Resolved performance issues', s.issueCounts.resolved],
        ]),
    },
    {
      name: 'By organization',
      header: CBO_HEADER,
      rows: r.cbos.map((c) => [
        c.name,
        c.referrals,
        c.declined,
        c.notDeclined,
        c.reachedOnTime,
        c.reachedOnTimeShare,
        c.recoveredYouth,
        c.medianDaysToFirstContact,
        c.medianDaysToFirstService,
        c.issueCounts.open,
        c.issueCounts.resolved,
      ]),
    },
  ];
  if (r.version === 'internal') {
    out.push(
      {
        name: 'Declined referrals by reason',
        header: ['Organization', 'Reason', 'Referrals'],
        rows: r.cbos.flatMap((c) => c.declineReasons.map((d) => [c.name, label(d.reason), d.count])),
      },
      {
        name: 'Performance issues',
        header: [
          'Organization',
          'Raised on',
          'Category',
          'Severity',
          'Description',
          'Recommendation',
          'Owner',
          'At period end',
          'Status today',
          'Resolved on',
          'Resolution',
        ],
        rows: r.cbos.flatMap((c) =>
          c.issues.map((i) => [
            c.name,
            i.raisedOn,
            label(i.category),
            i.severity,
            i.description,
            i.recommendation,
            i.owner,
            i.atPeriodEnd,
            label(i.status),
            i.resolvedOn,
            i.resolution,
          ]),
        ),
      },
    );
  } else {
    out.push({
      name: 'Performance issues by category',
      header: ['Organization', 'Category', 'Open', 'Resolved'],
      rows: r.cbos.flatMap((c) => c.issueCounts.byCategory.map((b) => [c.name, label(b.category), b.open, b.resolved])),
    });
  }
  out.push({
    name: 'Last six periods',
    header: [
      'Period',
      'From',
      'To',
      'Referrals made',
      'Share reached within term',
      r.version === 'internal'
        ? 'Youth recovered and connected (distinct)'
        : 'Youth recovered and connected (sum of organizations)',
      'Median days to first contact',
      'Median days to first service',
    ],
    rows: r.series.map((p) => [
      p.period.label,
      p.period.from,
      p.period.to,
      p.summary.referrals,
      p.summary.reachedOnTimeShare,
      seriesRecovered(r, p.summary),
      p.summary.medianDaysToFirstContact,
      p.summary.medianDaysToFirstService,
    ]),
  });
  return out;
}

/** The recovered figure the chart plots: distinct youth internally, the published sum otherwise. */
export function seriesRecovered(r: BoardReportT, s: CountySummaryT): number | '<11' {
  return r.version === 'internal' && s.recoveredYouthDistinct !== null ? s.recoveredYouthDistinct : s.recoveredYouth;
}
