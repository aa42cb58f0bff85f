// The shared service catalog (seed 004) is reference data Harbor ships; installed at every start.
import type { RawConnection } from '../../db/client.js';
import { SERVICE_CATALOG } from '../../domain/services.js';

export async function installServiceCatalog(conn: RawConnection): Promise<void> {
  for (const entry of SERVICE_CATALOG) {
    await conn.query(
      `INSERT INTO service_catalog (county_id, key, name, category) VALUES (NULL, $1, $2::jsonb, $3)
       ON CONFLICT (coalesce(county_id, '00000000-0000-0000-0000-000000000000'::uuid), key)
       DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category`,
      [entry.key, JSON.stringify(entry.name), entry.category],
    );
  }
}
