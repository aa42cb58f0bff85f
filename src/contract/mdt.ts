import { z } from 'zod';
import { MDT_TIERS } from '../../domain/mdt.js';
import { ORGANIZATION_TYPES } from '../../domain/people.js';

const when = z.string().datetime({ offset: true });
const participation = z.enum(['in_person', 'remote', 'not_present', 'declined']);

export const MemberAdd = z
  .object({ userId: z.string().uuid('is not a user id'), roleOnTeam: z.string().trim().max(100).nullable().optional() })
  .strict();

export const MeetingCreate = z
  .object({
    tier: z.enum(MDT_TIERS),
    scheduledAt: when,
    heldAt: when.nullable().optional(),
    youthParticipation: participation.nullable().optional(),
    caregiverParticipation: z.enum(['in_person', 'remote', 'not_present', 'declined', 'none']).nullable().optional(),
    decisions: z.string().max(10_000).nullable().optional(),
    attendees: z
      .array(
        z
          .object({
            userId: z.string().uuid().nullable().optional(),
            name: z.string().trim().min(1).max(200),
            organizationId: z.string().uuid().nullable().optional(),
            organizationType: z.enum(ORGANIZATION_TYPES),
            role: z.string().trim().max(100).nullable().optional(),
            present: z.boolean(),
          })
          .strict(),
      )
      .max(60)
      .default([]),
    actionItems: z
      .array(
        z
          .object({ description: z.string().trim().min(3).max(1000), ownerUserId: z.string().uuid(), dueAt: when })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

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
