import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { serviceEpisodeProblems } from '../../domain/services.js';
import { brokenRules, changedMeanwhile, notFound, ruleTexts, staleVersion } from '../../errors.js';
import { linkedToUser, loadEpisodes, requireEpisodeWrite, toView, visibleTo } from './load.js';
import { providerOrganization } from './record-service-episode.js';
import type { ServiceEpisodeUpdate, ServiceEpisodeViewT } from '../../contract/services.js';

/** Starts, ends or corrects a service episode (send the version you loaded). */
export function updateServiceEpisode(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof ServiceEpisodeUpdate>,
): Promise<ServiceEpisodeViewT> {
  return repo.forYouth(youthId, 'service_episode.update', { read: ['identity'] }, async (scope) => {
    const [current] = await loadEpisodes(scope.tx, youthId, episodeId);
    if (!current || !visibleTo(scope, current)) throw notFound('service episode');
    requireEpisodeWrite(scope, current.category ?? 'identity', linkedToUser(scope, current));
    if (current.version !== input.version) {
      throw staleVersion('service record', input.version, current.version);
    }
    if (input.providerId !== undefined) await providerOrganization(scope, input.providerId);
    const pick = <T>(next: T | undefined, prev: T) => (next === undefined ? prev : next);
    const merged = {
      status: pick(input.status, current.status),
      referredAt: asDate(current.referred_at),
      startedAt:
        input.startedAt === undefined ? asDate(current.started_at) : input.startedAt ? new Date(input.startedAt) : null,
      endedAt: input.endedAt === undefined ? asDate(current.ended_at) : input.endedAt ? new Date(input.endedAt) : null,
      endReason: pick(input.endReason, current.end_reason),
    };
    const problems = serviceEpisodeProblems(merged);
    if (problems.length)
      throw brokenRules('service_invalid', `This change cannot be saved: ${ruleTexts(problems)}.`, problems);
    // Only the version this change was checked against: a change saved in between makes it a 409.
    const [updated] = await selectRows(
      scope.tx,
      sql`UPDATE service_episodes SET status = ${merged.status}, started_at = ${merged.startedAt?.toISOString() ?? null},
            ended_at = ${merged.endedAt?.toISOString() ?? null}, end_reason = ${merged.endReason},
            provider_id = ${pick(input.providerId, current.provider_id)},
            funding_source = ${pick(input.fundingSource, current.funding_source)}, notes = ${pick(input.notes, current.notes)},
            version = version + 1
          WHERE id = ${episodeId} AND version = ${input.version} RETURNING id`,
    );
    if (!updated) throw changedMeanwhile();
    scope.touch([current.category ?? 'identity'], [episodeId]);
    scope.note({
      fields: Object.keys(input)
        .filter((k) => k !== 'version')
        .sort(),
    });
    const [saved] = await loadEpisodes(scope.tx, youthId, episodeId);
    return toView(scope, saved!);
  });
}
