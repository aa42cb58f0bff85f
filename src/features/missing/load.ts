// Reading missing episodes inside a unit of work. The placement the youth left is read as its
// type only: no query here selects a provider or an address.
import { sql } from 'drizzle-orm';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { minutesMissing, REPORT_KINDS, type EpisodeStatus, type ReportKey } from '../../domain/missing.js';
import { PLACEMENT_TYPE_KEYS, type PlacementType } from '../../domain/placements.js';
import { notFound } from '../../errors.js';
import { OBLIGATION_SELECT, toView as obligationView, type ObligationRow } from '../obligations/view.js';
import type { DebriefView, EpisodeDetailT, EpisodeViewT, SearchEffortView } from '../../contract/missing.js';
import type { z } from 'zod';

export interface EpisodeRow {
  id: string;
  youth_id: string;
  status: EpisodeStatus;
  placement_episode_id: string | null;
  placement_type: PlacementType | null;
  last_seen_at: Date | string;
  last_seen_place: EpisodeViewT['lastSeenPlace'];
  discovered_at: Date | string;
  discovered_by_role: EpisodeViewT['discoveredByRole'];
  discovered_by_name: string | null;
  risk_factors: EpisodeViewT['riskFactors'];
  circumstances: string | null;
  located_at: Date | string | null;
  located_note: string | null;
  returned_at: Date | string | null;
  returned_to: EpisodeViewT['returnedTo'];
  returned_note: string | null;
  closed_at: Date | string | null;
  reported_by_name: string;
  debrief_status: 'draft' | 'complete' | null;
  search_efforts: number;
  version: number;
}

const EPISODE_SELECT = sql`SELECT e.id, e.youth_id, e.status, e.placement_episode_id, pe.placement_type, e.last_seen_at, e.last_seen_place,
    e.discovered_at, e.discovered_by_role, e.discovered_by_name, e.risk_factors, e.circumstances, e.located_at, e.located_note,
    e.returned_at, e.returned_to, e.returned_note, e.closed_at, u.display_name AS reported_by_name, d.status AS debrief_status,
    (SELECT count(*)::int FROM missing_search_efforts s WHERE s.episode_id = e.id) AS search_efforts, e.version
  FROM missing_episodes e
  JOIN users u ON u.id = e.reported_by
  LEFT JOIN placement_episodes pe ON pe.id = e.placement_episode_id
  LEFT JOIN missing_debriefs d ON d.episode_id = e.id`;

export async function loadEpisodes(tx: Db, youthId: string): Promise<EpisodeRow[]> {
  return selectRows<EpisodeRow>(tx, sql`${EPISODE_SELECT} WHERE e.youth_id = ${youthId} ORDER BY e.discovered_at DESC`);
}

/** One episode of this youth, optionally locked for a change; 404 when it is not this youth's. */
export async function loadEpisode(tx: Db, youthId: string, episodeId: string, lock = false): Promise<EpisodeRow> {
  const [row] = await selectRows<EpisodeRow>(
    tx,
    sql`${EPISODE_SELECT} WHERE e.id = ${episodeId} AND e.youth_id = ${youthId}${lock ? sql` FOR UPDATE OF e` : sql``}`,
  );
  if (!row) throw notFound('missing episode');
  return row;
}

const KIND_TO_REPORT = new Map<string, ReportKey>(Object.entries(REPORT_KINDS).map(([k, v]) => [v, k as ReportKey]));

/** The duties (reports and the debrief) of these episodes, by episode id. */
export async function loadDuties(tx: Db, episodeIds: string[]): Promise<Map<string, ObligationRow[]>> {
  const out = new Map<string, ObligationRow[]>();
  if (!episodeIds.length) return out;
  const rows = await selectRows<ObligationRow & { source_id: string }>(
    tx,
    sql`SELECT w.*, ob2.source_id FROM (${OBLIGATION_SELECT}
          WHERE ob.source_kind = 'missing_episode' AND ob.source_id IN (${sql.join(
            episodeIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})) w
        JOIN obligations ob2 ON ob2.id = w.id ORDER BY w.due_at`,
  );
  for (const r of rows) out.set(r.source_id, [...(out.get(r.source_id) ?? []), r]);
  return out;
}

const iso = (v: Date | string | null) => (v === null ? null : asDate(v).toISOString());

export function placementOf(type: PlacementType | null) {
  return type && PLACEMENT_TYPE_KEYS.includes(type) ? { placementType: type } : null;
}

export function toEpisodeView(r: EpisodeRow, duties: ObligationRow[], now = new Date()): EpisodeViewT {
  const reports = duties
    .filter((d) => KIND_TO_REPORT.has(d.kind))
    .map((d) => ({ report: KIND_TO_REPORT.get(d.kind)!, obligation: obligationView(d, now) }))
    .sort((a, b) => Object.keys(REPORT_KINDS).indexOf(a.report) - Object.keys(REPORT_KINDS).indexOf(b.report));
  const debriefDuty = duties.find((d) => d.kind === 'missing_debrief');
  const placement = placementOf(r.placement_type);
  return {
    id: r.id,
    youthId: r.youth_id,
    status: r.status,
    lastSeenAt: asDate(r.last_seen_at).toISOString(),
    lastSeenPlace: r.last_seen_place,
    discoveredAt: asDate(r.discovered_at).toISOString(),
    discoveredByRole: r.discovered_by_role,
    discoveredByName: r.discovered_by_name,
    riskFactors: r.risk_factors ?? [],
    circumstances: r.circumstances,
    placement: placement && r.placement_episode_id ? { id: r.placement_episode_id, ...placement } : null,
    locatedAt: iso(r.located_at),
    locatedNote: r.located_note,
    returnedAt: iso(r.returned_at),
    returnedTo: r.returned_to,
    returnedNote: r.returned_note,
    closedAt: iso(r.closed_at),
    minutesMissing: minutesMissing({ lastSeenAt: asDate(r.last_seen_at), returnedAt: asDate(r.returned_at) }, now),
    reportedBy: r.reported_by_name,
    reports,
    debriefDuty: debriefDuty ? obligationView(debriefDuty, now) : null,
    debriefStatus: r.debrief_status ?? 'none',
    searchEffortCount: r.search_efforts,
    version: r.version,
  };
}

interface DebriefRow {
  id: string;
  status: 'draft' | 'complete';
  leaving_factors: z.infer<typeof DebriefView>['leavingFactors'];
  factors_note: string | null;
  factors_addressed: string | null;
  experiences: string | null;
  exploited_while_absent: 'yes' | 'no' | 'unknown' | null;
  screening_id: string | null;
  screening_status: 'draft' | 'final' | null;
  screening_level: string | null;
  screening_at: Date | string | null;
  csec_type_record_id: string | null;
  completed_at: Date | string | null;
  completed_by_name: string | null;
  version: number;
}

export async function loadDebrief(
  tx: Db,
  episodeId: string,
  lock = false,
): Promise<z.infer<typeof DebriefView> | null> {
  const [d] = await selectRows<DebriefRow>(
    tx,
    sql`SELECT d.id, d.status, d.leaving_factors, d.factors_note, d.factors_addressed, d.experiences, d.exploited_while_absent,
          d.screening_id, s.status AS screening_status, s.level AS screening_level, s.administered_at AS screening_at,
          d.csec_type_record_id, d.completed_at, u.display_name AS completed_by_name, d.version
        FROM missing_debriefs d LEFT JOIN screenings s ON s.id = d.screening_id LEFT JOIN users u ON u.id = d.completed_by
       WHERE d.episode_id = ${episodeId}${lock ? sql` FOR UPDATE OF d` : sql``}`,
  );
  if (!d) return null;
  return {
    id: d.id,
    status: d.status,
    leavingFactors: d.leaving_factors ?? [],
    factorsNote: d.factors_note,
    factorsAddressed: d.factors_addressed,
    experiences: d.experiences,
    exploitedWhileAbsent: d.exploited_while_absent,
    screening: d.screening_id
      ? {
          id: d.screening_id,
          status: d.screening_status ?? 'draft',
          level: d.screening_level,
          administeredAt: iso(d.screening_at) ?? '',
        }
      : null,
    csecTypeRecordId: d.csec_type_record_id,
    completedAt: iso(d.completed_at),
    completedBy: d.completed_by_name,
    version: d.version,
  };
}

export async function loadSearchEfforts(tx: Db, episodeId: string): Promise<z.infer<typeof SearchEffortView>[]> {
  const rows = await selectRows<{
    id: string;
    kind: z.infer<typeof SearchEffortView>['kind'];
    done_at: Date | string;
    done_by: string;
    note: string;
  }>(
    tx,
    sql`SELECT s.id, s.kind, s.done_at, u.display_name AS done_by, s.note FROM missing_search_efforts s JOIN users u ON u.id = s.done_by
         WHERE s.episode_id = ${episodeId} ORDER BY s.done_at DESC, s.created_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    doneAt: asDate(r.done_at).toISOString(),
    doneBy: r.done_by,
    note: r.note,
  }));
}

/** The whole episode: the view, its search efforts and its debrief. */
export async function episodeDetail(tx: Db, youthId: string, episodeId: string): Promise<EpisodeDetailT> {
  const row = await loadEpisode(tx, youthId, episodeId);
  const duties = (await loadDuties(tx, [episodeId])).get(episodeId) ?? [];
  return {
    ...toEpisodeView(row, duties),
    searchEfforts: await loadSearchEfforts(tx, episodeId),
    debrief: await loadDebrief(tx, episodeId),
  };
}
