// The history of a youth's identity and contact details (issue 14, finding 1; migration 0017):
// each change, who made it, when, which fields, and what they held before. Written inside the
// update's transaction (so a change and its history stand or fall together) and read through the
// checkpoint, which audits the reading. Contact values are shown only to those who may see
// contact details.
import { asc, desc, eq } from 'drizzle-orm';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { users, youth, youthAliases, youthIdentifiers, youthIdentityHistory } from '../../db/schema.js';
import { YOUTH_FIELD_CATEGORY } from '../../domain/field-categories.js';
import { HISTORY_FIELDS, type HistoryField, type IdentityHistory } from '../../contract/youth-intake.js';
import type { YouthInput } from './write-youth-fields.js';

type Snapshot = Partial<Record<HistoryField, unknown>>;

const isHistoryField = (f: string): f is HistoryField => (HISTORY_FIELDS as readonly string[]).includes(f);

/** The current values of the history fields the input changes, read before the update. */
export async function snapshotBefore(scope: Pick<YouthScope, 'tx' | 'youthId'>, input: YouthInput): Promise<Snapshot> {
  const fields = Object.keys(input).filter(isHistoryField);
  if (fields.length === 0) return {};
  const { tx, youthId } = scope;
  const [row] = await tx.select().from(youth).where(eq(youth.id, youthId));
  if (!row) return {};
  const out: Snapshot = {};
  for (const f of fields) {
    if (f === 'aliases') {
      const rows = await tx
        .select({ alias: youthAliases.alias })
        .from(youthAliases)
        .where(eq(youthAliases.youthId, youthId))
        .orderBy(asc(youthAliases.alias));
      out.aliases = rows.map((r) => r.alias);
    } else if (f === 'identifiers') {
      out.identifiers = await tx
        .select({ system: youthIdentifiers.system, value: youthIdentifiers.value })
        .from(youthIdentifiers)
        .where(eq(youthIdentifiers.youthId, youthId))
        .orderBy(asc(youthIdentifiers.system), asc(youthIdentifiers.value));
    } else {
      out[f] = row[f] ?? null;
    }
  }
  return out;
}

const comparable = (v: unknown) =>
  JSON.stringify(Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : (v ?? null));

/** Writes one history row for the fields whose value really changed; nothing when none did. */
export async function recordIdentityChange(
  scope: Pick<YouthScope, 'tx' | 'youthId' | 'actor'>,
  before: Snapshot,
  input: YouthInput,
  version: number,
): Promise<HistoryField[]> {
  const changed = (Object.keys(before) as HistoryField[]).filter(
    (f) => comparable(before[f]) !== comparable((input as Record<string, unknown>)[f]),
  );
  if (changed.length === 0) return [];
  await scope.tx.insert(youthIdentityHistory).values({
    youthId: scope.youthId,
    countyId: scope.actor.countyId,
    changedBy: scope.actor.userId,
    version,
    fields: changed.sort(),
    previous: Object.fromEntries(changed.map((f) => [f, before[f] ?? null])),
  });
  return changed;
}

/** The youth's identity history, newest first. Needs identity; contact values need contact. */
export function identityHistory(repo: YouthContext, youthId: string): Promise<IdentityHistory> {
  return repo.forYouth(youthId, 'youth.identity.history', { read: ['identity'] }, async (scope) => {
    const seesContact = scope.grant.read.has('contact_location');
    const rows = await scope.tx
      .select({
        id: youthIdentityHistory.id,
        at: youthIdentityHistory.changedAt,
        by: users.displayName,
        version: youthIdentityHistory.version,
        fields: youthIdentityHistory.fields,
        previous: youthIdentityHistory.previous,
      })
      .from(youthIdentityHistory)
      .leftJoin(users, eq(users.id, youthIdentityHistory.changedBy))
      .where(eq(youthIdentityHistory.youthId, youthId))
      .orderBy(desc(youthIdentityHistory.changedAt), desc(youthIdentityHistory.version));
    const visible = (f: string) => isHistoryField(f) && (seesContact || YOUTH_FIELD_CATEGORY[f] !== 'contact_location');
    const changes = rows
      .map((r) => {
        const fields = r.fields.filter(visible) as HistoryField[];
        const previous = Object.fromEntries(
          Object.entries(r.previous as Record<string, unknown>).filter(([f]) => visible(f)),
        );
        return { id: r.id, at: r.at.toISOString(), by: r.by ?? 'someone', version: r.version, fields, previous };
      })
      .filter((c) => c.fields.length > 0);
    if (seesContact) scope.touch(['contact_location']);
    scope.touch(
      [],
      changes.map((c) => c.id),
    );
    return { changes };
  });
}
