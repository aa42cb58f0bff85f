import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { fieldError, HarborError } from '../../errors.js';
import type { ServiceCreate } from '../../contract/directory.js';

/** A county's own catalog entry; its key may not repeat a shared key or one of the county's. */
export function addService(repo: AdminContext, input: z.infer<typeof ServiceCreate>) {
  return repo.forCounty(
    'directory.service.create',
    async ({ tx, actor, note }) => {
      const [existing] = await selectRows<{ county_id: string | null; name: { en: string } }>(
        tx,
        sql`SELECT county_id, name FROM service_catalog WHERE key = ${input.key}`,
      );
      if (existing) {
        throw new HarborError(
          409,
          'service_key_taken',
          `key: "${input.key}" is already in the ${existing.county_id ? "county's" : 'shared'} catalog as "${existing.name.en}"; choose another key.`,
          { key: input.key },
          [fieldError('/body/key', 'duplicate')],
        );
      }
      await tx.execute(sql`INSERT INTO service_catalog (county_id, key, name, category)
        VALUES (${actor.countyId}, ${input.key}, ${JSON.stringify(input.name)}::jsonb, ${input.category})`);
      note({ key: input.key, category: input.category });
      return { key: input.key, name: input.name, category: input.category, county: true };
    },
    { audit: true },
  );
}
