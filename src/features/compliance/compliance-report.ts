// The county compliance report (issue 5): for a date range, how the protocol's deadlines were
// kept. Counts of duties and arrivals only: no youth identity is read or returned.
import { sql } from 'drizzle-orm';
import type { AggregateContext } from '../../access/contexts.js';
import type { ComplianceQuery, ComplianceReportT } from '../../contract/compliance.js';
import { selectRows } from '../../db/client.js';
import { invalidField } from '../../errors.js';
import { OBLIGATION_KINDS, type ObligationKind } from '../obligations/kinds.js';

const MDT_KINDS = { crisis_mdt_24h: 'crisis', initial_mdt: 'initial', ongoing_mdt_review: 'ongoing' } as const;
const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** Deadlines falling due in [from, to] (county dates, inclusive), and first responder calls in the range. */
export function complianceReport(repo: AggregateContext, range: ComplianceQuery): Promise<ComplianceReportT> {
  if (range.to < range.from)
    throw invalidField('/query/to', 'end_before_start', 'to: must be on or after from.', { start: range.from });
  return repo.aggregate('report.compliance', async ({ tx, actor, note }) => {
    const lo = sql`(${range.from}::date)::timestamp AT TIME ZONE 'America/Los_Angeles'`;
    const hi = sql`((${range.to}::date + 1)::timestamp AT TIME ZONE 'America/Los_Angeles')`;
    const rows = await selectRows<{
      kind: ObligationKind;
      organization: string;
      met_on_time: number;
      met_late: number;
      missed: number;
      waived: number;
      open: number;
    }>(
      tx,
      sql`SELECT ob.kind, o.name AS organization,
            count(*) FILTER (WHERE ob.status = 'met' AND ob.met_at <= ob.due_at)::int AS met_on_time,
            count(*) FILTER (WHERE ob.status = 'met' AND ob.met_at > ob.due_at)::int AS met_late,
            count(*) FILTER (WHERE ob.status = 'missed' OR (ob.status = 'open' AND ob.due_at < now()))::int AS missed,
            count(*) FILTER (WHERE ob.status = 'waived')::int AS waived,
            count(*) FILTER (WHERE ob.status = 'open' AND ob.due_at >= now())::int AS open
          FROM obligations ob JOIN organizations o ON o.id = ob.owner_organization_id
         WHERE ob.county_id = ${actor.countyId} AND ob.due_at >= ${lo} AND ob.due_at < ${hi}
         GROUP BY ob.kind, o.name ORDER BY ob.kind, o.name`,
    );
    const [settings] = await selectRows<{ minutes: number | null }>(
      tx,
      sql`SELECT (settings->'response'->>'respondersOnSceneMinutes')::int AS minutes FROM county_settings WHERE county_id = ${actor.countyId}`,
    );
    const target = settings?.minutes ?? 90;
    const arrivals = await selectRows<{
      organization: string;
      notified: number;
      arrived: number;
      within: number;
      median: number | null;
    }>(
      tx,
      sql`SELECT o.name AS organization, count(*)::int AS notified, count(a.arrived_at)::int AS arrived,
            count(*) FILTER (WHERE a.arrived_at <= e.hotline_called_at + make_interval(mins => ${target}))::int AS within,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.arrived_at - e.hotline_called_at) / 60)
              FILTER (WHERE a.arrived_at IS NOT NULL) AS median
          FROM responder_arrivals a JOIN first_responder_encounters e ON e.id = a.encounter_id
          JOIN organizations o ON o.id = a.organization_id
         WHERE e.county_id = ${actor.countyId} AND e.hotline_called_at >= ${lo} AND e.hotline_called_at < ${hi}
         GROUP BY o.name ORDER BY o.name`,
    );
    note({ from: range.from, to: range.to });
    const mdtOnTime = (Object.entries(MDT_KINDS) as [keyof typeof MDT_KINDS, 'crisis' | 'initial' | 'ongoing'][]).map(
      ([kind, tier]) => {
        const mine = rows.filter((r) => r.kind === kind);
        const due = mine.reduce((n, r) => n + r.met_on_time + r.met_late + r.missed + r.open, 0);
        const onTime = mine.reduce((n, r) => n + r.met_on_time, 0);
        return { tier, due, heldOnTime: onTime, share: share(onTime, due) };
      },
    );
    return {
      from: range.from,
      to: range.to,
      mdtOnTime,
      targetMinutes: target,
      arrivals: arrivals.map((a) => ({
        organization: a.organization,
        notified: a.notified,
        arrived: a.arrived,
        withinTarget: a.within,
        share: share(a.within, a.notified),
        medianMinutes: a.median === null ? null : Math.round(Number(a.median)),
      })),
      obligations: rows.map((r) => ({
        kind: r.kind,
        label: OBLIGATION_KINDS[r.kind]?.label ?? r.kind,
        organization: r.organization,
        metOnTime: r.met_on_time,
        metLate: r.met_late,
        missed: r.missed,
        waived: r.waived,
        open: r.open,
      })),
    };
  });
}
