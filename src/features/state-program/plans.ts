// County Plan figures (issue 13; seed 004): what a county reported in its County Plan for a fiscal
// year, entered by the county analyst (state.plan_figures) for the analyst's own county, and read
// beside the state count. State analysts read every county's; county roles their own (the county
// wall of county_plan_figures). Runs as harbor_reference: no youth data is read.
import { sql } from 'drizzle-orm';
import type { AdminContext } from '../../access/contexts.js';
import type { PlanFiguresInputT, PlanFiguresT } from '../../contract/state-report.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { CSEC_TYPES } from '../../domain/csec-type.js';
import { changedMeanwhile, conflict, fieldError, HarborError, staleVersion } from '../../errors.js';

interface PlanRow {
  code: string;
  county_name: string;
  fiscal_year: string;
  victims_served: number;
  at_risk_identified: number;
  victims_by_type: Record<string, number> | string | null;
  note: string | null;
  updated_at: Date | string;
  version: number;
}

const VICTIM_TYPES = CSEC_TYPES.filter((t) => t.isVictim).map((t) => t.code);

function toView(r: PlanRow): PlanFiguresT {
  const byType = typeof r.victims_by_type === 'string' ? JSON.parse(r.victims_by_type) : r.victims_by_type;
  return {
    county: r.code,
    countyName: r.county_name,
    fiscalYear: r.fiscal_year,
    victimsServed: r.victims_served,
    atRiskIdentified: r.at_risk_identified,
    victimsByType: byType as Record<string, number> | null,
    note: r.note,
    updatedAt: asDate(r.updated_at).toISOString(),
    version: r.version,
  };
}

function loadPlans(tx: Db, where: { countyId?: string; fiscalYear?: string }): Promise<PlanRow[]> {
  return selectRows<PlanRow>(
    tx,
    sql`SELECT c.code, c.name AS county_name, p.fiscal_year, p.victims_served, p.at_risk_identified,
               p.victims_by_type, p.note, p.updated_at, p.version
          FROM county_plan_figures p JOIN counties c ON c.id = p.county_id
         WHERE ${where.countyId ? sql`p.county_id = ${where.countyId}` : sql`true`}
           AND ${where.fiscalYear ? sql`p.fiscal_year = ${where.fiscalYear}` : sql`true`}
         ORDER BY p.fiscal_year DESC, c.name`,
  );
}

/** Every County Plan the user may see (state: every county; county roles: their own), newest year first. */
export function listPlanFigures(ctx: AdminContext, fiscalYear: string | undefined): Promise<PlanFiguresT[]> {
  return ctx.forState('state.plans.list', async ({ tx, note }) => {
    const rows = await loadPlans(tx, { fiscalYear });
    note({ fiscalYear: fiscalYear ?? null, rows: rows.length });
    return rows.map(toView);
  });
}

/**
 * The victims by Type, in the hierarchy's order, or null when none is given; 400 when they add up
 * to more than the victims served, or, all five given, to anything else.
 */
export function checkVictimsByType(input: PlanFiguresInputT): Record<string, number> | null {
  const given = input.victimsByType ?? {};
  const entries = VICTIM_TYPES.flatMap((code) => {
    const n = given[code as keyof typeof given];
    return n === undefined ? [] : [[code, n] as const];
  });
  if (entries.length === 0) return null;
  const sum = entries.reduce((s, [, n]) => s + n, 0);
  const details = { sum, victimsServed: input.victimsServed };
  const pointer = [fieldError('/body/victimsByType', 'invalid')];
  if (sum > input.victimsServed)
    throw new HarborError(
      400,
      'plan_types_over_victims',
      `The victims by Type add up to ${sum}, more than the ${input.victimsServed} victims served.`,
      details,
      pointer,
    );
  if (entries.length === VICTIM_TYPES.length && sum !== input.victimsServed)
    throw new HarborError(
      400,
      'plan_types_not_victims',
      `All five victim Types are given and add up to ${sum}, not the ${input.victimsServed} victims served.`,
      details,
      pointer,
    );
  return Object.fromEntries(entries);
}

/**
 * Creates or changes the user's county's figures for the fiscal year. Creating takes no version;
 * changing takes the version read (409 stale_version when it moved on, 409 plan_figures_exist
 * when none was sent, 409 plan_figures_not_entered when one was sent for figures not entered).
 */
export function savePlanFigures(
  ctx: AdminContext,
  fiscalYear: string,
  input: PlanFiguresInputT,
): Promise<PlanFiguresT> {
  const byType = checkVictimsByType(input);
  const byTypeJson = byType ? JSON.stringify(byType) : null;
  return ctx.forCounty(
    'state.plans.save',
    async ({ tx, actor, note }) => {
      const countyId = actor.countyId;
      const [current] = await selectRows<{ version: number }>(
        tx,
        sql`SELECT version FROM county_plan_figures
             WHERE county_id = ${countyId} AND fiscal_year = ${fiscalYear} FOR UPDATE`,
      );
      if (!current) {
        if (input.version !== undefined)
          throw conflict(
            `No County Plan figures are entered for ${fiscalYear} yet: send them without a version to enter them.`,
            { fiscalYear },
            'plan_figures_not_entered',
          );
        const [made] = await selectRows<{ version: number }>(
          tx,
          sql`INSERT INTO county_plan_figures
                (county_id, fiscal_year, victims_served, at_risk_identified, victims_by_type, note, entered_by)
              VALUES (${countyId}, ${fiscalYear}, ${input.victimsServed}, ${input.atRiskIdentified},
                      ${byTypeJson}::jsonb, ${input.note ?? null}, ${actor.userId})
              ON CONFLICT (county_id, fiscal_year) DO NOTHING RETURNING version`,
        );
        if (!made) throw changedMeanwhile(`the County Plan figures for ${fiscalYear}`, 'them');
      } else {
        if (input.version === undefined)
          throw conflict(
            `County Plan figures for ${fiscalYear} are already entered (version ${current.version}): send the version you read to change them.`,
            { fiscalYear, currentVersion: current.version },
            'plan_figures_exist',
          );
        if (input.version !== current.version) throw staleVersion('County Plan', input.version, current.version);
        const [changed] = await selectRows<{ version: number }>(
          tx,
          sql`UPDATE county_plan_figures
                 SET victims_served = ${input.victimsServed}, at_risk_identified = ${input.atRiskIdentified},
                     victims_by_type = ${byTypeJson}::jsonb, note = ${input.note ?? null},
                     entered_by = ${actor.userId}, updated_at = now(), version = version + 1
               WHERE county_id = ${countyId} AND fiscal_year = ${fiscalYear} AND version = ${input.version}
               RETURNING version`,
        );
        if (!changed) throw changedMeanwhile(`the County Plan figures for ${fiscalYear}`, 'them');
      }
      note({ fiscalYear, created: !current });
      const [row] = await loadPlans(tx, { countyId, fiscalYear });
      return toView(row!);
    },
    { audit: true },
  );
}
