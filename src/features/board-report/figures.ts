// The report's figures, aggregated in the database: one pass over the referrals of all the
// periods asked for (the report's own period and the six of the chart series), grouped per
// period and organization and per period county-wide. Returns counts, medians and small lists;
// never a youth's identity.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/client.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';
import type { ISSUE_CATEGORIES, ISSUE_SEVERITIES, ISSUE_STATUSES, ReportPeriod } from '../../domain/advocacy.js';

export interface RawMeasures {
  referrals: number;
  declined: number;
  reachedOnTime: number;
  recoveredYouth: number;
  medianDaysToFirstContact: number | null;
  /** How many referrals the median to first contact is taken over. */
  contacted: number;
  medianDaysToFirstService: number | null;
  serviced: number;
}

export interface RawIssue {
  id: string;
  organizationId: string;
  raisedOn: string;
  category: (typeof ISSUE_CATEGORIES)[number];
  severity: (typeof ISSUE_SEVERITIES)[number];
  description: string;
  recommendation: string;
  owner: string | null;
  status: (typeof ISSUE_STATUSES)[number];
  resolvedOn: string | null;
  resolution: string | null;
}

export interface PeriodFigures {
  period: ReportPeriod;
  cbos: { organizationId: string; name: string; measures: RawMeasures }[];
  /** County-wide, over the same referrals; recoveredYouth here counts each youth once. */
  county: RawMeasures;
  declineReasons: { organizationId: string; reason: string; count: number }[];
  contracts: {
    organizationId: string;
    reference: string;
    startsOn: string;
    endsOn: string;
    firstContactHours: number;
  }[];
  issues: RawIssue[];
}

const EMPTY: RawMeasures = {
  referrals: 0,
  declined: 0,
  reachedOnTime: 0,
  recoveredYouth: 0,
  medianDaysToFirstContact: null,
  contacted: 0,
  medianDaysToFirstService: null,
  serviced: 0,
};

const day = (v: Date | string): string => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));
const days = (v: number | string | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** The periods as a VALUES list with their bounds as instants in the county's time zone. */
function periodsCte(periods: readonly ReportPeriod[]): SQL {
  const rows = periods.map((p, i) => sql`(${i}::int, ${p.from}::date, ${p.to}::date)`);
  return sql`p(idx, d_from, d_to) AS (VALUES ${sql.join(rows, sql`, `)}),
    pr AS (SELECT idx, d_from, d_to,
                  d_from::timestamp AT TIME ZONE ${COUNTY_TIME_ZONE} AS lo,
                  (d_to + 1)::timestamp AT TIME ZONE ${COUNTY_TIME_ZONE} AS hi FROM p)`;
}

/**
 * "Recovered and connected", in SQL: the same rule as referralRecovered() in
 * src/domain/advocacy.ts. A referral counts when its first contact is recorded and a service
 * the advocate linked started no earlier than the referral and at most `windowDays` × 24 hours
 * after it. Hours, not days: under a session in the county's time zone "+ 60 days" would move
 * the limit by an hour across a daylight-saving change, and the pure function counts
 * milliseconds. test/api/board-report.test.ts checks that the two agree on generated referrals.
 */
function inRecoveredWindow(startedAt: SQL, referredAt: SQL, windowDays: number): SQL {
  return sql`(${startedAt} >= ${referredAt} AND ${startedAt} <= ${referredAt} + make_interval(hours => ${windowDays * 24}::int))`;
}

/** The SQL behind each part of the report (exported for EXPLAIN in bench/board-report.ts). */
export function figureQueries(countyId: string, periods: readonly ReportPeriod[], windowDays: number) {
  const cte = periodsCte(periods);
  // Referrals of the whole span once, each with its linked services folded to two facts (first
  // start, any start within the window), then counted per period: periods overlap (the report's
  // own period is also the last of the series), the per-referral work is done once. Every join
  // is an index probe from the referral (LATERAL, scalar subquery): under row-level security the
  // planner's row estimates collapse to 1, and a plan that relies on them (hash or merge joins
  // between CTEs) went from 0.2 s to minutes in bench/board-report.ts.
  const measures = sql`WITH ${cte},
      span AS (SELECT min(lo) AS lo, max(hi) AS hi FROM pr),
      rr AS (
        SELECT r.id, r.organization_id, r.youth_id, r.referred_at, r.first_contact_at,
               r.declined_at IS NOT NULL AS declined,
               r.first_contact_at <= r.referred_at
                 + make_interval(hours => (SELECT c.first_contact_hours FROM advocacy_contracts c WHERE c.id = r.contract_id)) AS on_time,
               l.first_service_at,
               (r.first_contact_at IS NOT NULL AND coalesce(l.in_window, false)) AS recovered
          FROM span JOIN advocacy_referrals r ON r.county_id = ${countyId} AND r.referred_at >= span.lo AND r.referred_at < span.hi
          LEFT JOIN LATERAL (
            SELECT min(se.started_at) AS first_service_at,
                   bool_or(${inRecoveredWindow(sql`se.started_at`, sql`r.referred_at`, windowDays)}) AS in_window
              FROM advocacy_milestones m JOIN service_episodes se ON se.id = m.service_episode_id
             WHERE m.referral_id = r.id AND m.kind = 'linked_to_service' AND se.started_at >= r.referred_at) l ON true),
      f AS (
        SELECT pr.idx, rr.* FROM pr JOIN rr ON rr.referred_at >= pr.lo AND rr.referred_at < pr.hi)
      SELECT idx, organization_id,
             count(*)::int AS referrals,
             count(*) FILTER (WHERE declined)::int AS declined,
             count(*) FILTER (WHERE on_time AND NOT declined)::int AS reached_on_time,
             count(DISTINCT youth_id) FILTER (WHERE recovered)::int AS recovered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - referred_at) / 86400)
               FILTER (WHERE first_contact_at IS NOT NULL) AS median_contact,
             count(first_contact_at)::int AS contacted,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_service_at - referred_at) / 86400)
               FILTER (WHERE first_service_at IS NOT NULL) AS median_service,
             count(first_service_at)::int AS serviced
        FROM f GROUP BY GROUPING SETS ((idx, organization_id), (idx))`;
  // The organizations on each period's report: every CBO of the county with a contract in force
  // for part of the period, and any organization that received referrals in it.
  const cbos = sql`WITH ${cte}
      SELECT pr.idx, o.id, o.name FROM pr JOIN organizations o ON o.county_id = ${countyId}
       WHERE (o.type = 'advocacy_cbo' AND EXISTS (
               SELECT 1 FROM advocacy_contracts c WHERE c.organization_id = o.id AND c.county_id = ${countyId}
                  AND c.starts_on <= pr.d_to AND least(c.terminated_on, c.ends_on) >= pr.d_from))
          OR EXISTS (SELECT 1 FROM advocacy_referrals r WHERE r.organization_id = o.id AND r.county_id = ${countyId}
                        AND r.referred_at >= pr.lo AND r.referred_at < pr.hi)
       ORDER BY pr.idx, o.name, o.id`;
  const reasons = sql`WITH ${cte}
      SELECT r.organization_id, r.decline_reason AS reason, count(*)::int AS n
        FROM pr JOIN advocacy_referrals r ON r.county_id = ${countyId} AND r.referred_at >= pr.lo AND r.referred_at < pr.hi
       WHERE pr.idx = 0 AND r.declined_at IS NOT NULL
       GROUP BY r.organization_id, r.decline_reason ORDER BY r.organization_id, n DESC, reason`;
  const contracts = sql`WITH ${cte}
      SELECT c.organization_id, c.reference, c.starts_on::text AS starts_on, least(c.terminated_on, c.ends_on)::text AS ends_on, c.first_contact_hours
        FROM pr JOIN advocacy_contracts c ON c.county_id = ${countyId}
             AND c.starts_on <= pr.d_to AND least(c.terminated_on, c.ends_on) >= pr.d_from
       WHERE pr.idx = 0 ORDER BY c.organization_id, c.starts_on`;
  // Performance issues raised by the end of the period and not resolved before it began.
  const issues = sql`WITH ${cte}
      SELECT pr.idx, i.id, i.organization_id, i.raised_on::text AS raised_on, i.category, i.severity, i.description, i.recommendation,
             u.display_name AS owner, i.status, i.resolved_on::text AS resolved_on, i.resolution
        FROM pr JOIN performance_issues i ON i.county_id = ${countyId} AND i.raised_on <= pr.d_to
             AND (i.resolved_on IS NULL OR i.resolved_on >= pr.d_from)
        LEFT JOIN users u ON u.id = i.owner_user_id
       ORDER BY pr.idx, i.raised_on, i.id`;
  return { measures, cbos, reasons, contracts, issues };
}

/** Everything the report needs for each period, for one county. */
export async function loadFigures(
  tx: Db,
  countyId: string,
  periods: readonly ReportPeriod[],
  windowDays: number,
): Promise<PeriodFigures[]> {
  const q = figureQueries(countyId, periods, windowDays);
  // Short analytical queries: LLVM compilation (PostgreSQL's JIT, on by default) costs more than
  // it saves here (about 1 s of a 1.6 s query in bench/board-report.ts). Local to this transaction.
  await tx.execute(sql`SELECT set_config('jit', 'off', true)`);
  const measures = await selectRows<{
    idx: number;
    organization_id: string | null;
    referrals: number;
    declined: number;
    reached_on_time: number;
    recovered: number;
    median_contact: number | string | null;
    contacted: number;
    median_service: number | string | null;
    serviced: number;
  }>(tx, q.measures);
  const cbos = await selectRows<{ idx: number; id: string; name: string }>(tx, q.cbos);
  const reasons = await selectRows<{ organization_id: string; reason: string; n: number }>(tx, q.reasons);
  const contracts = await selectRows<{
    organization_id: string;
    reference: string;
    starts_on: string;
    ends_on: string;
    first_contact_hours: number;
  }>(tx, q.contracts);
  const issues = await selectRows<{
    idx: number;
    id: string;
    organization_id: string;
    raised_on: string;
    category: RawIssue['category'];
    severity: RawIssue['severity'];
    description: string;
    recommendation: string;
    owner: string | null;
    status: RawIssue['status'];
    resolved_on: string | null;
    resolution: string | null;
  }>(tx, q.issues);

  const toMeasures = (m: (typeof measures)[number] | undefined): RawMeasures =>
    m
      ? {
          referrals: m.referrals,
          declined: m.declined,
          reachedOnTime: m.reached_on_time,
          recoveredYouth: m.recovered,
          medianDaysToFirstContact: days(m.median_contact),
          contacted: m.contacted,
          medianDaysToFirstService: days(m.median_service),
          serviced: m.serviced,
        }
      : { ...EMPTY };

  return periods.map((period, idx) => {
    const mine = measures.filter((m) => m.idx === idx);
    return {
      period,
      cbos: cbos
        .filter((c) => c.idx === idx)
        .map((c) => ({
          organizationId: c.id,
          name: c.name,
          measures: toMeasures(mine.find((m) => m.organization_id === c.id)),
        })),
      county: toMeasures(mine.find((m) => m.organization_id === null)),
      declineReasons:
        idx === 0 ? reasons.map((r) => ({ organizationId: r.organization_id, reason: r.reason, count: r.n })) : [],
      contracts:
        idx === 0
          ? contracts.map((c) => ({
              organizationId: c.organization_id,
              reference: c.reference,
              startsOn: day(c.starts_on),
              endsOn: day(c.ends_on),
              firstContactHours: c.first_contact_hours,
            }))
          : [],
      issues: issues
        .filter((i) => i.idx === idx)
        .map((i) => ({
          id: i.id,
          organizationId: i.organization_id,
          raisedOn: day(i.raised_on),
          category: i.category,
          severity: i.severity,
          description: i.description,
          recommendation: i.recommendation,
          owner: i.owner,
          status: i.status,
          resolvedOn: i.resolved_on === null ? null : day(i.resolved_on),
          resolution: i.resolution,
        })),
    };
  });
}
