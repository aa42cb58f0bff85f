// The search log: what was done to find the youth, by whom and when. The youth's workers write
// it, and so do the youth's advocate and MDT members (as with safety plans): searching is shared work.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { forbidden, invalidField } from '../../errors.js';
import { episodeDetail, loadEpisode } from './load.js';
import type { EpisodeDetailT, SearchEffortCreate } from '../../contract/missing.js';

export function addSearchEffort(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof SearchEffortCreate>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.search_effort', { read: ['exploitation'] }, async (scope) => {
    const teamOrAdvocate = scope.grant.relations.has('mdt') || can(scope.actor, 'youth.team_record');
    const mayWrite = scope.grant.write.has('exploitation') || (teamOrAdvocate && scope.grant.read.has('exploitation'));
    if (!mayWrite) throw forbidden('Your role cannot add to the search log for this youth.', 'search_log_not_allowed');
    const e = await loadEpisode(scope.tx, youthId, episodeId, true);
    const doneAt = new Date(input.doneAt);
    if (doneAt.getTime() > Date.now() + 60_000)
      throw invalidField('/body/doneAt', 'date_in_future', 'doneAt: cannot be in the future.');
    if (doneAt < asDate(e.last_seen_at))
      throw invalidField(
        '/body/doneAt',
        'before_last_seen',
        'doneAt: is before the youth was last seen; check the time.',
      );
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
