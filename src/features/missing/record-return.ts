// Located and returned: the end of the absence. The return opens the debrief duty (county hours,
// default 72) and prompts a new safety plan version (src/features/safety-plans/safety-plans.ts).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { episodeTimeProblems } from '../../domain/missing.js';
import { brokenRules, conflict, ruleTexts } from '../../errors.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { episodeDetail, loadEpisode } from './load.js';
import type { EpisodeDetailT, LocatedInput, ReturnedInput } from '../../contract/missing.js';

export function recordLocated(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof LocatedInput>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.located', { write: ['exploitation'] }, async (scope) => {
    const e = await loadEpisode(scope.tx, youthId, episodeId, true);
    if (e.status !== 'missing')
      throw conflict(
        `This episode is ${e.status}; a youth is located only while missing.`,
        { status: e.status },
        'episode_not_missing',
      );
    const locatedAt = new Date(input.locatedAt);
    const problems = episodeTimeProblems({
      lastSeenAt: asDate(e.last_seen_at),
      discoveredAt: asDate(e.discovered_at),
      locatedAt,
    });
    if (problems.length) throw brokenRules('episode_times_invalid', `Please fix: ${ruleTexts(problems)}.`, problems);
    await selectRows(
      scope.tx,
      sql`UPDATE missing_episodes SET status = 'located', located_at = ${locatedAt.toISOString()}, located_note = ${input.note ?? null},
              version = version + 1, updated_at = now() WHERE id = ${episodeId} RETURNING id`,
    );
    scope.touch(['exploitation'], [episodeId]);
    return episodeDetail(scope.tx, youthId, episodeId);
  });
}

export function recordReturned(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof ReturnedInput>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.returned', { write: ['exploitation'] }, async (scope) => {
    const e = await loadEpisode(scope.tx, youthId, episodeId, true);
    if (e.status !== 'missing' && e.status !== 'located')
      throw conflict(`This episode is already ${e.status}.`, { status: e.status }, 'episode_closed');
    const returnedAt = new Date(input.returnedAt);
    const locatedAt = asDate(e.located_at) ?? (input.locatedAt ? new Date(input.locatedAt) : returnedAt);
    const problems = episodeTimeProblems({
      lastSeenAt: asDate(e.last_seen_at),
      discoveredAt: asDate(e.discovered_at),
      locatedAt,
      returnedAt,
    });
    if (problems.length) throw brokenRules('episode_times_invalid', `Please fix: ${ruleTexts(problems)}.`, problems);
    await selectRows(
      scope.tx,
      sql`UPDATE missing_episodes SET status = 'returned', located_at = ${locatedAt.toISOString()}, returned_at = ${returnedAt.toISOString()},
              returned_to = ${input.returnedTo}, returned_note = ${input.note ?? null}, version = version + 1, updated_at = now()
            WHERE id = ${episodeId} RETURNING id`,
    );
    const { opened } = await openObligationsFor(scope.tx, {
      kind: 'youth_returned',
      youthId,
      sourceId: episodeId,
      at: returnedAt,
      recordedBy: scope.actor,
    });
    scope.touch(['exploitation'], [episodeId, ...opened.map((o) => o.id)]);
    return episodeDetail(scope.tx, youthId, episodeId);
  });
}
