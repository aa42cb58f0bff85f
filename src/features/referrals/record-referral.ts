import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import type { ReferralCreate, ReferralDisposition, ReferralView } from '../../contract/referrals.js';
import type { ReferralCorrection } from '../../contract/corrections.js';
import { badRequest, conflict, invalidField, notFound, staleVersion } from '../../errors.js';
import { changedFields, keepEarlier } from '../corrections/store.js';

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
  version: number;
}

const view = (r: Row): ReferralView => ({
  id: r.id,
  externalId: r.external_id,
  receivedAt: asDate(r.received_at).toISOString(),
  disposition: r.disposition,
  dispositionAt: asDate(r.disposition_at)?.toISOString() ?? null,
  allegations: r.allegations,
  specialProjectCodes: r.special_project_codes,
  version: r.version,
});

/** A text[] parameter that works the same on both drivers, empty arrays included. */
const textArray = (values: string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

const COLUMNS = sql`id, external_id, received_at, disposition, disposition_at, allegations, special_project_codes, version`;
const RETURNING = sql`RETURNING ${COLUMNS}`;

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
      sql`SELECT ${COLUMNS} FROM referrals WHERE id = ${referralId} AND youth_id = ${youthId} FOR UPDATE`,
    );
    if (!current) throw notFound('referral');
    if (current.disposition_at)
      throw conflict('This referral already has a disposition.', undefined, 'referral_disposition_recorded');
    checkDates(asDate(current.received_at).toISOString(), input.dispositionAt);
    const [row] = await selectRows<Row>(
      scope.tx,
      sql`UPDATE referrals SET disposition = ${input.disposition}, disposition_at = ${input.dispositionAt},
                version = version + 1
             WHERE id = ${referralId} ${RETURNING}`,
    );
    scope.touch(['identity'], [referralId]);
    return view(row!);
  });
}

/**
 * Corrects a referral's number, received time or decision (disposition and its time), with a
 * reason; the values replaced are kept for supervisors and auditors (record_corrections). The
 * version sent must be the current one. A decision never recorded is recorded with
 * recordDisposition instead; here both parts of a decision come together or the recorded one stays.
 */
export function correctReferral(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof ReferralCorrection>,
) {
  return repo.forYouth(youthId, 'referral.correct', { write: ['identity'] }, async (scope) => {
    const [current] = await selectRows<Row>(
      scope.tx,
      sql`SELECT ${COLUMNS} FROM referrals WHERE id = ${referralId} AND youth_id = ${youthId} FOR UPDATE`,
    );
    if (!current) throw notFound('referral');
    if (current.version !== input.version) throw staleVersion('referral', input.version, current.version);
    const next = {
      externalId: input.externalId === undefined ? current.external_id : input.externalId,
      receivedAt: input.receivedAt ?? asDate(current.received_at).toISOString(),
      disposition: input.disposition ?? current.disposition,
      dispositionAt: input.dispositionAt ?? asDate(current.disposition_at)?.toISOString() ?? null,
    };
    if ((next.disposition === null) !== (next.dispositionAt === null))
      throw invalidField(
        next.disposition === null ? '/body/disposition' : '/body/dispositionAt',
        'required',
        'A decision needs both the disposition and when it was made.',
      );
    checkDates(next.receivedAt, next.dispositionAt);
    const earlier = changedFields(
      {
        externalId: current.external_id,
        receivedAt: asDate(current.received_at).toISOString(),
        disposition: current.disposition,
        dispositionAt: asDate(current.disposition_at)?.toISOString() ?? null,
      },
      next,
    );
    if (Object.keys(earlier).length === 0)
      throw badRequest('The correction changes nothing.', undefined, 'nothing_to_change');
    await keepEarlier(scope.tx, {
      countyId: scope.actor.countyId,
      youthId,
      kind: 'referral',
      recordId: referralId,
      action: 'corrected',
      version: current.version,
      earlier,
      reason: input.reason,
      by: scope.actor.userId,
    });
    const [row] = await selectRows<Row>(
      scope.tx,
      sql`UPDATE referrals SET external_id = ${next.externalId}, received_at = ${next.receivedAt},
              disposition = ${next.disposition}, disposition_at = ${next.dispositionAt}, version = version + 1
            WHERE id = ${referralId} AND version = ${input.version} ${RETURNING}`,
    );
    scope.touch(['identity'], [referralId]);
    scope.note({ corrected: Object.keys(earlier).sort() });
    return view(row!);
  });
}
