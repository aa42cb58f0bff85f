// Advocacy by contracted community-based organizations (CBOs): contracts, advocate vetting, the
// referral lifecycle, engagement milestones, performance issues and the Board's reporting
// periods (seed 000; DOMAIN.md sections 1 and 7). Pure: no database, no clock of its own.
import { DateTime } from 'luxon';
import { COUNTY_TIME_ZONE } from './geography.js';

/** What a CBO's advocacy contract can buy (seed 000's advocacy services). */
export const CONTRACT_SERVICES = [
  'crisis_response',
  'assessment_and_referral',
  'stabilization_and_engagement',
  'testimony_support',
  'linkage_to_services',
] as const;
export type ContractService = (typeof CONTRACT_SERVICES)[number];

/** Engagement milestones an advocate records, and the contracted service each one delivers. */
export const MILESTONE_SERVICE = {
  crisis_response_given: 'crisis_response',
  assessment_done: 'assessment_and_referral',
  stabilization_plan: 'stabilization_and_engagement',
  testimony_support_given: 'testimony_support',
  linked_to_service: 'linkage_to_services',
} as const satisfies Record<string, ContractService>;
export type MilestoneKind = keyof typeof MILESTONE_SERVICE;
export const MILESTONE_KINDS = Object.keys(MILESTONE_SERVICE) as MilestoneKind[];

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

// ---------------------------------------------------------------------------------------------
// Referral lifecycle: sent → accepted | declined → advocate assigned → first contact → engaged →
// closed. Declined is final. A referral can be closed from any open state (the youth moved
// away, the referrer withdrew it), never reopened.

export const REFERRAL_STATES = [
  'sent',
  'accepted',
  'declined',
  'advocate_assigned',
  'first_contact',
  'engaged',
  'closed',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const DECLINE_REASONS = [
  'at_capacity',
  'outside_service_area',
  'not_eligible',
  'conflict_of_interest',
  'youth_already_served',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const CLOSE_REASONS = [
  'goals_met',
  'youth_declined_services',
  'unable_to_reach',
  'moved_away',
  'transferred',
  'withdrawn_by_referrer',
  'aged_out',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The lifecycle steps a user records; each moves the referral to one state. */
export const REFERRAL_STEPS = {
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent'], to: 'declined' },
  assign_advocate: { from: ['accepted'], to: 'advocate_assigned' },
  first_contact: { from: ['advocate_assigned'], to: 'first_contact' },
  engage: { from: ['first_contact'], to: 'engaged' },
  close: { from: ['sent', 'accepted', 'advocate_assigned', 'first_contact', 'engaged'], to: 'closed' },
} as const satisfies Record<string, { from: readonly ReferralState[]; to: ReferralState }>;
export type ReferralStep = keyof typeof REFERRAL_STEPS;

/** States in which the referral is open: the CBO is working (or deciding) on it. */
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = [
  'sent',
  'accepted',
  'advocate_assigned',
  'first_contact',
  'engaged',
];
/** States in which the assigned advocate sees the youth's shared record (src/access/relation.ts). */
export const ADVOCATE_ACCESS_STATES: readonly ReferralState[] = ['advocate_assigned', 'first_contact', 'engaged'];

/**
 * null when the step is allowed from this state; otherwise its stable code and facts: closed or
 * declined (referral_closed), a second answer (referral_already_answered), or a step that needs
 * another state first (referral_step_out_of_order).
 */
export function stepProblemCode(
  state: ReferralState,
  step: ReferralStep,
): {
  code: 'referral_closed' | 'referral_already_answered' | 'referral_step_out_of_order';
  details: { state: ReferralState; step: ReferralStep; from: readonly ReferralState[]; to: ReferralState };
} | null {
  const rule = REFERRAL_STEPS[step];
  if ((rule.from as readonly ReferralState[]).includes(state)) return null;
  const details = { state, step, from: rule.from as readonly ReferralState[], to: rule.to as ReferralState };
  if (state === 'closed' || state === 'declined') return { code: 'referral_closed', details };
  if (step === 'accept' || step === 'decline') return { code: 'referral_already_answered', details };
  return { code: 'referral_step_out_of_order', details };
}

/** null when the step is allowed from this state; otherwise what is wrong, in words. */
export function stepProblem(state: ReferralState, step: ReferralStep): string | null {
  const rule = REFERRAL_STEPS[step];
  if ((rule.from as readonly ReferralState[]).includes(state)) return null;
  if (state === 'closed' || state === 'declined')
    return `The referral is ${state}; nothing more can be recorded on it.`;
  if (step === 'accept' || step === 'decline')
    return `The referral was already ${state.replace('_', ' ')}; it can be accepted or declined only once, while it is sent.`;
  return `A referral that is ${state.replace('_', ' ')} cannot go to "${rule.to.replace('_', ' ')}"; it must first be ${rule.from.map((s) => s.replace('_', ' ')).join(' or ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Vetting: an advocate may be assigned only when cleared, trained and approved on that date.

export interface VettingRecord {
  clearances: { kind: 'background' | 'security'; clearedOn: string; expiresOn: string | null }[];
  trainings: { trainingKey: string; completedOn: string; expiresOn: string | null }[];
  approvals: { approvedOn: string; approvedUntil: string; revokedOn: string | null }[];
}

export const CLEARANCE_KINDS = ['background', 'security'] as const;

const inForce = (from: string, until: string | null, on: string) => from <= on && (until === null || until >= on);

/**
 * What an advocate lacks on a date (YYYY-MM-DD), in words a CBO administrator can act on; empty
 * when the advocate may be assigned. `requiredTrainings` comes from county settings.
 */
export function vettingGaps(
  record: VettingRecord,
  on: string,
  requiredTrainings: readonly { key: string; label: string }[],
): string[] {
  return vettingGapItems(record, on, requiredTrainings).map((g) => g.text);
}

/**
 * One vetting gap with a stable code the web translates (advocacy.vettingGap.<code>): the kind of
 * clearance, the training (its county key and label) or the date an item ended, and the English.
 */
export type VettingGap =
  | { code: 'clearance_missing'; kind: (typeof CLEARANCE_KINDS)[number]; text: string }
  | { code: 'clearance_expired'; kind: (typeof CLEARANCE_KINDS)[number]; date: string; text: string }
  | { code: 'training_missing' | 'training_expired'; training: string; label: string; text: string }
  | { code: 'approval_missing'; text: string }
  | { code: 'approval_ended'; date: string; text: string };

/** The same findings as vettingGaps, each with its code and facts. */
export function vettingGapItems(
  record: VettingRecord,
  on: string,
  requiredTrainings: readonly { key: string; label: string }[],
): VettingGap[] {
  const gaps: VettingGap[] = [];
  for (const kind of CLEARANCE_KINDS) {
    const all = record.clearances.filter((c) => c.kind === kind);
    if (!all.some((c) => inForce(c.clearedOn, c.expiresOn, on))) {
      const lapsed = all
        .filter((c) => c.expiresOn !== null && c.expiresOn < on)
        .sort((a, b) => (a.expiresOn! < b.expiresOn! ? 1 : -1))[0];
      gaps.push(
        lapsed
          ? {
              code: 'clearance_expired',
              kind,
              date: lapsed.expiresOn!,
              text: `${kind} clearance expired on ${lapsed.expiresOn}`,
            }
          : { code: 'clearance_missing', kind, text: `no ${kind} clearance on record` },
      );
    }
  }
  for (const t of requiredTrainings) {
    const done = record.trainings.filter((r) => r.trainingKey === t.key);
    if (!done.some((r) => inForce(r.completedOn, r.expiresOn, on))) {
      gaps.push(
        done.length > 0
          ? { code: 'training_expired', training: t.key, label: t.label, text: `${t.label} training has expired` }
          : { code: 'training_missing', training: t.key, label: t.label, text: `${t.label} training not completed` },
      );
    }
  }
  const approvals = record.approvals.filter((a) => a.revokedOn === null || a.revokedOn > on);
  if (!approvals.some((a) => inForce(a.approvedOn, a.approvedUntil, on))) {
    const last = record.approvals
      .map((a) => a.approvedUntil)
      .sort()
      .at(-1);
    gaps.push(
      last && last < on
        ? { code: 'approval_ended', date: last, text: `contracting department approval ended on ${last}` }
        : { code: 'approval_missing', text: 'no current approval from the contracting department' },
    );
  }
  return gaps;
}

/** Vetting items that end within `days` after `on` (for the worklists' advance warning). */
/** A vetting item ending soon: `item` and `key` for screens to translate, `what` in English for exports. */
export interface ExpiringItem {
  item: 'clearance' | 'training' | 'approval';
  /** The clearance kind or the county's training key; null for an approval. */
  key: string | null;
  what: string;
  endsOn: string;
}

export function expiringSoon(record: VettingRecord, on: string, days: number): ExpiringItem[] {
  const limit = DateTime.fromISO(on, { zone: COUNTY_TIME_ZONE }).plus({ days }).toISODate()!;
  const soon = (end: string | null) => end !== null && end >= on && end <= limit;
  const out: ExpiringItem[] = [];
  for (const c of record.clearances)
    if (soon(c.expiresOn))
      out.push({ item: 'clearance', key: c.kind, what: `${c.kind} clearance`, endsOn: c.expiresOn! });
  for (const t of record.trainings)
    if (soon(t.expiresOn))
      out.push({ item: 'training', key: t.trainingKey, what: `${t.trainingKey} training`, endsOn: t.expiresOn! });
  for (const a of record.approvals)
    if (a.revokedOn === null && soon(a.approvedUntil))
      out.push({ item: 'approval', key: null, what: 'contracting department approval', endsOn: a.approvedUntil });
  return out.sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Performance issues.

export const ISSUE_CATEGORIES = [
  'responsiveness',
  'staffing_and_vetting',
  'documentation',
  'service_delivery',
  'contract_compliance',
  'other',
] as const;
export const ISSUE_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved'] as const;
/** Candidate issues Harbor finds in the data, for an analyst to confirm or dismiss. */
export const FLAG_KINDS = {
  first_contact_missed: 'responsiveness',
  lapsed_vetting: 'staffing_and_vetting',
  capacity_decline: 'responsiveness',
} as const satisfies Record<string, (typeof ISSUE_CATEGORIES)[number]>;
export type FlagKind = keyof typeof FLAG_KINDS;

// ---------------------------------------------------------------------------------------------
// "Recovered and connected to services": defined once, here, and printed on the report.

export const RECOVERED_DEFINITION = {
  en: (days: number) =>
    `A youth counts as recovered and connected to services by an organization when the youth was referred to it in the period, ` +
    `its advocate recorded a first contact, and the youth started at least one service the advocate linked them to within ${days} days of that referral. ` +
    `Youth are counted, not referrals: a youth referred twice to the same organization counts once.`,
  es: (days: number) =>
    `Un joven cuenta como recuperado y conectado a servicios por una organización cuando fue referido a ella en el período, ` +
    `su intercesor registró un primer contacto y el joven comenzó al menos un servicio al que el intercesor lo vinculó dentro de ${days} días de esa referencia. ` +
    `Se cuentan jóvenes, no referencias: un joven referido dos veces a la misma organización cuenta una vez.`,
};

export interface ReferralFacts {
  youthId: string;
  referredAt: Date;
  firstContactAt: Date | null;
  /** Start times of services the advocate linked to this referral (linked_to_service milestones). */
  linkedServiceStarts: Date[];
}

/** Whether one referral recovered and connected its youth, under a window of `days` days. */
export function referralRecovered(r: ReferralFacts, days: number): boolean {
  if (!r.firstContactAt) return false;
  const limit = r.referredAt.getTime() + days * 86_400_000;
  return r.linkedServiceStarts.some((s) => s.getTime() >= r.referredAt.getTime() && s.getTime() <= limit);
}

/** Distinct youth recovered and connected (a youth counts once however many referrals). */
export function countRecoveredYouth(referrals: readonly ReferralFacts[], days: number): number {
  return new Set(referrals.filter((r) => referralRecovered(r, days)).map((r) => r.youthId)).size;
}

// ---------------------------------------------------------------------------------------------
// Reporting periods: four months each by default, starting on the months the county chooses.

/** The Board report's named periods: the one containing today, or the one before it. */
export const BOARD_REPORT_PERIODS = ['current', 'previous'] as const;
/** The Board report's versions: internal (county), public (small cells suppressed). */
export const BOARD_REPORT_VERSIONS = ['internal', 'public'] as const;
export type BoardReportVersion = (typeof BOARD_REPORT_VERSIONS)[number];

export interface ReportPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
  label: string;
}

/** The period containing `on`, given the months (1–12) periods start on (e.g. [3, 7, 11]). */
export function periodContaining(on: string, startMonths: readonly number[]): ReportPeriod {
  const months = [...new Set(startMonths)].sort((a, b) => a - b);
  if (months.length === 0 || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
    throw new RangeError('period start months must be whole numbers from 1 to 12');
  }
  const d = DateTime.fromISO(on, { zone: COUNTY_TIME_ZONE });
  if (!d.isValid) throw new RangeError(`not a date: ${on}`);
  const startMonth = [...months].reverse().find((m) => m <= d.month);
  const start = startMonth
    ? d.set({ month: startMonth, day: 1 })
    : d.set({ year: d.year - 1, month: months.at(-1)!, day: 1 });
  const nextMonth = months.find((m) => m > start.month);
  const next = nextMonth
    ? start.set({ month: nextMonth, day: 1 })
    : start.set({ year: start.year + 1, month: months[0]!, day: 1 });
  const end = next.minus({ days: 1 });
  return {
    from: start.toISODate()!,
    to: end.toISODate()!,
    label: `${start.toFormat('LLL yyyy')} – ${end.toFormat('LLL yyyy')}`,
  };
}

/** The `count` periods ending with the one containing `on`, oldest first. */
export function lastPeriods(on: string, startMonths: readonly number[], count: number): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let cursor = on;
  for (let i = 0; i < count; i += 1) {
    const p = periodContaining(cursor, startMonths);
    out.unshift(p);
    cursor = DateTime.fromISO(p.from).minus({ days: 1 }).toISODate()!;
  }
  return out;
}

/** Median of a list of numbers (null when empty), for "median days to first contact". */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
