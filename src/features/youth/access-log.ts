// "Who viewed this record": the audit events about one youth, one line per person per visit,
// filtered, sorted and paged on the server, with the true total; and the same as CSV. Supervisors
// and auditors only (youth.access_log); reading the log is itself audited on the youth.
//
// The visit rule (src/contract/access-log.ts says it for the web): one person's events on this
// youth belong to one visit while each follows the one before it by at most VISIT_GAP_MINUTES
// (10); a longer pause starts a new visit, except that events of one request are never split.
// Opening a profile makes about a dozen audited requests (youth.read, mdt.read, case.list,
// safety_plan.list ...) within seconds, so they fold into one line listing the record kinds seen.
// Visits are formed from every event of the youth (narrowed by person or organization, which
// never splits a visit); the action filter and the date range then apply to whole visits, a visit
// counting on the county date (Pacific time) it started.
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { can } from '../../access/abilities.js';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';
import { FIELD_CATEGORIES, type FieldCategory } from '../../domain/field-categories.js';
import { badRequest, forbidden } from '../../errors.js';
import {
  RECORD_KINDS,
  recordKindOf,
  VIEW_ACTION_PATTERN,
  VISIT_GAP_MINUTES,
  type AccessLog,
  type AccessLogCsvQuery,
  type AccessLogQuery,
  type AccessLogVisit,
  type RecordKind,
} from '../../contract/access-log.js';
import type { SortDirection } from '../../contract/paging.js';
import { neutralizeFormula } from '../directory/export-providers.js';
import { ACCESS_LOG_WORDS } from './access-log-words.js';

/** The most visits one CSV holds: beyond it, narrow by dates, person or organization. */
export const ACCESS_LOG_EXPORT_LIMIT = 50_000;

type Filters = Pick<AccessLogQuery, 'person' | 'organization' | 'action' | 'from' | 'to'>;
type Sort = Pick<AccessLogQuery, 'sort' | 'dir'>;

const TZ = sql.raw(`'${COUNTY_TIME_ZONE}'`);

/** `WITH ... visits AS (...)`: one row per visit of the youth (before the visit-level filters). */
function visitsCte(youthId: string, f: Filters): SQL {
  const narrow = [
    ...(f.person ? [sql`a.actor_user_id = ${f.person}`] : []),
    ...(f.organization ? [sql`a.actor_organization_id = ${f.organization}`] : []),
  ];
  const gap = sql.raw(`interval '${VISIT_GAP_MINUTES} minutes'`);
  return sql`WITH events AS (
      SELECT a.id, a.at, a.actor_user_id, a.actor_organization_id, a.actor_roles, a.action, a.outcome,
             a.categories, a.request_id,
             lag(a.at) OVER w AS prev_at, lag(a.request_id) OVER w AS prev_request
        FROM audit_events a
       WHERE a.youth_id = ${youthId}${narrow.length ? sql` AND ${sql.join(narrow, sql` AND `)}` : sql``}
      WINDOW w AS (PARTITION BY a.actor_user_id, a.actor_organization_id ORDER BY a.at, a.id)
    ), numbered AS (
      SELECT e.*,
             sum(CASE WHEN e.prev_at IS NULL THEN 1
                      WHEN e.request_id IS NOT NULL AND e.request_id = e.prev_request THEN 0
                      WHEN e.at - e.prev_at > ${gap} THEN 1
                      ELSE 0 END)
               OVER (PARTITION BY e.actor_user_id, e.actor_organization_id ORDER BY e.at, e.id) AS visit
        FROM events e
    ), visits AS (
      SELECT n.actor_user_id, n.actor_organization_id, n.visit,
             min(n.at) AS start_at, max(n.at) AS end_at, count(*)::int AS events,
             array_agg(DISTINCT n.action) FILTER (WHERE n.outcome = 'allowed' AND n.action ~ ${VIEW_ACTION_PATTERN}) AS viewed,
             array_agg(DISTINCT n.action) FILTER (WHERE n.outcome = 'allowed' AND n.action !~ ${VIEW_ACTION_PATTERN}) AS changed,
             array_agg(DISTINCT n.action) FILTER (WHERE n.outcome = 'denied') AS refused,
             string_agg(array_to_string(n.categories, ','), ',') FILTER (WHERE n.outcome = 'allowed') AS categories,
             (array_agg(array_to_string(n.actor_roles, ',') ORDER BY n.at DESC, n.id DESC))[1] AS roles
        FROM numbered n
       GROUP BY n.actor_user_id, n.actor_organization_id, n.visit
    )`;
}

/** The visit-level filters: what the visit did, and the county dates it started on. */
function visitWhere(f: Filters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.action) parts.push(sql`v.${sql.raw(f.action)} IS NOT NULL`);
  if (f.from) parts.push(sql`v.start_at >= ((${f.from}::date)::timestamp AT TIME ZONE ${TZ})`);
  if (f.to) parts.push(sql`v.start_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${TZ})`);
  return sql.join(parts, sql` AND `);
}

function orderBy(s: Sort): SQL {
  const d = sql.raw((s.dir as SortDirection) === 'asc' ? 'ASC' : 'DESC');
  const tie = sql`v.actor_user_id ASC NULLS LAST, v.actor_organization_id ASC NULLS LAST, v.visit ASC`;
  return s.sort === 'person'
    ? sql`u.display_name ${d} NULLS LAST, v.start_at DESC, ${tie}`
    : sql`v.start_at ${d}, ${tie}`;
}

interface VisitRow {
  actor_user_id: string | null;
  start_at: string;
  end_at: string;
  events: number;
  viewed: string[] | null;
  changed: string[] | null;
  refused: string[] | null;
  categories: string | null;
  roles: string | null;
  name: string | null;
  organization: string | null;
}

const iso = (col: string) => sql.raw(`to_char(v.${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

async function visitRows(
  scope: YouthScope,
  f: Filters,
  s: Sort,
  page: { limit: number; offset: number } | null,
): Promise<AccessLogVisit[]> {
  const rows = await selectRows<VisitRow>(
    scope.tx,
    sql`${visitsCte(scope.youthId, f)}
      SELECT v.actor_user_id, ${iso('start_at')} AS start_at, ${iso('end_at')} AS end_at, v.events,
             v.viewed, v.changed, v.refused, v.categories, v.roles,
             u.display_name AS name, o.name AS organization
        FROM visits v
        LEFT JOIN users u ON u.id = v.actor_user_id
        LEFT JOIN organizations o ON o.id = v.actor_organization_id
       WHERE ${visitWhere(f)}
       ORDER BY ${orderBy(s)}
       ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );
  return rows.map(toVisit);
}

/** Action codes as record kinds, in the kinds' own order, each once. */
const kindsOf = (actions: string[] | null): RecordKind[] => {
  const kinds = new Set((actions ?? []).map(recordKindOf));
  return RECORD_KINDS.filter((k) => kinds.has(k));
};

function toVisit(r: VisitRow): AccessLogVisit {
  const categories = new Set((r.categories ?? '').split(',').filter(Boolean));
  return {
    start: r.start_at,
    end: r.end_at,
    actor:
      r.actor_user_id && r.name
        ? {
            id: r.actor_user_id,
            name: r.name,
            organization: r.organization,
            roles: (r.roles ?? '').split(',').filter(Boolean),
          }
        : null,
    viewed: kindsOf(r.viewed),
    changed: kindsOf(r.changed),
    refused: kindsOf(r.refused),
    categories: FIELD_CATEGORIES.filter((c: FieldCategory) => categories.has(c)),
    events: r.events,
  };
}

async function countOf(scope: YouthScope, f: Filters): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    scope.tx,
    sql`${visitsCte(scope.youthId, f)} SELECT count(*)::int AS n FROM visits v WHERE ${visitWhere(f)}`,
  );
  return row?.n ?? 0;
}

/** Everyone and every organization in this youth's log, for the filters. */
async function options(scope: YouthScope) {
  const people = await selectRows<{ id: string; name: string }>(
    scope.tx,
    sql`SELECT u.id, u.display_name AS name FROM users u
         WHERE u.id IN (SELECT DISTINCT a.actor_user_id FROM audit_events a WHERE a.youth_id = ${scope.youthId})
         ORDER BY u.display_name, u.id`,
  );
  const organizations = await selectRows<{ id: string; name: string }>(
    scope.tx,
    sql`SELECT o.id, o.name FROM organizations o
         WHERE o.id IN (SELECT DISTINCT a.actor_organization_id FROM audit_events a WHERE a.youth_id = ${scope.youthId})
         ORDER BY o.name, o.id`,
  );
  return { people, organizations };
}

function refuseUnlessAllowed(scope: YouthScope) {
  if (!can(scope.actor, 'youth.access_log')) {
    throw forbidden('Only supervisors and auditors can see who viewed a record.', 'access_log_not_allowed');
  }
}

const filtersOf = (q: Filters): Filters => ({
  person: q.person,
  organization: q.organization,
  action: q.action,
  from: q.from,
  to: q.to,
});

/** A page of the youth's visits, newest first by default, with the total. Itself audited. */
export function accessLog(repo: YouthContext, youthId: string, q: AccessLogQuery): Promise<AccessLog> {
  return repo.forYouth(youthId, 'youth.access_log.read', { read: ['identity'] }, async (scope) => {
    refuseUnlessAllowed(scope);
    const f = filtersOf(q);
    const total = await countOf(scope, f);
    const visits = q.offset < total ? await visitRows(scope, f, q, { limit: q.limit, offset: q.offset }) : [];
    const { people, organizations } = await options(scope);
    scope.note({ filters: f, sort: q.sort, dir: q.dir, limit: q.limit, offset: q.offset, total });
    return {
      visits,
      total,
      limit: q.limit,
      offset: q.offset,
      people,
      organizations,
      visitGapMinutes: VISIT_GAP_MINUTES,
      timeZone: COUNTY_TIME_ZONE,
    };
  });
}

/** An instant in county time with the zone's abbreviation: 2026-11-22 15:45:03 PST. */
const countyTime = (isoInstant: string) =>
  DateTime.fromISO(isoInstant, { zone: 'utc' })
    .setZone(COUNTY_TIME_ZONE)
    .setLocale('en-US')
    .toFormat('yyyy-MM-dd HH:mm:ss ZZZZ');

/** Every matching visit as CSV, one line per visit, times in county time with the zone named. */
export function accessLogCsv(repo: YouthContext, youthId: string, q: AccessLogCsvQuery): Promise<string> {
  return repo.forYouth(youthId, 'youth.access_log.export', { read: ['identity'] }, async (scope) => {
    refuseUnlessAllowed(scope);
    const f = filtersOf(q);
    const total = await countOf(scope, f);
    if (total > ACCESS_LOG_EXPORT_LIMIT) {
      throw badRequest(
        `One export holds at most ${ACCESS_LOG_EXPORT_LIMIT} visits and ${total} match. Choose dates, a person or an organization.`,
        { limit: ACCESS_LOG_EXPORT_LIMIT, total },
        'export_too_large',
      );
    }
    const visits = await visitRows(scope, f, q, null);
    scope.note({ filters: f, sort: q.sort, dir: q.dir, format: 'csv', total });
    const w = ACCESS_LOG_WORDS[q.lang];
    const list = (items: string[]) => items.join('; ');
    return stringify(
      [
        w.headers,
        ...visits.map((v) =>
          [
            countyTime(v.start),
            countyTime(v.end),
            v.actor?.name ?? w.system,
            list((v.actor?.roles ?? []).map((r) => w.roles[r] ?? r)),
            v.actor?.organization ?? '',
            list(v.viewed.map((k) => w.kinds[k])),
            list(v.changed.map((k) => w.kinds[k])),
            list(v.refused.map((k) => w.kinds[k])),
            list(v.categories.map((c) => w.categories[c])),
            String(v.events),
          ].map(neutralizeFormula),
        ),
      ],
      { bom: true, record_delimiter: 'windows' },
    );
  });
}
