import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { dueAt } from '../../domain/deadlines.js';
import { missingParties, type MdtTier } from '../../domain/mdt.js';
import { badRequest, forbidden, invalidField, notFound, staleVersion } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { changedFields, keepEarlier } from '../corrections/store.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import type { MeetingCorrection } from '../../contract/corrections.js';

interface Row {
  id: string;
  version: number;
  tier: MdtTier;
  scheduled_at: Date | string;
  held_at: Date | string | null;
  youth_participation: string | null;
  caregiver_participation: string | null;
  decisions: string | null;
  missing_parties: string[];
}

const isoOrNull = (v: Date | string | null) => (v === null ? null : asDate(v).toISOString());

/**
 * Corrects a recorded MDT meeting (tier, times, participation, decisions) with a reason; the
 * values replaced are kept for supervisors and auditors. Whoever may record meetings may correct
 * them. What follows from the meeting follows the correction: the required-party check is redone
 * for the tier, the duties it met are met at the corrected time, and the next ongoing review it
 * scheduled moves with it; a meeting first marked held opens and meets them as recording would.
 */
export function correctMeeting(
  repo: YouthContext,
  youthId: string,
  meetingId: string,
  input: z.infer<typeof MeetingCorrection>,
) {
  return repo.forYouth(youthId, 'mdt.meeting.correct', { read: ['exploitation'] }, async (scope) => {
    const r = scope.grant.relations;
    const allowed =
      r.has('mdt') ||
      can(scope.actor, 'mdt.coordinate') ||
      (can(scope.actor, 'youth.record') && (r.has('assigned') || r.has('supervises')));
    if (!allowed)
      throw forbidden(
        "Only the youth's team, workers or an MDT coordinator can correct its meetings.",
        'mdt_meeting_not_allowed',
      );
    const { tx, actor } = scope;
    const [current] = await selectRows<Row>(
      tx,
      sql`SELECT id, version, tier, scheduled_at, held_at, youth_participation, caregiver_participation, decisions, missing_parties
            FROM mdt_meetings WHERE id = ${meetingId} AND youth_id = ${youthId} FOR UPDATE`,
    );
    if (!current) throw notFound('MDT meeting');
    if (current.version !== input.version) throw staleVersion('meeting', input.version, current.version);
    if (input.heldAt && new Date(input.heldAt).getTime() > Date.now() + 60_000)
      throw invalidField('/body/heldAt', 'date_in_future', 'heldAt: a meeting cannot have been held in the future.');
    const before = {
      tier: current.tier,
      scheduledAt: isoOrNull(current.scheduled_at),
      heldAt: isoOrNull(current.held_at),
      youthParticipation: current.youth_participation,
      caregiverParticipation: current.caregiver_participation,
      decisions: current.decisions,
    };
    const next = {
      tier: input.tier ?? before.tier,
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : before.scheduledAt,
      heldAt: input.heldAt ? new Date(input.heldAt).toISOString() : before.heldAt,
      youthParticipation: input.youthParticipation === undefined ? before.youthParticipation : input.youthParticipation,
      caregiverParticipation:
        input.caregiverParticipation === undefined ? before.caregiverParticipation : input.caregiverParticipation,
      decisions: input.decisions === undefined ? before.decisions : input.decisions,
    };
    const earlier = changedFields(before, next);
    if (Object.keys(earlier).length === 0)
      throw badRequest('The correction changes nothing.', undefined, 'nothing_to_change');
    const settings = await settingsIn(tx, actor.countyId);
    const attendees = await selectRows<{ organizationType: string; present: boolean }>(
      tx,
      sql`SELECT organization_type AS "organizationType", present FROM mdt_attendees WHERE meeting_id = ${meetingId}`,
    );
    const missingNow = next.heldAt ? missingParties(settings.mdtRequiredParties[next.tier], attendees) : [];
    if (JSON.stringify(missingNow) !== JSON.stringify(current.missing_parties))
      earlier.missingParties = current.missing_parties;
    await keepEarlier(tx, {
      countyId: actor.countyId,
      youthId,
      kind: 'mdt_meeting',
      recordId: meetingId,
      action: 'corrected',
      version: current.version,
      earlier,
      reason: input.reason,
      by: actor.userId,
    });
    const [saved] = await selectRows<{ version: number }>(
      tx,
      sql`UPDATE mdt_meetings SET tier = ${next.tier}, scheduled_at = ${next.scheduledAt}, held_at = ${next.heldAt},
              youth_participation = ${next.youthParticipation}, caregiver_participation = ${next.caregiverParticipation},
              decisions = ${next.decisions},
              missing_parties = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(missingNow)}::jsonb)),
              version = version + 1
            WHERE id = ${meetingId} AND version = ${input.version} RETURNING version`,
    );
    const obligationIds: string[] = [];
    if (next.heldAt && !before.heldAt) {
      // Now recorded as held: as if it had been recorded held (meets the MDT duties, schedules the review).
      const { opened, met } = await openObligationsFor(tx, {
        kind: 'mdt_held',
        youthId,
        sourceId: meetingId,
        at: new Date(next.heldAt),
        recordedBy: actor,
        tier: next.tier,
      });
      obligationIds.push(...opened.map((o) => o.id), ...met.map((o) => o.id));
    } else if (next.heldAt && next.heldAt !== before.heldAt) {
      // The duties it met were met when it was really held; the next review runs from then.
      const met = await selectRows<{ id: string }>(
        tx,
        sql`UPDATE obligations SET met_at = ${next.heldAt},
                   met_record = jsonb_set(met_record, '{heldAt}', to_jsonb(${next.heldAt}::text)), version = version + 1
             WHERE youth_id = ${youthId} AND status = 'met' AND met_record->>'meetingId' = ${meetingId} RETURNING id`,
      );
      const due = dueAt(new Date(next.heldAt), { days: settings.response.ongoingMdtDays });
      const review = await selectRows<{ id: string }>(
        tx,
        sql`UPDATE obligations SET due_at = ${due.toISOString()},
                   status = CASE WHEN status = 'missed' AND ${due.toISOString()}::timestamptz > now() THEN 'open' ELSE status END,
                   version = version + 1
             WHERE youth_id = ${youthId} AND kind = 'ongoing_mdt_review' AND source_id = ${meetingId}
               AND status IN ('open', 'missed') RETURNING id`,
      );
      obligationIds.push(...met.map((o) => o.id), ...review.map((o) => o.id));
    }
    scope.touch(['identity', 'exploitation'], [meetingId, ...obligationIds]);
    scope.note({ corrected: Object.keys(earlier).sort(), missingParties: missingNow });
    return { id: meetingId, version: saved!.version, missingParties: missingNow };
  });
}
