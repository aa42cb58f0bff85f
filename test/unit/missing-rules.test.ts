// Missing youth as data: which duties a discovery and a return open, when they are due, the
// county's bounds (stricter, never looser than the law), the order of an episode's times, and
// the county figures on a hand-made set of episodes whose right answers are written here.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  CountySettingsSchema,
  DEFAULT_COUNTY_SETTINGS,
  type CountySettings,
} from '../../src/domain/county-settings.js';
import {
  checkEpisodeTimes,
  countyDate,
  minutesMissing,
  missingFigures,
  type FigureEpisode,
} from '../../src/domain/missing.js';
import { planObligations, type ObligationEvent } from '../../src/domain/obligation-rules.js';
import { kindDef } from '../../src/features/obligations/kinds.js';

const LA = 'America/Los_Angeles';
const la = (iso: string) => DateTime.fromISO(iso, { zone: LA }).toJSDate();
const HOUR = 3_600_000;
const base = { youthId: 'y1', sourceId: 'episode-1', recordedBy: { userId: 'u1', organizationId: 'org1' } };
const withMissing = (over: Partial<CountySettings['missing']>): CountySettings => ({
  ...DEFAULT_COUNTY_SETTINGS,
  missing: { ...DEFAULT_COUNTY_SETTINGS.missing, ...over },
});

describe('a discovery opens the mandated reports', () => {
  const at = la('2026-03-07T20:00'); // the night before the clocks spring forward
  const event: ObligationEvent = { ...base, kind: 'missing_discovered', at };

  it('law enforcement, NCMEC, the attorney and (by default) the parent, 24 elapsed hours later, owned by the primary worker', () => {
    const plan = planObligations(event, DEFAULT_COUNTY_SETTINGS);
    expect(plan.map((p) => p.kind)).toEqual([
      'missing_report_law_enforcement',
      'missing_report_ncmec',
      'missing_notify_attorney',
      'missing_notify_parent',
    ]);
    for (const p of plan) {
      // 24 real hours: 21:00 PDT by the clock, across the spring-forward night.
      expect(p.dueAt.getTime() - at.getTime()).toBe(24 * HOUR);
      expect(p.owner).toEqual({ strategy: 'primary_worker' });
      expect(p.sourceKind).toBe('missing_episode');
    }
  });

  it('leaves out the parent when the worker says so, and adds the court when county policy requires it', () => {
    const kinds = planObligations(
      { ...event, notifyParent: false },
      withMissing({ notifyCourt: true, courtHours: 48 }),
    ).map((p) => [p.kind, (p.dueAt.getTime() - at.getTime()) / HOUR]);
    expect(kinds).toEqual([
      ['missing_report_law_enforcement', 24],
      ['missing_report_ncmec', 24],
      ['missing_notify_attorney', 24],
      ['missing_notify_court', 48],
    ]);
    expect(planObligations({ ...event }, withMissing({ notifyParentDefault: false })).map((p) => p.kind)).not.toContain(
      'missing_notify_parent',
    );
    expect(
      planObligations({ ...event, notifyParent: true }, withMissing({ notifyParentDefault: false })).map((p) => p.kind),
    ).toContain('missing_notify_parent');
  });

  it('a return opens the debrief, 72 hours by default, as the county sets', () => {
    const returned: ObligationEvent = { ...base, kind: 'youth_returned', at };
    expect(
      planObligations(returned, DEFAULT_COUNTY_SETTINGS).map((p) => [
        p.kind,
        (p.dueAt.getTime() - at.getTime()) / HOUR,
      ]),
    ).toEqual([['missing_debrief', 72]]);
    expect(planObligations(returned, withMissing({ debriefHours: 24 }))[0]!.dueAt.getTime() - at.getTime()).toBe(
      24 * HOUR,
    );
  });
});

describe('county settings for missing youth', () => {
  it('may be stricter than the law on the 24-hour reports, never looser', () => {
    const parse = (missing: Partial<CountySettings['missing']>) =>
      CountySettingsSchema.safeParse({ missing: { ...DEFAULT_COUNTY_SETTINGS.missing, ...missing } });
    expect(parse({ lawEnforcementHours: 1 }).success).toBe(true);
    expect(parse({ lawEnforcementHours: 25 }).success).toBe(false);
    expect(parse({ ncmecHours: 48 }).success).toBe(false);
    expect(parse({ lawEnforcementHours: 0 }).success).toBe(false);
    expect(parse({ debriefHours: 168 }).success).toBe(true);
  });

  it('default to 24 hours for the reports and 72 for the debrief, and say the state sets no debrief deadline', () => {
    expect(DEFAULT_COUNTY_SETTINGS.missing).toEqual({
      lawEnforcementHours: 24,
      ncmecHours: 24,
      attorneyHours: 24,
      notifyParentDefault: true,
      parentHours: 24,
      notifyCourt: false,
      courtHours: 48,
      debriefHours: 72,
    });
    const shape = CountySettingsSchema.shape.missing.unwrap().shape;
    expect(shape.debriefHours.description).toMatch(/state sets no deadline/);
  });
});

describe('the kinds', () => {
  it('each says what is overdue without naming anyone, and is met only through the episode', () => {
    for (const kind of [
      'missing_report_law_enforcement',
      'missing_report_ncmec',
      'missing_notify_attorney',
      'missing_notify_parent',
      'missing_notify_court',
      'missing_debrief',
    ]) {
      const def = kindDef(kind)!;
      // Its label and overdue notice are the web's (obligationKinds.<kind>): test/unit/problem-codes.test.ts.
      expect(def.label).toBeTruthy();
      expect(def.metThrough).toBeTruthy();
    }
    const le = kindDef('missing_report_law_enforcement')!.meetRecord;
    expect(
      le.safeParse({ agency: 'LASD', reportNumber: '1', reportedAt: '2026-01-01T00:00:00Z', enteredInNcic: true })
        .success,
    ).toBe(true);
    expect(le.safeParse({ agency: 'LASD', reportNumber: '1', reportedAt: '2026-01-01T00:00:00Z' }).success).toBe(false);
    expect(kindDef('missing_report_ncmec')!.meetRecord.safeParse({ reportedAt: '2026-01-01T00:00:00Z' }).success).toBe(
      false,
    );
  });
});

describe('the order of an episode’s times', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  const t = { lastSeenAt: new Date('2026-06-01T10:00:00Z'), discoveredAt: new Date('2026-06-01T12:00:00Z') };
  it('accepts a plain episode and refuses each impossible order', () => {
    expect(checkEpisodeTimes(t, now)).toEqual([]);
    expect(checkEpisodeTimes({ ...t, discoveredAt: new Date('2026-06-01T09:00:00Z') }, now)).toEqual([
      expect.stringMatching(/^discoveredAt/),
    ]);
    expect(checkEpisodeTimes({ ...t, returnedAt: new Date('2026-06-01T11:00:00Z') }, now)).toEqual([
      expect.stringMatching(/^returnedAt: the youth cannot return before/),
    ]);
    expect(
      checkEpisodeTimes(
        { ...t, locatedAt: new Date('2026-06-03T00:00:00Z'), returnedAt: new Date('2026-06-02T00:00:00Z') },
        now,
      ),
    ).toEqual([expect.stringMatching(/^returnedAt: cannot be before the youth was located/)]);
    expect(checkEpisodeTimes({ ...t, returnedAt: new Date('2026-06-11T00:00:00Z') }, now)).toEqual([
      expect.stringMatching(/future/),
    ]);
  });
  it('measures time missing from last seen to return, or to now', () => {
    expect(minutesMissing({ lastSeenAt: t.lastSeenAt, returnedAt: new Date('2026-06-02T10:30:00Z') }, now)).toBe(
      24 * 60 + 30,
    );
    expect(minutesMissing({ lastSeenAt: t.lastSeenAt }, now)).toBe(9 * 24 * 60 + 120);
  });
  it('dates CSEC Types by the county calendar day', () => {
    expect(countyDate(new Date('2026-06-02T05:00:00Z'))).toBe('2026-06-01'); // 10 pm PDT
  });
});

describe('county figures on a hand-made set of episodes', () => {
  type Given = Partial<Omit<FigureEpisode, 'discoveredAt' | 'lastSeenAt'>> & {
    discoveredAt: string;
    lastSeenAt: string;
  };
  const ep = (youthId: string, o: Given): FigureEpisode => ({
    youthId,
    returnedAt: null,
    lawEnforcementReportedAt: null,
    ncmecReportedAt: null,
    screened: false,
    debriefed: false,
    ...o,
    discoveredAt: new Date(o.discoveredAt),
    lastSeenAt: new Date(o.lastSeenAt),
  });
  const d = (iso: string) => new Date(iso);
  const episodes: FigureEpisode[] = [
    // Youth A: three episodes within a year (two in range).
    ep('A', {
      lastSeenAt: '2025-10-01T08:00:00Z',
      discoveredAt: '2025-10-01T10:00:00Z',
      returnedAt: d('2025-10-03T08:00:00Z'),
    }),
    ep('A', {
      lastSeenAt: '2026-01-05T18:00:00Z',
      discoveredAt: '2026-01-05T20:00:00Z',
      returnedAt: d('2026-01-06T18:00:00Z'), // 24 h missing
      lawEnforcementReportedAt: d('2026-01-05T21:00:00Z'),
      ncmecReportedAt: d('2026-01-06T20:00:00Z'), // exactly 24 h: within
      screened: true,
      debriefed: true,
    }),
    ep('A', {
      lastSeenAt: '2026-02-10T12:00:00Z',
      discoveredAt: '2026-02-10T13:00:00Z',
      returnedAt: d('2026-02-12T00:00:00Z'), // 36 h
      lawEnforcementReportedAt: d('2026-02-11T14:00:00Z'), // 25 h: late
      screened: true,
    }),
    // Youth B: one episode, still missing; reported in time to both.
    ep('B', {
      lastSeenAt: '2026-01-31T07:00:00Z',
      discoveredAt: '2026-01-31T09:00:00Z',
      lawEnforcementReportedAt: d('2026-01-31T10:00:00Z'),
      ncmecReportedAt: d('2026-01-31T11:00:00Z'),
    }),
    // Youth C: discovered before the range, returned inside it (counts for the median and the debrief shares only).
    ep('C', {
      lastSeenAt: '2025-12-30T00:00:00Z',
      discoveredAt: '2025-12-30T01:00:00Z',
      returnedAt: d('2026-01-02T12:00:00Z'),
      debriefed: true,
    }), // 84 h
    // Youth D: after the range (April 1 in LA, though March 31 would still hold at 01:00 UTC): never counted.
    ep('D', {
      lastSeenAt: '2026-04-01T08:00:00Z',
      discoveredAt: '2026-04-01T09:00:00Z',
      returnedAt: d('2026-04-02T00:00:00Z'),
    }),
  ];

  it('gives the right answers', () => {
    const f = missingFigures(episodes, '2026-01-01', '2026-03-31');
    expect(f.episodesPerMonth).toEqual([
      { month: '2026-01', episodes: 2 },
      { month: '2026-02', episodes: 1 },
      { month: '2026-03', episodes: 0 },
    ]);
    expect(f.discovered).toBe(3);
    expect(f.reportedLawEnforcement24h).toEqual({ count: 2, share: 0.667 });
    expect(f.reportedNcmec24h).toEqual({ count: 2, share: 0.667 });
    // Returned in range: A (24 h), A (36 h), C (84 h): median 36.
    expect(f.returned).toBe(3);
    expect(f.medianHoursMissing).toBe(36);
    expect(f.screened).toEqual({ count: 2, share: 0.667 });
    expect(f.debriefed).toEqual({ count: 2, share: 0.667 });
    expect(f.youthWithThreeOrMore).toBe(1);
  });

  it('says "nothing to count" rather than 0% when nothing happened', () => {
    const f = missingFigures(episodes, '2027-01-01', '2027-01-31');
    expect(f).toMatchObject({
      discovered: 0,
      returned: 0,
      medianHoursMissing: null,
      reportedLawEnforcement24h: { count: 0, share: null },
      youthWithThreeOrMore: 0,
    });
  });
});
