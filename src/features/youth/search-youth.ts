import { sql } from 'drizzle-orm';
import { selectRows } from '../../db/client.js';
import type { YouthContext } from '../../access/contexts.js';
import { canSee, type Relation } from '../../access/grants.js';
import type { z } from 'zod';
import type { SearchResult } from '../../contract/youth.js';
import { youthLabelColumns, youthLegalNameSql } from './display-name.js';

type Result = z.infer<typeof SearchResult>;

/** Accepts 2010-05-03 or 05/03/2010 (US order) as a date of birth. */
export function parseDateQuery(q: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(date + 'T00:00:00Z');
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

interface Row {
  id: string;
  name: string | null;
  legal_name: string | null;
  client_id: string | null;
  date_of_birth: string | null;
  spa_number: number | null;
  relations: Relation[];
  matched_on: Result['results'][number]['matchedOn'];
}

/**
 * Finds youth the user may see: by name (typos and accents tolerated through trigram similarity
 * on folded text), alias, date of birth or an external id. With no query, lists the user's youth.
 */
export function searchYouth(repo: YouthContext, q: string | undefined, limit = 25): Promise<Result> {
  const query = (q ?? '').trim();
  return repo.acrossYouth('youth.search', async (scope) => {
    const dob = parseDateQuery(query);
    // The name, or for a youth with no names the state client id they are listed with.
    const labels = sql`${youthLabelColumns('y', '')}, ${youthLegalNameSql('y')} AS legal_name`;
    const rows = await selectRows<Row>(
      scope.tx,
      query === ''
        ? sql`${scope.visibleCte}
          SELECT y.id, ${labels}, y.date_of_birth::text AS date_of_birth,
                 y.spa_number, v.relations, 'caseload' AS matched_on
            FROM visible v JOIN youth y ON y.id = v.youth_id
           ORDER BY y.legal_last_name, y.legal_first_name, client_id, y.id LIMIT ${limit}`
        : sql`${scope.visibleCte}, q AS (SELECT harbor_fold(${query}) AS f, lower(${query}) AS raw)
          SELECT * FROM (
            SELECT y.id, ${labels}, y.legal_last_name, y.legal_first_name,
                   y.date_of_birth::text AS date_of_birth, y.spa_number, v.relations,
                   CASE
                     WHEN ${dob}::date IS NOT NULL AND y.date_of_birth = ${dob}::date THEN 'date_of_birth'
                     WHEN EXISTS (SELECT 1 FROM youth_identifiers i WHERE i.youth_id = y.id AND lower(i.value) = q.raw)
                       OR EXISTS (SELECT 1 FROM cases c WHERE c.youth_id = y.id AND lower(c.external_id) = q.raw)
                       OR EXISTS (SELECT 1 FROM referrals r WHERE r.youth_id = y.id AND lower(r.external_id) = q.raw)
                       THEN 'identifier'
                     WHEN q.f <% y.search_text OR y.search_text % q.f OR y.search_text LIKE '%' || q.f || '%' THEN 'name'
                     WHEN EXISTS (SELECT 1 FROM youth_aliases a WHERE a.youth_id = y.id
                                  AND (q.f <% a.search_text OR a.search_text LIKE '%' || q.f || '%')) THEN 'alias'
                   END AS matched_on,
                   greatest(similarity(y.search_text, q.f), word_similarity(q.f, y.search_text)) AS score
              FROM visible v JOIN youth y ON y.id = v.youth_id CROSS JOIN q
          ) m
          WHERE matched_on IS NOT NULL
          ORDER BY (matched_on IN ('identifier', 'date_of_birth')) DESC, score DESC, legal_last_name, legal_first_name,
                   client_id, id
          LIMIT ${limit}`,
    );
    const results = rows
      .filter((r) => canSee(scope.grantOf(r.relations)))
      .map((r) => ({
        id: r.id,
        name: r.name,
        legalName: r.legal_name,
        stateClientId: r.client_id,
        dateOfBirth: r.date_of_birth,
        spaNumber: r.spa_number,
        matchedOn: r.matched_on,
      }));
    scope.touch(
      ['identity'],
      results.map((r) => r.id),
    );
    // The query is kept in the audit table (never in logs): "who searched for this name" is a
    // question supervisors ask.
    scope.note({ query, results: results.length });
    return { results };
  });
}
