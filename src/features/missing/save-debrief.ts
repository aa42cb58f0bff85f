// The return debrief (WIC 16501.35, P.L. 113-183): why the youth left, how the next placement will
// answer it, what happened while away, and a CSEC screening in context "return from missing".
// Saved as a draft until marked complete; completing it meets the debrief duty and closes the
// episode. Recording that the youth was exploited while absent records the CSEC Type "Victim While
// Absent from Placement" with the episode's dates, once, through the CSEC Type use case (so the
// cross-report and MDT duties open exactly as for any victim).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { countyDate } from '../../domain/missing.js';
import { brokenRules, conflict, ruleTexts, staleVersion } from '../../errors.js';
import { rule, type RuleProblem } from '../../contract/problems.js';
import { recordCsecTypeIn } from '../csec-types/record-csec-type.js';
import { meetObligationsBySource } from '../obligations/meet-by-source.js';
import { episodeDetail, loadDebrief, loadEpisode } from './load.js';
import type { DebriefSave, EpisodeDetailT } from '../../contract/missing.js';

type Input = z.infer<typeof DebriefSave>;

export function saveDebrief(
  repo: YouthContext,
  youthId: string,
  episodeId: string,
  input: Input,
): Promise<EpisodeDetailT & { csecTypeRecorded: boolean }> {
  return repo.forYouth(youthId, 'missing.debrief', { write: ['exploitation'] }, async (scope) => {
    const { tx, actor } = scope;
    const e = await loadEpisode(tx, youthId, episodeId, true);
    if (e.status === 'missing' || e.status === 'located')
      throw conflict('Record the return first: the debrief follows the return.', undefined, 'return_not_recorded');
    const current = await loadDebrief(tx, episodeId, true);
    if (current?.status === 'complete')
      throw conflict('This debrief is complete and can no longer change.', undefined, 'debrief_complete');
    if ((current?.version ?? 0) !== input.version) {
      throw staleVersion('debrief', input.version, current?.version ?? 0);
    }
    const returnedAt = asDate(e.returned_at)!;
    const lastSeenAt = asDate(e.last_seen_at);
    const problems: RuleProblem[] = [];
    let screeningFinal = false;
    if (input.screeningId) {
      const [s] = await selectRows<{ status: string; context: string; administered_at: Date | string }>(
        tx,
        sql`SELECT status, context, administered_at FROM screenings WHERE id = ${input.screeningId} AND youth_id = ${youthId}`,
      );
      if (!s)
        problems.push(rule('screeningId', 'unknown_reference', 'no screening with that id belongs to this youth'));
      else {
        if (s.context !== 'return_from_missing')
          problems.push(
            rule(
              'screeningId',
              'screening_wrong_context',
              'the screening must be one done on return from missing (context "return_from_missing")',
            ),
          );
        if (asDate(s.administered_at) < asDate(e.discovered_at))
          problems.push(rule('screeningId', 'before_episode', 'the screening was done before this episode'));
        screeningFinal = s.status === 'final';
      }
    }
    if (input.exploitedWhileAbsent === 'yes' && !current?.csecTypeRecordId && !input.allegationSubcategory?.trim()) {
      problems.push(
        rule('allegationSubcategory', 'required', 'say what kind of exploitation, for the CSEC Type record'),
      );
    }
    if (input.complete) {
      if (!input.screeningId)
        problems.push(
          rule('screeningId', 'required', 'a debrief cannot be complete without the CSEC screening done on return'),
        );
      else if (!screeningFinal && !problems.some((p) => p.field === 'screeningId'))
        problems.push(rule('screeningId', 'screening_not_final', 'finish the screening before completing the debrief'));
      if (!input.leavingFactors.length)
        problems.push(rule('leavingFactors', 'required', 'name at least one factor that led the youth to leave'));
      if (!input.factorsAddressed?.trim())
        problems.push(rule('factorsAddressed', 'required', 'say how the next placement will address them'));
      if (!input.experiences?.trim())
        problems.push(rule('experiences', 'required', "record the youth's experiences while absent"));
      if (!input.exploitedWhileAbsent)
        problems.push(rule('exploitedWhileAbsent', 'required', 'say whether the youth was exploited while absent'));
    }
    if (problems.length) throw brokenRules('debrief_invalid', `Please fix: ${ruleTexts(problems)}.`, problems);

    const completedAt = input.complete ? new Date() : null;
    const values = sql`${`{${input.leavingFactors.join(',')}}`}::text[], ${input.factorsNote ?? null}, ${input.factorsAddressed ?? null},
        ${input.experiences ?? null}, ${input.exploitedWhileAbsent ?? null}, ${input.screeningId ?? null},
        ${input.complete ? 'complete' : 'draft'}, ${completedAt?.toISOString() ?? null}, ${input.complete ? actor.userId : null}`;
    const [saved] = current
      ? await selectRows<{ id: string }>(
          tx,
          sql`UPDATE missing_debriefs SET (leaving_factors, factors_note, factors_addressed, experiences, exploited_while_absent,
                  screening_id, status, completed_at, completed_by) = (${values}), version = version + 1, updated_at = now()
                WHERE id = ${current.id} RETURNING id`,
        )
      : await selectRows<{ id: string }>(
          tx,
          sql`INSERT INTO missing_debriefs (episode_id, youth_id, county_id, recorded_by, leaving_factors, factors_note, factors_addressed,
                  experiences, exploited_while_absent, screening_id, status, completed_at, completed_by)
                VALUES (${episodeId}, ${youthId}, ${actor.countyId}, ${actor.userId}, ${values}) RETURNING id`,
        );
    const debriefId = saved!.id;
    const records = [episodeId, debriefId];

    let csecTypeRecorded = false;
    if (input.exploitedWhileAbsent === 'yes' && !current?.csecTypeRecordId) {
      const type = await recordCsecTypeIn(scope, {
        type: 'victim_absent_from_placement',
        startDate: countyDate(lastSeenAt),
        endDate: countyDate(returnedAt),
        allegationSubcategory: input.allegationSubcategory!.trim(),
        source: screeningFinal ? 'screening' : 'self_disclosure',
        screeningId: screeningFinal ? input.screeningId! : null,
      });
      await tx.execute(sql`UPDATE missing_debriefs SET csec_type_record_id = ${type.id} WHERE id = ${debriefId}`);
      records.push(type.id, ...(type.crossReportObligationId ? [type.crossReportObligationId] : []));
      csecTypeRecorded = true;
    }
    if (completedAt) {
      await tx.execute(sql`UPDATE missing_episodes SET status = 'closed', closed_at = ${completedAt.toISOString()}, version = version + 1, updated_at = now()
          WHERE id = ${episodeId}`);
      records.push(
        ...(await meetObligationsBySource(tx, {
          kind: 'missing_debrief',
          sourceId: episodeId,
          record: { completedAt: completedAt.toISOString(), debriefId, screeningId: input.screeningId! },
          metBy: actor.userId,
        })),
      );
    }
    scope.touch(['exploitation'], records);
    scope.note({ complete: input.complete, csecTypeRecorded });
    return { ...(await episodeDetail(tx, youthId, episodeId)), csecTypeRecorded };
  });
}
