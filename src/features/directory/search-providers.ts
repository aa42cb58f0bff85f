import { sql, type SQL } from 'drizzle-orm';
import type { ReferenceContext } from '../../access/contexts.js';
import type { Population } from '../../domain/directory.js';
import type { Filters } from '../../contract/directory.js';
import { execIn, PROVIDER_COLUMNS, type Exec, type ProviderRow } from './store.js';
import { toView } from './view.js';

const POPULATION_COLUMN: Record<Population, SQL> = {
  lgbtq_affirming: sql`p.lgbtq_affirming`,
  parenting_youth: sql`p.serves_parenting_youth`,
  boys: sql`p.serves_boys`,
};

/** The WHERE conditions for the filters; text matching tolerates typos (trigram similarity on folded text). */
function conditions(countyId: string, f: Filters): SQL {
  const where: SQL[] = [sql`p.county_id = ${countyId}::uuid`];
  if (!f.includeInactive) where.push(sql`p.active`);
  if (f.q) where.push(sql`(q.f <% p.search_text OR p.search_text % q.f OR strpos(p.search_text, q.f) > 0)`);
  if (f.service) where.push(sql`p.services @> ARRAY[${f.service}]::text[]`);
  if (f.spa !== undefined) where.push(sql`p.spas @> ARRAY[${f.spa}::int]`);
  if (f.language)
    where.push(sql`EXISTS (SELECT 1 FROM unnest(p.languages) AS l(name) WHERE lower(l.name) = lower(${f.language}))`);
  if (f.population) where.push(POPULATION_COLUMN[f.population]);
  if (f.age !== undefined)
    where.push(sql`coalesce(p.age_min, 0) <= ${f.age}::int AND coalesce(p.age_max, 99) >= ${f.age}::int`);
  if (f.placementType) where.push(sql`p.placement_types @> ARRAY[${f.placementType}]::text[]`);
  if (f.hasVacancy) where.push(sql`p.vacancies > 0`);
  if (f.crisis) where.push(sql`p.crisis_24_7`);
  if (f.csecTrained) where.push(sql`jsonb_array_length(p.csec_trainings) > 0`);
  return sql.join(where, sql` AND `);
}

/** Providers matching the filters, most relevant first, then by name. */
export async function findProviders(
  exec: Exec,
  countyId: string,
  f: Filters,
  page: { limit: number; offset: number },
): Promise<{ rows: (ProviderRow & { score: number })[]; total: number }> {
  const from = sql`FROM providers p LEFT JOIN organizations o ON o.id = p.organization_id
    CROSS JOIN (SELECT harbor_fold(${f.q ?? ''}) AS f) q
    WHERE ${conditions(countyId, f)}`;
  const score = f.q ? sql`greatest(similarity(p.search_text, q.f), word_similarity(q.f, p.search_text))` : sql`0`;
  const rows = await exec<ProviderRow & { score: number | string }>(
    sql`SELECT ${PROVIDER_COLUMNS}, ${score}::float8 AS score ${from}
        ORDER BY score DESC, lower(p.name), p.id LIMIT ${page.limit}::int OFFSET ${page.offset}::int`,
  );
  const [counted] = await exec<{ n: number }>(sql`SELECT count(*)::int AS n ${from}`);
  return {
    rows: rows.map((r) => ({ ...r, score: Math.round(Number(r.score) * 1000) / 1000 })),
    total: counted?.n ?? 0,
  };
}

export function searchProviders(repo: ReferenceContext, query: Filters & { page: number; pageSize: number }) {
  const { page, pageSize, ...filters } = query;
  return repo.forCounty(
    'directory.providers.search',
    async ({ tx, actor }) => {
      const { rows, total } = await findProviders(execIn(tx), actor.countyId, filters, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { providers: rows.map((r) => ({ ...toView(r), score: r.score })), total, page, pageSize };
    },
    { audit: false },
  );
}
