import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { ratingProblems } from '../../domain/instruments.js';
import { brokenRules, conflict, invalidField, ruleTexts } from '../../errors.js';
import { detail, loadInstrumentVersion, loadScreening } from './load.js';
import type { ScreeningCreate, ScreeningDetailT } from '../../contract/screenings.js';

/**
 * Starts a screening as a draft. Answers may come now or through autosave. To amend a final
 * screening, start a new one that supersedes it, with a reason: the final one never changes.
 */
export function startScreening(
  repo: YouthContext,
  youthId: string,
  input: z.infer<typeof ScreeningCreate>,
): Promise<ScreeningDetailT> {
  return repo.forYouth(youthId, 'screening.start', { write: ['exploitation'] }, async (scope) => {
    const { tx, actor } = scope;
    const version = await loadInstrumentVersion(tx, input.instrumentVersionId);
    const ratings = input.ratings ?? {};
    const problems = ratingProblems(version.definition, ratings);
    if (problems.length)
      throw brokenRules('answers_invalid', `Please fix these answers: ${ruleTexts(problems)}.`, problems);
    if (input.supersedesId) {
      const earlier = await loadScreening(tx, youthId, input.supersedesId, true);
      if (earlier.status !== 'final')
        throw invalidField(
          '/body/supersedesId',
          'screening_not_final',
          'supersedesId: only a final screening can be amended; keep editing the draft instead.',
        );
      if (earlier.superseded_by_id)
        throw conflict(
          'That screening has already been amended; amend the newer one instead.',
          undefined,
          'screening_already_amended',
        );
      const [pending] = await selectRows<{ id: string }>(
        tx,
        sql`SELECT id FROM screenings WHERE supersedes_id = ${earlier.id}`,
      );
      if (pending)
        throw conflict(
          'An amendment of that screening is already in progress; finish or open that draft instead.',
          { draftId: pending.id },
          'amendment_in_progress',
        );
    }
    const [row] = await selectRows<{ id: string }>(
      tx,
      sql`INSERT INTO screenings (youth_id, county_id, instrument_version_id, context, organization_id, administered_by,
              administered_at, ratings, notes, supersedes_id, supersede_reason)
            VALUES (${youthId}, ${actor.countyId}, ${version.id}, ${input.context}, ${actor.organizationId}, ${actor.userId},
              ${input.administeredAt ?? new Date().toISOString()}, ${JSON.stringify(ratings)}::jsonb, ${input.notes ?? null},
              ${input.supersedesId ?? null}, ${input.supersedeReason ?? null})
            RETURNING id`,
    );
    scope.touch(['exploitation'], [row!.id]);
    scope.note({ instrumentVersionId: version.id, context: input.context, supersedes: input.supersedesId ?? null });
    return detail(await loadScreening(tx, youthId, row!.id));
  });
}
