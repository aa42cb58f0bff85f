// Marking an open issue reviewed: someone looked and the record is right as it is (or was fixed
// elsewhere), with an optional note. Detection never reopens a reviewed issue.
import { sql } from 'drizzle-orm';
import type { DataQualityScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { changedMeanwhile, conflict, notFound, staleVersion } from '../../errors.js';
import type { DataQualityIssueView, DataQualityReview } from '../../contract/data-quality.js';
import { categoriesOf, idsOf, loadIssue, toView, type IssueRow } from './load.js';

/** The issue, locked, if it is open and at the version the user loaded; 404, 409 otherwise. */
export async function openIssueAt(scope: DataQualityScope, id: string, version: number): Promise<IssueRow> {
  const issue = await loadIssue(scope.tx, scope.actor.countyId, id, true);
  if (!issue) throw notFound('data-quality issue');
  if (issue.status !== 'open')
    throw conflict(
      `This issue is already ${issue.status}; nothing was changed.`,
      { status: issue.status },
      'data_quality_issue_settled',
    );
  if (issue.version !== version) throw staleVersion('issue', version, issue.version);
  return issue;
}

export function reviewIssue(repo: YouthContext, id: string, input: DataQualityReview): Promise<DataQualityIssueView> {
  return repo.forDataQuality('data_quality.review', async (scope) => {
    const issue = await openIssueAt(scope, id, input.version);
    const [done] = await selectRows<{ id: string }>(
      scope.tx,
      sql`UPDATE data_quality_issues
             SET status = 'reviewed', resolved_at = now(), resolved_by = ${scope.actor.userId},
                 note = ${input.note ?? null}, version = version + 1
           WHERE id = ${id} AND version = ${input.version} AND status = 'open' RETURNING id`,
    );
    if (!done) throw changedMeanwhile('this issue');
    scope.touch(categoriesOf(issue.kind), idsOf(issue));
    scope.note({ issueId: id, kind: issue.kind, note: input.note !== undefined });
    return toView((await loadIssue(scope.tx, scope.actor.countyId, id))!);
  });
}
