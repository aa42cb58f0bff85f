// GET /api/reports/advocacy (src/features/board-report/schemas.ts) and who reads which version.
import type { SessionView } from '../types';

/** A count; "<11" in the public version when it is from 1 to 10 or protects such a count. */
export type Count = number | '<11';
/** A share or median: null when there is nothing to compute it from. */
export type Derived = number | 'suppressed' | null;

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface Measures {
  referrals: Count;
  declined: Count;
  notDeclined: Count;
  reachedOnTime: Count;
  reachedOnTimeShare: Derived;
  recoveredYouth: Count;
  medianDaysToFirstContact: Derived;
  medianDaysToFirstService: Derived;
}

export interface IssueCounts {
  open: number;
  resolved: number;
  byCategory: { category: string; open: number; resolved: number }[];
}

export interface IssueItem {
  id: string;
  raisedOn: string;
  category: string;
  severity: string;
  description: string;
  recommendation: string;
  owner: string | null;
  status: string;
  atPeriodEnd: 'open' | 'resolved';
  resolvedOn: string | null;
  resolution: string | null;
}

export interface CboRow extends Measures {
  organizationId: string;
  name: string;
  contracts: { reference: string; startsOn: string; endsOn: string; firstContactHours: number }[];
  declineReasons: { reason: string; count: number }[];
  issueCounts: IssueCounts;
  issues: IssueItem[];
}

export interface CountySummary extends Measures {
  recoveredYouthDistinct: number | null;
  issueCounts: IssueCounts;
}

export interface BoardReport {
  version: 'internal' | 'public';
  county: string;
  period: Period;
  generatedAt: string;
  definitions: {
    recovered: string;
    recoveredEs: string;
    recoveredWindowDays: number;
    reachedOnTime: string;
    medians: string;
    countyTotals: string;
    issues: string;
  };
  suppression: string | null;
  cbos: CboRow[];
  summary: CountySummary;
  series: { period: Period; summary: CountySummary }[];
}

const has = (session: SessionView, roles: string[]) => session.user.roles.some((r) => roles.includes(r));

/** The roles the report's policy allows. */
export function canSeeBoardReport(session: SessionView): boolean {
  return has(session, ['county_admin', 'county_analyst', 'state_analyst']);
}

/** County admins and analysts may read the internal version; state analysts only the public one. */
export function canSeeInternalBoardReport(session: SessionView): boolean {
  return has(session, ['county_admin', 'county_analyst']);
}
