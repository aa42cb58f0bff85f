import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { validateServiceEpisode } from '../../domain/services.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { linkedToUser, loadEpisodes, requireEpisodeWrite, toView, visibleTo } from './load.js';
import { providerOrganization } from './record-service-episode.js';
import type { ServiceEpisodeUpdate, ServiceEpisodeViewT } from './schemas.js';

/** Starts, ends or corrects a service episode (send the version you loaded). */
export function updateServiceEpisode(
  repo: ScopedRepo,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof ServiceEpisodeUpdate>,
): Promise<ServiceEpisodeViewT> {
  return repo.forYouth(youthId, 'service_episode.update', async (scope) => {
    const [current] = await loadEpisodes(scope.tx, youthId, episodeId);
    if (!current || !visibleTo(scope, current)) throw notFound('service episode');
    requireEpisodeWrite(scope, current.category ?? 'identity', linkedToUser(scope, current));
    if (current.version !== input.version) {
      throw conflict(
        `This service record changed after you opened it (you had version ${input.version}, it is now ${current.version}). Reload and try again.`,
      );
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
    const problems = validateServiceEpisode(merged);
    if (problems.length) throw badRequest(`This change cannot be saved: ${problems.join('; ')}.`, { problems });
    await selectRows(
      scope.tx,
      sql`UPDATE service_episodes SET status = ${merged.status}, started_at = ${merged.startedAt?.toISOString() ?? null},
            ended_at = ${merged.endedAt?.toISOString() ?? null}, end_reason = ${merged.endReason},
            provider_id = ${pick(input.providerId, current.provider_id)},
            funding_source = ${pick(input.fundingSource, current.funding_source)}, notes = ${pick(input.notes, current.notes)},
            version = version + 1
          WHERE id = ${episodeId} RETURNING id`,
    );
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
