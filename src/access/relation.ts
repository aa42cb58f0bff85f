// The SQL that decides how a user relates to youth. Everything here runs inside the scoped
// transaction, so row-level security by county applies underneath it as a second wall.
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.js';
import { READ_GRANTS, RELATIONS, type Relation } from './grants.js';

const ACTIVE = (alias: string) =>
  sql.raw(`${alias}.starts_at <= now() AND (${alias}.ends_at IS NULL OR ${alias}.ends_at > now())`);

/** Relations that can give this user anything at all; others are never queried. */
export function usefulRelations(actor: Actor): Relation[] {
  return RELATIONS.filter((rel) => actor.roles.some((role) => (READ_GRANTS[role]?.[rel]?.length ?? 0) > 0));
}

function chainCte(actor: Actor): SQL {
  // Everyone the user supervises, directly or through others. UNION (not ALL) stops on cycles.
  return sql`WITH RECURSIVE chain(id) AS (
      SELECT u.id FROM users u WHERE u.supervisor_id = ${actor.userId}
      UNION SELECT u.id FROM users u JOIN chain c ON u.supervisor_id = c.id
    )`;
}

/** One row per youth the user relates to, with the relation; a subquery usable in FROM. */
function relationRows(actor: Actor, relations: Relation[], youthId?: string): SQL {
  const onYouth = (col: string) => (youthId ? sql` AND ${sql.raw(col)} = ${youthId}` : sql``);
  const parts: SQL[] = [];
  for (const rel of relations) {
    switch (rel) {
      case 'assigned':
        parts.push(sql`SELECT a.youth_id, 'assigned' AS rel FROM assignments a
          WHERE a.user_id = ${actor.userId} AND ${ACTIVE('a')}${onYouth('a.youth_id')}`);
        break;
      case 'supervises':
        parts.push(sql`SELECT a.youth_id, 'supervises' AS rel FROM assignments a JOIN chain ch ON ch.id = a.user_id
          WHERE ${ACTIVE('a')}${onYouth('a.youth_id')}`);
        break;
      case 'organization':
        parts.push(sql`SELECT c.youth_id, 'organization' AS rel FROM cases c
          WHERE c.organization_id = ${actor.organizationId} AND c.closed_on IS NULL${onYouth('c.youth_id')}`);
        parts.push(sql`SELECT r.youth_id, 'organization' AS rel FROM referrals r
          WHERE r.organization_id = ${actor.organizationId} AND r.closed_at IS NULL${onYouth('r.youth_id')}`);
        parts.push(sql`SELECT a.youth_id, 'organization' AS rel FROM assignments a
          WHERE a.organization_id = ${actor.organizationId} AND ${ACTIVE('a')}${onYouth('a.youth_id')}`);
        break;
      case 'mdt':
        parts.push(sql`SELECT m.youth_id, 'mdt' AS rel FROM mdt_members m
          WHERE m.user_id = ${actor.userId} AND m.left_at IS NULL${onYouth('m.youth_id')}`);
        break;
      case 'advocacy':
        parts.push(sql`SELECT ar.youth_id, 'advocacy' AS rel FROM advocacy_referrals ar
          WHERE ar.advocate_user_id = ${actor.userId}
            AND ar.state IN ('advocate_assigned','first_contact','engaged')${onYouth('ar.youth_id')}`);
        break;
      default: {
        const never: never = rel;
        throw new Error(`unknown relation ${String(never)}`);
      }
    }
  }
  if (parts.length === 0) parts.push(sql`SELECT NULL::uuid AS youth_id, NULL::text AS rel WHERE false`);
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * A complete statement: `youth_id, relations text[]` for every youth the user relates to through
 * the given relations (optionally just one youth). Callers wrap it as a CTE named `visible`.
 */
export function visibleYouthQuery(actor: Actor, relations: Relation[], youthId?: string): { cte: SQL } {
  const needsChain = relations.includes('supervises');
  const rows = relationRows(actor, relations, youthId);
  const cte = needsChain
    ? sql`${chainCte(actor)}, visible AS (SELECT youth_id, array_agg(DISTINCT rel) AS relations FROM (${rows}) r GROUP BY youth_id)`
    : sql`WITH visible AS (SELECT youth_id, array_agg(DISTINCT rel) AS relations FROM (${rows}) r GROUP BY youth_id)`;
  return { cte };
}
