import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { ratingProblems } from '../../domain/instruments.js';
import { brokenRules, conflict, ruleTexts } from '../../errors.js';
import { detail, loadScreening } from './load.js';
import type { ScreeningDetailT, ScreeningSave } from '../../contract/screenings.js';

/** Autosave of a draft: the answers so far replace the saved ones. A final screening never changes. */
export function saveScreening(
  repo: YouthContext,
  youthId: string,
  screeningId: string,
  input: z.infer<typeof ScreeningSave>,
): Promise<ScreeningDetailT> {
  return repo.forYouth(youthId, 'screening.save', { write: ['exploitation'] }, async (scope) => {
    const { tx } = scope;
    const current = await loadScreening(tx, youthId, screeningId, true);
    if (current.status !== 'draft') {
      throw conflict(
        'This screening is final and cannot change. To correct it, start a new screening that amends it, with a reason.',
        undefined,
        'screening_final',
      );
    }
    if (current.version !== input.version) {
      throw conflict(
        `This draft was saved from somewhere else after you opened it (you had version ${input.version}, it is now ${current.version}). Reload it to continue.`,
        { yourVersion: input.version, currentVersion: current.version },
        'stale_version',
      );
    }
    if (input.ratings) {
      const problems = ratingProblems(current.definition, input.ratings);
      if (problems.length)
        throw brokenRules('answers_invalid', `Please fix these answers: ${ruleTexts(problems)}.`, problems);
    }
    await selectRows(
      tx,
      sql`UPDATE screenings SET
              ratings = coalesce(${input.ratings ? JSON.stringify(input.ratings) : null}::jsonb, ratings),
              notes = CASE WHEN ${input.notes !== undefined} THEN ${input.notes ?? null} ELSE notes END,
              context = coalesce(${input.context ?? null}, context),
              administered_at = coalesce(${input.administeredAt ?? null}::timestamptz, administered_at),
              version = version + 1, updated_at = now()
            WHERE id = ${screeningId} RETURNING id`,
    );
    scope.touch(['exploitation'], [screeningId]);
    scope.note({
      fields: Object.keys(input)
        .filter((k) => k !== 'version')
        .sort(),
    });
    return detail(await loadScreening(tx, youthId, screeningId));
  });
}
