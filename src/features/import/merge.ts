// Phases 2 and 3 of the import (import-extract.ts): the checks that need every staged row or
// what Harbor holds, and the set-based merge keyed by the external ids.
import type { BulkTransaction } from '../../db/client.js';
import type { ExtractFile, HardErrorCode } from './extract-format.js';
import type { FileSummary, ImportSummary } from './import-extract.js';
import { ERROR_LIST_LIMIT, type Errors } from './stage.js';

const TZ = 'America/Los_Angeles';

/** Lists staged rows a query finds, as hard errors. The query returns file, line, column, reason. */
async function addErrors(
  tx: BulkTransaction,
  errors: Errors,
  code: HardErrorCode,
  query: string,
  params: unknown[] = [],
) {
  const rows = await tx.query<{ file: string; line: number; col: string; reason: string }>(
    `${query} LIMIT ${ERROR_LIST_LIMIT + 1}`,
    params,
  );
  for (const r of rows) errors.add({ file: r.file, line: r.line, column: r.col, code, reason: r.reason });
}

/** The checks that need every staged row, or what is already stored. */
export async function checkStaged(
  tx: BulkTransaction,
  errors: Errors,
  countyId: string | null,
  present: Set<ExtractFile>,
) {
  const inCounty = countyId ? `AND i.county_id = '${countyId}'` : '';
  for (const [file, table, key] of [
    ['clients', 'stg_clients', 'client_id'],
    ['referrals', 'stg_referrals', 'referral_id'],
    ['cases', 'stg_cases', 'case_id'],
  ] as const) {
    if (!present.has(file)) continue;
    await addErrors(
      tx,
      errors,
      'duplicate_id',
      `SELECT '${file}.csv' AS file, s.line, '${key}' AS col, '${key} ' || s.${key} || ' is also on line ' || f.first AS reason
         FROM ${table} s JOIN (SELECT ${key}, min(line) AS first FROM ${table} GROUP BY ${key} HAVING count(*) > 1) f
           ON f.${key} = s.${key} AND s.line > f.first
        ORDER BY s.line`,
    );
  }
  // A client already in Harbor under another county: moving youth between counties is not an import's call.
  await addErrors(
    tx,
    errors,
    'client_changed_county',
    `SELECT 'clients.csv' AS file, s.line, 'county' AS col,
            'client ' || s.client_id || ' is already in Harbor under another county' AS reason
       FROM stg_clients s JOIN youth_identifiers i ON i.system = 'cws_cms' AND i.value = s.client_id
      WHERE i.county_id <> s.county_id ${countyId ? 'AND false' : ''}
        AND NOT EXISTS (SELECT 1 FROM youth_identifiers j WHERE j.system = 'cws_cms' AND j.value = s.client_id AND j.county_id = s.county_id)
      ORDER BY s.line`,
  );
  // Every client a referral, case or Type names is in clients.csv or already in Harbor.
  for (const [file, table] of [
    ['referrals', 'stg_referrals'],
    ['cases', 'stg_cases'],
    ['csec_types', 'stg_types'],
  ] as const) {
    if (!present.has(file)) continue;
    await addErrors(
      tx,
      errors,
      'unknown_client',
      `SELECT '${file}.csv' AS file, s.line, 'client_id' AS col,
              'client_id ' || s.client_id || ' is not in clients.csv nor already in Harbor' AS reason
         FROM ${table} s
        WHERE NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = s.client_id)
          AND NOT EXISTS (SELECT 1 FROM youth_identifiers i WHERE i.system = 'cws_cms' AND i.value = s.client_id ${inCounty})
        ORDER BY s.line`,
    );
  }
}

/** Which youth each staged client id is: an existing youth, or the new id staged with the client. */
export async function mapClients(tx: BulkTransaction, countyId: string | null) {
  const inCounty = countyId ? `AND i.county_id = '${countyId}'` : '';
  await tx.execScript(`
    CREATE TEMP TABLE stg_map ON COMMIT DROP AS
      SELECT DISTINCT ON (s.client_id COLLATE "C") s.client_id, coalesce(i.youth_id, s.new_id) AS youth_id, s.county_id,
             i.youth_id IS NOT NULL AS existing, s.date_of_birth, s.first_name, s.last_name, s.sex, true AS in_file
        FROM stg_clients s
        LEFT JOIN youth_identifiers i ON i.system = 'cws_cms' AND i.value = s.client_id AND i.county_id = s.county_id
       ORDER BY s.client_id COLLATE "C", s.line DESC;
    INSERT INTO stg_map (client_id, youth_id, county_id, existing, in_file)
      SELECT DISTINCT ON (i.value) i.value, i.youth_id, i.county_id, true, false
        FROM youth_identifiers i
       WHERE i.system = 'cws_cms' ${inCounty}
         AND i.value IN (SELECT client_id FROM stg_referrals UNION SELECT client_id FROM stg_cases UNION SELECT client_id FROM stg_types)
         AND NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = i.value)
       ORDER BY i.value, i.youth_id;
    ANALYZE stg_map;
  `);
}

export const count = async (tx: BulkTransaction, query: string, params: unknown[] = []) =>
  Number((await tx.query<{ n: string | number }>(query, params))[0]?.n ?? 0);

export async function mergeClients(tx: BulkTransaction, batchId: string, s: FileSummary) {
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE youth y SET legal_first_name = coalesce(m.first_name, y.legal_first_name),
              legal_last_name = coalesce(m.last_name, y.legal_last_name),
              date_of_birth = coalesce(m.date_of_birth, y.date_of_birth), sex = coalesce(m.sex, y.sex),
              version = y.version + 1, updated_at = now()
         FROM stg_map m
        WHERE m.existing AND y.id = m.youth_id AND m.county_id IS NOT NULL
          AND ((m.first_name IS NOT NULL AND m.first_name IS DISTINCT FROM y.legal_first_name)
            OR (m.last_name IS NOT NULL AND m.last_name IS DISTINCT FROM y.legal_last_name)
            OR (m.date_of_birth IS NOT NULL AND m.date_of_birth IS DISTINCT FROM y.date_of_birth)
            OR (m.sex IS NOT NULL AND m.sex IS DISTINCT FROM y.sex))
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO youth (id, county_id, legal_first_name, legal_last_name, date_of_birth, sex, import_batch_id)
       SELECT youth_id, county_id, first_name, last_name, date_of_birth, sex, $1 FROM stg_map
        WHERE NOT existing ORDER BY youth_id
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
  await tx.query(
    `INSERT INTO youth_identifiers (youth_id, county_id, system, value)
     SELECT youth_id, county_id, 'cws_cms', client_id FROM stg_map WHERE NOT existing`,
  );
}

/**
 * One row per referral or case id (the last line wins), with the youth it is for and the stored
 * record it matches in that county, if any; an id stored for another client is a hard error.
 */
async function stageByExternalId(
  tx: BulkTransaction,
  errors: Errors,
  t: { file: ExtractFile; staged: string; into: string; table: 'referrals' | 'cases'; key: string; noun: string },
) {
  await tx.execScript(`
    CREATE TEMP TABLE ${t.into} ON COMMIT DROP AS
      SELECT DISTINCT ON (s.${t.key} COLLATE "C") s.*, m.youth_id, m.county_id, x.id AS existing_id, x.youth_id AS existing_youth
        FROM ${t.staged} s JOIN stg_map m ON m.client_id = s.client_id
        LEFT JOIN ${t.table} x ON x.external_id = s.${t.key} AND x.county_id = m.county_id
       ORDER BY s.${t.key} COLLATE "C", s.line DESC;`);
  await addErrors(
    tx,
    errors,
    'id_belongs_to_other_client',
    `SELECT '${t.file}.csv' AS file, line, '${t.key}' AS col,
            '${t.noun} ' || ${t.key} || ' is already in Harbor for another client' AS reason
       FROM ${t.into} WHERE existing_id IS NOT NULL AND existing_youth <> youth_id ORDER BY line`,
  );
}

/** The county's agency of each kind a new imported case or referral belongs to, if Harbor has one. */
const AGENCY = (kind: string, county: string) =>
  `(SELECT o.id FROM organizations o WHERE o.county_id = ${county} AND o.type = ${kind} ORDER BY o.name LIMIT 1)`;

const midnight = (col: string) => `(${col}::timestamp AT TIME ZONE '${TZ}')`;

export async function mergeReferrals(tx: BulkTransaction, batchId: string, s: FileSummary, errors: Errors) {
  await stageByExternalId(tx, errors, {
    file: 'referrals',
    staged: 'stg_referrals',
    into: 'stg_ref',
    table: 'referrals',
    key: 'referral_id',
    noun: 'referral',
  });
  if (errors.count) return;
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE referrals x SET received_at = ${midnight('r.received')}, disposition_at = ${midnight('r.disposition')},
              closed_at = ${midnight('r.disposition')}
         FROM stg_ref r
        WHERE x.id = r.existing_id
          AND (x.received_at IS DISTINCT FROM ${midnight('r.received')} OR x.disposition_at IS DISTINCT FROM ${midnight('r.disposition')})
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO referrals (youth_id, county_id, organization_id, external_id, received_at, disposition_at, closed_at, import_batch_id)
       SELECT r.youth_id, r.county_id, ${AGENCY("'child_welfare'", 'r.county_id')}, r.referral_id, ${midnight('r.received')},
              ${midnight('r.disposition')}, ${midnight('r.disposition')}, $1
         FROM stg_ref r WHERE r.existing_id IS NULL
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
}

const CASE_SNAPSHOT = `jsonb_build_object('kind', c.kind, 'caseNumber', c.external_id, 'openedOn', c.opened_on,
  'closedOn', c.closed_on, 'assignedUserId', c.assigned_user_id, 'closeReason', c.close_reason)`;

export async function mergeCases(tx: BulkTransaction, batchId: string, s: FileSummary, errors: Errors) {
  await stageByExternalId(tx, errors, {
    file: 'cases',
    staged: 'stg_cases',
    into: 'stg_case',
    table: 'cases',
    key: 'case_id',
    noun: 'case',
  });
  if (errors.count) return;
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE cases c SET kind = s.kind, opened_on = s.start_date, closed_on = s.end_date, version = c.version + 1, updated_at = now()
         FROM stg_case s
        WHERE c.id = s.existing_id
          AND (c.kind IS DISTINCT FROM s.kind OR c.opened_on IS DISTINCT FROM s.start_date OR c.closed_on IS DISTINCT FROM s.end_date)
        RETURNING c.*),
     h AS (INSERT INTO case_history (case_id, county_id, version, snapshot, import_batch_id)
           SELECT c.id, c.county_id, c.version, ${CASE_SNAPSHOT}, $1 FROM u c RETURNING 1)
     SELECT count(*) AS n FROM h`,
    [batchId],
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO cases (youth_id, county_id, organization_id, kind, external_id, opened_on, closed_on, import_batch_id)
       SELECT s.youth_id, s.county_id, ${AGENCY('s.kind', 's.county_id')}, s.kind, s.case_id, s.start_date, s.end_date, $1
         FROM stg_case s WHERE s.existing_id IS NULL
       RETURNING *),
     h AS (INSERT INTO case_history (case_id, county_id, version, snapshot, import_batch_id)
           SELECT c.id, c.county_id, c.version, ${CASE_SNAPSHOT}, $1 FROM i c RETURNING 1)
     SELECT count(*) AS n FROM h`,
    [batchId],
  );
}

export async function mergeTypes(tx: BulkTransaction, batchId: string, today: string, summary: ImportSummary) {
  const s = summary.files.csec_types;
  // One row per (client, Type, start): the last line wins. Then the state's association rule.
  await tx.execScript(`
    CREATE TEMP TABLE stg_t ON COMMIT DROP AS
      SELECT DISTINCT ON (t.client_id COLLATE "C", t.type COLLATE "C", t.start_date) t.*, m.youth_id, m.county_id
        FROM stg_types t JOIN stg_map m ON m.client_id = t.client_id
       ORDER BY t.client_id COLLATE "C", t.type COLLATE "C", t.start_date, t.line DESC;
    ANALYZE stg_t;
    CREATE TEMP TABLE stg_assoc ON COMMIT DROP AS
      SELECT DISTINCT ON (t.line) t.line, r.id AS referral_id
        FROM stg_t t JOIN referrals r ON r.youth_id = t.youth_id
       WHERE (r.received_at AT TIME ZONE '${TZ}')::date <= t.start_date
         AND t.start_date <= coalesce((r.disposition_at AT TIME ZONE '${TZ}')::date, '${today}'::date)
       ORDER BY t.line, r.received_at DESC, r.id;
    CREATE TEMP TABLE stg_assoc_case ON COMMIT DROP AS
      SELECT DISTINCT ON (t.line) t.line, c.id AS case_id
        FROM stg_t t JOIN cases c ON c.youth_id = t.youth_id
       WHERE c.opened_on <= t.start_date AND t.start_date <= coalesce(c.closed_on, '${today}'::date)
         AND NOT EXISTS (SELECT 1 FROM stg_assoc a WHERE a.line = t.line)
       ORDER BY t.line, c.opened_on DESC, c.id;
    CREATE TEMP TABLE stg_tl ON COMMIT DROP AS
      SELECT t.*, a.referral_id, c.case_id, x.id AS existing_id, x.source AS existing_source,
             x.end_date AS x_end, x.allegation_subcategory AS x_sub, x.referral_id AS x_referral, x.case_id AS x_case
        FROM stg_t t LEFT JOIN stg_assoc a ON a.line = t.line LEFT JOIN stg_assoc_case c ON c.line = t.line
        LEFT JOIN csec_type_records x ON x.youth_id = t.youth_id AND x.type = t.type AND x.start_date = t.start_date;
  `);
  const [assoc] = await tx.query<{ referral: string; case: string; none: string; kept: string }>(
    `SELECT count(*) FILTER (WHERE referral_id IS NOT NULL) AS referral, count(*) FILTER (WHERE case_id IS NOT NULL) AS case,
            count(*) FILTER (WHERE referral_id IS NULL AND case_id IS NULL) AS none,
            count(*) FILTER (WHERE existing_id IS NOT NULL AND existing_source <> 'state_extract') AS kept
       FROM stg_tl`,
  );
  summary.association = { referral: Number(assoc!.referral), case: Number(assoc!.case), none: Number(assoc!.none) };
  summary.typesKeptFromHarbor = Number(assoc!.kept);
  s.updated = await count(
    tx,
    `WITH u AS (
       UPDATE csec_type_records x SET end_date = t.end_date, allegation_subcategory = t.subcategory,
              referral_id = t.referral_id, case_id = t.case_id, version = x.version + 1
         FROM stg_tl t
        WHERE x.id = t.existing_id AND t.existing_source = 'state_extract'
          AND (t.x_end IS DISTINCT FROM t.end_date OR t.x_sub IS DISTINCT FROM t.subcategory
            OR t.x_referral IS DISTINCT FROM t.referral_id OR t.x_case IS DISTINCT FROM t.case_id)
        RETURNING 1)
     SELECT count(*) AS n FROM u`,
  );
  s.inserted = await count(
    tx,
    `WITH i AS (
       INSERT INTO csec_type_records (id, youth_id, county_id, type, start_date, end_date, allegation_subcategory, source,
                                      referral_id, case_id, import_batch_id)
       SELECT new_id, youth_id, county_id, type, start_date, end_date, subcategory, 'state_extract', referral_id, case_id, $1
         FROM stg_tl WHERE existing_id IS NULL ORDER BY youth_id
       RETURNING 1)
     SELECT count(*) AS n FROM i`,
    [batchId],
  );
}
