// The search log: what was done to find the youth, by whom and when. The youth's workers write
// it, and so do the youth's advocate and MDT members (as with safety plans): searching is shared work.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { badRequest, forbidden } from '../../errors.js';
import { episodeDetail, loadEpisode } from './load.js';
import type { EpisodeDetailT, SearchEffortCreate } from './schemas.js';

export function addSearchEffort(
  repo: ScopedRepo,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof SearchEffortCreate>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.search_effort', async (scope) => {
    const teamOrAdvocate = scope.grant.relations.has('mdt') || scope.actor.roles.includes('advocate');
    const mayWrite = scope.grant.write.has('exploitation') || (teamOrAdvocate && scope.grant.read.has('exploitation'));
    if (!mayWrite) throw forbidden('Your role cannot add to the search log for this youth.');
    const e = await loadEpisode(scope.tx, youthId, episodeId, true);
    const doneAt = new Date(input.doneAt);
    if (doneAt.getTime() > Date.now() + 60_000) throw badRequest('doneAt: cannot be in the future.');
    if (doneAt < asDate(e.last_seen_at)) throw badRequest('doneAt: is before the youth was last seen; check the time.');
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO missing_search_efforts (episode_id, youth_id, county_id, kind, done_at, done_by, note)
          VALUES (${episodeId}, ${youthId}, ${scope.actor.countyId}, ${input.kind}, ${doneAt.toISOString()}, ${scope.actor.userId}, ${input.note})
          RETURNING id`,
    );
    scope.touch(['exploitation'], [episodeId, row!.id]);
    scope.note({ kind: input.kind });
    return episodeDetail(scope.tx, youthId, episodeId);
  });
}
