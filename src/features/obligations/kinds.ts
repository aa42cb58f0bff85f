// The kinds of obligation Harbor tracks, what meets each one, and where the duty comes from.
// Which event opens which kind, when it is due and who owns it: src/domain/obligation-rules.ts.
import type { z } from 'zod';
import { MEET_RECORDS } from '../../contract/obligations.js';
import type { RuleObligationKind } from '../../domain/obligation-rules.js';

interface KindDef {
  /**
   * English, for the server-rendered exports (compliance CSV/XLSX). The web translates the kind
   * itself (obligationKinds.<kind>.label, .overdue and .basis in src/web/i18n).
   */
  label: string;
  /**
   * The legal or protocol basis, in English for API clients: plain words, no source citations
   * (the protocols come from seeds 000, 002 and 004; DOMAIN.md says which is which).
   */
  basis: string;
  meetRecord: z.ZodType<Record<string, unknown>>;
  /** The field of the meet record that says when the duty was done (met on time if at or before due). */
  doneAt: string;
  /**
   * Met only through its feature, which checks the record against its source (a missing-youth
   * report cannot be made before the discovery): the general meet route refuses it and says where.
   */
  metThrough?: string;
}

const MISSING_BASIS = 'SB 794, P.L. 113-183 (42 U.S.C. 671(a)(35)), PC 11166, WIC 16501.35';
const missingMet = 'the missing episode on the youth\u2019s record';

export const OBLIGATION_KINDS = {
  cross_report_law_enforcement: {
    label: 'Cross-report to law enforcement',
    basis: 'PC 11166(j): report a youth in care identified as a CSEC victim to law enforcement within 24 hours.',
    meetRecord: MEET_RECORDS.cross_report_law_enforcement,
    doneAt: 'madeAt',
  },
  responders_on_scene: {
    label: 'Responder on scene',
    basis:
      'First Responder Protocol: each responding agency is expected on scene within 90 minutes of the call; the county sets the time.',
    meetRecord: MEET_RECORDS.responders_on_scene,
    doneAt: 'arrivedAt',
  },
  health_evaluation_72h: {
    label: 'Health evaluation',
    basis:
      'First Responder Protocol: a health evaluation follows within 72 hours of first responder contact; the county sets the time.',
    meetRecord: MEET_RECORDS.health_evaluation_72h,
    doneAt: 'completedAt',
  },
  crisis_mdt_24h: {
    label: 'Crisis MDT',
    basis:
      'Three-tier MDT, tier 1: a crisis MDT within hours of identification when the youth is in immediate danger (treated as 24 hours; the county sets it).',
    meetRecord: MEET_RECORDS.crisis_mdt_24h,
    doneAt: 'heldAt',
  },
  initial_mdt: {
    label: 'Initial MDT',
    basis:
      'Three-tier MDT, tier 2: an initial MDT within 7 to 10 days of identification when there is no immediate danger; WIC 16524.8 parties.',
    meetRecord: MEET_RECORDS.initial_mdt,
    doneAt: 'heldAt',
  },
  ongoing_mdt_review: {
    label: 'Ongoing MDT review',
    basis:
      'Three-tier MDT, tier 3: the MDT meets regularly to review the youth (every 30 days unless the county sets otherwise).',
    meetRecord: MEET_RECORDS.ongoing_mdt_review,
    doneAt: 'heldAt',
  },
  mdt_action_item: {
    label: 'MDT action item',
    basis: 'An action item the MDT assigned, due on the date the team set.',
    meetRecord: MEET_RECORDS.mdt_action_item,
    doneAt: 'completedAt',
  },
  screening_due: {
    label: 'Screening due',
    basis:
      'County screening protocol (DOMAIN.md section 2): rescreen at the interval the county sets for the last level found.',
    meetRecord: MEET_RECORDS.screening_due,
    doneAt: 'completedAt',
  },
  missing_report_law_enforcement: {
    label: 'Missing report to law enforcement',
    basis: `${MISSING_BASIS}: report a missing youth in care to law enforcement, for entry in NCIC, immediately and never later than 24 hours.`,
    meetRecord: MEET_RECORDS.missing_report_law_enforcement,
    doneAt: 'reportedAt',
    metThrough: missingMet,
  },
  missing_report_ncmec: {
    label: 'Missing report to NCMEC',
    basis: `${MISSING_BASIS}: report a missing youth in care to the National Center for Missing and Exploited Children immediately and never later than 24 hours.`,
    meetRecord: MEET_RECORDS.missing_report_ncmec,
    doneAt: 'reportedAt',
    metThrough: missingMet,
  },
  missing_notify_attorney: {
    label: "Notify the youth's attorney",
    basis: "County policy (LA: within 24 hours): tell the youth's attorney the youth is missing.",
    meetRecord: MEET_RECORDS.missing_notify_attorney,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_notify_parent: {
    label: 'Notify the parent or guardian',
    basis: 'County policy: tell the parent or guardian the youth is missing, where appropriate.',
    meetRecord: MEET_RECORDS.missing_notify_parent,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_notify_court: {
    label: 'Notify the court',
    basis: 'County policy: tell the court a youth under its jurisdiction is missing.',
    meetRecord: MEET_RECORDS.missing_notify_court,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_debrief: {
    label: 'Return debrief',
    basis: `${MISSING_BASIS}: on return, find out why the youth left and what happened while away, screen for exploitation and document it. No state deadline; the county sets one.`,
    meetRecord: MEET_RECORDS.missing_debrief,
    doneAt: 'completedAt',
    metThrough: missingMet,
  },
  advocacy_first_contact: {
    label: 'Advocate first contact',
    basis:
      "The CBO's advocacy contract: first contact with a referred youth within the contract's response time (24 hours unless it says otherwise).",
    meetRecord: MEET_RECORDS.advocacy_first_contact,
    doneAt: 'contactedAt',
    metThrough: 'the advocacy referral (record the first contact there)',
  },
} as const satisfies Record<string, KindDef>;

// Every kind the rules open must be registered above (a compile error otherwise).
const _ruleKindsRegistered: Record<RuleObligationKind, KindDef> = OBLIGATION_KINDS;

export type ObligationKind = keyof typeof OBLIGATION_KINDS;
export const OBLIGATION_KIND_KEYS = Object.keys(OBLIGATION_KINDS) as ObligationKind[];

/** The definition of a kind, typed for generic use (meeting, notifications). */
export function kindDef(kind: string): KindDef | undefined {
  return Object.hasOwn(OBLIGATION_KINDS, kind) ? (OBLIGATION_KINDS as Record<string, KindDef>)[kind] : undefined;
}
