import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import type { MdtTier } from '../../domain/mdt.js';
import type { MdtViewT } from '../../contract/mdt.js';

const iso = (v: Date | string | null) => (v === null ? null : asDate(v).toISOString());

/** The youth's current team and its meetings (attendance, what was missing, decisions, action items). */
export function getMdt(repo: YouthContext, youthId: string): Promise<MdtViewT> {
  return repo.forYouth(youthId, 'mdt.read', { read: ['exploitation'] }, async (scope) => {
    const { tx } = scope;
    const members = await selectRows<{
      id: string;
      user_id: string;
      name: string;
      organization: string;
      role_on_team: string | null;
      joined_at: Date | string;
    }>(
      tx,
      sql`SELECT m.id, m.user_id, u.display_name AS name, o.name AS organization, m.role_on_team, m.joined_at
            FROM mdt_members m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
           WHERE m.youth_id = ${youthId} AND m.left_at IS NULL ORDER BY m.joined_at`,
    );
    const meetings = await selectRows<{
      id: string;
      version: number;
      tier: MdtTier;
      scheduled_at: Date | string;
      held_at: Date | string | null;
      youth_participation: string | null;
      caregiver_participation: string | null;
      decisions: string | null;
      missing_parties: string[];
      attendees: { name: string; organizationType: string; role: string | null; present: boolean }[] | null;
      action_items:
        { id: string; description: string; owner: string; dueAt: string; obligationId: string | null }[] | null;
    }>(
      tx,
      sql`SELECT g.id, g.version, g.tier, g.scheduled_at, g.held_at, g.youth_participation, g.caregiver_participation, g.decisions, g.missing_parties,
            (SELECT json_agg(json_build_object('name', a.name, 'organizationType', a.organization_type, 'role', a.role, 'present', a.present))
               FROM mdt_attendees a WHERE a.meeting_id = g.id) AS attendees,
            (SELECT json_agg(json_build_object('id', i.id, 'description', i.description, 'owner', u.display_name, 'dueAt', i.due_at,
                    'obligationId', i.obligation_id) ORDER BY i.due_at)
               FROM mdt_action_items i JOIN users u ON u.id = i.owner_user_id WHERE i.meeting_id = g.id) AS action_items
          FROM mdt_meetings g WHERE g.youth_id = ${youthId} ORDER BY g.scheduled_at DESC`,
    );
    scope.touch(['identity', 'exploitation'], [...members.map((m) => m.id), ...meetings.map((m) => m.id)]);
    return {
      members: members.map((m) => ({
        id: m.id,
        userId: m.user_id,
        name: m.name,
        organization: m.organization,
        roleOnTeam: m.role_on_team,
        joinedAt: iso(m.joined_at)!,
      })),
      meetings: meetings.map((m) => ({
        id: m.id,
        version: m.version,
        tier: m.tier,
        scheduledAt: iso(m.scheduled_at)!,
        heldAt: iso(m.held_at),
        youthParticipation: m.youth_participation,
        caregiverParticipation: m.caregiver_participation,
        decisions: m.decisions,
        missingParties: m.missing_parties,
        attendees: m.attendees ?? [],
        actionItems: (m.action_items ?? []).map((i) => ({ ...i, dueAt: iso(i.dueAt)! })),
      })),
    };
  });
}
