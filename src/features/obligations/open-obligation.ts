import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import type { ObligationKind } from './kinds.js';

export interface NewObligation {
  countyId: string;
  youthId: string;
  kind: ObligationKind;
  sourceKind: string;
  sourceId: string;
  /** Which part of the source, when one source opens the kind several times (a responding agency's id). */
  sourcePart?: string;
  dueAt: Date;
  ownerUserId: string | null;
  ownerOrganizationId: string;
}

/** Opens an obligation inside the caller's transaction; the same source (and part) never opens it twice. */
export async function openObligation(tx: Db, o: NewObligation): Promise<string | null> {
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, source_part, due_at, owner_user_id, owner_organization_id)
        VALUES (${o.countyId}, ${o.youthId}, ${o.kind}, ${o.sourceKind}, ${o.sourceId}, ${o.sourcePart ?? ''}, ${o.dueAt.toISOString()},
                ${o.ownerUserId}, ${o.ownerOrganizationId})
        ON CONFLICT (kind, source_id, source_part) WHERE source_id IS NOT NULL DO NOTHING
        RETURNING id`,
  );
  return row?.id ?? null;
}

/**
 * Who carries a youth's child welfare duties: the active primary worker in a child welfare
 * organization; if none, null (the caller falls back to whoever recorded the event).
 */
export async function childWelfareOwner(
  tx: Db,
  youthId: string,
): Promise<{ userId: string; organizationId: string } | null> {
  const [row] = await selectRows<{ user_id: string; organization_id: string }>(
    tx,
    sql`SELECT a.user_id, a.organization_id FROM assignments a JOIN organizations o ON o.id = a.organization_id
         WHERE a.youth_id = ${youthId} AND o.type = 'child_welfare' AND a.role = 'primary'
           AND a.starts_at <= now() AND (a.ends_at IS NULL OR a.ends_at > now())
         ORDER BY a.starts_at DESC LIMIT 1`,
  );
  return row ? { userId: row.user_id, organizationId: row.organization_id } : null;
}

/**
 * The youth's active primary worker in any agency: child welfare first, then probation, then the
 * most recent. Null when nobody holds the youth as primary.
 */
export async function primaryWorker(
  tx: Db,
  youthId: string,
): Promise<{ userId: string; organizationId: string } | null> {
  const [row] = await selectRows<{ user_id: string; organization_id: string }>(
    tx,
    sql`SELECT a.user_id, a.organization_id FROM assignments a JOIN organizations o ON o.id = a.organization_id
         WHERE a.youth_id = ${youthId} AND a.role = 'primary'
           AND a.starts_at <= now() AND (a.ends_at IS NULL OR a.ends_at > now())
         ORDER BY (o.type = 'child_welfare') DESC, (o.type = 'probation') DESC, a.starts_at DESC LIMIT 1`,
  );
  return row ? { userId: row.user_id, organizationId: row.organization_id } : null;
}

/** A youth "receiving child welfare services": an open child welfare case today. */
export async function receivesChildWelfare(tx: Db, youthId: string): Promise<boolean> {
  const [row] = await selectRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM cases WHERE youth_id = ${youthId} AND kind = 'child_welfare' AND closed_on IS NULL`,
  );
  return (row?.n ?? 0) > 0;
}
