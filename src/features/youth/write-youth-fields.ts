// Writing a youth's own fields, shared by create and update: checks the user's write grant for
// every category touched and replaces aliases and identifiers as whole lists.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import { YOUTH_FIELD_CATEGORY, type FieldCategory } from '../../domain/field-categories.js';
import { counties, servicePlanningAreas, youthAliases, youthIdentifiers } from '../../db/schema.js';
import { conflict, invalidField } from '../../errors.js';
import type { YouthFields } from '../../contract/youth.js';

export type YouthInput = Partial<z.infer<typeof YouthFields>>;

export function categoriesOf(input: YouthInput): Set<FieldCategory> {
  const out = new Set<FieldCategory>();
  for (const key of Object.keys(input)) {
    if (key in YOUTH_FIELD_CATEGORY) out.add(YOUTH_FIELD_CATEGORY[key as keyof typeof YOUTH_FIELD_CATEGORY]);
  }
  return out;
}

/** Column values for the youth table from the parts of input that belong there. */
export function youthColumns<T extends YouthInput>(input: T): Omit<T, 'aliases' | 'identifiers'> {
  const { aliases: _a, identifiers: _i, ...columns } = input;
  return columns;
}

/** The service planning area must be one of the county's; say which ones exist if not. */
export async function checkServiceArea(tx: YouthScope['tx'], countyId: string, spaNumber: number | null | undefined) {
  if (spaNumber === null || spaNumber === undefined) return;
  const areas = await tx
    .select({ number: servicePlanningAreas.number, county: counties.name })
    .from(servicePlanningAreas)
    .innerJoin(counties, eq(counties.id, servicePlanningAreas.countyId))
    .where(eq(servicePlanningAreas.countyId, countyId))
    .orderBy(servicePlanningAreas.number);
  if (!areas.some((a) => a.number === spaNumber)) {
    throw invalidField(
      '/body/spaNumber',
      'unknown_spa',
      `spaNumber: ${areas[0]?.county ?? 'this county'} has no service planning area ${spaNumber}; ` +
        `use one of ${areas.map((a) => a.number).join(', ')}.`,
      { options: areas.map((a) => a.number).join(', ') },
    );
  }
}

export async function replaceLists(scope: Pick<YouthScope, 'tx' | 'youthId'>, countyId: string, input: YouthInput) {
  const { tx, youthId } = scope;
  if (input.aliases) {
    await tx.delete(youthAliases).where(eq(youthAliases.youthId, youthId));
    const unique = [...new Set(input.aliases)];
    if (unique.length) await tx.insert(youthAliases).values(unique.map((alias) => ({ youthId, countyId, alias })));
  }
  if (input.identifiers) {
    await tx.delete(youthIdentifiers).where(eq(youthIdentifiers.youthId, youthId));
    const seen = new Set<string>();
    const rows = input.identifiers.filter((i) => !seen.has(i.system + i.value) && seen.add(i.system + i.value));
    if (rows.length) {
      try {
        await tx.insert(youthIdentifiers).values(rows.map((i) => ({ youthId, countyId, ...i })));
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw conflict(
            'One of these identifiers is already recorded for another youth in this county. ' +
              'Check the number, or ask a supervisor to look for a duplicate record.',
            undefined,
            'identifier_taken',
          );
        }
        throw err;
      }
    }
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
