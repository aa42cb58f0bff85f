import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReferenceContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import type { ServiceView } from '../../contract/directory.js';

type Service = z.infer<typeof ServiceView>;

/** The shared catalog and the county's own entries (row-level security shows only these), not retired. */
export function listServices(repo: ReferenceContext) {
  return repo.forCounty(
    'directory.services.list',
    async ({ tx }) => {
      const rows = await selectRows<{
        key: string;
        name: Service['name'];
        category: Service['category'];
        county_id: string | null;
      }>(tx, sql`SELECT key, name, category, county_id FROM service_catalog WHERE retired_at IS NULL`);
      return {
        services: rows
          .map((r) => ({ key: r.key, name: r.name, category: r.category, county: r.county_id !== null }))
          .sort((a, b) => a.name.en.localeCompare(b.name.en)),
      };
    },
    { audit: false },
  );
}
