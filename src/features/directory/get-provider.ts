import { sql } from 'drizzle-orm';
import type { ReferenceContext } from '../../access/contexts.js';
import { asDate } from '../../db/client.js';
import { changedFields } from '../../domain/directory.js';
import { notFound } from '../../errors.js';
import { execIn, loadProvider, type Exec, type HistorySource } from './store.js';
import { redactSnapshot, toView } from './view.js';

/** One provider of the user's county; another county's id is 404, like one that does not exist. */
export function getProvider(repo: ReferenceContext, id: string) {
  return repo.forCounty(
    'directory.provider.read',
    async ({ tx }) => {
      const row = await loadProvider(execIn(tx), id);
      if (!row) throw notFound('provider');
      return toView(row);
    },
    { audit: false },
  );
}

export interface HistoryEntry {
  version: number;
  source: HistorySource;
  changedAt: string;
  changedBy: string | null;
  changes: string[];
  snapshot: Record<string, unknown>;
}

/** Versions from `from` on (all by default), oldest first, each with the fields it changed. */
export async function historyOf(
  exec: Exec,
  providerId: string,
  currentKind: string,
  from = 1,
): Promise<HistoryEntry[]> {
  const rows = await exec<{
    version: number;
    source: HistorySource;
    changed_at: Date | string;
    display_name: string | null;
    snapshot: Record<string, unknown>;
  }>(
    sql`SELECT h.version, h.source, h.changed_at, u.display_name, h.snapshot
          FROM provider_history h LEFT JOIN users u ON u.id = h.changed_by
         WHERE h.provider_id = ${providerId}::uuid AND h.version >= ${from}::int - 1
         ORDER BY h.version, h.id`,
  );
  const out: HistoryEntry[] = [];
  let previous: Record<string, unknown> | null = null;
  for (const r of rows) {
    const changes = previous
      ? changedFields(previous, r.snapshot)
      : Object.entries(r.snapshot)
          .filter(([, v]) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0))
          .map(([k]) => k)
          .sort();
    if (r.version >= from) {
      out.push({
        version: r.version,
        source: r.source,
        changedAt: asDate(r.changed_at).toISOString(),
        changedBy: r.display_name,
        changes,
        snapshot: redactSnapshot(r.snapshot, currentKind),
      });
    }
    previous = r.snapshot;
  }
  return out;
}

export function providerHistory(repo: ReferenceContext, id: string) {
  return repo.forCounty(
    'directory.provider.history',
    async ({ tx }) => {
      const exec = execIn(tx);
      const row = await loadProvider(exec, id);
      if (!row) throw notFound('provider');
      return { versions: (await historyOf(exec, id, row.kind)).reverse() };
    },
    { audit: false },
  );
}
