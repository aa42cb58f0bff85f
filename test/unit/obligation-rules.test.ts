// The response protocol as data: which event opens which obligation, when it is due (elapsed
// hours vs calendar days, across daylight saving and month ends) and who owns it; the county
// settings that drive it; what notifications and emails say.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  CountySettingsSchema,
  DEFAULT_COUNTY_SETTINGS,
  effectiveSettings,
  type CountySettings,
} from '../../src/domain/county-settings.js';
import { statusAt } from '../../src/domain/deadlines.js';
import {
  endOfCountyDay,
  OBLIGATION_EVENT_MEETS,
  OBLIGATION_RULES,
  planObligations,
  RULE_OBLIGATION_KINDS,
  type ObligationEvent,
} from '../../src/domain/obligation-rules.js';
import { MAX_LINKS, missedDigestEmail } from '../../src/features/notifications/messages.js';
import { kindDef } from '../../src/features/obligations/kinds.js';

const LA = 'America/Los_Angeles';
const la = (iso: string) => DateTime.fromISO(iso, { zone: LA }).toJSDate();
const inLa = (d: Date) => DateTime.fromJSDate(d, { zone: LA }).toISO({ suppressMilliseconds: true });
const HOUR = 3_600_000;

const recorder = { userId: 'u-recorder', organizationId: 'org-dcfs' };
const base = { youthId: 'y1', sourceId: 's1', recordedBy: recorder };
const withResponse = (over: Partial<CountySettings['response']>): CountySettings => ({
  ...DEFAULT_COUNTY_SETTINGS,
  response: { ...DEFAULT_COUNTY_SETTINGS.response, ...over },
});
const plan = (e: ObligationEvent, s: CountySettings = DEFAULT_COUNTY_SETTINGS) => planObligations(e, s);

describe('county protocol settings', () => {
  it('default to the protocol: 90 minutes, 72 hours, 24 hours, 7 days, 30 days; WIC 16524.8 parties; owner and supervisor told', () => {
    expect(DEFAULT_COUNTY_SETTINGS.response).toEqual({
      respondersOnSceneMinutes: 90,
      healthEvaluationHours: 72,
      crisisMdtHours: 24,
      initialMdtDays: 7,
      ongoingMdtDays: 30,
    });
    const wic = [
      'child_welfare',
      'probation',
      'mental_health',
      'public_health',
      'juvenile_court',
      'education',
      'law_enforcement',
    ];
    expect(DEFAULT_COUNTY_SETTINGS.mdtRequiredParties).toEqual({ crisis: wic, initial: wic, ongoing: wic });
    expect(DEFAULT_COUNTY_SETTINGS.escalation).toEqual({
      owner: true,
      supervisor_chain: true,
      supervisor_levels: 1,
      county_admin: false,
      email: true,
    });
  });

  it('fill sections that stored settings predate, keeping what was stored', () => {
    const old = {
      screening: { rescreenMonths: { no_concern: 9, possible_concern: 6, clear_concern: 3 } },
      crossReport: { hours: 12 },
    };
    const s = effectiveSettings(old);
    expect(s.crossReport.hours).toBe(12);
    expect(s.screening.rescreenMonths.no_concern).toBe(9);
    expect(s.response.initialMdtDays).toBe(7);
    expect(effectiveSettings({ response: { initialMdtDays: 10 } }).response).toMatchObject({
      initialMdtDays: 10,
      crisisMdtHours: 24,
    });
  });

  it('accept an initial MDT within the protocol range of 7 to 10 days only, and say so', () => {
    for (const days of [7, 8, 10])
      expect(CountySettingsSchema.safeParse({ response: { initialMdtDays: days } }).success).toBe(true);
    for (const days of [6, 11, 7.5])
      expect(CountySettingsSchema.safeParse({ response: { initialMdtDays: days } }).success).toBe(false);
    expect(CountySettingsSchema.shape.response.unwrap().shape.initialMdtDays.description).toMatch(/7 to 10 days/);
  });

  it('bound every timeline and refuse unknown or repeated MDT parties', () => {
    const bad = [
      { response: { respondersOnSceneMinutes: 0 } },
      { response: { healthEvaluationHours: 500 } },
      { response: { crisisMdtHours: 72 } },
      { response: { ongoingMdtDays: 365 } },
      {
        mdtRequiredParties: {
          crisis: ['child_welfare', 'sheriffs_posse'],
          initial: ['child_welfare'],
          ongoing: ['child_welfare'],
        },
      },
      {
        mdtRequiredParties: {
          crisis: ['child_welfare', 'child_welfare'],
          initial: ['child_welfare'],
          ongoing: ['child_welfare'],
        },
      },
      { mdtRequiredParties: { crisis: [], initial: ['child_welfare'], ongoing: ['child_welfare'] } },
      { escalation: { supervisor_levels: 9 } },
    ];
    for (const s of bad) expect(CountySettingsSchema.safeParse(s).success, JSON.stringify(s)).toBe(false);
  });
});

describe('the rules table', () => {
  it('opens only registered kinds, each with an export label, a basis and a meet record (the web words them: problem-codes.test.ts)', () => {
    const opened = Object.values(OBLIGATION_RULES).flatMap((rules) => rules.map((r) => r.opens));
    expect(new Set(opened)).toEqual(new Set(RULE_OBLIGATION_KINDS));
    for (const kind of RULE_OBLIGATION_KINDS) {
      const def = kindDef(kind)!;
      expect(def.label && def.basis).toBeTruthy();
      // The field that says when the duty was done is part of the meet record.
      const sample = { [def.doneAt]: '2026-03-08T10:00:00-07:00' };
      const parsed = def.meetRecord.safeParse(sample);
      expect(parsed.success || parsed.error.issues.every((i) => i.path[0] !== def.doneAt), kind).toBe(true);
    }
    expect(kindDef('cross_report_law_enforcement')?.doneAt).toBe('madeAt');
    expect(kindDef('toString')).toBeUndefined();
  });

  it('a victim in immediate danger gets a crisis MDT in 24 elapsed hours (25 on the clock across spring forward)', () => {
    const at = la('2026-03-07T12:00');
    const [p, ...rest] = plan({ ...base, kind: 'victim_identified', immediateDanger: true, at });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      kind: 'crisis_mdt_24h',
      sourceKind: 'identification',
      sourceId: 's1',
      sourcePart: '',
      owner: { strategy: 'child_welfare_worker' },
    });
    expect(p!.dueAt.getTime() - at.getTime()).toBe(24 * HOUR);
    expect(inLa(p!.dueAt)).toBe('2026-03-08T13:00:00-07:00');
  });

  it('otherwise an initial MDT in 7 calendar days (167 real hours across spring forward), or the county\u2019s 10', () => {
    const at = la('2026-03-05T10:00');
    const [p] = plan({ ...base, kind: 'victim_identified', immediateDanger: false, at, sourceKind: 'csec_type' });
    expect(p).toMatchObject({ kind: 'initial_mdt', sourceKind: 'csec_type' });
    expect(inLa(p!.dueAt)).toBe('2026-03-12T10:00:00-07:00');
    expect(p!.dueAt.getTime() - at.getTime()).toBe(167 * HOUR);
    const [ten] = plan(
      { ...base, kind: 'victim_identified', immediateDanger: false, at },
      withResponse({ initialMdtDays: 10 }),
    );
    expect(inLa(ten!.dueAt)).toBe('2026-03-15T10:00:00-07:00');
  });

  it('first responder contact: one 90-minute duty per agency (elapsed, across the missing hour), and a 72-hour health evaluation', () => {
    const at = la('2026-03-08T01:00');
    const plans = plan({
      ...base,
      kind: 'first_responder_contact',
      at,
      agencies: [
        { organizationId: 'org-dcfs' },
        { organizationId: 'org-mh', userId: 'u-clinician' },
        { organizationId: 'org-cbo' },
        { organizationId: 'org-mh' },
      ],
    });
    const responders = plans.filter((p) => p.kind === 'responders_on_scene');
    expect(responders.map((p) => p.sourcePart)).toEqual(['org-dcfs', 'org-mh', 'org-cbo']);
    expect(responders.map((p) => p.owner)).toEqual([
      { strategy: 'given', userId: 'u-recorder', organizationId: 'org-dcfs' },
      { strategy: 'given', userId: 'u-clinician', organizationId: 'org-mh' },
      { strategy: 'given', userId: null, organizationId: 'org-cbo' },
    ]);
    for (const p of responders) expect(inLa(p.dueAt)).toBe('2026-03-08T03:30:00-07:00');
    const health = plans.filter((p) => p.kind === 'health_evaluation_72h');
    expect(health).toHaveLength(1);
    expect(health[0]!.dueAt.getTime() - at.getTime()).toBe(72 * HOUR);
    expect(health[0]!.sourcePart).toBe('');
  });

  it('72 hours across fall back is 72 real hours; the clock shows one hour less', () => {
    const at = la('2026-10-31T12:00');
    const health = plan({ ...base, kind: 'first_responder_contact', at, agencies: [] }).find(
      (p) => p.kind === 'health_evaluation_72h',
    )!;
    expect(inLa(health.dueAt)).toBe('2026-11-03T11:00:00-08:00');
    const [slow] = plan(
      { ...base, kind: 'first_responder_contact', at, agencies: [{ organizationId: 'x' }] },
      withResponse({ respondersOnSceneMinutes: 120 }),
    );
    expect(slow!.dueAt.getTime() - at.getTime()).toBe(2 * HOUR);
  });

  it('an MDT meeting schedules the next review 30 calendar days on, across month ends and both clock changes, and meets the MDT duties', () => {
    const next = (iso: string, s?: CountySettings) =>
      inLa(plan({ ...base, kind: 'mdt_held', tier: 'initial', at: la(iso) }, s)[0]!.dueAt);
    expect(next('2026-01-31T15:00')).toBe('2026-03-02T15:00:00-08:00');
    expect(next('2028-01-31T15:00')).toBe('2028-03-01T15:00:00-08:00'); // leap year
    expect(next('2026-02-20T09:00')).toBe('2026-03-22T09:00:00-07:00');
    expect(next('2026-10-15T10:00')).toBe('2026-11-14T10:00:00-08:00');
    expect(next('2026-12-31T23:30')).toBe('2027-01-30T23:30:00-08:00');
    expect(next('2026-01-31T15:00', withResponse({ ongoingMdtDays: 28 }))).toBe('2026-02-28T15:00:00-08:00');
    const [p] = plan({ ...base, kind: 'mdt_held', tier: 'crisis', at: la('2026-01-31T15:00') });
    expect(p).toMatchObject({ kind: 'ongoing_mdt_review', sourceKind: 'mdt_meeting', owner: { strategy: 'recorder' } });
    expect(OBLIGATION_EVENT_MEETS.mdt_held).toEqual(['crisis_mdt_24h', 'initial_mdt', 'ongoing_mdt_review']);
  });

  it('action items and screenings are due when stated: a date at the end of that day in county time, in either season', () => {
    const [item] = plan({
      ...base,
      kind: 'action_item_created',
      at: la('2026-02-01T09:00'),
      dueAt: '2026-02-28',
      owner: { userId: 'u-po', organizationId: 'org-prob' },
    });
    expect(item).toMatchObject({
      kind: 'mdt_action_item',
      owner: { strategy: 'given', userId: 'u-po', organizationId: 'org-prob' },
    });
    expect(item!.dueAt.toISOString()).toBe('2026-03-01T07:59:59.999Z');
    const [screen] = plan({ ...base, kind: 'screening_due', at: la('2026-01-01T09:00'), dueAt: '2026-03-31' });
    expect(screen).toMatchObject({
      kind: 'screening_due',
      sourceKind: 'screening',
      owner: { strategy: 'primary_worker' },
    });
    expect(screen!.dueAt.toISOString()).toBe('2026-04-01T06:59:59.999Z');
    expect(inLa(endOfCountyDay('2026-03-08'))).toBe('2026-03-08T23:59:59.999-07:00');
    expect(inLa(endOfCountyDay('2026-11-01'))).toBe('2026-11-01T23:59:59.999-08:00');
    for (const bad of ['2026-02-30', '2026-13-01', 'tomorrow', '2026-3-1'])
      expect(() => endOfCountyDay(bad)).toThrow(RangeError);
    // An instant (mdt_action_items.due_at) is kept as the team set it.
    const instant = new Date('2026-11-01T09:30:00Z');
    expect(
      plan({
        ...base,
        kind: 'action_item_created',
        at: la('2026-10-20T09:00'),
        dueAt: instant,
        owner: { userId: null, organizationId: 'o' },
      })[0]!.dueAt,
    ).toEqual(instant);
    expect(() => plan({ ...base, kind: 'screening_due', at: la('2026-01-01T09:00'), dueAt: new Date('nope') })).toThrow(
      RangeError,
    );
  });

  it('is deterministic: the same event gives the same plan', () => {
    const e: ObligationEvent = {
      ...base,
      kind: 'first_responder_contact',
      at: la('2026-06-01T10:00'),
      agencies: [{ organizationId: 'a' }, { organizationId: 'b' }],
    };
    expect(plan(e)).toEqual(plan(e));
  });
});

describe('status with the stored status', () => {
  const due = new Date('2026-03-08T10:00:00Z');
  const before = new Date(due.getTime() - 1000);
  const after = new Date(due.getTime() + 1000);
  const o = (
    status: 'open' | 'missed' | 'met' | 'waived',
    metAt: Date | null = null,
    waivedAt: Date | null = null,
  ) => ({ dueAt: due, metAt, waivedAt, status });
  it('is missed when the job recorded it, met when done late, waived when waived', () => {
    expect(statusAt(o('missed'), after)).toBe('missed');
    expect(statusAt(o('missed'), before)).toBe('missed'); // the record wins over the clock
    expect(statusAt(o('met', after), after)).toBe('met');
    expect(statusAt(o('waived', null, after), after)).toBe('waived');
  });
  it('is still missed by the clock before the job has run', () => {
    expect(statusAt(o('open'), after)).toBe('missed');
    expect(statusAt(o('open'), due)).toBe('open');
  });
});

describe('what people are told', () => {
  it('a digest email carries counts and at most 20 links, and no kind of duty', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const m = missedDigestEmail({
      publicUrl: 'https://harbor.example.org/',
      owned: 3,
      team: 24,
      county: 0,
      youthIds: ids.slice(0, MAX_LINKS),
      youthCount: 25,
    });
    expect(m.subject).toBe('Harbor: 27 deadlines missed');
    expect(m.body).toContain('3 are yours.');
    expect(m.body).toContain('24 belong to people you supervise.');
    expect(m.body.match(/https:\/\/harbor\.example\.org\/youth\//g)).toHaveLength(20);
    expect(m.body).toContain('…and 5 more on your work list.');
    expect(m.body).toContain('https://harbor.example.org/work');
    expect(m.body).not.toMatch(/cross-report|MDT|screening|health/i);
    const admin = missedDigestEmail({
      publicUrl: 'http://localhost:3000',
      owned: 0,
      team: 0,
      county: 1,
      youthIds: [],
      youthCount: 0,
    });
    expect(admin.subject).toBe('Harbor: 1 deadline missed');
    expect(admin.body).not.toContain('/youth/');
    expect(admin.body).toContain('1 is in your county');
  });
});

describe('job and mail configuration', () => {
  it('runs jobs every 60 s by default, 0 turns them off; email stays queued without an SMTP URL', () => {
    expect(loadConfig({})).toMatchObject({
      jobIntervalMs: 60_000,
      smtpUrl: undefined,
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(loadConfig({ HARBOR_JOB_INTERVAL_SECONDS: '0', HARBOR_SMTP_URL: '' })).toMatchObject({
      jobIntervalMs: 0,
      smtpUrl: undefined,
    });
    expect(
      loadConfig({ HARBOR_SMTP_URL: 'smtp://127.0.0.1:2525', HARBOR_PUBLIC_URL: 'https://harbor.county.gov/' }),
    ).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicUrl: 'https://harbor.county.gov',
    });
    expect(() => loadConfig({ HARBOR_SMTP_URL: 'mail.county.gov' })).toThrow(/HARBOR_SMTP_URL/);
    expect(() => loadConfig({ HARBOR_JOB_INTERVAL_SECONDS: '-1' })).toThrow(/HARBOR_JOB_INTERVAL_SECONDS/);
  });
});
