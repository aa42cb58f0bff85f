// The one write path for directory providers, shared by the API (inside the checkpoint's scoped
// transaction), `harbor import providers` and the demo seed: every insert or update writes its
// provider_history snapshot in the same transaction, in the same shape.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { asDate, selectRows, type Db, type RawConnection } from '../../db/client.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';
import {
  type CsecTraining,
  type DirectoryContext,
  type ProviderData,
  type ProviderKind,
  normalizeProvider,
} from '../../domain/directory.js';

/** Runs a drizzle `sql` query and returns its rows: on a scoped transaction or a raw connection. */
export type Exec = <T>(query: SQL) => Promise<T[]>;

export const execIn =
  (tx: Db): Exec =>
  <T>(query: SQL) =>
    selectRows<T>(tx, query);

const dialect = new PgDialect();
export const execRaw =
  (conn: RawConnection): Exec =>
  <T>(query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return conn.query<T>(text, params);
  };

export type HistorySource = 'edit' | 'import' | 'seed';

export interface ProviderRow {
  id: string;
  county_id: string;
  organization_id: string | null;
  organization_name: string | null;
  kind: ProviderKind;
  name: string;
  description: string | null;
  services: string[];
  placement_types: string[];
  beds: number | null;
  vacancies: number | null;
  vacancies_confirmed_at: Date | string | null;
  csec_trainings: CsecTraining[];
  age_min: number | null;
  age_max: number | null;
  genders: string[];
  lgbtq_affirming: boolean;
  serves_parenting_youth: boolean;
  serves_boys: boolean;
  languages: string[];
  spas: number[];
  counties_served: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  hours: string | null;
  crisis_24_7: boolean;
  external_ref: string | null;
  active: boolean;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The columns every provider query selects (`p` is providers, `o` its organization). */
export const PROVIDER_COLUMNS =
  sql.raw(`p.id, p.county_id, p.organization_id, o.name AS organization_name, p.kind, p.name,
  p.description, p.services, p.placement_types, p.beds, p.vacancies, p.vacancies_confirmed_at, p.csec_trainings,
  p.age_min, p.age_max, p.genders, p.lgbtq_affirming, p.serves_parenting_youth, p.serves_boys, p.languages, p.spas,
  p.counties_served, p.phone, p.email, p.website, p.address, p.hours, p.crisis_24_7, p.external_ref, p.active,
  p.version, p.created_at, p.updated_at`);

export function rowToData(r: ProviderRow): ProviderData {
  return {
    organizationId: r.organization_id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    services: r.services,
    placementTypes: r.placement_types,
    beds: r.beds,
    vacancies: r.vacancies,
    csecTrainings: r.csec_trainings,
    ageMin: r.age_min,
    ageMax: r.age_max,
    genders: r.genders,
    lgbtqAffirming: r.lgbtq_affirming,
    servesParentingYouth: r.serves_parenting_youth,
    servesBoys: r.serves_boys,
    languages: r.languages,
    spas: r.spas.map(Number),
    countiesServed: r.counties_served,
    phone: r.phone,
    email: r.email,
    website: r.website,
    address: r.address,
    hours: r.hours,
    crisis247: r.crisis_24_7,
    externalRef: r.external_ref,
    active: r.active,
  };
}

/** What provider_history keeps for a version: the editable fields and when vacancies were confirmed. */
export type Snapshot = ProviderData & { vacanciesConfirmedAt: string | null };

export function snapshotOf(r: ProviderRow): Snapshot {
  return {
    ...rowToData(r),
    vacanciesConfirmedAt: r.vacancies_confirmed_at === null ? null : asDate(r.vacancies_confirmed_at).toISOString(),
  };
}

const textArray = (values: readonly string[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
const intArray = (values: readonly number[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}::int`),
        sql`, `,
      )}]::int[]`
    : sql`'{}'::int[]`;

function columnValues(d: ProviderData): [string, SQL][] {
  return [
    ['organization_id', sql`${d.organizationId}::uuid`],
    ['kind', sql`${d.kind}`],
    ['name', sql`${d.name}`],
    ['description', sql`${d.description}::text`],
    ['services', textArray(d.services)],
    ['placement_types', textArray(d.placementTypes)],
    ['beds', sql`${d.beds}::int`],
    ['vacancies', sql`${d.vacancies}::int`],
    ['csec_trainings', sql`${JSON.stringify(d.csecTrainings)}::jsonb`],
    ['age_min', sql`${d.ageMin}::int`],
    ['age_max', sql`${d.ageMax}::int`],
    ['genders', textArray(d.genders)],
    ['lgbtq_affirming', sql`${d.lgbtqAffirming}::boolean`],
    ['serves_parenting_youth', sql`${d.servesParentingYouth}::boolean`],
    ['serves_boys', sql`${d.servesBoys}::boolean`],
    ['languages', textArray(d.languages)],
    ['spas', intArray(d.spas)],
    ['counties_served', textArray(d.countiesServed)],
    ['phone', sql`${d.phone}::text`],
    ['email', sql`${d.email}::text`],
    ['website', sql`${d.website}::text`],
    ['address', sql`${d.address}::text`],
    ['hours', sql`${d.hours}::text`],
    ['crisis_24_7', sql`${d.crisis247}::boolean`],
    ['external_ref', sql`${d.externalRef}::text`],
    ['active', sql`${d.active}::boolean`],
  ];
}

export async function loadProvider(
  exec: Exec,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ProviderRow | null> {
  const [row] = await exec<ProviderRow>(
    sql`SELECT ${PROVIDER_COLUMNS} FROM providers p LEFT JOIN organizations o ON o.id = p.organization_id
         WHERE p.id = ${id}::uuid ${opts.forUpdate ? sql`FOR UPDATE OF p` : sql``}`,
  );
  return row ?? null;
}

async function writeHistory(exec: Exec, row: ProviderRow, userId: string | null, source: HistorySource) {
  await exec(sql`INSERT INTO provider_history (provider_id, county_id, version, snapshot, changed_by, source)
    VALUES (${row.id}::uuid, ${row.county_id}::uuid, ${row.version}::int, ${JSON.stringify(snapshotOf(row))}::jsonb,
            ${userId}::uuid, ${source})`);
}

export interface WriteOptions {
  userId: string | null;
  source: HistorySource;
  /** Stamp vacancies_confirmed_at: now (the count was just given or confirmed), or at a given time (seed). */
  confirmVacancies: boolean | Date;
}

const confirmedAt = (opts: WriteOptions, otherwise: SQL) =>
  opts.confirmVacancies instanceof Date
    ? sql`${opts.confirmVacancies.toISOString()}::timestamptz`
    : opts.confirmVacancies
      ? sql`now()`
      : otherwise;

/** Inserts a provider (normalized) and its first history snapshot; returns the stored row. */
export async function insertProvider(
  exec: Exec,
  countyId: string,
  data: ProviderData,
  opts: WriteOptions,
): Promise<ProviderRow> {
  const cols = columnValues(normalizeProvider(data));
  const [created] = await exec<{ id: string }>(sql`INSERT INTO providers
      (county_id, ${sql.raw(cols.map(([c]) => c).join(', '))}, vacancies_confirmed_at, updated_by)
    VALUES (${countyId}::uuid, ${sql.join(
      cols.map(([, v]) => v),
      sql`, `,
    )},
            ${confirmedAt(opts, sql`NULL`)}, ${opts.userId}::uuid)
    RETURNING id`);
  const row = (await loadProvider(exec, created!.id))!;
  await writeHistory(exec, row, opts.userId, opts.source);
  return row;
}

/**
 * Replaces a provider's fields (normalized), bumps its version and writes the snapshot. The
 * caller has locked the row and checked the version; `current.version` guards it once more.
 */
export async function replaceProvider(
  exec: Exec,
  current: ProviderRow,
  data: ProviderData,
  opts: WriteOptions,
): Promise<ProviderRow> {
  const cols = columnValues(normalizeProvider(data));
  const [updated] = await exec<{ id: string }>(sql`UPDATE providers SET
      ${sql.join(
        cols.map(([c, v]) => sql`${sql.raw(c)} = ${v}`),
        sql`, `,
      )},
      vacancies_confirmed_at = ${confirmedAt(opts, sql`vacancies_confirmed_at`)},
      version = version + 1, updated_at = now(), updated_by = ${opts.userId}::uuid
    WHERE id = ${current.id}::uuid AND version = ${current.version}::int
    RETURNING id`);
  if (!updated) throw new Error('provider changed during its own update');
  const row = (await loadProvider(exec, current.id))!;
  await writeHistory(exec, row, opts.userId, opts.source);
  return row;
}

/** The county's services, SPAs and organizations, to validate entries against. */
export async function loadDirectoryContext(
  exec: Exec,
  countyId: string,
): Promise<DirectoryContext & { organizationsByName: Map<string, string> }> {
  const services = await exec<{ key: string }>(
    sql`SELECT key FROM service_catalog WHERE (county_id IS NULL OR county_id = ${countyId}::uuid) AND retired_at IS NULL`,
  );
  const spas = await exec<{ number: number }>(
    sql`SELECT number FROM service_planning_areas WHERE county_id = ${countyId}::uuid`,
  );
  const orgs = await exec<{ id: string; name: string }>(
    sql`SELECT id, name FROM organizations WHERE county_id = ${countyId}::uuid`,
  );
  const [today] = await exec<{ d: string }>(sql`SELECT (now() AT TIME ZONE ${COUNTY_TIME_ZONE})::date::text AS d`);
  return {
    serviceKeys: new Set(services.map((s) => s.key)),
    spaNumbers: spas.map((s) => Number(s.number)),
    organizationIds: new Set(orgs.map((o) => o.id)),
    organizationsByName: new Map(orgs.map((o) => [o.name.toLowerCase(), o.id])),
    today: today!.d,
  };
}
