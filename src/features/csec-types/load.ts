import { sql } from 'drizzle-orm';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { CsecTypeCode } from '../../domain/csec-type.js';
import type { CsecTypeViewT } from '../../contract/csec-types.js';

export interface CsecTypeRow {
  id: string;
  type: CsecTypeCode;
  start_date: string;
  end_date: string | null;
  allegation_subcategory: string | null;
  source: CsecTypeViewT['source'];
  screening_id: string | null;
  referral_id: string | null;
  case_id: string | null;
  link_number: string | null;
  recorded_by_name: string | null;
  recorded_at: Date | string;
  version: number;
}

export async function loadCsecTypes(tx: Db, youthId: string): Promise<CsecTypeRow[]> {
  return selectRows<CsecTypeRow>(
    tx,
    sql`SELECT t.id, t.type, t.start_date::text AS start_date, t.end_date::text AS end_date, t.allegation_subcategory,
               t.source, t.screening_id, t.referral_id, t.case_id, coalesce(r.external_id, c.external_id) AS link_number,
               u.display_name AS recorded_by_name, t.recorded_at, t.version
          FROM csec_type_records t LEFT JOIN users u ON u.id = t.recorded_by
          LEFT JOIN referrals r ON r.id = t.referral_id LEFT JOIN cases c ON c.id = t.case_id
         WHERE t.youth_id = ${youthId} ORDER BY t.start_date DESC, t.recorded_at DESC`,
  );
}

/** The referral and case dates the state's association rule needs (seed 004). */
export async function loadLinks(tx: Db, youthId: string) {
  const referrals = await selectRows<{ id: string; receivedDate: string; dispositionDate: string | null }>(
    tx,
    sql`SELECT id, (received_at AT TIME ZONE 'America/Los_Angeles')::date::text AS "receivedDate",
               (disposition_at AT TIME ZONE 'America/Los_Angeles')::date::text AS "dispositionDate"
          FROM referrals WHERE youth_id = ${youthId}`,
  );
  const cases = await selectRows<{ id: string; openedOn: string; closedOn: string | null }>(
    tx,
    sql`SELECT id, opened_on::text AS "openedOn", closed_on::text AS "closedOn" FROM cases WHERE youth_id = ${youthId}`,
  );
  return { referrals, cases };
}

export function toView(row: CsecTypeRow): CsecTypeViewT {
  return {
    id: row.id,
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    allegationSubcategory: row.allegation_subcategory,
    source: row.source,
    screeningId: row.screening_id,
    associatedWith: row.referral_id
      ? { kind: 'referral', id: row.referral_id, number: row.link_number }
      : row.case_id
        ? { kind: 'case', id: row.case_id, number: row.link_number }
        : null,
    recordedBy: row.recorded_by_name,
    recordedAt: asDate(row.recorded_at).toISOString(),
    version: row.version,
  };
}
