import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { assignments, youth } from '../../db/schema.js';
import { categoriesOf, checkServiceArea, replaceLists, youthColumns } from './write-youth-fields.js';
import type { YouthCreate } from '../../contract/youth.js';

/** Creates a youth in the user's county and assigns them to the user as primary worker. */
export function createYouth(repo: YouthContext, input: z.infer<typeof YouthCreate>): Promise<{ id: string }> {
  return repo.forNewYouth('youth.create', async (scope) => {
    const categories = categoriesOf(input);
    for (const c of categories) scope.require(c, 'write');
    const countyId = scope.actor.countyId;
    await checkServiceArea(scope.tx, countyId, input.spaNumber);
    const [row] = await scope.tx
      .insert(youth)
      .values({ ...youthColumns(input), countyId })
      .returning({ id: youth.id });
    const youthId = row!.id;
    await replaceLists({ tx: scope.tx, youthId }, countyId, input);
    const [assignment] = await scope.tx
      .insert(assignments)
      .values({
        youthId,
        countyId,
        userId: scope.actor.userId,
        organizationId: scope.actor.organizationId,
        role: 'primary',
      })
      .returning({ id: assignments.id });
    scope.touch(categories, [assignment!.id]);
    scope.note({ fields: Object.keys(input).sort() });
    return { youthId, result: { id: youthId } };
  });
}
