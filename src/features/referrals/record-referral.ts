import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';

/** The state's special project code for hotline referrals with CSEC allegations (ACL 16-74). */
export const S_CSEC_REFERRAL = 'S-CSEC Referral';

const when = z.string().datetime({ offset: true });

export const ReferralCreate = z
  .object({
    externalId: z
      .string()
      .trim()
      .max(64)
      .nullable()
      .optional()
      .describe('The referral id in CWS/CMS or the county system'),
    receivedAt: when,
    disposition: z.string().trim().max(100).nullable().optional(),
    dispositionAt: when.nullable().optional(),
    allegations: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
    csecAllegation: z.boolean().describe('The referral alleges commercial sexual exploitation; adds "S-CSEC Referral"'),
  })
  .strict();

export const ReferralDisposition = z
  .object({ disposition: z.string().trim().min(2).max(100), dispositionAt: when })
  .strict();

export const ReferralView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  receivedAt: z.string(),
  disposition: z.string().nullable(),
  dispositionAt: z.string().nullable(),
  allegations: z.array(z.string()),
  specialProjectCodes: z.array(z.string()),
});

function checkDates(receivedAt: string, dispositionAt: string | null | undefined) {
  if (new Date(receivedAt).getTime() > Date.now() + 60_000) throw badRequest('receivedAt: cannot be in the future.');
  if (dispositionAt && new Date(dispositionAt) < new Date(receivedAt)) {
    throw badRequest('dispositionAt: must be on or after receivedAt.');
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

const view = (r: Row): z.infer<typeof ReferralView> => ({
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
export function recordReferral(repo: ScopedRepo, youthId: string, input: z.infer<typeof ReferralCreate>) {
  return repo.forYouth(
    youthId,
    'referral.record',
    async (scope) => {
      scope.require('identity', 'write');
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
    },
    'write',
  );
}

/** Records the disposition. The S-CSEC code stays, whatever the disposition (ACL 16-74). */
export function recordDisposition(
  repo: ScopedRepo,
  youthId: string,
  referralId: string,
  input: z.infer<typeof ReferralDisposition>,
) {
  return repo.forYouth(
    youthId,
    'referral.disposition',
    async (scope) => {
      scope.require('identity', 'write');
      const [current] = await selectRows<Row>(
        scope.tx,
        sql`SELECT id, external_id, received_at, disposition, disposition_at, allegations, special_project_codes
              FROM referrals WHERE id = ${referralId} AND youth_id = ${youthId} FOR UPDATE`,
      );
      if (!current) throw notFound('referral');
      if (current.disposition_at) throw conflict('This referral already has a disposition.');
      checkDates(asDate(current.received_at).toISOString(), input.dispositionAt);
      const [row] = await selectRows<Row>(
        scope.tx,
        sql`UPDATE referrals SET disposition = ${input.disposition}, disposition_at = ${input.dispositionAt}
             WHERE id = ${referralId} ${RETURNING}`,
      );
      scope.touch(['identity'], [referralId]);
      return view(row!);
    },
    'write',
  );
}
