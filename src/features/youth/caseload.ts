// "My youth": the youth on the signed-in user's caseload, a page at a time, sorted on the server,
// with the true total from a count query; and the whole list as CSV. Through the checkpoint
// (acrossYouth): every youth listed is named in the audit event, as search does.
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import type { ListScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { canSee, READ_GRANTS, type Relation } from '../../access/grants.js';
import { selectRows } from '../../db/client.js';
import { badRequest } from '../../errors.js';
import type { ExportLanguage, SortDirection } from '../../contract/paging.js';
import {
  CASELOAD_RELATIONS,
  type Caseload,
  type CaseloadCsvQuery,
  type CaseloadQuery,
  type CaseloadRelation,
  type CaseloadSort,
  type CaseloadYouth,
} from '../../contract/youth.js';
import { neutralizeFormula } from '../directory/export-providers.js';
import { youthLabelColumns, youthLegalNameSql } from './display-name.js';

/** The most youth one CSV holds (a caseload is far smaller; this only bounds the work). */
export const CASELOAD_EXPORT_LIMIT = 10_000;

/** The caseload relations that show this user a youth's identity at all (grants.ts). */
function seeingRelations(roles: readonly string[]): CaseloadRelation[] {
  return CASELOAD_RELATIONS.filter((rel) =>
    roles.some((role) => READ_GRANTS[role as keyof typeof READ_GRANTS]?.[rel]?.includes('identity')),
  );
}

const direction = (dir: SortDirection) => sql.raw(dir === 'desc' ? 'DESC' : 'ASC');

/** ORDER BY for each sort key; the name (then the id) breaks ties, so pages never overlap. */
function orderBy(sort: CaseloadSort, dir: SortDirection): SQL {
  const d = direction(dir);
  const byName = (n: SQL) =>
    sql`y.legal_last_name ${n} NULLS LAST, y.legal_first_name ${n} NULLS LAST, client_id ${n} NULLS LAST`;
  switch (sort) {
    case 'name':
      return sql`${byName(d)}, y.id ${d}`;
    case 'dateOfBirth':
      return sql`y.date_of_birth ${d} NULLS LAST, ${byName(sql.raw('ASC'))}, y.id ASC`;
    case 'spa':
      return sql`y.spa_number ${d} NULLS LAST, ${byName(sql.raw('ASC'))}, y.id ASC`;
  }
}

interface Row {
  id: string;
  name: string | null;
  legal_name: string | null;
  client_id: string | null;
  date_of_birth: string | null;
  spa_number: number | null;
  relations: Relation[];
}

/** `v.relations && {the caseload relations that show identity}`: youth that are this user's own. */
function onCaseload(scope: ListScope): SQL | null {
  const rels = seeingRelations(scope.actor.roles);
  if (rels.length === 0) return null;
  return sql`v.relations && ARRAY[${sql.join(
    rels.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
}

async function countOf(scope: ListScope, where: SQL): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    scope.tx,
    sql`${scope.visibleCte} SELECT count(*)::int AS n FROM visible v WHERE ${where}`,
  );
  return row?.n ?? 0;
}

async function rowsOf(
  scope: ListScope,
  where: SQL,
  q: { sort: CaseloadSort; dir: SortDirection; limit: number; offset: number },
): Promise<CaseloadYouth[]> {
  const rows = await selectRows<Row>(
    scope.tx,
    sql`${scope.visibleCte}
      SELECT y.id, ${youthLabelColumns('y', '')}, ${youthLegalNameSql('y')} AS legal_name,
             y.date_of_birth::text AS date_of_birth, y.spa_number, v.relations
        FROM visible v JOIN youth y ON y.id = v.youth_id
       WHERE ${where}
       ORDER BY ${orderBy(q.sort, q.dir)}
       LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  // The WHERE keeps to relations that show identity, so this drops nothing; it is the same
  // check every list makes before it names a youth.
  return rows
    .filter((r) => canSee(scope.grantOf(r.relations)))
    .map((r) => ({
      id: r.id,
      name: r.name,
      legalName: r.legal_name,
      stateClientId: r.client_id,
      dateOfBirth: r.date_of_birth,
      spaNumber: r.spa_number,
      relations: CASELOAD_RELATIONS.filter((rel) => r.relations.includes(rel)),
    }));
}

/** One page of the caseload, with its total. An auditor (no assignments, no team) has 0. */
export function caseload(repo: YouthContext, q: CaseloadQuery): Promise<Caseload> {
  return repo.acrossYouth('youth.caseload', async (scope) => {
    const where = onCaseload(scope);
    const total = where ? await countOf(scope, where) : 0;
    const youth = where && q.offset < total ? await rowsOf(scope, where, q) : [];
    scope.touch(
      ['identity'],
      youth.map((y) => y.id),
    );
    scope.note({ total, limit: q.limit, offset: q.offset, sort: q.sort, dir: q.dir, results: youth.length });
    return { youth, total, limit: q.limit, offset: q.offset };
  });
}

const HEADERS: Record<ExportLanguage, string[]> = {
  en: ['Name', 'Legal name', 'State client id', 'Date of birth', 'Service planning area', 'On your caseload because'],
  es: [
    'Nombre',
    'Nombre legal',
    'Número de cliente estatal',
    'Fecha de nacimiento',
    'Área de planificación de servicios',
    'En su lista porque',
  ],
};

const RELATION_WORDS: Record<ExportLanguage, Record<CaseloadRelation, string>> = {
  en: {
    assigned: 'assigned to you',
    supervises: 'assigned to someone you supervise',
    mdt: 'you are on their team (MDT)',
    advocacy: 'you are their advocate',
  },
  es: {
    assigned: 'asignado a usted',
    supervises: 'asignado a alguien que usted supervisa',
    mdt: 'usted está en su equipo (MDT)',
    advocacy: 'usted es su defensor(a)',
  },
};

/** The whole caseload as CSV, in the page's order; cells a spreadsheet would run are neutralized. */
export function caseloadCsv(repo: YouthContext, q: CaseloadCsvQuery): Promise<string> {
  return repo.acrossYouth('youth.caseload.export', async (scope) => {
    const where = onCaseload(scope);
    const total = where ? await countOf(scope, where) : 0;
    if (total > CASELOAD_EXPORT_LIMIT) {
      throw badRequest(
        `One export holds at most ${CASELOAD_EXPORT_LIMIT} youth and ${total} are on this caseload.`,
        { limit: CASELOAD_EXPORT_LIMIT, total },
        'export_too_large',
      );
    }
    const youth = where && total > 0 ? await rowsOf(scope, where, { ...q, limit: total, offset: 0 }) : [];
    scope.touch(
      ['identity'],
      youth.map((y) => y.id),
    );
    scope.note({ format: 'csv', total, sort: q.sort, dir: q.dir });
    const words = RELATION_WORDS[q.lang];
    return stringify(
      [
        HEADERS[q.lang],
        ...youth.map((y) =>
          [
            y.name ?? '',
            y.legalName ?? '',
            y.stateClientId ?? '',
            y.dateOfBirth ?? '',
            y.spaNumber === null ? '' : String(y.spaNumber),
            y.relations.map((r) => words[r]).join('; '),
          ].map(neutralizeFormula),
        ),
      ],
      { bom: true, record_delimiter: 'windows' },
    );
  });
}
