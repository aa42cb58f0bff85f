// Which events open which obligations, when each is due and who owns it: the response protocol
// as data (DOMAIN.md section 4). Pure: src/features/obligations/open-obligations-for.ts applies
// the plan inside the caller's transaction and resolves owners from assignments.
//
// Due times come from deadlines.ts: `hours` and `minutes` are elapsed time (90 minutes is 90 real
// minutes even the night the clocks change), `days` are calendar days in county time (7 days
// after 10:00 is 10:00 a week later, whatever the clocks did). A date ("due on 2026-03-31") is
// due at the end of that day in county time.
import { DateTime } from 'luxon';
import type { CountySettings } from './county-settings.js';
import { dueAt, type Duration } from './deadlines.js';
import { COUNTY_TIME_ZONE } from './geography.js';
import type { MdtTier } from './mdt.js';

/** The obligation kinds the rules open (each is registered in src/features/obligations/kinds.ts). */
export const RULE_OBLIGATION_KINDS = [
  'responders_on_scene',
  'health_evaluation_72h',
  'crisis_mdt_24h',
  'initial_mdt',
  'ongoing_mdt_review',
  'mdt_action_item',
  'screening_due',
  'missing_report_law_enforcement',
  'missing_report_ncmec',
  'missing_notify_attorney',
  'missing_notify_parent',
  'missing_notify_court',
  'missing_debrief',
  'advocacy_first_contact',
] as const;
export type RuleObligationKind = (typeof RULE_OBLIGATION_KINDS)[number];

interface EventBase {
  youthId: string;
  /** The record the event is (CSEC Type, first responder contact, MDT meeting, action item, screening). */
  sourceId: string;
  /** Stored as the obligation's source_kind; defaults per event kind (SOURCE_KINDS). */
  sourceKind?: string;
  /** When it happened: the deadline runs from here. */
  at: Date;
  /** Who recorded it (a ScopedRepo actor fits): the owner when no better one is known. */
  recordedBy: { userId: string; organizationId: string };
}

export type ObligationEvent =
  /** A youth identified as a victim. Immediate danger calls a crisis MDT, otherwise an initial one. */
  | (EventBase & { kind: 'victim_identified'; immediateDanger: boolean })
  /** Law enforcement found a youth and called the hotline; these agencies are to respond. */
  | (EventBase & {
      kind: 'first_responder_contact';
      agencies: readonly { organizationId: string; userId?: string | null }[];
    })
  /** An MDT met for the youth: it meets the open MDT duties and schedules the next review. */
  | (EventBase & { kind: 'mdt_held'; tier: MdtTier })
  /** The MDT assigned an action item to someone, due when the team said (mdt_action_items.due_at). */
  | (EventBase & {
      kind: 'action_item_created';
      dueAt: DueGiven;
      owner: { userId: string | null; organizationId: string };
    })
  /** A screening schedule says the next screening is due (screenings.next_due_on, screening-schedule.ts). */
  | (EventBase & { kind: 'screening_due'; dueAt: DueGiven })
  /**
   * A youth in care found missing (the missing episode; `at` is the discovery). Opens the mandated
   * reports; `notifyParent` overrides the county's default when the worker said (not appropriate).
   */
  | (EventBase & { kind: 'missing_discovered'; notifyParent?: boolean })
  /** The youth returned from a missing episode (`at` is the return): the debrief is due. */
  | (EventBase & { kind: 'youth_returned' })
  /**
   * A youth referred to a CBO for advocacy (the advocacy referral; `at` is the referral): its
   * contract's response-time term, owned by the CBO (no one person until an advocate is assigned).
   */
  | (EventBase & { kind: 'advocacy_referred'; firstContactHours: number; organizationId: string });

/** A due time the event states: an instant, or a date (YYYY-MM-DD) meaning the end of that day in county time. */
export type DueGiven = Date | string;

export type ObligationEventKind = ObligationEvent['kind'];
type EventOf<K extends ObligationEventKind> = Extract<ObligationEvent, { kind: K }>;

export const SOURCE_KINDS: Record<ObligationEventKind, string> = {
  victim_identified: 'identification',
  first_responder_contact: 'first_responder_contact',
  mdt_held: 'mdt_meeting',
  action_item_created: 'mdt_action_item',
  screening_due: 'screening',
  missing_discovered: 'missing_episode',
  youth_returned: 'missing_episode',
  advocacy_referred: 'advocacy_referral',
};

/**
 * Who owns a new obligation:
 * - child_welfare_worker: the youth's active primary child welfare worker, else the recorder;
 * - primary_worker: the youth's active primary worker in any agency (child welfare first, then
 *   probation), else the recorder;
 * - recorder: whoever recorded the event;
 * - given: named by the event (the action item's owner, the responding agency).
 */
export type OwnerStrategy = 'child_welfare_worker' | 'primary_worker' | 'recorder';
export type PlannedOwner =
  { strategy: OwnerStrategy } | { strategy: 'given'; userId: string | null; organizationId: string };

export type DueRule<E> =
  /** From the event time, by a duration: hours/minutes elapsed, days calendar. */
  | { after: (settings: CountySettings, event: E) => Duration }
  /** When the event says: an instant, or the end of the calendar day (county time) it names. */
  | { given: (event: E) => DueGiven };

export interface ObligationRule<E> {
  opens: RuleObligationKind;
  /** In words, for the reader of this table and the docs. */
  why: string;
  /** Whether the rule applies to this event, under the county's settings. */
  when?: (event: E, settings: CountySettings) => boolean;
  due: DueRule<E>;
  owner: (event: E) => PlannedOwner;
  /** One obligation per part of the event (its source_part), instead of one per event. */
  parts?: (event: E) => { part: string; owner: PlannedOwner }[];
}

const strategy = (s: OwnerStrategy) => () => ({ strategy: s }) as const;

export const OBLIGATION_RULES: { [K in ObligationEventKind]: readonly ObligationRule<EventOf<K>>[] } = {
  victim_identified: [
    {
      opens: 'crisis_mdt_24h',
      why: 'Tier 1: a youth in immediate danger gets a crisis MDT within hours (24 by default, elapsed).',
      when: (e) => e.immediateDanger,
      due: { after: (s) => ({ hours: s.response.crisisMdtHours }) },
      owner: strategy('child_welfare_worker'),
    },
    {
      opens: 'initial_mdt',
      why: 'Tier 2: otherwise an initial MDT within 7 to 10 calendar days (7 by default).',
      when: (e) => !e.immediateDanger,
      due: { after: (s) => ({ days: s.response.initialMdtDays }) },
      owner: strategy('child_welfare_worker'),
    },
  ],
  first_responder_contact: [
    {
      opens: 'responders_on_scene',
      why: 'Each responding agency on scene within 90 minutes of the call (elapsed); one duty per agency, owned by it.',
      due: { after: (s) => ({ minutes: s.response.respondersOnSceneMinutes }) },
      owner: strategy('recorder'),
      parts: (e) => {
        const byAgency = new Map<string, { part: string; owner: PlannedOwner }>();
        for (const a of e.agencies) {
          if (byAgency.has(a.organizationId)) continue;
          // The agency owns it: a named responder, or the recorder when the recorder is of that agency.
          const userId = a.userId ?? (a.organizationId === e.recordedBy.organizationId ? e.recordedBy.userId : null);
          byAgency.set(a.organizationId, {
            part: a.organizationId,
            owner: { strategy: 'given', userId, organizationId: a.organizationId },
          });
        }
        return [...byAgency.values()];
      },
    },
    {
      opens: 'health_evaluation_72h',
      why: 'A health evaluation within 72 hours of the contact (elapsed), arranged by the child welfare worker.',
      due: { after: (s) => ({ hours: s.response.healthEvaluationHours }) },
      owner: strategy('child_welfare_worker'),
    },
  ],
  mdt_held: [
    {
      opens: 'ongoing_mdt_review',
      why: 'Tier 3: the next review 30 calendar days after this meeting, owned by whoever coordinates (recorded) it.',
      due: { after: (s) => ({ days: s.response.ongoingMdtDays }) },
      owner: strategy('recorder'),
    },
  ],
  action_item_created: [
    {
      opens: 'mdt_action_item',
      why: 'Due when the team set (a date: the end of that day), owned by the person (or agency) it was given to.',
      due: { given: (e) => e.dueAt },
      owner: (e) => ({ strategy: 'given', userId: e.owner.userId, organizationId: e.owner.organizationId }),
    },
  ],
  screening_due: [
    {
      opens: 'screening_due',
      why: 'The next screening, due at the end of the scheduled day, owned by the youth\u2019s primary worker.',
      due: { given: (e) => e.dueAt },
      owner: strategy('primary_worker'),
    },
  ],
  // SB 794 / P.L. 113-183: law enforcement (for NCIC) and NCMEC immediately, never later than 24
  // hours; the county may be stricter (county-settings.ts bounds them at 24). The notifications
  // are county policy. Every duty runs from the discovery, elapsed hours, owned by the primary worker.
  missing_discovered: [
    {
      opens: 'missing_report_law_enforcement',
      why: 'Report to law enforcement for NCIC entry, within 24 hours of discovery at the latest (elapsed).',
      due: { after: (s) => ({ hours: s.missing.lawEnforcementHours }) },
      owner: strategy('primary_worker'),
    },
    {
      opens: 'missing_report_ncmec',
      why: 'Report to NCMEC, within 24 hours of discovery at the latest (elapsed).',
      due: { after: (s) => ({ hours: s.missing.ncmecHours }) },
      owner: strategy('primary_worker'),
    },
    {
      opens: 'missing_notify_attorney',
      why: "Notify the youth's attorney (LA: within 24 hours; the county sets it).",
      due: { after: (s) => ({ hours: s.missing.attorneyHours }) },
      owner: strategy('primary_worker'),
    },
    {
      opens: 'missing_notify_parent',
      why: 'Notify the parent or guardian where appropriate (county default, the worker may say otherwise).',
      when: (e, s) => e.notifyParent ?? s.missing.notifyParentDefault,
      due: { after: (s) => ({ hours: s.missing.parentHours }) },
      owner: strategy('primary_worker'),
    },
    {
      opens: 'missing_notify_court',
      why: 'Notify the court, where county policy requires it.',
      when: (_e, s) => s.missing.notifyCourt,
      due: { after: (s) => ({ hours: s.missing.courtHours }) },
      owner: strategy('primary_worker'),
    },
  ],
  youth_returned: [
    {
      opens: 'missing_debrief',
      why: 'The return debrief with a CSEC screening; no state deadline, the county sets it (72 hours by default, elapsed).',
      due: { after: (s) => ({ hours: s.missing.debriefHours }) },
      owner: strategy('primary_worker'),
    },
  ],
  // The contract's response-time term (seed 000: e.g. first contact within 24 hours), elapsed.
  advocacy_referred: [
    {
      opens: 'advocacy_first_contact',
      why: "The CBO's first contact with the youth, within its contract's first-contact hours of the referral (elapsed); owned by the CBO.",
      due: { after: (_s, e) => ({ hours: e.firstContactHours }) },
      owner: (e) => ({ strategy: 'given', userId: null, organizationId: e.organizationId }),
    },
  ],
};

/** What an event settles when it happens: an MDT meeting meets every open or missed MDT duty of the youth. */
export const OBLIGATION_EVENT_MEETS: { [K in ObligationEventKind]?: readonly RuleObligationKind[] } = {
  mdt_held: ['crisis_mdt_24h', 'initial_mdt', 'ongoing_mdt_review'],
};

export interface PlannedObligation {
  kind: RuleObligationKind;
  sourceKind: string;
  sourceId: string;
  sourcePart: string;
  dueAt: Date;
  owner: PlannedOwner;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The end of a calendar day in county time (23:59:59.999). */
export function endOfCountyDay(date: string, tz: string = COUNTY_TIME_ZONE): Date {
  const day = DATE.test(date) ? DateTime.fromISO(date, { zone: tz }) : null;
  if (!day?.isValid) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return day.endOf('day').toJSDate();
}

export function computeDue<E extends { at: Date }>(rule: DueRule<E>, settings: CountySettings, event: E): Date {
  if ('after' in rule) return dueAt(event.at, rule.after(settings, event));
  const given = rule.given(event);
  if (typeof given === 'string') return endOfCountyDay(given);
  if (Number.isNaN(given.getTime())) throw new RangeError('the due time is not a valid date and time');
  return given;
}

/** The obligations an event opens under the county's settings (pure; the same event gives the same plan). */
export function planObligations(event: ObligationEvent, settings: CountySettings): PlannedObligation[] {
  const rules = OBLIGATION_RULES[event.kind] as readonly ObligationRule<ObligationEvent>[];
  const sourceKind = event.sourceKind ?? SOURCE_KINDS[event.kind];
  const plan: PlannedObligation[] = [];
  for (const rule of rules) {
    if (rule.when && !rule.when(event, settings)) continue;
    const due = computeDue(rule.due, settings, event);
    const parts = rule.parts ? rule.parts(event) : [{ part: '', owner: rule.owner(event) }];
    for (const { part, owner } of parts) {
      plan.push({ kind: rule.opens, sourceKind, sourceId: event.sourceId, sourcePart: part, dueAt: due, owner });
    }
  }
  return plan;
}
