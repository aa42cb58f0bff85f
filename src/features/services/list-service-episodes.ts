import type { YouthContext } from '../../access/contexts.js';
import { loadEpisodes, toView, visibleTo } from './load.js';
import type { ServiceEpisodeViewT } from '../../contract/services.js';

/** The youth's services the user may see, active ones first. */
export function listServiceEpisodes(
  repo: YouthContext,
  youthId: string,
): Promise<{ episodes: ServiceEpisodeViewT[]; hiddenCount: number }> {
  return repo.forYouth(youthId, 'service_episode.list', { read: ['identity'] }, async (scope) => {
    const rows = await loadEpisodes(scope.tx, youthId);
    const shown = rows.filter((r) => visibleTo(scope, r));
    scope.touch(
      new Set(shown.map((r) => r.category ?? 'identity')),
      shown.map((r) => r.id),
    );
    const order = { active: 0, waiting: 1, referred: 2, completed: 3, dropped: 4, declined: 5 } as const;
    const episodes = shown.map((r) => toView(scope, r)).sort((a, b) => order[a.status] - order[b.status]);
    // Say that something is hidden, never what: the count of episodes outside the user's grant.
    return { episodes, hiddenCount: rows.length - shown.length };
  });
}
