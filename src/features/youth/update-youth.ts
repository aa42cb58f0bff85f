import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { auditEvents, users, youth } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { categoriesOf, checkServiceArea, replaceLists, youthColumns } from './write-youth-fields.js';
import type { YouthPatch } from '../../contract/youth.js';
import { recordIdentityChange, snapshotBefore } from './identity-history.js';

/**
 * Saves changes to a youth's record with optimistic concurrency: the caller sends the version it
 * loaded; if someone saved since, nothing is written and the 409 says who changed which fields.
 */
export function updateYouth(
  repo: YouthContext,
  youthId: string,
  patch: z.infer<typeof YouthPatch>,
): Promise<{ id: string; version: number }> {
  return repo.forYouth(
    youthId,
    'youth.update',
    // Every change writes the youth's own row (identity); the fields changed may need more.
    { write: ['identity'] },
    async (scope) => {
      const { version, ...input } = patch;
      const fields = Object.keys(input).sort();
      if (fields.length === 0)
        throw badRequest(
          'Send at least one field to change, with the version you loaded.',
          undefined,
          'nothing_to_change',
        );
      const categories = categoriesOf(input);
      for (const c of categories) scope.require(c, 'write');
      await checkServiceArea(scope.tx, scope.actor.countyId, input.spaNumber);
      const before = await snapshotBefore(scope, input);
      const [row] = await scope.tx
        .update(youth)
        .set({ ...youthColumns(input), version: sql`${youth.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(youth.id, youthId), eq(youth.version, version)))
        .returning({ version: youth.version });
      if (!row) throw await staleVersion(scope.tx, youthId, version);
      await replaceLists(scope, scope.actor.countyId, input);
      // The identity history keeps what each changed field held before (migration 0017).
      const changed = await recordIdentityChange(scope, before, input, row.version);
      scope.touch(categories, [youthId]);
      scope.note({ fields, version: row.version, history: changed });
      return { id: youthId, version: row.version };
    },
  );
}

async function staleVersion(
  tx: Parameters<Parameters<ScopedRepo['forYouth']>[3]>[0]['tx'],
  youthId: string,
  version: number,
) {
  const [current] = await tx.select({ version: youth.version }).from(youth).where(eq(youth.id, youthId));
  if (!current) return notFound('youth');
  const changes = await tx
    .select({ at: auditEvents.at, by: users.displayName, details: auditEvents.details })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.youthId, youthId),
        eq(auditEvents.action, 'youth.update'),
        sql`(${auditEvents.details}->>'version')::int > ${version}`,
      ),
    )
    .orderBy(auditEvents.at);
  const list = changes.map((c) => ({
    at: c.at.toISOString(),
    by: c.by ?? 'someone',
    fields: ((c.details as { fields?: string[] }).fields ?? []) as string[],
  }));
  const summary = list.map((c) => `${c.by} changed ${c.fields.join(', ')} at ${c.at}`).join('; ');
  return conflict(
    `Someone saved this record after you opened it (you had version ${version}, it is now ${current.version}). ` +
      `${summary ? summary + '. ' : ''}Reload to see their changes, then make yours again.`,
    { yourVersion: version, currentVersion: current.version, changes: list },
    'stale_version',
  );
}
