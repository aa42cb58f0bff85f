// The state report as titled tables: the one layout the CSV, the workbook and the PDF print, so
// the three show the same figures as the page (GET /api/reports/state). The counting rule heads
// every one of them.
import { formatCountyTime } from '../../domain/deadlines.js';
import { CSEC_TYPES } from '../../domain/csec-type.js';
import type { CountT, StateReportT } from '../../contract/state-report.js';

export type Cell = string | number | null;
export interface Section {
  name: string;
  header: string[];
  rows: Cell[][];
}

const LABEL = new Map(CSEC_TYPES.map((t) => [t.code, t.stateLabel]));
export const typeLabel = (code: string) => LABEL.get(code as never) ?? code;

/** County Plans minus Harbor, when both are shown numbers. */
export const difference = (plans: CountT | null, harbor: CountT): number | null =>
  typeof plans === 'number' && typeof harbor === 'number' ? plans - harbor : null;

export function reportTitle(r: StateReportT): string {
  return `State CSEC Program: youth by CSEC Type${r.version === 'public' ? ' (public version)' : ''}`;
}

export function scopeLine(r: StateReportT): string {
  const names = r.counties.map((c) => c.name);
  const which =
    r.scope.kind === 'county'
      ? (names[0] ?? 'No county')
      : `${r.scope.counties} ${r.scope.counties === 1 ? 'county' : 'counties'} with data`;
  return `Scope: ${which}${r.scope.optedInOnly ? `, opted in to the CSEC Program for ${r.planYear}` : ''}`;
}

export function reportHeading(r: StateReportT): string[] {
  return [
    reportTitle(r),
    `Period: ${r.period.from} to ${r.period.to}, both included`,
    `County Plans, population and participation: fiscal year ${r.planYear}`,
    scopeLine(r),
    `Generated ${formatCountyTime(new Date(r.generatedAt), 'en')} by Harbor`,
  ];
}

/** The rule, English then Spanish, and in the public version the suppression note. */
export function ruleLines(r: StateReportT): string[] {
  return [r.rule.en, r.rule.es, ...(r.suppression ? [r.suppression.note, r.suppression.noteEs] : [])];
}

export const TYPE_HEADER = [
  'CSEC Type',
  'Harbor (state system rule)',
  'County Plans',
  'Difference (County Plans − Harbor)',
];

/** The Type table laid out as the state's Table 1: victim Types, total victims, At Risk, all youth. */
export function typeRows(r: StateReportT): Cell[][] {
  const t = r.typeTable;
  const line = (label: string, harbor: CountT, plans: CountT | null): Cell[] => [
    label,
    harbor,
    plans,
    difference(plans, harbor),
  ];
  const victims = t.rows.filter((row) => row.type !== 'at_risk');
  const atRisk = t.rows.find((row) => row.type === 'at_risk');
  return [
    ...victims.map((row) => line(typeLabel(row.type), row.youth, row.plans)),
    line('Total CSEC victims', t.victims, t.plansVictims),
    line(typeLabel('at_risk'), atRisk?.youth ?? t.atRisk, t.plansAtRisk),
    line(
      'Total youth (victims and at risk)',
      t.total,
      typeof t.plansVictims === 'number' && typeof t.plansAtRisk === 'number' ? t.plansVictims + t.plansAtRisk : null,
    ),
  ];
}

export const COUNTY_HEADER = [
  'County',
  'FIPS',
  'Opted in',
  'Tier',
  'Allocation (dollars)',
  'Victims (Harbor)',
  'At risk (Harbor)',
  'Youth 10-20 receiving child-welfare services',
  'Victims per youth 10-20 in child welfare',
  'Victims served (County Plan)',
  'At risk identified (County Plan)',
  'Victims difference (County Plan − Harbor)',
  'At-risk difference (County Plan − Harbor)',
  'Types without subcategory',
  'Referral-only youth',
  'Types started before the period',
  'Types without referral or case',
  'Likely duplicate pairs',
  'Youth without date of birth',
  'Open data-quality issues',
];

export function sections(r: StateReportT): Section[] {
  return [
    { name: 'Type table', header: TYPE_HEADER, rows: typeRows(r) },
    {
      name: 'Referral-only youth',
      header: ['CSEC Type', 'Youth with referral-associated Types only'],
      rows: [
        ...r.referralOnly.rows.filter((row) => row.type !== 'at_risk').map((row) => [typeLabel(row.type), row.youth]),
        ['Total CSEC victims', r.referralOnly.victims],
        [typeLabel('at_risk'), r.referralOnly.atRisk],
      ],
    },
    {
      name: 'Counties',
      header: COUNTY_HEADER,
      rows: r.counties.map((c) => [
        c.name,
        c.fips,
        c.optedIn ? 'yes' : 'no',
        c.tier,
        c.allocationDollars,
        c.victims,
        c.atRisk,
        c.population,
        c.victimRatio,
        c.plans?.victimsServed ?? null,
        c.plans?.atRiskIdentified ?? null,
        c.victimsDifference,
        c.atRiskDifference,
        c.dataQuality.typesWithoutSubcategory,
        c.dataQuality.referralOnlyYouth,
        c.dataQuality.typesOutsidePeriod,
        c.dataQuality.typesWithoutCase,
        c.dataQuality.likelyDuplicates,
        c.dataQuality.youthWithoutDateOfBirth,
        c.dataQuality.openDataQualityIssues,
      ]),
    },
    {
      name: 'Data limitations',
      header: ['Limitation', 'Count', 'English', 'Español'],
      rows: r.limitations.map((l) => [l.code, l.count, l.en, l.es]),
    },
  ];
}
