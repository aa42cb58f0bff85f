import { sql } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { conflict, forbidden, invalidField, notFound } from '../../errors.js';

/** Who may change a youth's team: the youth's own workers and MDT coordinators who can see the youth. */
function requireTeamManager(repo: YouthContext, relations: ReadonlySet<string>) {
  const carrier = can(repo.actor, 'youth.record') && (relations.has('assigned') || relations.has('supervises'));
  if (!carrier && !can(repo.actor, 'mdt.coordinate')) {
    throw forbidden(
      "Only the youth's own workers or an MDT coordinator can change the youth's team.",
      'mdt_team_not_allowed',
    );
  }
}

/** Adds a person to the youth's MDT: from now on they see the youth's shared record. */
export function addMember(repo: YouthContext, youthId: string, input: { userId: string; roleOnTeam?: string | null }) {
  return repo.forYouth(youthId, 'mdt.member.add', { read: ['identity'] }, async (scope) => {
    requireTeamManager(repo, scope.grant.relations);
    const [user] = await selectRows<{ id: string; organization_id: string; disabled_at: Date | null }>(
      scope.tx,
      sql`SELECT id, organization_id, disabled_at FROM users WHERE id = ${input.userId}`,
    );
    // Row-level security hides other counties' users: a team is one county's.
    if (!user || user.disabled_at)
      throw invalidField('/body/userId', 'unknown_reference', 'userId: no active user with that id in your county.');
    const [existing] = await selectRows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM mdt_members WHERE youth_id = ${youthId} AND user_id = ${input.userId} AND left_at IS NULL`,
    );
    if (existing) throw conflict('That person is already on the team.', undefined, 'already_on_team');
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO mdt_members (youth_id, county_id, user_id, organization_id, role_on_team, added_by)
          VALUES (${youthId}, ${scope.actor.countyId}, ${input.userId}, ${user.organization_id}, ${input.roleOnTeam ?? null}, ${scope.actor.userId})
          RETURNING id`,
    );
    scope.touch(['identity'], [row!.id]);
    scope.note({ member: input.userId });
    return { id: row!.id };
  });
}

/** Ends a person's membership (and with it their access through the team). Members may leave themselves. */
export function endMembership(repo: YouthContext, youthId: string, memberId: string) {
  return repo.forYouth(youthId, 'mdt.member.leave', { read: ['identity'] }, async (scope) => {
    const [member] = await selectRows<{ user_id: string }>(
      scope.tx,
      sql`SELECT user_id FROM mdt_members WHERE id = ${memberId} AND youth_id = ${youthId} AND left_at IS NULL FOR UPDATE`,
    );
    if (!member) throw notFound('team member');
    if (member.user_id !== scope.actor.userId) requireTeamManager(repo, scope.grant.relations);
    await selectRows(scope.tx, sql`UPDATE mdt_members SET left_at = now() WHERE id = ${memberId} RETURNING id`);
    scope.touch(['identity'], [memberId]);
    return { id: memberId, left: true };
  });
}
