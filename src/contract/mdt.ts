import { z } from 'zod';
import { CAREGIVER_PARTICIPATION, MDT_TIERS, YOUTH_PARTICIPATION } from '../domain/mdt.js';
import { ORGANIZATION_TYPES } from '../domain/people.js';
import { freeText, id, isoDateTime, line, name } from './primitives.js';
import { YouthId } from './youth.js';

const when = isoDateTime();

export const MemberAdd = z.object({ userId: id(), roleOnTeam: line({ max: 100 }).nullable().optional() }).strict();
export const MemberParams = YouthId.extend({ memberId: id() });
export const MemberAdded = z.object({ id: z.string() });
export const MemberLeft = z.object({ id: z.string(), left: z.boolean() });

export const MeetingCreate = z
  .object({
    tier: z.enum(MDT_TIERS),
    scheduledAt: when,
    heldAt: when.nullable().optional(),
    youthParticipation: z.enum(YOUTH_PARTICIPATION).nullable().optional(),
    caregiverParticipation: z.enum(CAREGIVER_PARTICIPATION).nullable().optional(),
    decisions: freeText({ max: 10_000 }).nullable().optional(),
    attendees: z
      .array(
        z
          .object({
            userId: id().nullable().optional(),
            name: name(200),
            organizationId: id().nullable().optional(),
            organizationType: z.enum(ORGANIZATION_TYPES),
            role: line({ max: 100 }).nullable().optional(),
            present: z.boolean(),
          })
          .strict(),
      )
      .max(60)
      .default([]),
    actionItems: z
      .array(z.object({ description: line({ min: 3, max: 1000 }), ownerUserId: id(), dueAt: when }).strict())
      .max(50)
      .default([]),
  })
  .strict();

export const MeetingCreated = z.object({
  id: z.string(),
  missingParties: z.array(z.string()),
  actionItemIds: z.array(z.string()),
  obligationIds: z.array(z.string()),
});
export type MeetingCreated = z.infer<typeof MeetingCreated>;

/** The MDT caseload review: youth whose crisis, initial or ongoing MDT is due or overdue. */
export const ReviewDueList = z.object({
  youth: z.array(
    z.object({
      youthId: z.string(),
      name: z.string().nullable().describe('Null for a youth with no names on record (a state extract)'),
      stateClientId: z
        .string()
        .nullable()
        .describe('For a youth with no names on record: their state client id, shown instead of the name'),
      tier: z.enum(MDT_TIERS),
      dueAt: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type ReviewDueList = z.infer<typeof ReviewDueList>;

export const MdtView = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      organization: z.string(),
      roleOnTeam: z.string().nullable(),
      joinedAt: z.string(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      version: z.number().int().describe('Send it back with a correction (optimistic concurrency)'),
      tier: z.enum(MDT_TIERS),
      scheduledAt: z.string(),
      heldAt: z.string().nullable(),
      youthParticipation: z.string().nullable(),
      caregiverParticipation: z.string().nullable(),
      decisions: z.string().nullable(),
      missingParties: z.array(z.string()),
      attendees: z.array(
        z.object({ name: z.string(), organizationType: z.string(), role: z.string().nullable(), present: z.boolean() }),
      ),
      actionItems: z.array(
        z.object({
          id: z.string(),
          description: z.string(),
          owner: z.string(),
          dueAt: z.string(),
          obligationId: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type MdtViewT = z.infer<typeof MdtView>;
export type MdtView = MdtViewT;
export type MdtMember = MdtView['members'][number];
export type MdtMeeting = MdtView['meetings'][number];
