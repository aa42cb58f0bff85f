import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { missingParties } from '../../domain/mdt.js';
import { forbidden, invalidField } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import type { MeetingCreate } from '../../contract/mdt.js';

/**
 * Records an MDT meeting with its attendance, the required-party check (what was missing is kept
 * with the meeting), decisions and action items. Members of the team, the youth's workers and
 * MDT coordinators may record; everyone present who is a Harbor user joins the team.
 */
export function recordMeeting(repo: YouthContext, youthId: string, input: z.infer<typeof MeetingCreate>) {
  return repo.forYouth(youthId, 'mdt.meeting.record', { read: ['exploitation'] }, async (scope) => {
    const r = scope.grant.relations;
    const allowed =
      r.has('mdt') ||
      can(scope.actor, 'mdt.coordinate') ||
      (can(scope.actor, 'youth.record') && (r.has('assigned') || r.has('supervises')));
    if (!allowed)
      throw forbidden(
        "Only the youth's team, workers or an MDT coordinator can record its meetings.",
        'mdt_meeting_not_allowed',
      );
    if (input.heldAt && new Date(input.heldAt).getTime() > Date.now() + 60_000)
      throw invalidField('/body/heldAt', 'date_in_future', 'heldAt: a meeting cannot have been held in the future.');
    const { tx, actor } = scope;
    const userIds = [
      ...new Set([
        ...input.attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
        ...input.actionItems.map((a) => a.ownerUserId),
      ]),
    ];
    if (userIds.length) {
      const found = await selectRows<{ id: string }>(
        tx,
        sql`SELECT id FROM users WHERE id IN (${sql.join(
          userIds.map((u) => sql`${u}`),
          sql`, `,
        )})`,
      );
      const missing = userIds.filter((u) => !found.some((f) => f.id === u));
      if (missing.length)
        throw invalidField(
          input.attendees.some((a) => a.userId && missing.includes(a.userId)) ? '/body/attendees' : '/body/actionItems',
          'unknown_reference',
          `attendees/actionItems: no user in your county with id ${missing.join(', ')}.`,
        );
    }
    const missingNow = input.heldAt
      ? missingParties((await settingsIn(tx, actor.countyId)).mdtRequiredParties[input.tier], input.attendees)
      : [];
    const [meeting] = await selectRows<{ id: string }>(
      tx,
      sql`INSERT INTO mdt_meetings (youth_id, county_id, tier, scheduled_at, held_at, youth_participation, caregiver_participation,
            decisions, missing_parties, created_by)
          VALUES (${youthId}, ${actor.countyId}, ${input.tier}, ${input.scheduledAt}, ${input.heldAt ?? null},
            ${input.youthParticipation ?? null}, ${input.caregiverParticipation ?? null}, ${input.decisions ?? null},
            ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(missingNow)}::jsonb)), ${actor.userId})
          RETURNING id`,
    );
    const meetingId = meeting!.id;
    for (const a of input.attendees) {
      await tx.execute(sql`INSERT INTO mdt_attendees (meeting_id, county_id, user_id, name, organization_id, organization_type, role, present)
        VALUES (${meetingId}, ${actor.countyId}, ${a.userId ?? null}, ${a.name}, ${a.organizationId ?? null}, ${a.organizationType}, ${a.role ?? null}, ${a.present})`);
      if (a.userId && a.present) {
        await tx.execute(sql`INSERT INTO mdt_members (youth_id, county_id, user_id, organization_id, role_on_team, added_by)
          SELECT ${youthId}, ${actor.countyId}, u.id, u.organization_id, ${a.role ?? null}, ${actor.userId} FROM users u WHERE u.id = ${a.userId}
          ON CONFLICT (youth_id, user_id) WHERE left_at IS NULL DO NOTHING`);
      }
    }
    const actionIds: string[] = [];
    const obligationIds: string[] = [];
    for (const item of input.actionItems) {
      const [row] = await selectRows<{ id: string; organization_id: string }>(
        tx,
        sql`INSERT INTO mdt_action_items (meeting_id, youth_id, county_id, description, owner_user_id, due_at)
            VALUES (${meetingId}, ${youthId}, ${actor.countyId}, ${item.description}, ${item.ownerUserId}, ${item.dueAt})
            RETURNING id, (SELECT organization_id FROM users WHERE id = ${item.ownerUserId}) AS organization_id`,
      );
      // Each action item becomes an obligation on its owner's worklist until done.
      const { opened } = await openObligationsFor(tx, {
        kind: 'action_item_created',
        youthId,
        sourceId: row!.id,
        at: new Date(),
        recordedBy: actor,
        dueAt: new Date(item.dueAt),
        owner: { userId: item.ownerUserId, organizationId: row!.organization_id },
      });
      if (opened[0]) {
        await tx.execute(sql`UPDATE mdt_action_items SET obligation_id = ${opened[0].id} WHERE id = ${row!.id}`);
        obligationIds.push(opened[0].id);
      }
      actionIds.push(row!.id);
    }
    if (input.heldAt) {
      // A held meeting meets the youth's open MDT duties and schedules the next ongoing review.
      const { opened } = await openObligationsFor(tx, {
        kind: 'mdt_held',
        youthId,
        sourceId: meetingId,
        at: new Date(input.heldAt),
        recordedBy: actor,
        tier: input.tier,
      });
      obligationIds.push(...opened.map((o) => o.id));
    }
    scope.touch(['identity', 'exploitation'], [meetingId, ...actionIds, ...obligationIds]);
    scope.note({ tier: input.tier, held: !!input.heldAt, missingParties: missingNow });
    return { id: meetingId, missingParties: missingNow, actionItemIds: actionIds, obligationIds };
  });
}
