// Finds the soft gaps of imported history (and of records kept in Harbor) and keeps the
// data-quality queue (data_quality_issues, migration 0014) in step with them. Set-based SQL only:
// it runs after an import of hundreds of thousands of youth and a million Types, so it is three
// statements whatever the number of rows, one per group of kinds (Types, the youth's own record,
// likely duplicates). Each finds its kinds' problems in one pass over its tables and, in the same
// statement, INSERTs … ON CONFLICT the issues and UPDATEs the ones whose problem is gone.
//
// For each finding (kind, record): no issue yet → a new open one; a 'fixed' one whose condition
// holds again → open again; an 'open' one whose condition no longer holds → 'fixed' (resolved_by
// NULL: the data changed, nobody marked it); 'reviewed' ones stay reviewed (someone decided the
// record is right as it is). An issue whose details changed (a new age, a client id recorded
// since) gets them; the others are not written at all, so a second run writes nothing. The
// details name Types, dates, ages and state client ids, never a name or a date of birth.
//
// It runs on whatever transaction it is given: the importer's (all counties, or one), or a
// supervisor's checkpoint transaction (row-level security keeps it to their county) after a fix,
// narrowed to the one youth the fix touched so that it reads a handful of rows by index.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import { AGE_MAX, AGE_MIN, type DataQualityKind } from '../../contract/data-quality.js';

export interface RefreshOptions {
  /** One county; null or absent: every county. */
  countyId?: string | null;
  /**
   * Only this youth's problems (their own record and their Types) and the likely-duplicate
   * groups they are, or were, part of: after a fix, without a pass over the whole county.
   */
  youthId?: string;
}

/** The parts given, joined with AND; TRUE when none. */
function all(parts: (SQL | null | undefined | false | '')[]): SQL {
  const given = parts.filter((p): p is SQL => !!p);
  return given.length ? sql.join(given, sql` AND `) : sql`TRUE`;
}

/** One statement's worth: the findings of some kinds, and how to tell an issue's problem is gone. */
interface Group {
  kinds: readonly DataQualityKind[];
  /** CTEs the findings and the scope use (`name AS (...)`, comma-separated), or none. */
  prelude?: SQL;
  /** SELECT county_id, youth_id, kind, record_kind, record_id, other_youth_id, details. */
  findings: SQL;
  /** Which issues (alias d) this run answers for. */
  scope: SQL;
  /**
   * True while the problem of issue d still holds, looked up from d's record by its key. Not an
   * anti-join against the findings: right after an import the planner's row estimates are stale,
   * and a nested loop over a million findings per issue would never end; a lookup per issue by
   * primary key (or a hash join) stays linear whatever the estimates.
   */
  holds: SQL;
}

/** The state client id (CWS/CMS) of each youth in scope: the lowest if a youth has several. */
function clientIds(opts: RefreshOptions): SQL {
  return sql`(SELECT i.youth_id, min(i.value) AS client_id FROM youth_identifiers i
               WHERE ${all([
                 sql`i.system = 'cws_cms'`,
                 opts.countyId && sql`i.county_id = ${opts.countyId}`,
                 opts.youthId && sql`i.youth_id = ${opts.youthId}`,
               ])}
               GROUP BY i.youth_id)`;
}

/**
 * Issues (alias d) of the county, or of the youth. For a youth, by youth alone: the youth is in
 * one county, and a county condition would invite the planner (its statistics stale right after
 * an import) to walk the county's open-issues index instead of the youth's few rows.
 */
const issuesOf = (opts: RefreshOptions, youth: SQL | null) =>
  youth ?? all([opts.countyId && sql`d.county_id = ${opts.countyId}`]);

/** `(VALUES ('kind', condition), …)` for the findings and `CASE d.kind WHEN 'kind' THEN condition … END` for holds. */
function byKind(conditions: Partial<Record<DataQualityKind, SQL>>) {
  const entries = Object.entries(conditions) as [DataQualityKind, SQL][];
  return {
    kinds: entries.map(([k]) => k),
    values: sql.join(
      entries.map(([k, c]) => sql`(${k}, ${c})`),
      sql`, `,
    ),
    when: sql`CASE d.kind ${sql.join(
      entries.map(([k, c]) => sql`WHEN ${k} THEN (${c})`),
      sql` `,
    )} ELSE FALSE END`,
  };
}

/** The youth's age in whole years on the Type's start date (t and y). */
const ageAtStart = sql`extract(year FROM age(t.start_date, y.date_of_birth))::int`;

/**
 * CSEC Type records, one scan: missing_subcategory, missing_end_date, age_out_of_range,
 * dates_out_of_order, type_without_case_or_referral.
 */
function typeGroup(opts: RefreshOptions): Group {
  const k = byKind({
    missing_subcategory: sql`t.allegation_subcategory IS NULL OR btrim(t.allegation_subcategory) = ''`,
    missing_end_date: sql`t.type = 'victim_absent_from_placement' AND t.end_date IS NULL`,
    age_out_of_range: sql`${ageAtStart} < ${AGE_MIN} OR ${ageAtStart} > ${AGE_MAX}`,
    dates_out_of_order: sql`t.end_date < t.start_date OR t.start_date < y.date_of_birth`,
    type_without_case_or_referral: sql`t.referral_id IS NULL AND t.case_id IS NULL`,
  });
  return {
    kinds: k.kinds,
    findings: sql`
      SELECT t.county_id, t.youth_id, k.kind, 'csec_type'::text AS record_kind, t.id AS record_id,
             NULL::uuid AS other_youth_id,
             jsonb_strip_nulls(jsonb_build_object('type', t.type, 'startDate', t.start_date::text,
               'endDate', t.end_date::text, 'clientId', c.client_id,
               'age', CASE WHEN k.kind = 'age_out_of_range' THEN ${ageAtStart} END,
               'reason', CASE WHEN k.kind = 'dates_out_of_order' THEN
                 CASE WHEN t.end_date < t.start_date THEN 'end_before_start' ELSE 'start_before_birth' END END)) AS details
        FROM csec_type_records t
        JOIN youth y ON y.id = t.youth_id
        LEFT JOIN ${clientIds(opts)} c ON c.youth_id = t.youth_id
        CROSS JOIN LATERAL (VALUES ${k.values}) AS k(kind, hit)
       WHERE k.hit AND ${all([
         opts.countyId && sql`t.county_id = ${opts.countyId}`,
         opts.youthId && sql`t.youth_id = ${opts.youthId}`,
       ])}`,
    scope: issuesOf(opts, opts.youthId ? sql`d.youth_id = ${opts.youthId}` : null),
    holds: sql`EXISTS (SELECT 1 FROM csec_type_records t JOIN youth y ON y.id = t.youth_id
                        WHERE t.id = d.record_id AND ${k.when})`,
  };
}

/** The youth's own record, one scan: missing_date_of_birth, missing_names. */
function clientGroup(opts: RefreshOptions): Group {
  const k = byKind({
    missing_date_of_birth: sql`y.date_of_birth IS NULL`,
    missing_names: sql`y.legal_first_name IS NULL AND y.legal_last_name IS NULL`,
  });
  return {
    kinds: k.kinds,
    findings: sql`
      SELECT y.county_id, y.id AS youth_id, k.kind, 'client'::text AS record_kind, y.id AS record_id,
             NULL::uuid AS other_youth_id, jsonb_strip_nulls(jsonb_build_object('clientId', c.client_id)) AS details
        FROM youth y
        LEFT JOIN ${clientIds(opts)} c ON c.youth_id = y.id
        CROSS JOIN LATERAL (VALUES ${k.values}) AS k(kind, hit)
       WHERE k.hit AND ${all([
         opts.countyId && sql`y.county_id = ${opts.countyId}`,
         opts.youthId && sql`y.id = ${opts.youthId}`,
       ])}`,
    scope: issuesOf(opts, opts.youthId ? sql`d.youth_id = ${opts.youthId}` : null),
    holds: sql`EXISTS (SELECT 1 FROM youth y WHERE y.id = d.record_id AND ${k.when})`,
  };
}

/**
 * likely_duplicate: youth of one county with the same folded legal first and last names and the
 * same date of birth, found by grouping (no self-join). Each member's issue names the lowest id
 * among the others. Narrowed to one youth: the group the youth is in now and the one they were
 * in (that of the youth their duplicate issue names), found by county and date of birth (index),
 * so a change on one side updates every member of both groups.
 */
function duplicateGroup(opts: RefreshOptions): Group {
  const named = (a: string) =>
    sql`${sql.identifier(a)}.legal_first_name IS NOT NULL AND ${sql.identifier(a)}.legal_last_name IS NOT NULL
        AND ${sql.identifier(a)}.date_of_birth IS NOT NULL`;
  const prelude = opts.youthId
    ? sql`dup_keys AS (
            SELECT DISTINCT y.county_id, y.date_of_birth, harbor_fold(y.legal_first_name) AS f, harbor_fold(y.legal_last_name) AS l
              FROM youth y
             WHERE ${named('y')} AND ${all([opts.countyId && sql`y.county_id = ${opts.countyId}`])}
               AND (y.id = ${opts.youthId} OR y.id = (
                     SELECT p.other_youth_id FROM data_quality_issues p
                      WHERE p.kind = 'likely_duplicate' AND p.record_id = ${opts.youthId}))),
          dup_members AS (
            SELECT y.id, y.county_id, k.f, k.l, y.date_of_birth
              FROM dup_keys k
              JOIN youth y ON y.county_id = k.county_id AND y.date_of_birth = k.date_of_birth
             WHERE harbor_fold(y.legal_first_name) = k.f AND harbor_fold(y.legal_last_name) = k.l),`
    : undefined;
  const groups = opts.youthId
    ? sql`SELECT county_id, array_agg(id ORDER BY id) AS ids FROM dup_members
           GROUP BY county_id, f, l, date_of_birth HAVING count(*) > 1`
    : sql`SELECT y.county_id, array_agg(y.id ORDER BY y.id) AS ids FROM youth y
           WHERE ${named('y')} AND ${all([opts.countyId && sql`y.county_id = ${opts.countyId}`])}
           GROUP BY y.county_id, harbor_fold(y.legal_first_name), harbor_fold(y.legal_last_name), y.date_of_birth
          HAVING count(*) > 1`;
  return {
    kinds: ['likely_duplicate'],
    prelude,
    findings: sql`
      SELECT g.county_id, m.id AS youth_id, 'likely_duplicate'::text AS kind, 'client'::text AS record_kind,
             m.id AS record_id, o.other AS other_youth_id,
             jsonb_strip_nulls(jsonb_build_object(
               'clientId', (SELECT min(i.value) FROM youth_identifiers i WHERE i.youth_id = m.id AND i.system = 'cws_cms'),
               'otherClientId', (SELECT min(i.value) FROM youth_identifiers i WHERE i.youth_id = o.other AND i.system = 'cws_cms')
             )) AS details
        FROM (${groups}) g
        CROSS JOIN LATERAL unnest(g.ids) AS m(id)
        CROSS JOIN LATERAL (SELECT CASE WHEN g.ids[1] = m.id THEN g.ids[2] ELSE g.ids[1] END AS other) o`,
    scope: issuesOf(
      opts,
      opts.youthId ? sql`d.youth_id IN (SELECT ${opts.youthId}::uuid UNION SELECT id FROM dup_members)` : null,
    ),
    // A scalar subquery with LIMIT stays a lookup per issue (the county and date of birth index),
    // never a join of every youth with every youth born the same day.
    holds: sql`coalesce((SELECT TRUE FROM youth y JOIN youth o
                           ON o.county_id = y.county_id AND o.date_of_birth = y.date_of_birth AND o.id <> y.id
                        WHERE y.id = d.record_id AND ${named('y')} AND ${named('o')}
                          AND harbor_fold(o.legal_first_name) = harbor_fold(y.legal_first_name)
                          AND harbor_fold(o.legal_last_name) = harbor_fold(y.legal_last_name)
                        LIMIT 1), FALSE)`,
  };
}

/**
 * One group's statement: new findings inserted, fixed ones reopened, changed details refreshed
 * (unchanged rows are not written), and open issues of the group's kinds in scope whose problem
 * no longer holds marked fixed. Each finding looks its issue up by the (kind, record_id) index.
 */
async function apply(tx: Db, group: Group): Promise<{ opened: number; fixed: number }> {
  const kinds = sql.join(
    group.kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const [row] = await selectRows<{ opened: number; fixed: number }>(
    tx,
    sql`WITH ${group.prelude ?? sql``}
         found AS (${group.findings}),
         todo AS (
           SELECT f.*, d.status AS prior
             FROM found f
             LEFT JOIN LATERAL (SELECT x.id, x.status, x.details, x.other_youth_id FROM data_quality_issues x
                                 WHERE x.kind = f.kind AND x.record_id = f.record_id) d ON TRUE
            WHERE d.id IS NULL OR d.status = 'fixed'
               OR d.details IS DISTINCT FROM f.details OR d.other_youth_id IS DISTINCT FROM f.other_youth_id),
         saved AS (
           INSERT INTO data_quality_issues (county_id, youth_id, kind, record_kind, record_id, other_youth_id, details)
           SELECT county_id, youth_id, kind, record_kind, record_id, other_youth_id, details FROM todo
           ON CONFLICT (kind, record_id) DO UPDATE SET
             other_youth_id = EXCLUDED.other_youth_id,
             details = EXCLUDED.details,
             status = CASE WHEN data_quality_issues.status = 'fixed' THEN 'open' ELSE data_quality_issues.status END,
             detected_at = CASE WHEN data_quality_issues.status = 'fixed' THEN now() ELSE data_quality_issues.detected_at END,
             resolved_at = CASE WHEN data_quality_issues.status = 'fixed' THEN NULL ELSE data_quality_issues.resolved_at END,
             resolved_by = CASE WHEN data_quality_issues.status = 'fixed' THEN NULL ELSE data_quality_issues.resolved_by END,
             version = data_quality_issues.version + 1
           RETURNING 1),
         cured AS (
           UPDATE data_quality_issues d
              SET status = 'fixed', resolved_at = now(), resolved_by = NULL, version = d.version + 1
            WHERE d.status = 'open' AND d.kind IN (${kinds}) AND ${group.scope} AND NOT ${group.holds}
           RETURNING 1)
       SELECT (SELECT count(*) FROM todo WHERE prior IS NULL OR prior = 'fixed')::int AS opened,
              (SELECT count(*) FROM cured)::int AS fixed`,
  );
  return row ?? { opened: 0, fixed: 0 };
}

/**
 * Brings the data-quality queue up to date for one county (or every county), or for one youth.
 * Run it after an import, or after a change to the records it looks at. Returns how many issues
 * were opened (new, or reopened) and how many were marked fixed.
 */
export async function refreshDataQuality(
  tx: Db,
  opts: { countyId?: string | null; youthId?: string },
): Promise<{ opened: number; fixed: number }> {
  // A county's worth groups and hashes a million rows: room to do it in memory (this transaction only).
  if (opts.youthId === undefined) await tx.execute(sql`SELECT set_config('work_mem', '64MB', true)`);
  const total = { opened: 0, fixed: 0 };
  for (const group of [typeGroup(opts), clientGroup(opts), duplicateGroup(opts)]) {
    const r = await apply(tx, group);
    total.opened += r.opened;
    total.fixed += r.fixed;
  }
  return total;
}
