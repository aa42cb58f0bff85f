import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { serviceEpisodeProblems } from '../../domain/services.js';
import { brokenRules, invalidField, ruleTexts } from '../../errors.js';
import { catalogEntry, loadEpisodes, requireEpisodeWrite, toView } from './load.js';
import type { ServiceEpisodeCreate, ServiceEpisodeViewT } from '../../contract/services.js';

export async function providerOrganization(scope: Pick<YouthScope, 'tx'>, providerId: string | null | undefined) {
  if (!providerId) return null;
  const [p] = await selectRows<{ organization_id: string | null; active: boolean }>(
    scope.tx,
    sql`SELECT organization_id, active FROM providers WHERE id = ${providerId}`,
  );
  if (!p)
    throw invalidField(
      '/body/providerId',
      'unknown_reference',
      "providerId: no provider with that id is in your county's directory.",
    );
  return p.organization_id;
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

/** Records a service for a youth: referred, and perhaps already started or ended. */
export function recordServiceEpisode(
  repo: YouthContext,
  youthId: string,
  input: z.infer<typeof ServiceEpisodeCreate>,
): Promise<ServiceEpisodeViewT> {
  return repo.forYouth(youthId, 'service_episode.record', { read: ['identity'] }, async (scope) => {
    const entry = await catalogEntry(scope.tx, input.serviceKey);
    await providerOrganization(scope, input.providerId);
    // The recorder's organization becomes the referring organization, so a new episode is always
    // linked to it: an advocate may refer a youth to a service in a category advocates may read.
    requireEpisodeWrite(scope, entry.category, true);
    const referredAt = input.referredAt ? new Date(input.referredAt) : new Date();
    const problems = serviceEpisodeProblems({
      status: input.status,
      referredAt,
      startedAt: date(input.startedAt),
      endedAt: date(input.endedAt),
      endReason: input.endReason ?? null,
    });
    if (problems.length)
      throw brokenRules('service_invalid', `This service cannot be recorded: ${ruleTexts(problems)}.`, problems);
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO service_episodes (youth_id, county_id, service_key, provider_id, referred_by, referred_by_organization_id,
            referred_at, started_at, ended_at, status, end_reason, funding_source, notes)
          VALUES (${youthId}, ${scope.actor.countyId}, ${entry.key}, ${input.providerId ?? null}, ${scope.actor.userId},
            ${scope.actor.organizationId}, ${referredAt.toISOString()}, ${input.startedAt ?? null}, ${input.endedAt ?? null},
            ${input.status}, ${input.endReason ?? null}, ${input.fundingSource ?? null}, ${input.notes ?? null})
          RETURNING id`,
    );
    scope.touch([entry.category], [row!.id]);
    scope.note({ service: entry.key, status: input.status });
    const [saved] = await loadEpisodes(scope.tx, youthId, row!.id);
    return toView(scope, saved!);
  });
}
