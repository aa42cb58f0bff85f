// Recording a mandated report or notification meets its obligation. The record is checked
// against the episode: a report cannot be made before the youth was found missing.
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate } from '../../db/client.js';
import { REPORT_KINDS, type ReportKey } from '../../domain/missing.js';
import { badRequest, conflict } from '../../errors.js';
import { kindDef } from '../obligations/kinds.js';
import { meetObligationsBySource } from '../obligations/meet-by-source.js';
import { episodeDetail, loadDuties, loadEpisode } from './load.js';
import type { EpisodeDetailT } from './schemas.js';

export function recordReport(
  repo: ScopedRepo,
  youthId: string,
  episodeId: string,
  report: ReportKey,
  record: unknown,
): Promise<EpisodeDetailT> {
  return repo.forYouth(
    youthId,
    'missing.report_made',
    async (scope) => {
      scope.require('exploitation', 'write');
      const episode = await loadEpisode(scope.tx, youthId, episodeId, true);
      const kind = REPORT_KINDS[report];
      const def = kindDef(kind)!;
      const parsed = def.meetRecord.safeParse(record);
      if (!parsed.success) {
        throw badRequest(
          `Please fix: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      const doneAt = new Date(String(parsed.data[def.doneAt]));
      if (doneAt.getTime() > Date.now() + 60_000) throw badRequest(`${def.doneAt}: cannot be in the future.`);
      if (doneAt < asDate(episode.discovered_at)) {
        throw badRequest(
          `${def.doneAt}: is before the youth was found missing (${asDate(episode.discovered_at).toISOString()}); check the times.`,
        );
      }
      const duty = ((await loadDuties(scope.tx, [episodeId])).get(episodeId) ?? []).find((d) => d.kind === kind);
      if (!duty)
        throw conflict(
          'This episode has no such duty: the county does not require it, or it was not opened for this youth.',
        );
      const met = await meetObligationsBySource(scope.tx, {
        kind,
        sourceId: episodeId,
        record: parsed.data,
        metBy: scope.actor.userId,
      });
      if (!met.length) throw conflict(`This report is already ${duty.status}; nothing was changed.`);
      scope.touch(['exploitation'], [episodeId, ...met]);
      scope.note({ report });
      return episodeDetail(scope.tx, youthId, episodeId);
    },
    'write',
  );
}
