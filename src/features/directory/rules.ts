// Checks shared by creating, editing and importing providers.
import { sql } from 'drizzle-orm';
import {
  PROVIDER_FIELDS,
  normalizeProvider,
  validateProvider,
  type DirectoryContext,
  type Problem,
  type ProviderData,
} from '../../domain/directory.js';
import { brokenRules, conflict, fieldError, HarborError } from '../../errors.js';
import { historyOf } from './get-provider.js';
import { loadDirectoryContext, type Exec, type ProviderRow } from './store.js';

/** The editable fields given in a request body (undefined means "leave as it is"). */
export type ProviderInput = { [K in keyof ProviderData]?: ProviderData[K] | null | undefined };

/**
 * The entry with the given fields replaced; a null list or flag means empty or false. A resource
 * family that becomes another kind loses its stored address unless a new one is given.
 */
export function applyInput(base: ProviderData, input: ProviderInput): ProviderData {
  const next: Record<string, unknown> = { ...base };
  for (const field of PROVIDER_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const empty = Array.isArray(base[field]) ? [] : typeof base[field] === 'boolean' ? false : null;
    next[field] = value === null ? empty : value;
  }
  // A resource family's address is a placement address: changing the kind must not publish it.
  if (base.kind === 'resource_family' && next.kind !== 'resource_family' && input.address === undefined)
    next.address = null;
  return next as unknown as ProviderData;
}

export const givenFields = (input: ProviderInput) => PROVIDER_FIELDS.filter((f) => input[f] !== undefined);

export function invalid(problems: Problem[]) {
  const rules = problems.map((p) => ({
    field: p.field,
    code: p.code,
    text: `${p.field}: ${p.message}`,
    ...(p.params ? { params: p.params } : {}),
  }));
  return brokenRules('provider_invalid', `Please fix: ${rules.map((r) => r.text).join('; ')}`, rules);
}

/**
 * Validates an entry against the county's catalog, SPAs and organizations. Services are checked
 * only when given: a service the county retired later must not block an unrelated edit.
 */
export async function assertValid(
  exec: Exec,
  countyId: string,
  data: ProviderData,
  given: readonly string[],
  ctx?: DirectoryContext,
) {
  const context = ctx ?? (await loadDirectoryContext(exec, countyId));
  const problems = validateProvider(normalizeProvider(data), context).filter(
    (p) => p.field !== 'services' || given.includes('services'),
  );
  if (problems.length) throw invalid(problems);
}

/** The import key is unique in the county; say which entry already uses it. */
export async function assertExternalRefFree(
  exec: Exec,
  countyId: string,
  externalRef: string | null,
  exceptId: string | null,
) {
  if (externalRef === null) return;
  const [other] = await exec<{ name: string }>(
    sql`SELECT name FROM providers WHERE county_id = ${countyId}::uuid AND external_ref = ${externalRef}
          AND (${exceptId}::uuid IS NULL OR id <> ${exceptId}::uuid)`,
  );
  if (other)
    throw new HarborError(
      409,
      'external_ref_taken',
      `externalRef: "${externalRef}" is already used by ${other.name}; each entry needs its own.`,
      { externalRef, usedBy: other.name },
      [fieldError('/body/externalRef', 'duplicate')],
    );
}

/** The 409 for a stale version: who changed which fields since the version the editor loaded. */
export async function staleVersion(exec: Exec, current: ProviderRow, yourVersion: number) {
  const since = yourVersion < current.version ? await historyOf(exec, current.id, current.kind, yourVersion + 1) : [];
  const changes = since.map((h) => ({
    version: h.version,
    at: h.changedAt,
    by: h.changedBy ?? (h.source === 'edit' ? 'someone' : `the ${h.source}`),
    fields: h.changes,
  }));
  const summary = changes
    .map((c) => `${c.by} changed ${c.fields.join(', ') || 'nothing visible'} at ${c.at}`)
    .join('; ');
  return conflict(
    `Someone saved this directory entry after you opened it (you had version ${yourVersion}, it is now ${current.version}). ` +
      `${summary ? summary + '. ' : ''}Reload to see their changes, then make yours again.`,
    { yourVersion, currentVersion: current.version, changes },
    'stale_version',
  );
}
