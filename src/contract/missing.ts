import { z } from 'zod';
import {
  DISCOVERED_BY,
  EPISODE_STATUSES,
  LAST_SEEN_PLACES,
  LEAVING_FACTORS,
  REPORT_KEYS,
  RETURNED_TO,
  RISK_FACTORS,
  SEARCH_EFFORT_KINDS,
} from '../domain/missing.js';
import { PLACEMENT_TYPE_KEYS } from '../domain/placements.js';
import { ObligationView } from './obligations.js';
import { adminDate, freeText, id, isoDateTime, line } from './primitives.js';
import { YouthId } from './youth.js';

const when = isoDateTime();
const unique = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, {
      message: 'lists a value twice',
      params: { code: 'duplicate' },
    });

export const EpisodeParams = YouthId.extend({ episodeId: id() });

/**
 * The quick report, phone first: when and where the youth was last seen and when they were found
 * missing (default now). Everything else can come now or later (PATCH).
 */
export const EpisodeCreate = z
  .object({
    lastSeenAt: when,
    lastSeenPlace: z.enum(LAST_SEEN_PLACES),
    discoveredAt: when.optional().describe('When the youth was found missing; default now'),
    discoveredByRole: z.enum(DISCOVERED_BY).nullable().optional(),
    discoveredByName: line({ max: 200 }).nullable().optional(),
    riskFactors: unique(z.enum(RISK_FACTORS), RISK_FACTORS.length).optional(),
    circumstances: freeText({ max: 4000 }).nullable().optional(),
    placementEpisodeId: id().nullable().optional().describe('Default: the placement the youth was in when last seen'),
    notifyParent: z
      .boolean()
      .optional()
      .describe("Whether to notify the parent or guardian; default: the county's setting"),
  })
  .strict();

export const EpisodeUpdate = z
  .object({
    version: z.number().int().min(1),
    lastSeenAt: when.optional(),
    lastSeenPlace: z.enum(LAST_SEEN_PLACES).optional(),
    discoveredAt: when.optional(),
    discoveredByRole: z.enum(DISCOVERED_BY).nullable().optional(),
    discoveredByName: line({ max: 200 }).nullable().optional(),
    riskFactors: unique(z.enum(RISK_FACTORS), RISK_FACTORS.length).optional(),
    circumstances: freeText({ max: 4000 }).nullable().optional(),
    placementEpisodeId: id().nullable().optional(),
  })
  .strict();

export const ReportParams = EpisodeParams.extend({ report: z.enum(REPORT_KEYS) });

/**
 * The record of a mandated report: its fields depend on the report (the obligation kind's record,
 * src/features/obligations/kinds.ts), so the use case checks them.
 */
export const ReportRecord = z.record(z.string(), z.unknown());

export const LocatedInput = z.object({ locatedAt: when, note: freeText({ max: 1000 }).nullable().optional() }).strict();

export const ReturnedInput = z
  .object({
    returnedAt: when,
    returnedTo: z.enum(RETURNED_TO),
    locatedAt: when
      .nullable()
      .optional()
      .describe('When the youth was located, if not recorded yet; default: the return'),
    note: freeText({ max: 1000 }).nullable().optional(),
  })
  .strict();

export const SearchEffortCreate = z
  .object({
    kind: z.enum(SEARCH_EFFORT_KINDS),
    doneAt: when,
    note: freeText({ min: 3, max: 2000 }).describe('What was done and what came of it'),
  })
  .strict();

export const DebriefSave = z
  .object({
    version: z.number().int().min(0).describe('0 for a new debrief, else the version you loaded'),
    leavingFactors: unique(z.enum(LEAVING_FACTORS), LEAVING_FACTORS.length).default([]),
    factorsNote: freeText({ max: 4000 }).nullable().optional(),
    factorsAddressed: freeText({ max: 4000 })
      .nullable()
      .optional()
      .describe('How the factors will be addressed in the next placement'),
    experiences: freeText({ max: 4000 }).nullable().optional().describe("The youth's experiences while absent"),
    exploitedWhileAbsent: z.enum(['yes', 'no', 'unknown']).nullable().optional(),
    allegationSubcategory: line({ max: 200 })
      .nullable()
      .optional()
      .describe('When exploited while absent: for the CSEC Type record'),
    screeningId: id()
      .nullable()
      .optional()
      .describe('The CSEC screening done on return (context "return_from_missing")'),
    complete: z
      .boolean()
      .default(false)
      .describe('Mark the debrief complete: every element and a final screening are required'),
  })
  .strict();

export const ReportView = z.object({ report: z.enum(REPORT_KEYS), obligation: ObligationView });

export const SearchEffortView = z.object({
  id: z.string(),
  kind: z.enum(SEARCH_EFFORT_KINDS),
  doneAt: z.string(),
  doneBy: z.string(),
  note: z.string(),
});

export const DebriefView = z.object({
  id: z.string(),
  status: z.enum(['draft', 'complete']),
  leavingFactors: z.array(z.enum(LEAVING_FACTORS)),
  factorsNote: z.string().nullable(),
  factorsAddressed: z.string().nullable(),
  experiences: z.string().nullable(),
  exploitedWhileAbsent: z.enum(['yes', 'no', 'unknown']).nullable(),
  screening: z
    .object({
      id: z.string(),
      status: z.enum(['draft', 'final']),
      level: z.string().nullable(),
      administeredAt: z.string(),
    })
    .nullable(),
  csecTypeRecordId: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  version: z.number(),
});

export const EpisodeView = z.object({
  id: z.string(),
  youthId: z.string(),
  status: z.enum(EPISODE_STATUSES),
  lastSeenAt: z.string(),
  lastSeenPlace: z.enum(LAST_SEEN_PLACES),
  discoveredAt: z.string(),
  discoveredByRole: z.enum(DISCOVERED_BY).nullable(),
  discoveredByName: z.string().nullable(),
  riskFactors: z.array(z.enum(RISK_FACTORS)),
  circumstances: z.string().nullable(),
  /** The placement the youth left: its type only, never the provider or the address. */
  placement: z.object({ id: z.string(), placementType: z.enum(PLACEMENT_TYPE_KEYS) }).nullable(),
  locatedAt: z.string().nullable(),
  locatedNote: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedTo: z.enum(RETURNED_TO).nullable(),
  returnedNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  minutesMissing: z.number().describe('Last seen to return, or to now while open'),
  reportedBy: z.string(),
  reports: z.array(ReportView),
  debriefDuty: ObligationView.nullable(),
  debriefStatus: z.enum(['none', 'draft', 'complete']),
  searchEffortCount: z.number(),
  version: z.number(),
});
export type EpisodeViewT = z.infer<typeof EpisodeView>;

export const EpisodeDetail = EpisodeView.extend({
  searchEfforts: z.array(SearchEffortView),
  debrief: DebriefView.nullable(),
});
export type EpisodeDetailT = z.infer<typeof EpisodeDetail>;
export type EpisodeView = EpisodeViewT;
export type EpisodeDetail = EpisodeDetailT;
export type DebriefView = z.infer<typeof DebriefView>;

/** The debrief saved: the episode, and whether "Victim While Absent from Placement" was recorded. */
export const DebriefSaved = EpisodeDetail.extend({ csecTypeRecorded: z.boolean() });

export const YouthEpisodes = z.object({
  episodes: z.array(EpisodeView),
  summary: z.object({
    episodes: z.number(),
    inLastYear: z.number(),
    totalMinutesMissing: z.number(),
    placementsLeft: z.array(z.object({ placementType: z.enum(PLACEMENT_TYPE_KEYS), episodes: z.number() })),
  }),
  canReport: z.boolean(),
});
export type YouthEpisodes = z.infer<typeof YouthEpisodes>;

const ReportState = z.object({
  report: z.enum(REPORT_KEYS),
  status: z.enum(['open', 'met', 'missed', 'waived']),
  dueAt: z.string(),
  overdue: z.boolean(),
});

export const CurrentRow = z.object({
  episodeId: z.string(),
  youthId: z.string(),
  youthName: z.string().nullable().describe('Null for a youth with no names on record (a state extract)'),
  youthClientId: z
    .string()
    .nullable()
    .describe('For a youth with no names on record: their state client id, shown instead of the name'),
  spaNumber: z.number().nullable(),
  status: z.enum(EPISODE_STATUSES),
  lastSeenAt: z.string(),
  lastSeenPlace: z.enum(LAST_SEEN_PLACES),
  discoveredAt: z.string(),
  returnedAt: z.string().nullable(),
  minutesMissing: z.number(),
  placementType: z.enum(PLACEMENT_TYPE_KEYS).nullable().describe('The web translates it (placementTypes.<key>)'),
  riskFactors: z.array(z.enum(RISK_FACTORS)),
  reports: z.array(ReportState),
  overdueReports: z.number(),
  debrief: z
    .object({ status: z.enum(['none', 'draft', 'complete']), dueAt: z.string().nullable(), overdue: z.boolean() })
    .nullable(),
});

export type CurrentRow = z.infer<typeof CurrentRow>;

export const CurrentList = z.object({
  missing: z.array(CurrentRow).describe('Open episodes (missing or located), longest missing first'),
  awaitingDebrief: z.array(CurrentRow).describe('Returned youth whose debrief is not complete, oldest due first'),
});

export type CurrentList = z.infer<typeof CurrentList>;

export const FiguresQuery = z.object({
  from: adminDate().describe('First day of the range (county date)'),
  to: adminDate().describe('Last day of the range, inclusive (county date)'),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

const Share = z.object({
  count: z.number(),
  share: z.number().nullable().describe('0 to 1; null when there was nothing to count'),
});

export const FiguresView = z.object({
  from: z.string(),
  to: z.string(),
  episodesPerMonth: z.array(z.object({ month: z.string(), episodes: z.number() })),
  medianHoursMissing: z.number().nullable(),
  discovered: z.number(),
  reportedLawEnforcement24h: Share,
  reportedNcmec24h: Share,
  returned: z.number(),
  screened: Share,
  debriefed: Share,
  youthWithThreeOrMore: z.union([z.number(), z.literal('<11')]),
  definitions: z.string(),
  suppression: z.string(),
});
export type FiguresView = z.infer<typeof FiguresView>;
