import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import type { ReferralCreate, ReferralDisposition, ReferralView } from '../../contract/referrals.js';
import { conflict, invalidField, notFound } from '../../errors.js';

/** The state's special project code for hotline referrals with CSEC allegations (ACL 16-74). */
export const S_CSEC_REFERRAL = 'S-CSEC Referral';

function checkDates(receivedAt: string, dispositionAt: string | null | undefined) {
  if (new Date(receivedAt).getTime() > Date.now() + 60_000)
    throw invalidField('/body/receivedAt', 'date_in_future', 'receivedAt: cannot be in the future.');
  if (dispositionAt && new Date(dispositionAt) < new Date(receivedAt)) {
    throw invalidField('/body/dispositionAt', 'before_received', 'dispositionAt: must be on or after receivedAt.');
  }
}

interface Row {
  id: string;
  external_id: string | null;
  received_at: Date | string;
  disposition: string | null;
  disposition_at: Date | string | null;
  allegations: string[];
  special_project_codes: string[];
}

const view = (r: Row): ReferralView => ({
  id: r.id,
  externalId: r.external_id,
  receivedAt: asDate(r.received_at).toISOString(),
  disposition: r.disposition,
  dispositionAt: asDate(r.disposition_at)?.toISOString() ?? null,
  allegations: r.allegations,
  specialProjectCodes: r.special_project_codes,
});

/** A text[] parameter that works the same on both drivers, empty arrays included. */
const textArray = (values: string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

const RETURNING = sql`RETURNING id, external_id, received_at, disposition, disposition_at, allegations, special_project_codes`;

/** Records a hotline referral for the user's organization. A CSEC allegation carries the code whatever the disposition. */
export function recordReferral(repo: YouthContext, youthId: string, input: z.infer<typeof ReferralCreate>) {
  return repo.forYouth(youthId, 'referral.record', { write: ['identity'] }, async (scope) => {
    if (input.allegations.length || input.csecAllegation) scope.require('exploitation', 'write');
    checkDates(input.receivedAt, input.dispositionAt);
    const codes = input.csecAllegation ? [S_CSEC_REFERRAL] : [];
    const [row] = await selectRows<Row>(
      scope.tx,
      sql`INSERT INTO referrals (youth_id, county_id, organization_id, external_id, received_at, disposition, disposition_at,
              allegations, special_project_codes, recorded_by)
            VALUES (${youthId}, ${scope.actor.countyId}, ${scope.actor.organizationId}, ${input.externalId ?? null},
              ${input.receivedAt}, ${input.disposition ?? null}, ${input.dispositionAt ?? null},
              ${textArray(input.allegations)}, ${textArray(codes)}, ${scope.actor.userId})
            ${RETURNING}`,
    );
    scope.touch(['identity', 'exploitation'], [row!.id]);
    scope.note({ csec: input.csecAllegation });
    return view(row!);
  });
}

/** Records the disposition. The S-CSEC code stays, whatever the disposition (ACL 16-74). */
export function recordDisposition(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof ReferralDisposition>,
) {
  return repo.forYouth(youthId, 'referral.disposition', { write: ['identity'] }, async (scope) => {
    const [current] = await selectRows<Row>(
      scope.tx,
      sql`SELECT id, external_id, received_at, disposition, disposition_at, allegations, special_project_codes
              FROM referrals WHERE id = ${referralId} AND youth_id = ${youthId} FOR UPDATE`,
    );
    if (!current) throw notFound('referral');
    if (current.disposition_at)
      throw conflict('This referral already has a disposition.', undefined, 'referral_disposition_recorded');
    checkDates(asDate(current.received_at).toISOString(), input.dispositionAt);
    const [row] = await selectRows<Row>(
      scope.tx,
      sql`UPDATE referrals SET disposition = ${input.disposition}, disposition_at = ${input.dispositionAt}
             WHERE id = ${referralId} ${RETURNING}`,
    );
    scope.touch(['identity'], [referralId]);
    return view(row!);
  });
}
