// The Board's four-monthly report on each contracted advocacy organization (issue 6; DOMAIN.md
// section 7): per CBO, referrals made, youth recovered and connected to services, the share
// reached within the first-contact term, median days to first contact and to first service,
// declined referrals and performance issues; a county-wide summary; six periods for the charts.
// Counts only, aggregated in the database (figures.ts); no youth identity is read or returned.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { can } from '../../access/abilities.js';
import type { Role } from '../../domain/people.js';
import type { AggregateContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import {
  ISSUE_CATEGORIES,
  lastPeriods,
  periodContaining,
  RECOVERED_DEFINITION,
  type ReportPeriod,
} from '../../domain/advocacy.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';
import { badRequest, forbidden, invalidField } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { loadFigures, type PeriodFigures, type RawIssue, type RawMeasures } from './figures.js';
import { publicVersion } from './public-version.js';
import type { BoardReportQueryT, BoardReportT, CboRowT, CountySummaryT } from '../../contract/board-report.js';

/** The longest range one report covers (two years and a leap day). */
export const MAX_RANGE_DAYS = 731;
export const SERIES_PERIODS = 6;

const share = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** The range asked for: from/to, or the county's current or previous reporting period. */
export function resolvePeriod(
  q: BoardReportQueryT,
  startMonths: readonly number[],
  today: string,
): { period: ReportPeriod; standard: boolean } {
  if (q.period && (q.from || q.to))
    throw badRequest('Give either period, or from and to, not both.', undefined, 'report_period_or_range');
  if (!q.period && (!q.from || !q.to))
    throw badRequest(
      'Give from and to (YYYY-MM-DD), or period=current or period=previous.',
      undefined,
      'report_range_missing',
    );
  if (q.period) {
    const current = periodContaining(today, startMonths);
    const period =
      q.period === 'current'
        ? current
        : periodContaining(DateTime.fromISO(current.from).minus({ days: 1 }).toISODate()!, startMonths);
    return { period, standard: true };
  }
  const from = DateTime.fromISO(q.from!, { zone: COUNTY_TIME_ZONE });
  const to = DateTime.fromISO(q.to!, { zone: COUNTY_TIME_ZONE });
  if (!from.isValid)
    throw invalidField('/query/from', 'invalid_date', `from: ${q.from} is not a date on the calendar.`);
  if (!to.isValid) throw invalidField('/query/to', 'invalid_date', `to: ${q.to} is not a date on the calendar.`);
  if (q.to! < q.from!)
    throw invalidField('/query/to', 'end_before_start', `to (${q.to}) must be on or after from (${q.from}).`, {
      start: q.from!,
    });
  if (to.diff(from, 'days').days + 1 > MAX_RANGE_DAYS)
    throw badRequest(
      `The range is ${Math.round(to.diff(from, 'days').days) + 1} days; a report covers at most two years (${MAX_RANGE_DAYS} days).`,
      { days: Math.round(to.diff(from, 'days').days) + 1, max: MAX_RANGE_DAYS },
      'report_range_too_long',
    );
  const own = periodContaining(q.from!, startMonths);
  const standard = own.from === q.from && own.to === q.to;
  return {
    period: standard
      ? own
      : { from: q.from!, to: q.to!, label: `${from.toFormat('d LLL yyyy')} – ${to.toFormat('d LLL yyyy')}` },
    standard,
  };
}

/** Which version the caller gets: county admins and analysts choose; everyone else sees public. */
export function resolveVersion(
  roles: readonly Role[],
  asked: 'internal' | 'public' | undefined,
): 'internal' | 'public' {
  const mayInternal = can(roles, 'reports.board_internal');
  if (asked === 'internal' && !mayInternal)
    throw forbidden('Your role sees the public version of this report only (version=public).', 'report_public_only');
  return asked ?? (mayInternal ? 'internal' : 'public');
}

function issueCounts(issues: readonly RawIssue[], period: ReportPeriod) {
  const openAtEnd = (i: RawIssue) => i.resolvedOn === null || i.resolvedOn > period.to;
  const resolvedIn = (i: RawIssue) => i.resolvedOn !== null && i.resolvedOn >= period.from && i.resolvedOn <= period.to;
  return {
    open: issues.filter(openAtEnd).length,
    resolved: issues.filter(resolvedIn).length,
    byCategory: ISSUE_CATEGORIES.map((category) => {
      const mine = issues.filter((i) => i.category === category);
      return { category, open: mine.filter(openAtEnd).length, resolved: mine.filter(resolvedIn).length };
    }).filter((c) => c.open + c.resolved > 0),
  };
}

function measures(m: RawMeasures) {
  const notDeclined = m.referrals - m.declined;
  return {
    referrals: m.referrals,
    declined: m.declined,
    notDeclined,
    reachedOnTime: m.reachedOnTime,
    reachedOnTimeShare: share(m.reachedOnTime, notDeclined),
    recoveredYouth: m.recoveredYouth,
    medianDaysToFirstContact: m.medianDaysToFirstContact,
    medianDaysToFirstService: m.medianDaysToFirstService,
  };
}

/** The internal version of one period, with every figure. */
export function internalPeriod(f: PeriodFigures): { cbos: CboRowT[]; summary: CountySummaryT } {
  const cbos: CboRowT[] = f.cbos.map((c) => {
    const issues = f.issues.filter((i) => i.organizationId === c.organizationId);
    return {
      organizationId: c.organizationId,
      name: c.name,
      ...measures(c.measures),
      contracts: f.contracts
        .filter((k) => k.organizationId === c.organizationId)
        .map(({ organizationId: _, ...k }) => k),
      declineReasons: f.declineReasons
        .filter((d) => d.organizationId === c.organizationId)
        .map((d) => ({ reason: d.reason, count: d.count })),
      issueCounts: issueCounts(issues, f.period),
      issues: issues.map((i) => ({
        id: i.id,
        raisedOn: i.raisedOn,
        category: i.category,
        severity: i.severity,
        description: i.description,
        recommendation: i.recommendation,
        owner: i.owner,
        status: i.status,
        atPeriodEnd: i.resolvedOn === null || i.resolvedOn > f.period.to ? ('open' as const) : ('resolved' as const),
        resolvedOn: i.resolvedOn,
        resolution: i.resolution,
      })),
    };
  });
  const sum = f.cbos.reduce((n, c) => n + c.measures.recoveredYouth, 0);
  return {
    cbos,
    summary: {
      ...measures(f.county),
      recoveredYouth: sum,
      recoveredYouthDistinct: f.county.recoveredYouth,
      issueCounts: issueCounts(f.issues, f.period),
    },
  };
}

export function definitions(windowDays: number): BoardReportT['definitions'] {
  return {
    recovered: RECOVERED_DEFINITION.en(windowDays),
    recoveredEs: RECOVERED_DEFINITION.es(windowDays),
    recoveredWindowDays: windowDays,
    reachedOnTime:
      'Reached within the first-contact term: of the referrals made to the organization in the period that it did not decline (the denominator, shown), ' +
      "those whose first contact was recorded within the first-contact hours of the referral's contract. A referral not yet reached counts as not reached.",
    medians:
      'Median days from referral to first contact, over the referrals with a first contact; median days from referral to the start of the first service ' +
      'the advocate linked (no earlier than the referral), over the referrals with one, whenever it started.',
    countyTotals:
      'County totals add up the organizations, except "distinct youth county-wide", where a youth recovered and connected by two organizations counts once.',
    issues:
      'Performance issues raised by the end of the period and not resolved before it began: open at the end of the period, or resolved within it.',
  };
}

/** The report for a range, in the version the caller may see. */
export async function boardReport(
  repo: AggregateContext,
  q: BoardReportQueryT,
  now: Date = new Date(),
): Promise<BoardReportT> {
  const version = resolveVersion(repo.actor.roles, q.version);
  return repo.aggregate('report.advocacy', async ({ tx, actor, note }) => {
    const settings = await settingsIn(tx, actor.countyId);
    const { reportPeriodStartMonths: startMonths, recoveredWindowDays: windowDays } = settings.advocacy;
    const today = DateTime.fromJSDate(now).setZone(COUNTY_TIME_ZONE).toISODate()!;
    const { period, standard } = resolvePeriod(q, startMonths, today);
    if (version === 'public' && !standard) {
      // Two overlapping ranges differ by a few days of referrals: subtracting one from the other
      // would undo the suppression. The public version is cut on the county's periods only.
      const example = periodContaining(q.from!, startMonths);
      throw badRequest(
        `The public version is published for the county's reporting periods only, for example from=${example.from}&to=${example.to}, or period=current or period=previous.`,
        { from: example.from, to: example.to },
        'report_public_periods_only',
      );
    }
    const series = lastPeriods(period.to, startMonths, SERIES_PERIODS);
    const [county] = await selectRows<{ name: string }>(
      tx,
      sql`SELECT name FROM counties WHERE id = ${actor.countyId}`,
    );
    const figures = await loadFigures(tx, actor.countyId, [period, ...series], windowDays);
    note({ from: period.from, to: period.to, version });
    const [own, ...rest] = figures.map(internalPeriod);
    const internal: BoardReportT = {
      version: 'internal',
      county: county?.name ?? '',
      period,
      generatedAt: now.toISOString(),
      definitions: definitions(windowDays),
      suppression: null,
      cbos: own!.cbos,
      summary: own!.summary,
      series: rest.map((p, i) => ({ period: series[i]!, summary: p.summary })),
    };
    if (version === 'internal') return internal;
    const bases = figures.map((f) => ({
      contacted: f.cbos.map((c) => c.measures.contacted),
      serviced: f.cbos.map((c) => c.measures.serviced),
      county: { contacted: f.county.contacted, serviced: f.county.serviced },
    }));
    return publicVersion(internal, rest, bases);
  });
}
