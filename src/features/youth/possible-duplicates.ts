// The likely-duplicate check made before a youth is added (issue 14, finding 1).
//
// Privacy rule: a match is only ever a youth the user could find by search. The check runs in
// the same scope as search (acrossYouth's visible youth, and the same canSee filter), so it
// never reveals that a youth exists in another county or in records the user may not see.
import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { canSee, type Relation } from '../../access/grants.js';
import { selectRows } from '../../db/client.js';
import type { DuplicateCheck, DuplicateMatches, DuplicateReason } from '../../contract/youth-intake.js';
import { youthLegalNameSql, youthNameSql } from './display-name.js';

const LIMIT = 10;

interface Row {
  id: string;
  name: string | null;
  legal_name: string | null;
  date_of_birth: string | null;
  spa_number: number | null;
  relations: Relation[];
  reason: DuplicateReason;
}

/**
 * Youth who may be the person about to be added: a similar name (typos, accents, first and last
 * swapped, or the preferred name), a similar alias, or the same date of birth.
 */
export function possibleDuplicates(repo: YouthContext, input: DuplicateCheck): Promise<DuplicateMatches> {
  const full = [input.legalFirstName, input.legalLastName].join(' ');
  const swapped = [input.legalLastName, input.legalFirstName].join(' ');
  const preferred = input.preferredName ? [input.preferredName, input.legalLastName].join(' ') : full;
  const dob = input.dateOfBirth ?? null;
  const aliases = [...new Set(input.aliases ?? [])];
  return repo.acrossYouth('youth.duplicates.search', async (scope) => {
    const rows = await selectRows<Row>(
      scope.tx,
      sql`${scope.visibleCte},
        q AS (SELECT harbor_fold(${full}) AS f, harbor_fold(${swapped}) AS s, harbor_fold(${preferred}) AS p,
                     harbor_fold(${input.legalLastName}) AS last),
        qa AS (SELECT harbor_fold(a) AS f FROM unnest(${sql`ARRAY[${sql.join(
          aliases.length ? aliases.map((a) => sql`${a}::text`) : [sql`NULL::text`],
          sql`, `,
        )}]`}) AS a WHERE a IS NOT NULL)
        SELECT * FROM (
          SELECT y.id, ${youthNameSql('y')} AS name, ${youthLegalNameSql('y')} AS legal_name,
                 y.date_of_birth::text AS date_of_birth, y.spa_number, v.relations,
                 (q.f % y.search_text OR q.s % y.search_text OR q.p % y.search_text
                   OR y.search_text LIKE '%' || q.f || '%') AS name_like,
                 EXISTS (SELECT 1 FROM youth_aliases a CROSS JOIN LATERAL
                           (SELECT q.f UNION ALL SELECT qa.f FROM qa) n(f)
                          WHERE a.youth_id = y.id AND (a.search_text % n.f OR n.f % a.search_text)) AS alias_like,
                 EXISTS (SELECT 1 FROM qa WHERE qa.f % y.search_text) AS alias_name_like,
                 (${dob}::date IS NOT NULL AND y.date_of_birth = ${dob}::date) AS same_dob,
                 greatest(similarity(y.search_text, q.f), similarity(y.search_text, q.s),
                          similarity(y.search_text, q.p)) AS score
            FROM visible v JOIN youth y ON y.id = v.youth_id CROSS JOIN q
        ) m
        CROSS JOIN LATERAL (SELECT CASE
          WHEN (name_like OR alias_like OR alias_name_like) AND same_dob THEN 'name_and_date_of_birth'
          WHEN name_like THEN 'name'
          WHEN alias_like OR alias_name_like THEN 'alias'
          WHEN same_dob THEN 'date_of_birth'
        END AS reason) r
        WHERE r.reason IS NOT NULL
        ORDER BY (r.reason = 'name_and_date_of_birth') DESC, score DESC, m.id
        LIMIT ${LIMIT}`,
    );
    const matches = rows
      .filter((r) => canSee(scope.grantOf(r.relations)))
      .map((r) => ({
        id: r.id,
        name: r.name,
        legalName: r.legal_name,
        dateOfBirth: r.date_of_birth,
        spaNumber: r.spa_number,
        reason: r.reason,
      }));
    scope.touch(
      ['identity'],
      matches.map((m) => m.id),
    );
    // Kept in the audit table only (never in logs), like a search's query.
    scope.note({ check: { name: full, dateOfBirth: dob }, results: matches.length });
    return { matches };
  });
}
