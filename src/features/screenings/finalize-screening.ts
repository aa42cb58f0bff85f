import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { missingItems, score } from '../../domain/instruments.js';
import { nextScreeningDue } from '../../domain/screening-schedule.js';
import { badRequest, conflict } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { detail, loadScreening } from './load.js';
import type { ScreeningDetailT } from '../../contract/screenings.js';

/**
 * Makes a draft final: every required item answered, the level scored with the draft's own
 * instrument version, the next screening's due date set from county settings. If the screening
 * amends an earlier one, the earlier one is marked superseded in the same transaction.
 */
export function finalizeScreening(
  repo: YouthContext,
  youthId: string,
  screeningId: string,
  version: number,
): Promise<ScreeningDetailT> {
  return repo.forYouth(youthId, 'screening.finalize', { write: ['exploitation'] }, async (scope) => {
    const { tx, actor } = scope;
    const current = await loadScreening(tx, youthId, screeningId, true);
    if (current.status !== 'draft') throw conflict('This screening is already final.', undefined, 'screening_final');
    if (current.version !== version) {
      throw conflict(
        `This draft changed after you opened it (you had version ${version}, it is now ${current.version}). Reload it, check the answers, then finish.`,
        { yourVersion: version, currentVersion: current.version },
        'stale_version',
      );
    }
    const missing = missingItems(current.definition, current.ratings);
    if (missing.length) {
      const items = new Map(
        current.definition.sections.flatMap((s) => s.items.map((i) => [i.key, i.text.en] as const)),
      );
      throw badRequest(
        `Answer every item before finishing. ${missing.length} still need an answer: ${missing.map((m) => `${m.item} ("${items.get(m.item)}")`).join('; ')}.`,
        { missing },
        'screening_incomplete',
      );
    }
    const result = score(current.definition, current.ratings);
    const dueOn = nextScreeningDue(asDate(current.administered_at), result.level, await settingsIn(tx, actor.countyId));
    await selectRows(
      tx,
      sql`UPDATE screenings SET status = 'final', level = ${result.level}, result = ${JSON.stringify(result)}::jsonb,
              next_due_on = ${dueOn}, finalized_at = now(), version = version + 1, updated_at = now()
            WHERE id = ${screeningId} RETURNING id`,
    );
    const records = [screeningId];
    if (current.supersedes_id) {
      await selectRows(
        tx,
        sql`UPDATE screenings SET superseded_by_id = ${screeningId}, updated_at = now()
              WHERE id = ${current.supersedes_id} AND superseded_by_id IS NULL RETURNING id`,
      );
      records.push(current.supersedes_id);
    }
    scope.touch(['exploitation'], records);
    scope.note({ level: result.level, nextDueOn: dueOn });
    return detail(await loadScreening(tx, youthId, screeningId));
  });
}
