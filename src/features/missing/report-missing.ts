// Reporting a youth missing, completing the report later, and reading the youth's episodes.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { episodeTimeProblems } from '../../domain/missing.js';
import { rule } from '../../contract/problems.js';
import { planObligations } from '../../domain/obligation-rules.js';
import { brokenRules, conflict, invalidField, ruleTexts, staleVersion } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { episodeDetail, loadDuties, loadEpisode, loadEpisodes, placementOf, toEpisodeView } from './load.js';
import type { EpisodeCreate, EpisodeDetailT, EpisodeUpdate, YouthEpisodes } from '../../contract/missing.js';

/** The placement the youth was absent from: the one given (it must be theirs), or the one holding the last-seen time. */
async function placementFor(
  scope: YouthScope,
  lastSeenAt: Date,
  given: string | null | undefined,
): Promise<string | null> {
  if (given) {
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM placement_episodes WHERE id = ${given} AND youth_id = ${scope.youthId}`,
    );
    if (!row)
      throw invalidField(
        '/body/placementEpisodeId',
        'unknown_reference',
        'placementEpisodeId: no placement with that id belongs to this youth.',
      );
    return row.id;
  }
  if (given === null) return null;
  const [row] = await selectRows<{ id: string }>(
    scope.tx,
    sql`SELECT id FROM placement_episodes WHERE youth_id = ${scope.youthId} AND start_at <= ${lastSeenAt.toISOString()}
          AND (end_at IS NULL OR end_at > ${lastSeenAt.toISOString()}) ORDER BY start_at DESC LIMIT 1`,
  );
  return row?.id ?? null;
}

/**
 * Reports a youth missing: the episode, and in the same transaction the mandated reports as
 * obligations (law enforcement, NCMEC, attorney, parent or guardian, court) due from discovery.
 * A youth has one open episode at a time (409 names the open one).
 */
export function reportMissing(
  repo: YouthContext,
  youthId: string,
  input: z.infer<typeof EpisodeCreate>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.report', { write: ['exploitation'] }, async (scope) => {
    const lastSeenAt = new Date(input.lastSeenAt);
    const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : new Date();
    const problems = episodeTimeProblems({ lastSeenAt, discoveredAt });
    if (problems.length) throw brokenRules('episode_times_invalid', `Please fix: ${ruleTexts(problems)}.`, problems);
    const [open] = await selectRows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM missing_episodes WHERE youth_id = ${youthId} AND status IN ('missing', 'located') FOR UPDATE`,
    );
    if (open)
      throw conflict(
        'This youth is already reported missing; add to that episode instead.',
        { episodeId: open.id },
        'already_missing',
      );
    const placementId = await placementFor(scope, lastSeenAt, input.placementEpisodeId);
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO missing_episodes (youth_id, county_id, placement_episode_id, last_seen_at, last_seen_place, discovered_at,
              discovered_by_role, discovered_by_name, risk_factors, circumstances, reported_by)
            VALUES (${youthId}, ${scope.actor.countyId}, ${placementId}, ${lastSeenAt.toISOString()}, ${input.lastSeenPlace},
              ${discoveredAt.toISOString()}, ${input.discoveredByRole ?? null}, ${input.discoveredByName ?? null},
              ${`{${(input.riskFactors ?? []).join(',')}}`}::text[], ${input.circumstances ?? null}, ${scope.actor.userId})
            ON CONFLICT (youth_id) WHERE status IN ('missing', 'located') DO NOTHING
            RETURNING id`,
    );
    if (!row)
      throw conflict(
        'This youth was reported missing a moment ago by someone else; open that episode instead.',
        undefined,
        'already_missing',
      );
    const { opened } = await openObligationsFor(scope.tx, {
      kind: 'missing_discovered',
      youthId,
      sourceId: row.id,
      at: discoveredAt,
      recordedBy: scope.actor,
      ...(input.notifyParent === undefined ? {} : { notifyParent: input.notifyParent }),
    });
    scope.touch(['exploitation'], [row.id, ...opened.map((o) => o.id)]);
    scope.note({ obligationsOpened: opened.length });
    return episodeDetail(scope.tx, youthId, row.id);
  });
}

/** The rest of the report, later: who found the youth missing, risk factors, circumstances, corrections. */
export function updateEpisode(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: z.infer<typeof EpisodeUpdate>,
): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.update', { write: ['exploitation'] }, async (scope) => {
    const current = await loadEpisode(scope.tx, youthId, episodeId, true);
    if (current.version !== input.version) {
      throw staleVersion('episode', input.version, current.version);
    }
    const lastSeenAt = input.lastSeenAt ? new Date(input.lastSeenAt) : asDate(current.last_seen_at);
    const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : asDate(current.discovered_at);
    const problems = episodeTimeProblems({
      lastSeenAt,
      discoveredAt,
      locatedAt: asDate(current.located_at),
      returnedAt: asDate(current.returned_at),
    });
    const duties = (await loadDuties(scope.tx, [episodeId])).get(episodeId) ?? [];
    const discoveryMoved = discoveredAt.getTime() !== asDate(current.discovered_at).getTime();
    if (discoveryMoved) {
      const early = duties.filter((d) => d.kind !== 'missing_debrief' && d.met_at && asDate(d.met_at) < discoveredAt);
      if (early.length)
        problems.push(
          rule('discoveredAt', 'report_before_time', 'a report on record was made before this time; check the times'),
        );
    }
    if (problems.length) throw brokenRules('episode_times_invalid', `Please fix: ${ruleTexts(problems)}.`, problems);
    const placementId =
      input.placementEpisodeId === undefined
        ? current.placement_episode_id
        : await placementFor(scope, lastSeenAt, input.placementEpisodeId);
    await selectRows(
      scope.tx,
      sql`UPDATE missing_episodes SET last_seen_at = ${lastSeenAt.toISOString()}, last_seen_place = ${input.lastSeenPlace ?? current.last_seen_place},
              discovered_at = ${discoveredAt.toISOString()},
              discovered_by_role = ${input.discoveredByRole === undefined ? current.discovered_by_role : input.discoveredByRole},
              discovered_by_name = ${input.discoveredByName === undefined ? current.discovered_by_name : input.discoveredByName},
              risk_factors = ${`{${(input.riskFactors ?? current.risk_factors ?? []).join(',')}}`}::text[],
              circumstances = ${input.circumstances === undefined ? current.circumstances : input.circumstances},
              placement_episode_id = ${placementId}, version = version + 1, updated_at = now()
            WHERE id = ${episodeId} RETURNING id`,
    );
    // A corrected discovery time moves the due times of the reports still open.
    if (discoveryMoved) {
      const plan = planObligations(
        {
          kind: 'missing_discovered',
          youthId,
          sourceId: episodeId,
          at: discoveredAt,
          recordedBy: scope.actor,
          notifyParent: true,
        },
        await settingsIn(scope.tx, scope.actor.countyId),
      );
      for (const p of plan) {
        await scope.tx.execute(sql`UPDATE obligations SET due_at = ${p.dueAt.toISOString()}, version = version + 1
            WHERE kind = ${p.kind} AND source_id = ${episodeId} AND status = 'open'`);
      }
    }
    scope.touch(['exploitation'], [episodeId]);
    scope.note({
      fields: Object.keys(input)
        .filter((k) => k !== 'version')
        .sort(),
    });
    return episodeDetail(scope.tx, youthId, episodeId);
  });
}

/** Every episode of the youth, with time missing and the placements they left from (the profile's patterns). */
export function listEpisodes(repo: YouthContext, youthId: string): Promise<z.infer<typeof YouthEpisodes>> {
  return repo.forYouth(youthId, 'missing.list', { read: ['exploitation'] }, async (scope) => {
    const rows = await loadEpisodes(scope.tx, youthId);
    const duties = await loadDuties(
      scope.tx,
      rows.map((r) => r.id),
    );
    const now = new Date();
    const episodes = rows.map((r) => toEpisodeView(r, duties.get(r.id) ?? [], now));
    const yearAgo = now.getTime() - 365 * 86_400_000;
    const left = new Map<
      string,
      {
        placementType: NonNullable<ReturnType<typeof placementOf>>['placementType'];
        episodes: number;
      }
    >();
    for (const e of episodes) {
      if (!e.placement) continue;
      const entry = left.get(e.placement.placementType) ?? {
        placementType: e.placement.placementType,
        episodes: 0,
      };
      entry.episodes++;
      left.set(e.placement.placementType, entry);
    }
    scope.touch(
      ['exploitation'],
      rows.map((r) => r.id),
    );
    return {
      episodes,
      summary: {
        episodes: episodes.length,
        inLastYear: episodes.filter((e) => new Date(e.discoveredAt).getTime() >= yearAgo).length,
        totalMinutesMissing: episodes.reduce((n, e) => n + e.minutesMissing, 0),
        placementsLeft: [...left.values()].sort((a, b) => b.episodes - a.episodes),
      },
      canReport: scope.grant.write.has('exploitation'),
    };
  });
}

export function getEpisode(repo: YouthContext, youthId: string, episodeId: string): Promise<EpisodeDetailT> {
  return repo.forYouth(youthId, 'missing.read', { read: ['exploitation'] }, async (scope) => {
    const detail = await episodeDetail(scope.tx, youthId, episodeId);
    scope.touch(['exploitation'], [episodeId]);
    return detail;
  });
}
