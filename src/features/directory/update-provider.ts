import type { z } from 'zod';
import type { AdminContext } from '../../access/contexts.js';
import { sameProvider } from '../../domain/directory.js';
import { badRequest, notFound } from '../../errors.js';
import type { ProviderPatch, VacancyUpdate } from '../../contract/directory.js';
import { applyInput, assertExternalRefFree, assertValid, givenFields, invalid, staleVersion } from './rules.js';
import { execIn, loadProvider, replaceProvider, rowToData } from './store.js';
import { requireEditor, toView } from './view.js';

/**
 * Changes an entry with optimistic concurrency: the editor sends the version they loaded; if
 * someone saved since, nothing is written and the 409 names who changed which fields.
 */
export function updateProvider(repo: AdminContext, id: string, patch: z.infer<typeof ProviderPatch>) {
  return repo.forCounty(
    'directory.provider.update',
    async ({ tx, actor, note }) => {
      const { version, ...input } = patch;
      const given = givenFields(input);
      if (given.length === 0)
        throw badRequest(
          'Send at least one field to change, with the version you loaded.',
          undefined,
          'nothing_to_change',
        );
      const exec = execIn(tx);
      const current = await loadProvider(exec, id, { forUpdate: true });
      if (!current) throw notFound('provider');
      requireEditor(actor, current, input.organizationId);
      if (current.version !== version) throw await staleVersion(exec, current, version);
      const before = rowToData(current);
      const next = applyInput(before, input);
      await assertValid(exec, actor.countyId, next, given);
      if (next.externalRef !== before.externalRef)
        await assertExternalRefFree(exec, actor.countyId, next.externalRef, id);
      if (sameProvider(before, next)) {
        note({ providerId: id, version: current.version, unchanged: true });
        return toView(current);
      }
      const row = await replaceProvider(exec, current, next, {
        userId: actor.userId,
        source: 'edit',
        confirmVacancies: input.vacancies !== undefined,
      });
      note({ providerId: id, version: row.version, fields: given });
      return toView(row);
    },
    { audit: true },
  );
}

/** The quick update providers make often: today's vacancy count, stamped as confirmed now. */
export function updateVacancies(repo: AdminContext, id: string, body: z.infer<typeof VacancyUpdate>) {
  return repo.forCounty(
    'directory.provider.vacancies',
    async ({ tx, actor, note }) => {
      const exec = execIn(tx);
      const current = await loadProvider(exec, id, { forUpdate: true });
      if (!current) throw notFound('provider');
      requireEditor(actor, current);
      if (body.version !== undefined && body.version !== current.version)
        throw await staleVersion(exec, current, body.version);
      const next = {
        ...rowToData(current),
        vacancies: body.vacancies,
        beds: body.beds === undefined ? current.beds : body.beds,
      };
      if (next.beds !== null && next.vacancies !== null && next.vacancies > next.beds) {
        throw invalid([
          {
            field: 'vacancies',
            message: `cannot be more than beds (${next.vacancies} vacancies, ${next.beds} beds)`,
            code: 'more_than_beds',
            params: { beds: next.beds },
          },
        ]);
      }
      const row = await replaceProvider(exec, current, next, {
        userId: actor.userId,
        source: 'edit',
        confirmVacancies: true,
      });
      note({
        providerId: id,
        version: row.version,
        fields: body.beds === undefined ? ['vacancies'] : ['beds', 'vacancies'],
      });
      return toView(row);
    },
    { audit: true },
  );
}
