import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { lockYouthForWrite } from '../../access/youth-lock.js';
import { selectRows } from '../../db/client.js';
import { csecTypeProblems } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { brokenRules, changedMeanwhile, notFound, ruleTexts, staleVersion } from '../../errors.js';
import { loadCsecTypes, toView } from './load.js';
import type { CsecTypeUpdate, CsecTypeViewT } from '../../contract/csec-types.js';

/** Changes a CSEC Type record's dates or subcategory (most often: recording its end date). */
export function updateCsecType(
  repo: YouthContext,
  youthId: string,
  recordId: string,
  input: z.infer<typeof CsecTypeUpdate>,
): Promise<CsecTypeViewT> {
  return repo.forYouth(youthId, 'csec_type.update', { write: ['exploitation'] }, async (scope) => {
    await lockYouthForWrite(scope.tx, youthId); // checked against the youth's other types: take turns
    const rows = await loadCsecTypes(scope.tx, youthId);
    const current = rows.find((r) => r.id === recordId);
    if (!current) throw notFound('CSEC Type record');
    if (current.version !== input.version) {
      throw staleVersion('record', input.version, current.version);
    }
    const candidate = {
      id: current.id,
      type: current.type,
      startDate: input.startDate ?? current.start_date,
      endDate: input.endDate === undefined ? current.end_date : input.endDate,
    };
    const others = rows.map((r) => ({ id: r.id, type: r.type, startDate: r.start_date, endDate: r.end_date }));
    const problems = csecTypeProblems(candidate, others, countyToday());
    if (problems.length)
      throw brokenRules('csec_type_invalid', `This change cannot be saved: ${ruleTexts(problems)}`, problems);
    // Only the version this change was checked against: a change saved in between makes it a 409.
    const [updated] = await selectRows(
      scope.tx,
      sql`UPDATE csec_type_records SET start_date = ${candidate.startDate}, end_date = ${candidate.endDate},
              allegation_subcategory = ${input.allegationSubcategory ?? current.allegation_subcategory}, version = version + 1
            WHERE id = ${recordId} AND version = ${input.version} RETURNING id`,
    );
    if (!updated) throw changedMeanwhile();
    scope.touch(['exploitation'], [recordId]);
    scope.note({
      fields: Object.keys(input)
        .filter((k) => k !== 'version')
        .sort(),
    });
    const [saved] = (await loadCsecTypes(scope.tx, youthId)).filter((r) => r.id === recordId);
    return toView(saved!);
  });
}
