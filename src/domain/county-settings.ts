// Rules that differ between counties live in county settings, with defaults from DOMAIN.md.
// Each later capability adds its section here (response timelines, MDT parties, ...).
import { z } from 'zod';
import { line } from '../contract/primitives.js';
import { DEFAULT_REQUIRED_PARTIES } from './mdt.js';
import { ORGANIZATION_TYPES } from './people.js';

const RESPONSE_DEFAULTS = {
  respondersOnSceneMinutes: 90,
  healthEvaluationHours: 72,
  crisisMdtHours: 24,
  initialMdtDays: 7,
  ongoingMdtDays: 30,
};

const MISSING_DEFAULTS = {
  lawEnforcementHours: 24,
  ncmecHours: 24,
  attorneyHours: 24,
  notifyParentDefault: true,
  parentHours: 24,
  notifyCourt: false,
  courtHours: 48,
  debriefHours: 72,
};

const ADVOCACY_DEFAULTS = {
  requiredTrainings: [
    { key: 'csec_101', label: 'CSEC 101' },
    { key: 'csec_102', label: 'CSEC 102' },
    { key: 'county_protocol', label: 'County CSEC protocol' },
  ],
  recoveredWindowDays: 60,
  reportPeriodStartMonths: [3, 7, 11],
  vettingWarningDays: 30,
};

const ESCALATION_DEFAULTS = {
  owner: true,
  supervisor_chain: true,
  supervisor_levels: 1,
  county_admin: false,
  email: true,
};

const parties = z
  .array(z.enum(ORGANIZATION_TYPES))
  .min(1, 'name at least one organization type')
  .max(ORGANIZATION_TYPES.length)
  .refine((list) => new Set(list).size === list.length, {
    message: 'lists an organization type twice',
    params: { code: 'duplicate' },
  })
  .describe('Organization types (src/domain/people.ts) that must take part');

export const CountySettingsSchema = z.object({
  screening: z
    .object({
      /** Months until the next screening is due, by the last level found (DOMAIN.md section 2: configurable). */
      rescreenMonths: z
        .object({
          no_concern: z.number().int().min(1).max(36).default(12),
          possible_concern: z.number().int().min(1).max(36).default(6),
          clear_concern: z.number().int().min(1).max(36).default(3),
        })
        .default({ no_concern: 12, possible_concern: 6, clear_concern: 3 }),
    })
    .default({ rescreenMonths: { no_concern: 12, possible_concern: 6, clear_concern: 3 } }),
  crossReport: z
    .object({
      /** PC 11166(j): cross-report an identified victim to law enforcement within 24 hours. A county may be stricter, never looser. */
      hours: z.number().int().min(1).max(24).default(24),
    })
    .default({ hours: 24 }),
  /** Response timelines (DOMAIN.md section 4: First Responder Protocol and the three-tier MDT; configurable). */
  response: z
    .object({
      respondersOnSceneMinutes: z
        .number()
        .int()
        .min(15)
        .max(240)
        .default(RESPONSE_DEFAULTS.respondersOnSceneMinutes)
        .describe(
          'First Responder Protocol: each responding agency on scene within this many minutes of the call (elapsed time; protocol: 90)',
        ),
      healthEvaluationHours: z
        .number()
        .int()
        .min(1)
        .max(168)
        .default(RESPONSE_DEFAULTS.healthEvaluationHours)
        .describe(
          'First Responder Protocol: health evaluation within this many hours of first responder contact (elapsed time; protocol: 72)',
        ),
      crisisMdtHours: z
        .number()
        .int()
        .min(2)
        .max(48)
        .default(RESPONSE_DEFAULTS.crisisMdtHours)
        .describe(
          'Tier 1: crisis MDT within this many hours of identification when the youth is in immediate danger (elapsed time; the report says 2 to 23 hours, treated as 24)',
        ),
      initialMdtDays: z
        .number()
        .int()
        .min(7)
        .max(10)
        .default(RESPONSE_DEFAULTS.initialMdtDays)
        .describe(
          'Tier 2: initial MDT within this many calendar days of identification when there is no immediate danger; the protocol says 7 to 10 days, so 7 to 10 is accepted',
        ),
      ongoingMdtDays: z
        .number()
        .int()
        .min(7)
        .max(90)
        .default(RESPONSE_DEFAULTS.ongoingMdtDays)
        .describe('Tier 3: ongoing MDT review this many calendar days after the last MDT meeting (default 30)'),
    })
    .default(RESPONSE_DEFAULTS),
  /** The organization types each MDT tier must include (WIC 16524.8; configurable per county). */
  mdtRequiredParties: z
    .object({
      crisis: parties,
      initial: parties,
      ongoing: parties,
    })
    .default({
      crisis: [...DEFAULT_REQUIRED_PARTIES],
      initial: [...DEFAULT_REQUIRED_PARTIES],
      ongoing: [...DEFAULT_REQUIRED_PARTIES],
    }),
  /** Missing and runaway youth (DOMAIN.md section 5: SB 794, P.L. 113-183, PC 11166, WIC 16501.35). */
  missing: z
    .object({
      /** The law says immediately and never later than 24 hours: a county may be stricter, never looser. */
      lawEnforcementHours: z
        .number()
        .int()
        .min(1)
        .max(24)
        .default(MISSING_DEFAULTS.lawEnforcementHours)
        .describe(
          'Report a missing youth to law enforcement (for NCIC entry) within this many hours of discovery (elapsed; the law: immediately, never later than 24)',
        ),
      ncmecHours: z
        .number()
        .int()
        .min(1)
        .max(24)
        .default(MISSING_DEFAULTS.ncmecHours)
        .describe(
          'Report to the National Center for Missing and Exploited Children within this many hours of discovery (elapsed; the law: never later than 24)',
        ),
      attorneyHours: z
        .number()
        .int()
        .min(1)
        .max(72)
        .default(MISSING_DEFAULTS.attorneyHours)
        .describe("Notify the youth's attorney within this many hours of discovery (county policy; LA: 24)"),
      notifyParentDefault: z
        .boolean()
        .default(MISSING_DEFAULTS.notifyParentDefault)
        .describe(
          'Open a duty to notify the parent or guardian unless the worker says it is not appropriate for this youth',
        ),
      parentHours: z
        .number()
        .int()
        .min(1)
        .max(72)
        .default(MISSING_DEFAULTS.parentHours)
        .describe('Notify the parent or guardian within this many hours of discovery (county policy)'),
      notifyCourt: z
        .boolean()
        .default(MISSING_DEFAULTS.notifyCourt)
        .describe('County policy requires notifying the court of a missing youth'),
      courtHours: z
        .number()
        .int()
        .min(1)
        .max(120)
        .default(MISSING_DEFAULTS.courtHours)
        .describe('Notify the court within this many hours of discovery, when county policy requires it'),
      debriefHours: z
        .number()
        .int()
        .min(1)
        .max(720)
        .default(MISSING_DEFAULTS.debriefHours)
        .describe(
          'Debrief the youth (why they left, what happened while away, a CSEC screening) within this many hours of return. The state sets no deadline for it (DOMAIN.md section 5, unconfirmed): this is county policy; default 72',
        ),
    })
    .default(MISSING_DEFAULTS),
  /** Advocacy by contracted CBOs (issue 6; seed 000, DOMAIN.md sections 1 and 7). */
  advocacy: z
    .object({
      requiredTrainings: z
        .array(
          z
            .object({
              key: z
                .string()
                .trim()
                .regex(/^[a-z0-9_]{2,40}$/, 'use lower-case letters, digits and _'),
              label: line({ min: 2, max: 120 }),
            })
            .strict(),
        )
        .min(1, 'name at least one required training')
        .max(20)
        .refine((list) => new Set(list.map((t) => t.key)).size === list.length, {
          message: 'lists a training twice',
          params: { code: 'duplicate' },
        })
        .default([...ADVOCACY_DEFAULTS.requiredTrainings])
        .describe('Trainings an advocate must have completed (and not expired) to be assigned a youth'),
      recoveredWindowDays: z
        .number()
        .int()
        .min(7)
        .max(365)
        .default(ADVOCACY_DEFAULTS.recoveredWindowDays)
        .describe(
          '"Recovered and connected to services": the linked service must start within this many days of the referral (default 60)',
        ),
      reportPeriodStartMonths: z
        .array(z.number().int().min(1).max(12))
        .min(1)
        .max(12)
        .refine((list) => new Set(list).size === list.length, {
          message: 'lists a month twice',
          params: { code: 'duplicate' },
        })
        .default([...ADVOCACY_DEFAULTS.reportPeriodStartMonths])
        .describe(
          "The months the Board's reporting periods start on (default March, July, November: four-month periods)",
        ),
      vettingWarningDays: z
        .number()
        .int()
        .min(1)
        .max(180)
        .default(ADVOCACY_DEFAULTS.vettingWarningDays)
        .describe('Show clearances, trainings and approvals this many days before they expire'),
    })
    .default(ADVOCACY_DEFAULTS),
  /** Who is told when a deadline passes without being met (in-app notification, and an email with only a link). */
  escalation: z
    .object({
      owner: z.boolean().default(true).describe("The obligation's owner"),
      supervisor_chain: z
        .boolean()
        .default(true)
        .describe("The owner's supervisors (users.supervisor_id), up to supervisor_levels levels"),
      supervisor_levels: z
        .number()
        .int()
        .min(1)
        .max(5)
        .default(1)
        .describe('How many levels up the supervision chain to notify'),
      county_admin: z
        .boolean()
        .default(false)
        .describe("The county's administrators (they see no youth data: the notification carries only a link)"),
      email: z.boolean().default(true).describe('Also send an email (no youth name or details, only a link)'),
    })
    .default(ESCALATION_DEFAULTS),
});

export type CountySettings = z.infer<typeof CountySettingsSchema>;

export const DEFAULT_COUNTY_SETTINGS: CountySettings = CountySettingsSchema.parse({});

/** Stored settings may predate a section; missing parts take today's defaults. */
export function effectiveSettings(stored: unknown): CountySettings {
  const parsed = CountySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_COUNTY_SETTINGS;
}
