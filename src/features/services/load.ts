// Reading service episodes for one youth, filtered by what the user may see:
// - an episode is shown only if the user's grant covers its service's field category;
// - advocates see only episodes linked to their own organization (referred by it or provided by it);
// - notes are shown to the linked organization and to the youth's own case carriers only.
import { sql } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { YouthScope } from '../../access/checkpoint.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { FieldCategory } from '../../domain/field-categories.js';
import type { ServiceStatus } from '../../domain/services.js';
import { invalidField } from '../../errors.js';
import type { ServiceEpisodeViewT } from '../../contract/services.js';

export interface EpisodeRow {
  id: string;
  service_key: string;
  service_name: { en: string; es: string } | null;
  category: FieldCategory | null;
  provider_id: string | null;
  provider_name: string | null;
  provider_organization_id: string | null;
  referred_by_name: string;
  referred_by_organization_id: string;
  referred_by_organization: string;
  referred_at: Date | string;
  started_at: Date | string | null;
  ended_at: Date | string | null;
  status: ServiceStatus;
  end_reason: string | null;
  funding_source: string | null;
  notes: string | null;
  version: number;
}

export async function loadEpisodes(tx: Db, youthId: string, episodeId?: string): Promise<EpisodeRow[]> {
  return selectRows<EpisodeRow>(
    tx,
    sql`SELECT e.id, e.service_key, c.name AS service_name, c.category, e.provider_id, p.name AS provider_name,
               p.organization_id AS provider_organization_id, u.display_name AS referred_by_name,
               e.referred_by_organization_id, o.name AS referred_by_organization, e.referred_at, e.started_at, e.ended_at,
               e.status, e.end_reason, e.funding_source, e.notes, e.version
          FROM service_episodes e
          LEFT JOIN LATERAL (SELECT name, category FROM service_catalog sc WHERE sc.key = e.service_key
                              ORDER BY sc.county_id NULLS LAST LIMIT 1) c ON true
          LEFT JOIN providers p ON p.id = e.provider_id
          JOIN users u ON u.id = e.referred_by
          JOIN organizations o ON o.id = e.referred_by_organization_id
         WHERE e.youth_id = ${youthId}${episodeId ? sql` AND e.id = ${episodeId}` : sql``}
         ORDER BY coalesce(e.started_at, e.referred_at) DESC`,
  );
}

/** The catalog entry visible to this county (its own first, then the shared one). */
export async function catalogEntry(tx: Db, key: string): Promise<{ key: string; category: FieldCategory }> {
  const [row] = await selectRows<{ key: string; category: FieldCategory }>(
    tx,
    sql`SELECT key, category FROM service_catalog WHERE key = ${key} AND retired_at IS NULL ORDER BY county_id NULLS LAST LIMIT 1`,
  );
  if (!row)
    throw invalidField(
      '/body/serviceKey',
      'not_in_catalog',
      `serviceKey: "${key}" is not in your county's service catalog.`,
    );
  return row;
}

export function linkedToUser(
  scope: Pick<YouthScope, 'actor'>,
  row: Pick<EpisodeRow, 'referred_by_organization_id' | 'provider_organization_id'>,
) {
  const org = scope.actor.organizationId;
  return row.referred_by_organization_id === org || row.provider_organization_id === org;
}

const isCaseCarrier = (scope: Pick<YouthScope, 'actor' | 'grant'>) =>
  can(scope.actor, 'youth.record') &&
  (scope.grant.relations.has('assigned') || scope.grant.relations.has('supervises'));

export function visibleTo(scope: Pick<YouthScope, 'actor' | 'grant'>, row: EpisodeRow): boolean {
  if (!scope.grant.read.has(row.category ?? 'identity')) return false;
  if (can(scope.actor, 'services.record_linked') && !isCaseCarrier(scope)) return linkedToUser(scope, row);
  return true;
}

export function toView(scope: Pick<YouthScope, 'actor' | 'grant'>, row: EpisodeRow): ServiceEpisodeViewT {
  const notesVisible = linkedToUser(scope, row) || isCaseCarrier(scope);
  const iso = (v: Date | string | null) => (v === null ? null : asDate(v).toISOString());
  return {
    id: row.id,
    service: {
      key: row.service_key,
      name: row.service_name ?? { en: row.service_key, es: row.service_key },
      category: row.category ?? 'identity',
    },
    provider: row.provider_id ? { id: row.provider_id, name: row.provider_name ?? '' } : null,
    referredBy: row.referred_by_name,
    referredByOrganization: row.referred_by_organization,
    referredAt: iso(row.referred_at)!,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    status: row.status,
    endReason: row.end_reason,
    fundingSource: row.funding_source,
    notes: notesVisible ? row.notes : null,
    notesHidden: !notesVisible && row.notes !== null,
    version: row.version,
  };
}

/**
 * Who may record or change an episode of a service in this category: the youth's case carriers
 * with the write grant, or an advocate for an episode linked to the advocate's organization.
 */
export function requireEpisodeWrite(scope: YouthScope, category: FieldCategory, linkedToOwnOrganization: boolean) {
  if (scope.grant.write.has(category)) return;
  if (can(scope.actor, 'services.record_linked') && linkedToOwnOrganization && scope.grant.read.has(category)) return;
  scope.require(category, 'write');
}
