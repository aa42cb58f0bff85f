// Missing and runaway youth (DOMAIN.md section 5: SB 794, P.L. 113-183, PC 11166, WIC 16501.35):
// the vocabulary of an episode, the order its times must keep, and the county figures. Pure.
import { DateTime } from 'luxon';
import { rule, type RuleProblem } from '../contract/problems.js';
import { COUNTY_TIME_ZONE } from './geography.js';
import { isBeforeMinute } from './time-order.js';

/** open (missing, located) → returned (awaiting the debrief) → closed (debrief complete). */
export const EPISODE_STATUSES = ['missing', 'located', 'returned', 'closed'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
/** An episode that keeps the youth on the "currently missing" list; a youth has at most one. */
export const OPEN_STATUSES: readonly EpisodeStatus[] = ['missing', 'located'];

/** Where the youth was last seen: a kind of place, never an address. */
export const LAST_SEEN_PLACES = [
  'placement',
  'school',
  'family_home',
  'friend_home',
  'street',
  'transit',
  'motel',
  'court_or_office',
  'hospital',
  'online',
  'other',
] as const;
export type LastSeenPlace = (typeof LAST_SEEN_PLACES)[number];

export const DISCOVERED_BY = [
  'caregiver',
  'placement_staff',
  'caseworker',
  'probation_officer',
  'school',
  'law_enforcement',
  'family',
  'youth_peer',
  'other',
] as const;

/** Known risk factors at discovery (the worker's knowledge, not a screening). */
export const RISK_FACTORS = [
  'prior_missing',
  'csec_victim',
  'csec_at_risk',
  'exploiter_contact',
  'substance_use',
  'mental_health',
  'medical_needs',
  'pregnant_or_parenting',
  'under_14',
  'gang_involvement',
  'online_contacts',
  'other',
] as const;

export const SEARCH_EFFORT_KINDS = [
  'family',
  'friends',
  'school',
  'placement',
  'social_media',
  'law_enforcement',
  'hospitals',
  'shelters',
  'other',
] as const;

export const RETURNED_TO = [
  'same_placement',
  'new_placement',
  'family',
  'shelter',
  'hospital',
  'detention',
  'other',
] as const;

/** Why the youth left (the law asks for the primary factors); more than one may apply. */
export const LEAVING_FACTORS = [
  'placement_conflict',
  'wanted_family',
  'wanted_friends_or_partner',
  'exploiter_influence',
  'felt_unsafe',
  'substance_use',
  'mental_health',
  'school_problems',
  'rules_or_restrictions',
  'other',
] as const;

/** The mandated reports and notifications a discovery opens, as obligation kinds. */
export const REPORT_KINDS = {
  law_enforcement: 'missing_report_law_enforcement',
  ncmec: 'missing_report_ncmec',
  attorney: 'missing_notify_attorney',
  parent: 'missing_notify_parent',
  court: 'missing_notify_court',
} as const;
export type ReportKey = keyof typeof REPORT_KINDS;
export const REPORT_KEYS = Object.keys(REPORT_KINDS) as [ReportKey, ...ReportKey[]];

export interface EpisodeTimes {
  lastSeenAt: Date;
  discoveredAt: Date;
  locatedAt?: Date | null;
  returnedAt?: Date | null;
}

/** Problems with an episode's times, as the person recording them would read them. */
export function checkEpisodeTimes(t: EpisodeTimes, now: Date = new Date()): string[] {
  return episodeTimeProblems(t, now).map((p) => p.text);
}

/** The same checks as checkEpisodeTimes, each with the field to fix and its stable code. */
export function episodeTimeProblems(t: EpisodeTimes, now: Date = new Date()): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const soon = now.getTime() + 60_000;
  if (t.lastSeenAt.getTime() > soon) problems.push(rule('lastSeenAt', 'date_in_future', 'cannot be in the future'));
  if (t.discoveredAt.getTime() > soon) problems.push(rule('discoveredAt', 'date_in_future', 'cannot be in the future'));
  if (isBeforeMinute(t.discoveredAt, t.lastSeenAt))
    problems.push(
      rule('discoveredAt', 'before_last_seen', 'the youth cannot be found missing before they were last seen'),
    );
  if (t.locatedAt) {
    if (t.locatedAt.getTime() > soon) problems.push(rule('locatedAt', 'date_in_future', 'cannot be in the future'));
    if (isBeforeMinute(t.locatedAt, t.lastSeenAt))
      problems.push(rule('locatedAt', 'before_last_seen', 'cannot be before the youth was last seen'));
  }
  if (t.returnedAt) {
    if (t.returnedAt.getTime() > soon) problems.push(rule('returnedAt', 'date_in_future', 'cannot be in the future'));
    if (isBeforeMinute(t.returnedAt, t.discoveredAt))
      problems.push(rule('returnedAt', 'before_discovered', 'the youth cannot return before they were found missing'));
    if (t.locatedAt && isBeforeMinute(t.returnedAt, t.locatedAt))
      problems.push(rule('returnedAt', 'before_located', 'cannot be before the youth was located'));
  }
  return problems;
}

/** Minutes the youth was (or has so far been) missing: from last seen to return, or to now. */
export function minutesMissing(t: { lastSeenAt: Date; returnedAt?: Date | null }, now: Date = new Date()): number {
  const end = t.returnedAt ?? now;
  return Math.max(0, Math.round((end.getTime() - t.lastSeenAt.getTime()) / 60_000));
}

/** The county date (YYYY-MM-DD) of a moment: CSEC Type dates are county calendar days. */
export function countyDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: COUNTY_TIME_ZONE }).toISODate()!;
}

// ---------------------------------------------------------------------------------------------
// County figures. Definitions, so a reader can check them against the numbers:
// - episodes per month: episodes by the county month of discovery;
// - median time missing: over episodes returned in the range (return in range), last seen → return;
// - reported within 24 hours: episodes discovered in the range whose report was made no later
//   than 24 hours after discovery (the law's limit, whatever stricter time the county set);
// - returned youth screened / debriefed: episodes returned in the range with a final screening
//   linked to the debrief / with the debrief complete;
// - youth with three or more episodes in a year: discovered in the 365 days ending at the range's end.

export interface FigureEpisode {
  youthId: string;
  discoveredAt: Date;
  lastSeenAt: Date;
  returnedAt: Date | null;
  lawEnforcementReportedAt: Date | null;
  ncmecReportedAt: Date | null;
  screened: boolean;
  debriefed: boolean;
}

export interface MissingFigures {
  episodesPerMonth: { month: string; episodes: number }[];
  medianHoursMissing: number | null;
  discovered: number;
  reportedLawEnforcement24h: { count: number; share: number | null };
  reportedNcmec24h: { count: number; share: number | null };
  returned: number;
  screened: { count: number; share: number | null };
  debriefed: { count: number; share: number | null };
  youthWithThreeOrMore: number;
}

const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures for county dates [from, to] (inclusive). */
export function missingFigures(episodes: readonly FigureEpisode[], from: string, to: string): MissingFigures {
  const lo = DateTime.fromISO(from, { zone: COUNTY_TIME_ZONE }).startOf('day');
  const hi = DateTime.fromISO(to, { zone: COUNTY_TIME_ZONE }).plus({ days: 1 }).startOf('day');
  const inRange = (d: Date | null) => !!d && d.getTime() >= lo.toMillis() && d.getTime() < hi.toMillis();

  const months: { month: string; episodes: number }[] = [];
  for (let m = lo.startOf('month'); m < hi; m = m.plus({ months: 1 }))
    months.push({ month: m.toFormat('yyyy-MM'), episodes: 0 });
  const discovered = episodes.filter((e) => inRange(e.discoveredAt));
  for (const e of discovered) {
    const key = DateTime.fromJSDate(e.discoveredAt, { zone: COUNTY_TIME_ZONE }).toFormat('yyyy-MM');
    const row = months.find((m) => m.month === key);
    if (row) row.episodes++;
  }
  const within24 = (e: FigureEpisode, at: Date | null) => !!at && at.getTime() - e.discoveredAt.getTime() <= DAY_MS;
  const le = discovered.filter((e) => within24(e, e.lawEnforcementReportedAt)).length;
  const ncmec = discovered.filter((e) => within24(e, e.ncmecReportedAt)).length;

  const returned = episodes.filter((e) => inRange(e.returnedAt));
  const hours = returned.map((e) => (e.returnedAt!.getTime() - e.lastSeenAt.getTime()) / 3_600_000);
  const med = median(hours);
  const screened = returned.filter((e) => e.screened).length;
  const debriefed = returned.filter((e) => e.debriefed).length;

  const yearStart = hi.minus({ days: 365 }).toMillis();
  const perYouth = new Map<string, number>();
  for (const e of episodes) {
    const t = e.discoveredAt.getTime();
    if (t >= yearStart && t < hi.toMillis()) perYouth.set(e.youthId, (perYouth.get(e.youthId) ?? 0) + 1);
  }

  return {
    episodesPerMonth: months,
    medianHoursMissing: med === null ? null : Math.round(med * 10) / 10,
    discovered: discovered.length,
    reportedLawEnforcement24h: { count: le, share: share(le, discovered.length) },
    reportedNcmec24h: { count: ncmec, share: share(ncmec, discovered.length) },
    returned: returned.length,
    screened: { count: screened, share: share(screened, returned.length) },
    debriefed: { count: debriefed, share: share(debriefed, returned.length) },
    youthWithThreeOrMore: [...perYouth.values()].filter((n) => n >= 3).length,
  };
}
