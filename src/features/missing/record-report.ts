// Recording a mandated report or notification meets its obligation. The record is checked
// against the episode: a report cannot be made before the youth was found missing.
import type { YouthContext } from '../../access/contexts.js';
import { asDate } from '../../db/client.js';
import { REPORT_KINDS, type ReportKey } from '../../domain/missing.js';
import { conflict, invalidField, invalidRecord } from '../../errors.js';
import { kindDef } from '../obligations/kinds.js';
import { meetObligationsBySource } from '../obligations/meet-by-source.js';
import { episodeDetail, loadDuties, loadEpisode } from './load.js';
import type { EpisodeDetailT } from '../../contract/missing.js';

export function recordReport(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  report: ReportKey,
  record: unknown,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.report_made', { write: ['exploitation'] }, async (scope) => {
    const episode = await loadEpisode(scope.tx, youthId, episodeId, true);
    const kind = REPORT_KINDS[report];
    const def = kindDef(kind)!;
    const parsed = def.meetRecord.safeParse(record);
    if (!parsed.success) throw invalidRecord(parsed.error.issues);
    const doneAt = new Date(String(parsed.data[def.doneAt]));
    if (doneAt.getTime() > Date.now() + 60_000)
      throw invalidField(`/body/${def.doneAt}`, 'date_in_future', `${def.doneAt}: cannot be in the future.`);
    if (doneAt < asDate(episode.discovered_at)) {
      throw invalidField(
        `/body/${def.doneAt}`,
        'before_discovered',
        `${def.doneAt}: is before the youth was found missing (${asDate(episode.discovered_at).toISOString()}); check the times.`,
      );
    }
    const duty = ((await loadDuties(scope.tx, [episodeId])).get(episodeId) ?? []).find((d) => d.kind === kind);
    if (!duty)
      throw conflict(
        'This episode has no such duty: the county does not require it, or it was not opened for this youth.',
        undefined,
        'report_not_required',
      );
    const met = await meetObligationsBySource(scope.tx, {
      kind,
      sourceId: episodeId,
      record: parsed.data,
      metBy: scope.actor.userId,
    });
    if (!met.length)
      throw conflict(
        `This report is already ${duty.status}; nothing was changed.`,
        { status: duty.status },
        'report_already_settled',
      );
    scope.touch(['exploitation'], [episodeId, ...met]);
    scope.note({ report });
    return episodeDetail(scope.tx, youthId, episodeId);
  });
}
