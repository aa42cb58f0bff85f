// Candidate performance issues Harbor finds in the data (issue 6, item 5), for a county analyst
// to confirm or dismiss. Pure SQL over the caller's transaction: the job runs it on the system
// connection for every county; POST /api/advocacy/flags/refresh runs it inside the analyst's
// county wall (row-level security keeps it to that county). Idempotent: each finding is keyed by
// (kind, subject_id) and a second run adds nothing; a decided flag is never reopened.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';

/**
 * - first_contact_missed: the first-contact obligation of a referral was missed, met late, or is
 *   still open past its due time (subject: the referral);
 * - lapsed_vetting: a referral held by an advocate (assigned, first contact, engaged) while that
 *   advocate had no background or security clearance in force or no unrevoked approval in force,
 *   checked today for open referrals and on the closing day for closed ones (subject: the
 *   referral; the advocate and the date are in the detail). A lapse that was renewed while the
 *   referral stayed open is not seen;
 * - capacity_decline: a referral declined because the CBO was at capacity (subject: the referral).
 */
export async function detectPerformanceFlags(tx: Db, now: Date = new Date()): Promise<{ added: number }> {
  const at = now.toISOString();
  const today = sql`(${at}::timestamptz AT TIME ZONE ${COUNTY_TIME_ZONE})::date`;
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`INSERT INTO performance_flags (county_id, organization_id, kind, subject_id, observed_on, detail)
        SELECT ar.county_id, ar.organization_id, 'first_contact_missed', ar.id, (ob.due_at AT TIME ZONE ${COUNTY_TIME_ZONE})::date,
               jsonb_build_object('referralId', ar.id, 'dueAt', ob.due_at, 'metAt', ob.met_at, 'obligationId', ob.id)
          FROM obligations ob JOIN advocacy_referrals ar ON ar.id = ob.source_id
         WHERE ob.kind = 'advocacy_first_contact'
           AND (ob.status = 'missed' OR (ob.status = 'met' AND ob.met_at > ob.due_at) OR (ob.status = 'open' AND ob.due_at < ${at}::timestamptz))
        UNION ALL
        SELECT ar.county_id, ar.organization_id, 'lapsed_vetting', ar.id, chk.on_date,
               jsonb_build_object('referralId', ar.id, 'advocateUserId', ar.advocate_user_id, 'on', chk.on_date,
                 'lacks', to_jsonb(array_remove(ARRAY[
                   CASE WHEN NOT chk.background THEN 'background clearance' END,
                   CASE WHEN NOT chk.security THEN 'security clearance' END,
                   CASE WHEN NOT chk.approval THEN 'contracting department approval' END], NULL)))
          FROM advocacy_referrals ar
          CROSS JOIN LATERAL (SELECT CASE WHEN ar.state = 'closed' THEN (ar.closed_at AT TIME ZONE ${COUNTY_TIME_ZONE})::date ELSE ${today} END AS on_date) d
          CROSS JOIN LATERAL (
            SELECT d.on_date,
              EXISTS (SELECT 1 FROM advocate_clearances c WHERE c.user_id = ar.advocate_user_id AND c.kind = 'background'
                      AND c.cleared_on <= d.on_date AND (c.expires_on IS NULL OR c.expires_on >= d.on_date)) AS background,
              EXISTS (SELECT 1 FROM advocate_clearances c WHERE c.user_id = ar.advocate_user_id AND c.kind = 'security'
                      AND c.cleared_on <= d.on_date AND (c.expires_on IS NULL OR c.expires_on >= d.on_date)) AS security,
              EXISTS (SELECT 1 FROM advocate_approvals a WHERE a.user_id = ar.advocate_user_id
                      AND a.approved_on <= d.on_date AND a.approved_until >= d.on_date AND (a.revoked_on IS NULL OR a.revoked_on > d.on_date)) AS approval
          ) chk
         WHERE ar.advocate_user_id IS NOT NULL
           AND (ar.state IN ('advocate_assigned', 'first_contact', 'engaged') OR (ar.state = 'closed' AND ar.advocate_assigned_at IS NOT NULL))
           AND NOT (chk.background AND chk.security AND chk.approval)
        UNION ALL
        SELECT ar.county_id, ar.organization_id, 'capacity_decline', ar.id, (ar.declined_at AT TIME ZONE ${COUNTY_TIME_ZONE})::date,
               jsonb_build_object('referralId', ar.id, 'declinedAt', ar.declined_at)
          FROM advocacy_referrals ar
         WHERE ar.state = 'declined' AND ar.decline_reason = 'at_capacity'
        ON CONFLICT (kind, subject_id) DO NOTHING
        RETURNING id`,
  );
  return { added: rows.length };
}
