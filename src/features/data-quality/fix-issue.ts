// Fixing an issue from the queue: the missing or wrong value is written to the record itself
// (the Type's subcategory or dates, the youth's date of birth), then detection runs again for
// that youth, so the issue becomes 'fixed' only if the record is now right. A fix that does not
// cure it (a date of birth that still puts the youth out of the age range) leaves it open and
// says so. Everything in the checkpoint's one transaction, audited.
import { sql } from 'drizzle-orm';
import type { DataQualityScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { lockYouthForWrite } from '../../access/youth-lock.js';
import { selectRows } from '../../db/client.js';
import { csecTypeProblems, type CsecTypeCode } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { badRequest, brokenRules, changedMeanwhile, invalidField, notFound, ruleTexts } from '../../errors.js';
import {
  FIX_FIELDS,
  type DataQualityFix,
  type DataQualityFixResult,
  type FixField,
} from '../../contract/data-quality.js';
import { refreshDataQuality } from './detect.js';
import { idsOf, loadIssue, toView, type IssueRow } from './load.js';
import { openIssueAt } from './review-issue.js';

const FIELDS: readonly FixField[] = ['subcategory', 'dateOfBirth', 'startDate', 'endDate'];

/** 400 unless the body carries what this kind's fix needs, and nothing another kind's fix needs. */
function checkFields(issue: IssueRow, input: DataQualityFix): readonly FixField[] {
  const allowed = FIX_FIELDS[issue.kind];
  if (!allowed) {
    throw badRequest(
      'This kind of problem cannot be fixed from the queue. Mark it reviewed, or fix it on the youth’s profile.',
      { kind: issue.kind },
      'data_quality_not_fixable_here',
    );
  }
  for (const f of FIELDS) {
    if (input[f] !== undefined && !allowed.includes(f))
      throw invalidField(
        `/body/${f}`,
        'unknown_field',
        `${f}: a ${issue.kind} issue is fixed with ${allowed.join(' or ')}.`,
      );
  }
  const sent = allowed.filter((f) => input[f] !== undefined);
  if (sent.length === 0)
    throw invalidField(`/body/${allowed[0]}`, 'required', `${allowed.join(' or ')}: send the corrected value.`);
  return sent;
}

interface TypeRow {
  id: string;
  youth_id: string;
  type: CsecTypeCode;
  start_date: string;
  end_date: string | null;
  source: string;
  version: number;
}

/** Writes the new subcategory or dates of a Type (its version goes up); the state's rules first. */
async function fixType(scope: DataQualityScope, issue: IssueRow, input: DataQualityFix): Promise<void> {
  const [row] = await selectRows<TypeRow>(
    scope.tx,
    sql`SELECT id, youth_id, type, start_date::text AS start_date, end_date::text AS end_date, source, version
          FROM csec_type_records WHERE id = ${issue.record_id} AND county_id = ${scope.actor.countyId}`,
  );
  if (!row) throw notFound('CSEC Type record');
  if (input.subcategory !== undefined) {
    await scope.tx.execute(
      sql`UPDATE csec_type_records SET allegation_subcategory = ${input.subcategory}, version = version + 1
           WHERE id = ${row.id}`,
    );
    return;
  }
  const candidate = {
    id: row.id,
    type: row.type,
    startDate: input.startDate ?? row.start_date,
    endDate: input.endDate ?? row.end_date,
  };
  const others = await selectRows<{ id: string; type: CsecTypeCode; startDate: string; endDate: string | null }>(
    scope.tx,
    sql`SELECT id, type, start_date::text AS "startDate", end_date::text AS "endDate"
          FROM csec_type_records WHERE youth_id = ${row.youth_id} AND id <> ${row.id}`,
  );
  // Imported history is kept as the state holds it: its other gaps (an absence with no end, an
  // overlap) are queued on their own, not a reason to refuse this fix. Types kept in Harbor
  // keep every rule they were recorded under.
  const imported = row.source === 'state_extract';
  const problems = csecTypeProblems(candidate, others, countyToday()).filter(
    (p) => !imported || !(p.code === 'csec_type_overlap' || p.code === 'needs_end'),
  );
  if (problems.length)
    throw brokenRules('csec_type_invalid', `This change cannot be saved: ${ruleTexts(problems)}`, problems);
  const [saved] = await selectRows<{ id: string }>(
    scope.tx,
    sql`UPDATE csec_type_records SET start_date = ${candidate.startDate}, end_date = ${candidate.endDate},
               version = version + 1
         WHERE id = ${row.id} AND version = ${row.version} RETURNING id`,
  );
  if (!saved) throw changedMeanwhile('this CSEC Type record');
}

export function fixIssue(repo: YouthContext, id: string, input: DataQualityFix): Promise<DataQualityFixResult> {
  return repo.forDataQuality('data_quality.fix', async (scope) => {
    const issue = await openIssueAt(scope, id, input.version);
    const fields = checkFields(issue, input);
    // The youth's Types are checked against each other and the date of birth: take turns.
    await lockYouthForWrite(scope.tx, issue.youth_id);
    if (input.dateOfBirth !== undefined) {
      await scope.tx.execute(
        sql`UPDATE youth SET date_of_birth = ${input.dateOfBirth}, version = version + 1, updated_at = now()
             WHERE id = ${issue.youth_id} AND county_id = ${scope.actor.countyId}`,
      );
    } else {
      await fixType(scope, issue, input);
    }

    const found = await refreshDataQuality(scope.tx, { countyId: scope.actor.countyId, youthId: issue.youth_id });
    const after = (await loadIssue(scope.tx, scope.actor.countyId, id))!;
    const cured = after.status === 'fixed';
    if (cured || input.note !== undefined) {
      // Detection marks what the data cured with nobody's name; this cure was this user's.
      await scope.tx.execute(
        sql`UPDATE data_quality_issues
               SET resolved_by = CASE WHEN status = 'fixed' THEN ${scope.actor.userId}::uuid ELSE resolved_by END,
                   note = coalesce(${input.note ?? null}, note)
             WHERE id = ${id}`,
      );
    }
    scope.touch([input.dateOfBirth !== undefined ? 'identity' : 'exploitation', 'identity'], idsOf(issue));
    scope.note({ issueId: id, kind: issue.kind, fields: [...fields], cured, opened: found.opened });
    const view = toView((await loadIssue(scope.tx, scope.actor.countyId, id))!);
    return { issue: view, cured, opened: found.opened };
  });
}
