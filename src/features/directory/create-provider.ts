import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { AdminContext } from '../../access/contexts.js';
import { EMPTY_PROVIDER } from '../../domain/directory.js';
import type { ProviderCreate } from '../../contract/directory.js';
import { applyInput, assertExternalRefFree, assertValid, givenFields } from './rules.js';
import { execIn, insertProvider } from './store.js';
import { requireEditor, toView } from './view.js';

/**
 * Adds a directory entry. An organization administrator's entry belongs to their organization
 * (organizationId defaults to it); a county administrator may create any entry of the county.
 */
export function createProvider(repo: AdminContext, input: z.infer<typeof ProviderCreate>) {
  return repo.forCounty(
    'directory.provider.create',
    async ({ tx, actor, note }) => {
      const countyAdmin = can(actor, 'directory.edit_any');
      const organizationId =
        input.organizationId !== undefined ? input.organizationId : countyAdmin ? null : actor.organizationId;
      requireEditor(actor, null, countyAdmin ? undefined : organizationId);
      const exec = execIn(tx);
      const data = applyInput({ ...EMPTY_PROVIDER, kind: input.kind, name: input.name }, { ...input, organizationId });
      const given = givenFields(input);
      await assertValid(exec, actor.countyId, data, given);
      await assertExternalRefFree(exec, actor.countyId, data.externalRef, null);
      const row = await insertProvider(exec, actor.countyId, data, {
        userId: actor.userId,
        source: 'edit',
        confirmVacancies: data.vacancies !== null,
      });
      note({ providerId: row.id, version: row.version, fields: given });
      return toView(row);
    },
    { audit: true },
  );
}
