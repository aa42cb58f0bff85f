import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { selectRows } from '../../db/client.js';
import { validateCsecType } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { loadCsecTypes, toView } from './load.js';
import type { CsecTypeUpdate, CsecTypeViewT } from './schemas.js';

/** Changes a CSEC Type record's dates or subcategory (most often: recording its end date). */
export function updateCsecType(
  repo: ScopedRepo,
  youthId: string,
  recordId: string,
  input: z.infer<typeof CsecTypeUpdate>,
): Promise<CsecTypeViewT> {
  return repo.forYouth(
    youthId,
    'csec_type.update',
    async (scope) => {
      scope.require('exploitation', 'write');
      const rows = await loadCsecTypes(scope.tx, youthId);
      const current = rows.find((r) => r.id === recordId);
      if (!current) throw notFound('CSEC Type record');
      if (current.version !== input.version) {
        throw conflict(
          `This record changed after you opened it (you had version ${input.version}, it is now ${current.version}). Reload and try again.`,
        );
      }
      const candidate = {
        id: current.id,
        type: current.type,
        startDate: input.startDate ?? current.start_date,
        endDate: input.endDate === undefined ? current.end_date : input.endDate,
      };
      const others = rows.map((r) => ({ id: r.id, type: r.type, startDate: r.start_date, endDate: r.end_date }));
      const problems = validateCsecType(candidate, others, countyToday());
      if (problems.length) throw badRequest(`This change cannot be saved: ${problems.join('; ')}`, { problems });
      await selectRows(
        scope.tx,
        sql`UPDATE csec_type_records SET start_date = ${candidate.startDate}, end_date = ${candidate.endDate},
              allegation_subcategory = ${input.allegationSubcategory ?? current.allegation_subcategory}, version = version + 1
            WHERE id = ${recordId} RETURNING id`,
      );
      scope.touch(['exploitation'], [recordId]);
      scope.note({
        fields: Object.keys(input)
          .filter((k) => k !== 'version')
          .sort(),
      });
      const [saved] = (await loadCsecTypes(scope.tx, youthId)).filter((r) => r.id === recordId);
      return toView(saved!);
    },
    'write',
  );
}
