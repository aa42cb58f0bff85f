import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { lockYouthForWrite } from '../../access/youth-lock.js';
import { asDate, selectRows } from '../../db/client.js';
import { associate, CSEC_TYPES, csecTypeProblems } from '../../domain/csec-type.js';
import { dueAt } from '../../domain/deadlines.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { brokenRules, invalidField, ruleTexts } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { childWelfareOwner, openObligation, receivesChildWelfare } from '../obligations/open-obligation.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { loadCsecTypes, loadLinks, toView } from './load.js';
import type { CsecTypeCreate, CsecTypeViewT } from '../../contract/csec-types.js';

type Input = z.infer<typeof CsecTypeCreate>;

async function checkLinks(scope: YouthScope, input: Input) {
  const { tx, youthId } = scope;
  const owned = async (table: 'screenings' | 'referrals' | 'cases', id: string | null | undefined, field: string) => {
    if (!id) return;
    const [row] = await selectRows<{ status?: string }>(
      tx,
      sql`SELECT ${table === 'screenings' ? sql`status` : sql`'ok'::text AS status`} FROM ${sql.raw(table)} WHERE id = ${id} AND youth_id = ${youthId}`,
    );
    if (!row)
      throw invalidField(
        `/body/${field}`,
        'unknown_reference',
        `${field}: no ${table.slice(0, -1)} with that id belongs to this youth.`,
      );
    if (table === 'screenings' && row.status !== 'final')
      throw invalidField(
        `/body/${field}`,
        'screening_not_final',
        `${field}: finish the screening before recording a type from it.`,
      );
  };
  await owned('screenings', input.screeningId, 'screeningId');
  await owned('referrals', input.referralId, 'referralId');
  await owned('cases', input.caseId, 'caseId');
}

/**
 * Records one of the state's six CSEC Types for a youth, under the state system's rules. A victim
 * type for a youth receiving child welfare services opens the 24-hour law-enforcement
 * cross-report duty (PC 11166(j)), owned by the youth's child welfare worker.
 */
export function recordCsecType(
  repo: YouthContext,
  youthId: string,
  input: Input,
): Promise<CsecTypeViewT & { crossReportObligationId: string | null }> {
  return repo.forYouth(youthId, 'csec_type.record', { write: ['exploitation'] }, (scope) =>
    recordCsecTypeIn(scope, input),
  );
}

/**
 * The same, inside a unit of work another feature already holds (a return debrief records
 * "Victim While Absent from Placement"), so the cross-report and MDT duties open exactly as here.
 * The caller has declared (or checked) the exploitation write grant.
 */
export async function recordCsecTypeIn(
  scope: YouthScope,
  input: Input,
): Promise<CsecTypeViewT & { crossReportObligationId: string | null }> {
  const { tx, actor, youthId } = scope;
  // The rules compare the new type with the youth's others: two recorded at the same moment must
  // each see the other, so writers of this youth's CSEC Types take turns.
  await lockYouthForWrite(tx, youthId);
  const existing = (await loadCsecTypes(tx, youthId)).map((r) => ({
    id: r.id,
    type: r.type,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
  const candidate = { id: 'new', type: input.type, startDate: input.startDate, endDate: input.endDate ?? null };
  const problems = csecTypeProblems(candidate, existing, countyToday());
  if (problems.length)
    throw brokenRules('csec_type_invalid', `This CSEC Type cannot be recorded: ${ruleTexts(problems)}`, problems);
  await checkLinks(scope, input);
  let referralId = input.referralId ?? null;
  let caseId = input.caseId ?? null;
  if (!referralId && !caseId) {
    const { referrals, cases } = await loadLinks(tx, youthId);
    const link = associate(candidate, referrals, cases);
    if (link?.kind === 'referral') referralId = link.id;
    if (link?.kind === 'case') caseId = link.id;
  }
  const [row] = await selectRows<{ id: string; recorded_at: Date | string }>(
    tx,
    sql`INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source,
          screening_id, referral_id, case_id, recorded_by)
        VALUES (${youthId}, ${actor.countyId}, ${input.type}, ${input.startDate}, ${input.endDate ?? null},
          ${input.allegationSubcategory}, ${input.source}, ${input.screeningId ?? null}, ${referralId}, ${caseId}, ${actor.userId})
        RETURNING id, recorded_at`,
  );
  const id = row!.id;
  const { obligationId, mdt } = await openVictimDuties(scope, {
    id,
    type: input.type,
    recordedAt: asDate(row!.recorded_at),
    immediateDanger: input.immediateDanger ?? false,
  });
  scope.touch(['exploitation'], [id, ...(obligationId ? [obligationId] : []), ...mdt]);
  scope.note({ type: input.type, crossReport: obligationId !== null });
  const [saved] = (await loadCsecTypes(tx, youthId)).filter((r) => r.id === id);
  return { ...toView(saved!), crossReportObligationId: obligationId };
}

/**
 * The duties a victim type opens (the 24-hour cross-report for a youth in child welfare; the
 * crisis or initial MDT), from when the record was made. Recording a type and correcting a
 * non-victim type into a victim type both call it; nothing opens for a non-victim type.
 */
export async function openVictimDuties(
  scope: YouthScope,
  record: { id: string; type: Input['type']; recordedAt: Date; immediateDanger: boolean },
): Promise<{ obligationId: string | null; mdt: string[] }> {
  const { tx, actor, youthId } = scope;
  const { id } = record;
  let obligationId: string | null = null;
  const def = CSEC_TYPES.find((t) => t.code === record.type)!;
  if (def.isVictim && (await receivesChildWelfare(tx, youthId))) {
    const owner = (await childWelfareOwner(tx, youthId)) ?? {
      userId: actor.userId,
      organizationId: actor.organizationId,
    };
    const settings = await settingsIn(tx, actor.countyId);
    obligationId = await openObligation(tx, {
      countyId: actor.countyId,
      youthId,
      kind: 'cross_report_law_enforcement',
      sourceKind: 'csec_type',
      sourceId: id,
      dueAt: dueAt(record.recordedAt, { hours: settings.crossReport.hours }),
      ownerUserId: owner.userId,
      ownerOrganizationId: owner.organizationId,
    });
  }
  // Identification starts the three-tier MDT clock (seed 004): crisis or initial MDT.
  const mdt = def.isVictim
    ? (
        await openObligationsFor(tx, {
          kind: 'victim_identified',
          youthId,
          sourceId: id,
          at: record.recordedAt,
          recordedBy: actor,
          immediateDanger: record.immediateDanger,
        })
      ).opened.map((o) => o.id)
    : [];
  return { obligationId, mdt };
}
