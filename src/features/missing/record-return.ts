// Located and returned: the end of the absence. The return opens the debrief duty (county hours,
// default 72) and prompts a new safety plan version (src/features/safety-plans/safety-plans.ts).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { checkEpisodeTimes } from '../../domain/missing.js';
import { badRequest, conflict } from '../../errors.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { episodeDetail, loadEpisode } from './load.js';
import type { EpisodeDetailT, LocatedInput, ReturnedInput } from './schemas.js';

export function recordLocated(
  repo: ScopedRepo,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof LocatedInput>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(
    youthId,
    'missing.located',
    async (scope) => {
      scope.require('exploitation', 'write');
      const e = await loadEpisode(scope.tx, youthId, episodeId, true);
      if (e.status !== 'missing') throw conflict(`This episode is ${e.status}; a youth is located only while missing.`);
      const locatedAt = new Date(input.locatedAt);
      const problems = checkEpisodeTimes({
        lastSeenAt: asDate(e.last_seen_at),
        discoveredAt: asDate(e.discovered_at),
        locatedAt,
      });
      if (problems.length) throw badRequest(`Please fix: ${problems.join('; ')}.`, { problems });
      await selectRows(
        scope.tx,
        sql`UPDATE missing_episodes SET status = 'located', located_at = ${locatedAt.toISOString()}, located_note = ${input.note ?? null},
              version = version + 1, updated_at = now() WHERE id = ${episodeId} RETURNING id`,
      );
      scope.touch(['exploitation'], [episodeId]);
      return episodeDetail(scope.tx, youthId, episodeId);
    },
    'write',
  );
}

export function recordReturned(
  repo: ScopedRepo,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof ReturnedInput>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(
    youthId,
    'missing.returned',
    async (scope) => {
      scope.require('exploitation', 'write');
      const e = await loadEpisode(scope.tx, youthId, episodeId, true);
      if (e.status !== 'missing' && e.status !== 'located') throw conflict(`This episode is already ${e.status}.`);
      const returnedAt = new Date(input.returnedAt);
      const locatedAt = asDate(e.located_at) ?? (input.locatedAt ? new Date(input.locatedAt) : returnedAt);
      const problems = checkEpisodeTimes({
        lastSeenAt: asDate(e.last_seen_at),
        discoveredAt: asDate(e.discovered_at),
        locatedAt,
        returnedAt,
      });
      if (problems.length) throw badRequest(`Please fix: ${problems.join('; ')}.`, { problems });
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
    },
    'write',
  );
}
