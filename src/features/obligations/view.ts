import { sql } from 'drizzle-orm';
import { asDate } from '../../db/client.js';
import { statusAt } from '../../domain/deadlines.js';
import { kindDef, type ObligationKind } from './kinds.js';

import type { ObligationViewT } from '../../contract/obligations.js';
export { ObligationView, type ObligationViewT } from '../../contract/obligations.js';

export interface ObligationRow {
  id: string;
  youth_id: string;
  youth_name?: string | null;
  /** The state client id of a youth with no names, shown in place of the name. */
  youth_client_id?: string | null;
  kind: ObligationKind;
  status: 'open' | 'met' | 'missed' | 'waived';
  due_at: Date | string;
  owner_name: string | null;
  organization_name: string;
  met_at: Date | string | null;
  missed_at?: Date | string | null;
  met_record: Record<string, unknown> | null;
  waived_at: Date | string | null;
  waive_reason: string | null;
  created_at: Date | string;
  version: number;
}

export const OBLIGATION_SELECT = sql`SELECT ob.id, ob.youth_id, ob.kind, ob.status, ob.due_at, u.display_name AS owner_name,
    o.name AS organization_name, ob.met_at, ob.missed_at, ob.met_record, ob.waived_at, ob.waive_reason, ob.created_at, ob.version
  FROM obligations ob LEFT JOIN users u ON u.id = ob.owner_user_id JOIN organizations o ON o.id = ob.owner_organization_id`;

export function toView(raw: ObligationRow, now = new Date()): ObligationViewT {
  const row = {
    ...raw,
    due_at: asDate(raw.due_at),
    met_at: asDate(raw.met_at),
    waived_at: asDate(raw.waived_at),
    created_at: asDate(raw.created_at),
  };
  const kind = kindDef(row.kind);
  const status = statusAt({ dueAt: row.due_at, metAt: row.met_at, waivedAt: row.waived_at, status: row.status }, now);
  const missedAt = asDate(raw.missed_at ?? null);
  return {
    id: row.id,
    youthId: row.youth_id,
    ...(row.youth_name ? { youthName: row.youth_name } : {}),
    ...(row.youth_client_id ? { youthClientId: row.youth_client_id } : {}),
    kind: row.kind,
    basis: kind?.basis ?? '',
    status,
    dueAt: row.due_at.toISOString(),
    minutesLeft: Math.round((row.due_at.getTime() - now.getTime()) / 60_000),
    owner: row.owner_name,
    organization: row.organization_name,
    metAt: row.met_at?.toISOString() ?? null,
    metOnTime: row.met_at ? row.met_at.getTime() <= row.due_at.getTime() : null,
    missedAt: missedAt?.toISOString() ?? null,
    record: row.met_record,
    waiveReason: row.waive_reason,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
