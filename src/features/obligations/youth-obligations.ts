import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { OBLIGATION_SELECT, toView, type ObligationRow, type ObligationViewT } from './view.js';

/** Everything due for one youth, newest first. Obligations about exploitation are exploitation details. */
export function youthObligations(repo: YouthContext, youthId: string): Promise<{ obligations: ObligationViewT[] }> {
  return repo.forYouth(youthId, 'obligations.list', { read: ['exploitation'] }, async (scope) => {
    const rows = await selectRows<ObligationRow>(
      scope.tx,
      sql`${OBLIGATION_SELECT} WHERE ob.youth_id = ${youthId} ORDER BY ob.due_at DESC`,
    );
    scope.touch(
      ['exploitation'],
      rows.map((r) => r.id),
    );
    return { obligations: rows.map((r) => toView(r)) };
  });
}
