// The Board's advocacy report on a hand-made dataset whose right answers are written here, its
// public version (small cells and their complements hidden), its exports, who may see it, and
// the agreement of the SQL "recovered and connected" with referralRecovered().
import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { countRecoveredYouth, type ReferralFacts } from '../../src/domain/advocacy.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { loadFigures } from '../../src/features/board-report/figures.js';
import { Builder } from '../../src/seed/builder.js';
import { signIn, startHarness, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
let cboC: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Inserts one referral with its facts, as the lifecycle would leave them. */
async function refer(r: {
  county?: string;
  org: string;
  contract: string;
  youth: string;
  at: string;
  contactAfterHours?: number;
  declined?: string;
  /** Start of each service the advocate linked, in hours after the referral. */
  linkedServiceHours?: number[];
}): Promise<string> {
  const { users, orgs, counties } = h.world;
  const at = Date.parse(r.at);
  const contact = r.contactAfterHours === undefined ? null : iso(at + r.contactAfterHours * HOUR);
  const state = r.declined ? 'declined' : contact ? 'first_contact' : 'sent';
  const [row] = await h.db.database.query<{ id: string }>(
    `INSERT INTO advocacy_referrals (county_id, youth_id, organization_id, contract_id, referred_by, referred_by_organization_id, referred_at, reason, urgency,
        state, accepted_at, declined_at, decline_reason, advocate_user_id, advocate_assigned_at, first_contact_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'test referral', 'routine', $8, CASE WHEN $9::timestamptz IS NOT NULL THEN $7::timestamptz END,
        CASE WHEN $10::text IS NOT NULL THEN $7::timestamptz + interval '1 hour' END, $10, CASE WHEN $9::timestamptz IS NOT NULL THEN $11::uuid END,
        CASE WHEN $9::timestamptz IS NOT NULL THEN $7::timestamptz END, $9)
     RETURNING id`,
    [
      r.county ?? counties.la,
      r.youth,
      r.org,
      r.contract,
      users.worker.id,
      orgs.dcfs,
      r.at,
      state,
      contact,
      r.declined ?? null,
      users.advocate.id,
    ],
  );
  for (const hours of r.linkedServiceHours ?? []) {
    const started = iso(at + hours * HOUR);
    const [ep] = await h.db.database.query<{ id: string }>(
      `INSERT INTO service_episodes (youth_id, county_id, service_key, referred_by, referred_by_organization_id, referred_at, started_at, status)
       VALUES ($1, $2, 'mental_health', $3, $4, least($5::timestamptz, $6::timestamptz), $6, 'active') RETURNING id`,
      [r.youth, r.county ?? counties.la, users.worker.id, orgs.dcfs, r.at, started],
    );
    await h.db.database.query(
      `INSERT INTO advocacy_milestones (referral_id, county_id, youth_id, kind, at, service_episode_id, recorded_by)
       VALUES ($1, $2, $3, 'linked_to_service', $4, $5, $6)`,
      [row!.id, r.county ?? counties.la, r.youth, r.at, ep!.id, users.advocate.id],
    );
  }
  return row!.id;
}

async function contract(
  org: string,
  startsOn: string,
  endsOn: string,
  hours: number,
  county?: string,
): Promise<string> {
  const [row] = await h.db.database.query<{ id: string }>(
    `INSERT INTO advocacy_contracts (county_id, organization_id, contracting_organization_id, reference, starts_on, ends_on, funding_source, services, capacity, first_contact_hours, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'County general fund', ARRAY['crisis_response','linkage_to_services'], 40, $7, $8) RETURNING id`,
    [
      county ?? h.world.counties.la,
      org,
      h.world.orgs.probation,
      `K-${startsOn}-${hours}`,
      startsOn,
      endsOn,
      hours,
      h.world.users.admin.id,
    ],
  );
  return row!.id;
}

async function issue(org: string, raisedOn: string, category: string, resolvedOn: string | null, text: string) {
  await h.db.database.query(
    `INSERT INTO performance_issues (county_id, organization_id, raised_on, category, description, severity, recommendation, owner_user_id, status, resolution, resolved_on, created_by)
     VALUES ($1, $2, $3, $4, $5, 'moderate', $6, $7, $8, $9, $10, $7)`,
    [
      h.world.counties.la,
      org,
      raisedOn,
      category,
      `${text} description`,
      `${text} recommendation`,
      h.world.users.admin.id,
      resolvedOn ? 'resolved' : 'open',
      resolvedOn ? 'Fixed' : null,
      resolvedOn,
    ],
  );
}

let extraYouth: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const { la, sd } = h.world.counties;
  const { cboA, cboB } = h.world.orgs;
  const { ana, bruno, carla, elena, diego } = h.world.youth;
  const b = new Builder(h.db.database);
  cboC = await b.organization(la, 'Test Advocates C', 'advocacy_cbo');
  const cboD = await b.organization(la, 'Test Advocates D', 'advocacy_cbo');
  const kA = await contract(cboA, '2025-07-01', '2027-06-30', 24);
  const kB = await contract(cboB, '2025-07-01', '2027-06-30', 48);
  await contract(cboC, '2026-01-01', '2026-12-31', 24);
  await contract(cboD, '2025-01-01', '2025-12-31', 24); // ended before March 2026: not on that report

  // March–June 2026 (the county's periods start in March, July and November).
  // Test Advocates A, 24-hour term:
  await refer({
    org: cboA,
    contract: kA,
    youth: ana,
    at: '2026-03-10T17:00:00Z',
    contactAfterHours: 17,
    linkedServiceHours: [60 * 24],
  }); // day 60: recovered
  await refer({
    org: cboA,
    contract: kA,
    youth: ana,
    at: '2026-04-01T16:00:00Z',
    contactAfterHours: 48,
    linkedServiceHours: [19 * 24],
  }); // late; Ana again
  await refer({
    org: cboA,
    contract: kA,
    youth: bruno,
    at: '2026-03-20T18:00:00Z',
    contactAfterHours: 2,
    linkedServiceHours: [61 * 24],
  }); // day 61: not recovered
  await refer({ org: cboA, contract: kA, youth: carla, at: '2026-05-01T17:00:00Z', declined: 'at_capacity' });
  await refer({ org: cboA, contract: kA, youth: elena, at: '2026-06-29T17:00:00Z' }); // not reached yet
  // Test Advocates B, 48-hour term:
  await refer({
    org: cboB,
    contract: kB,
    youth: ana,
    at: '2026-03-15T17:00:00Z',
    contactAfterHours: 36,
    linkedServiceHours: [30 * 24],
  }); // Ana again, another CBO
  await refer({ org: cboB, contract: kB, youth: bruno, at: '2026-04-10T17:00:00Z', declined: 'outside_service_area' });
  await refer({ org: cboB, contract: kB, youth: carla, at: '2026-06-01T17:00:00Z', linkedServiceHours: [9 * 24] }); // linked, never reached: not recovered
  // The period before (November 2025 – February 2026), and San Diego: never in March–June.
  await refer({
    org: cboA,
    contract: kA,
    youth: bruno,
    at: '2026-02-20T18:00:00Z',
    contactAfterHours: 16,
    linkedServiceHours: [13 * 24],
  });
  const sdCbo = await b.organization(sd, 'Test SD Advocates', 'advocacy_cbo');
  const kSd = await contract(sdCbo, '2025-07-01', '2027-06-30', 24, sd);
  await refer({
    county: sd,
    org: sdCbo,
    contract: kSd,
    youth: diego,
    at: '2026-04-01T17:00:00Z',
    contactAfterHours: 1,
    linkedServiceHours: [24],
  });
  // Performance issues of Test Advocates A: resolved in the period, open, and resolved before it.
  await issue(cboA, '2026-02-10', 'responsiveness', '2026-04-15', 'Slow first contacts');
  await issue(cboA, '2026-05-05', 'documentation', null, 'Missing milestone notes');
  await issue(cboA, '2025-09-01', 'other', '2025-12-01', 'Old matter');
  await issue(cboB, '2026-07-15', 'service_delivery', null, 'After the period');

  // March–June 2024, large enough to publish: A 20 reached (12 recovered) + 3 declined; B 15 (5 on time) + 12 declined.
  const kA24 = await contract(cboA, '2023-07-01', '2025-06-30', 24);
  const kB24 = await contract(cboB, '2023-07-01', '2025-06-30', 48);
  const hash = await hashPassword(PASSWORD);
  extraYouth = [];
  for (let i = 0; i < 50; i++) {
    extraYouth.push(
      await b.youth({
        countyId: la,
        legalFirstName: 'Testyouth',
        legalLastName: `Number${i}`,
        dateOfBirth: '2009-01-01',
      }),
    );
  }
  const at24 = (i: number) => iso(Date.parse('2024-03-05T17:00:00Z') + i * DAY);
  for (let i = 0; i < 20; i++) {
    await refer({
      org: cboA,
      contract: kA24,
      youth: extraYouth[i]!,
      at: at24(i),
      contactAfterHours: 12,
      ...(i < 12 ? { linkedServiceHours: [10 * 24] } : {}),
    });
  }
  for (let i = 0; i < 3; i++)
    await refer({ org: cboA, contract: kA24, youth: extraYouth[20 + i]!, at: at24(i), declined: 'at_capacity' });
  for (let i = 0; i < 15; i++)
    await refer({
      org: cboB,
      contract: kB24,
      youth: extraYouth[23 + i]!,
      at: at24(i),
      contactAfterHours: i < 5 ? 12 : 72,
    });
  for (let i = 0; i < 12; i++)
    await refer({ org: cboB, contract: kB24, youth: extraYouth[38 + i]!, at: at24(i), declined: 'not_eligible' });

  // A county analyst in San Diego, to show another county sees nothing of Los Angeles.
  await b.user({
    countyId: sd,
    organizationId: h.world.orgs.sdCws,
    email: 'sd.analyst@test.harbor',
    displayName: 'SD analyst',
    roles: ['county_analyst'],
    passwordHash: hash,
  });
}, 120_000);
afterAll(() => h.close());

const URL_2026 = '/api/reports/advocacy?from=2026-03-01&to=2026-06-30';
const URL_2024 = '/api/reports/advocacy?from=2024-03-01&to=2024-06-30';

interface Row {
  name: string;
  [k: string]: unknown;
}

describe('the Board advocacy report, internal version', () => {
  it('gives every figure per organization and county-wide', async () => {
    const res = await (await h.as('analyst')).get(URL_2026);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.version).toBe('internal');
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-06-30', label: 'Mar 2026 – Jun 2026' });
    expect(r.definitions.recoveredWindowDays).toBe(60);
    expect(r.definitions.recovered).toContain('within 60 days');
    expect(r.suppression).toBeNull();
    expect(r.cbos.map((c: Row) => c.name)).toEqual(['Test Advocates A', 'Test Advocates B', 'Test Advocates C']);
    const [a, b, c] = r.cbos;
    expect(a).toMatchObject({
      referrals: 5,
      declined: 1,
      notDeclined: 4,
      reachedOnTime: 2, // 17 h and 2 h; 48 h is late; the last one not reached yet
      reachedOnTimeShare: 0.5,
      recoveredYouth: 1, // Ana, twice; Bruno's service started on day 61
      medianDaysToFirstContact: 0.7, // 2 h, 17 h, 48 h
      medianDaysToFirstService: 60, // 19, 60, 61 days
      declineReasons: [{ reason: 'at_capacity', count: 1 }],
      contracts: [
        { reference: 'K-2025-07-01-24', startsOn: '2025-07-01', endsOn: '2027-06-30', firstContactHours: 24 },
      ],
    });
    expect(b).toMatchObject({
      referrals: 3,
      declined: 1,
      notDeclined: 2,
      reachedOnTime: 1, // 36 h within the 48-hour term
      reachedOnTimeShare: 0.5,
      recoveredYouth: 1, // Ana; Carla's linked service without a first contact does not count
      medianDaysToFirstContact: 1.5,
      medianDaysToFirstService: 19.5, // 9 and 30 days
      declineReasons: [{ reason: 'outside_service_area', count: 1 }],
      issues: [],
    });
    expect(c).toMatchObject({
      referrals: 0,
      declined: 0,
      notDeclined: 0,
      reachedOnTime: 0,
      reachedOnTimeShare: null,
      recoveredYouth: 0,
      medianDaysToFirstContact: null,
      medianDaysToFirstService: null,
    });
    expect(a.issueCounts).toEqual({
      open: 1,
      resolved: 1,
      byCategory: [
        { category: 'responsiveness', open: 0, resolved: 1 },
        { category: 'documentation', open: 1, resolved: 0 },
      ],
    });
    expect(a.issues.map((i: Row) => [i.category, i.atPeriodEnd, i.recommendation])).toEqual([
      ['responsiveness', 'resolved', 'Slow first contacts recommendation'],
      ['documentation', 'open', 'Missing milestone notes recommendation'],
    ]);
    expect(r.summary).toMatchObject({
      referrals: 8,
      declined: 2,
      notDeclined: 6,
      reachedOnTime: 3,
      reachedOnTimeShare: 0.5,
      recoveredYouth: 2, // sum of the organizations
      recoveredYouthDistinct: 1, // Ana counts once county-wide
      medianDaysToFirstContact: 1.1, // 2 h, 17 h, 36 h, 48 h
      medianDaysToFirstService: 30, // 9, 19, 30, 60, 61
      issueCounts: { open: 1, resolved: 1 },
    });
    expect(res.body).not.toMatch(/Quintero|Okafor|Test SD Advocates/);
  });

  it('gives six periods for the charts, the last one the report period', async () => {
    const r = (await (await h.as('admin')).get(URL_2026)).json();
    expect(r.series.map((s: { period: { from: string } }) => s.period.from)).toEqual([
      '2024-07-01',
      '2024-11-01',
      '2025-03-01',
      '2025-07-01',
      '2025-11-01',
      '2026-03-01',
    ]);
    const [, , , , previous, current] = r.series;
    expect(current.summary).toEqual(r.summary);
    expect(previous.summary).toMatchObject({
      referrals: 1,
      reachedOnTime: 1,
      recoveredYouth: 1,
      recoveredYouthDistinct: 1,
      medianDaysToFirstService: 13,
    });
    // The previous period on its own shows Test Advocates D, whose contract ended in December 2025.
    const prev = (await (await h.as('admin')).get('/api/reports/advocacy?from=2025-11-01&to=2026-02-28')).json();
    expect(prev.cbos.map((c: Row) => c.name)).toEqual([
      'Test Advocates A',
      'Test Advocates B',
      'Test Advocates C',
      'Test Advocates D',
    ]);
    expect(prev.summary).toEqual(previous.summary);
  });

  it('resolves period=current and previous from the county settings', async () => {
    const res = await (await h.as('analyst')).get('/api/reports/advocacy?period=previous');
    expect(res.statusCode).toBe(200);
    expect(res.json().series).toHaveLength(6);
    const { from, to } = res.json().period as { from: string; to: string };
    expect([3, 7, 11]).toContain(Number(from.slice(5, 7)));
    expect(to > from).toBe(true);
  });

  it('refuses ranges it cannot report, saying why', async () => {
    const an = await h.as('analyst');
    const bad = async (q: string, msg: RegExp) => {
      const res = await an.get(`/api/reports/advocacy?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().detail, q).toMatch(msg);
    };
    await bad('from=2026-06-30&to=2026-03-01', /on or after from/);
    await bad('from=2022-01-01&to=2026-01-01', /at most two years/);
    await bad('from=2026-03-01', /Give from and to/);
    await bad('period=current&from=2026-03-01&to=2026-06-30', /not both/);
    // Impossible dates and other shapes are refused at the edge, naming the field.
    for (const q of ['from=2026-02-30&to=2026-03-31', 'from=2026-3-1&to=2026-06-30', 'from=0001-01-01&to=2026-06-30']) {
      const res = await an.get(`/api/reports/advocacy?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors[0], q).toMatchObject({ pointer: '/query/from' });
      expect(['invalid_date', 'date_too_early'], q).toContain(res.json().errors[0].code);
    }
  });
});

describe('the public version', () => {
  it('hides counts from 1 to 10, and what derives from them, but shows zeros', async () => {
    const res = await (await h.as('analyst')).get(`${URL_2026}&version=public`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.version).toBe('public');
    expect(r.suppression).toMatch(/<11/);
    const [a, , c] = r.cbos;
    expect(a).toMatchObject({
      referrals: '<11',
      declined: '<11',
      notDeclined: '<11',
      reachedOnTime: '<11',
      reachedOnTimeShare: 'suppressed',
      recoveredYouth: '<11',
      medianDaysToFirstContact: 'suppressed',
      medianDaysToFirstService: 'suppressed',
      declineReasons: [],
      issues: [],
    });
    // Counts of performance issues by category stay: they count an organization's issues, not people.
    expect(a.issueCounts.open).toBe(1);
    expect(c).toMatchObject({
      referrals: 0,
      declined: 0,
      notDeclined: 0,
      reachedOnTime: 0,
      recoveredYouth: 0,
      reachedOnTimeShare: null,
    });
    expect(r.summary).toMatchObject({
      referrals: '<11',
      recoveredYouth: '<11',
      recoveredYouthDistinct: null,
      reachedOnTimeShare: 'suppressed',
    });
    expect(res.body).not.toMatch(/recommendation|description"|at_capacity/);
  });

  it('hides complementary counts so none can be worked out from the totals', async () => {
    const all = (await (await h.as('analyst')).get(URL_2024)).json();
    expect(
      all.cbos.map((c: Row) => [c.name, c.referrals, c.declined, c.notDeclined, c.reachedOnTime, c.recoveredYouth]),
    ).toEqual([
      ['Test Advocates A', 23, 3, 20, 20, 12],
      ['Test Advocates B', 27, 12, 15, 5, 0],
    ]);
    expect(all.cbos[1].medianDaysToFirstContact).toBe(3); // 5 at 12 h, 10 at 72 h
    const res = await (await h.as('analyst')).get(`${URL_2024}&version=public`);
    const r = res.json();
    const [a, b] = r.cbos;
    // A's 3 declines are hidden; its row total (23 referrals) is shown, so its 20 "not declined"
    // must hide too, and in each column another count: B's 12 declines and 15 not declined.
    expect([a.referrals, a.declined, a.notDeclined]).toEqual([23, '<11', '<11']);
    expect([b.referrals, b.declined, b.notDeclined]).toEqual([27, '<11', '<11']);
    expect([r.summary.referrals, r.summary.declined, r.summary.notDeclined]).toEqual([50, 15, 35]);
    // Reached on time: B's 5 hidden, then A's 20 to protect it; the county's 25 stays.
    expect([a.reachedOnTime, b.reachedOnTime, r.summary.reachedOnTime]).toEqual(['<11', '<11', 25]);
    expect([a.reachedOnTimeShare, b.reachedOnTimeShare, r.summary.reachedOnTimeShare]).toEqual([
      'suppressed',
      'suppressed',
      0.714,
    ]);
    expect([a.recoveredYouth, b.recoveredYouth, r.summary.recoveredYouth]).toEqual([12, 0, 12]);
    expect(a.medianDaysToFirstService).toBe(10);
    expect(b.medianDaysToFirstContact).toBe(3);
    // No line of the published table has exactly one hidden count.
    const lines = [
      [a.declined, a.notDeclined, a.referrals],
      [b.declined, b.notDeclined, b.referrals],
      [a.declined, b.declined, r.summary.declined],
      [a.notDeclined, b.notDeclined, r.summary.notDeclined],
      [a.referrals, b.referrals, r.summary.referrals],
      [a.reachedOnTime, b.reachedOnTime, r.summary.reachedOnTime],
    ];
    for (const line of lines) expect(line.filter((v) => v === '<11').length).not.toBe(1);
  });

  it('is the only version a state analyst sees, and only for the county periods', async () => {
    const state = await h.as('state');
    const res = await state.get(URL_2026);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe('public');
    expect((await state.get(`${URL_2026}&version=internal`)).statusCode).toBe(403);
    const odd = await state.get('/api/reports/advocacy?from=2026-03-01&to=2026-05-31');
    expect(odd.statusCode).toBe(400);
    expect(odd.json().detail).toMatch(/reporting periods only/);
    const csv = await state.get(URL_2026.replace('advocacy?', 'advocacy.csv?'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/recommendation/);
  });
});

describe('who may see the report', () => {
  it('refuses case roles, and answers nothing without a session', async () => {
    for (const who of ['worker', 'supervisor', 'advocate', 'auditor'] as const) {
      expect((await (await h.as(who)).get(URL_2026)).statusCode, who).toBe(403);
      expect((await (await h.as(who)).get(URL_2026.replace('advocacy?', 'advocacy.pdf?'))).statusCode, who).toBe(403);
    }
    expect((await h.anonymous.get(URL_2026)).statusCode).toBe(401);
  });

  it('shows another county only its own organizations', async () => {
    const sd = await signIn(h.app, 'sd.analyst@test.harbor');
    const r = (await sd.get(URL_2026)).json();
    expect(r.cbos.map((c: Row) => c.name)).toEqual(['Test SD Advocates']);
    expect(r.summary).toMatchObject({ referrals: 1, recoveredYouthDistinct: 1 });
    expect(JSON.stringify(r)).not.toMatch(/Test Advocates A|Slow first contacts/);
  });

  it('audits each report read', async () => {
    await (await h.as('analyst')).get(URL_2026);
    const rows = await h.db.database.query<{ details: { from: string; version: string } }>(
      `SELECT details FROM audit_events WHERE action = 'report.advocacy' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`,
      [h.world.users.analyst.id],
    );
    expect(rows[0]?.details).toMatchObject({ from: '2026-03-01', version: 'internal' });
  });
});

/** The text drawn on a pdfkit page: inflate each stream, then join the hex strings of each TJ. */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: Buffer;
    try {
      body = inflateSync(pdf.subarray(start, end));
    } catch {
      continue;
    }
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''),
      );
    }
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

describe('exports', () => {
  it('CSV, XLSX and PDF carry the same figures as the page', async () => {
    const an = await h.as('analyst');
    const page = (await an.get(URL_2026)).json();
    const csv = await an.get(URL_2026.replace('advocacy?', 'advocacy.csv?'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('harbor-advocacy-internal-2026-03-01-2026-06-30.csv');
    expect(csv.body).toContain('Test Advocates A,5,1,4,2,0.5,1,0.7,60,1,1');
    expect(csv.body).toContain('Test Advocates B,3,1,2,1,0.5,1,1.5,19.5,0,0');
    expect(csv.body).toContain('Test Advocates A,at capacity,1');
    expect(csv.body).toContain('Missing milestone notes recommendation');

    const xlsx = await an.get(URL_2026.replace('advocacy?', 'advocacy.xlsx?'));
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Report',
      'County summary',
      'By organization',
      'Declined referrals by reason',
      'Performance issues',
      'Last six periods',
    ]);
    const byOrg = wb.getWorksheet('By organization')!;
    page.cbos.forEach((c: Row & { issueCounts: { open: number; resolved: number } }, i: number) => {
      expect(byOrg.getRow(i + 2).values).toEqual([
        undefined,
        c.name,
        c.referrals,
        c.declined,
        c.notDeclined,
        c.reachedOnTime,
        c.reachedOnTimeShare ?? undefined,
        c.recoveredYouth,
        c.medianDaysToFirstContact ?? undefined,
        c.medianDaysToFirstService ?? undefined,
        c.issueCounts.open,
        c.issueCounts.resolved,
      ]);
    });
    const summary = wb.getWorksheet('County summary')!;
    expect(summary.getRow(7).values).toEqual([
      undefined,
      'Youth recovered and connected (sum of organizations)',
      page.summary.recoveredYouth,
    ]);
    expect(summary.getRow(8).values).toEqual([
      undefined,
      'Youth recovered and connected (distinct youth county-wide)',
      page.summary.recoveredYouthDistinct,
    ]);
    const series = wb.getWorksheet('Last six periods')!;
    expect(series.getRow(7).getCell(4).value).toBe(page.summary.referrals);

    const pdf = await an.get(URL_2026.replace('advocacy?', 'advocacy.pdf?'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Advocacy organizations: report to the Board of Supervisors');
    expect(text).toContain('Mar 2026 – Jun 2026 (2026-03-01 to 2026-06-30)'.replace('–', '\x96'));
    expect(text).toContain('within 60 days');
    expect(text).toContain('Test Advocates A');
    expect(text).toContain('Missing milestone notes recommendation');
    expect(text).toContain('19.5');
    expect(text).toContain('50%');
    expect(text).toContain('Share reached within the first-contact term 50%');
    expect(text).toContain('County figures over the last six periods');
    expect(text).toContain('Median days to first contact');
  });

  it('the public exports hide what the public page hides', async () => {
    const an = await h.as('analyst');
    const csv = await an.get(`${URL_2026.replace('advocacy?', 'advocacy.csv?')}&version=public`);
    expect(csv.body).toContain('Test Advocates A,<11,<11,<11,<11,suppressed,<11,suppressed,suppressed,1,1');
    expect(csv.body).not.toMatch(/Missing milestone notes|\(distinct youth county-wide\),/);
    const pdf = await an.get(`${URL_2026.replace('advocacy?', 'advocacy.pdf?')}&version=public`);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('<11');
    expect(text).not.toContain('Missing milestone notes');
  });
});

describe('"recovered and connected" in SQL agrees with referralRecovered()', () => {
  it('on generated referrals around the window, across a daylight-saving change', async () => {
    const b = new Builder(h.db.database);
    const county = h.world.counties.la;
    const org = await b.organization(county, 'Test Agreement CBO', 'advocacy_cbo');
    const k = await contract(org, '2020-01-01', '2020-12-31', 24);
    const youth = extraYouth.slice(0, 8);
    const base = Date.parse('2020-01-06T18:00:00Z'); // windows from January cross 8 March 2020 (DST)
    const W = 60;
    const Referral = fc.record({
      youth: fc.integer({ min: 0, max: youth.length - 1 }),
      day: fc.integer({ min: 0, max: 80 }),
      contactHours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      // Service starts in minutes around the limit: before the referral, at it, just over it.
      services: fc.array(
        fc.oneof(
          fc.integer({ min: -120, max: 0 }),
          fc.integer({ min: (W * 24 - 2) * 60, max: (W * 24 + 2) * 60 }),
          fc.integer({ min: 0, max: 90 * 24 * 60 }),
        ),
        { maxLength: 3 },
      ),
    });
    const sample = fc.sample(fc.array(Referral, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 20261121 })[0]!;
    const facts: ReferralFacts[] = [];
    for (const s of sample) {
      const at = base + s.day * DAY;
      await refer({
        org,
        contract: k,
        youth: youth[s.youth]!,
        at: iso(at),
        contactAfterHours: s.contactHours,
        linkedServiceHours: s.services.map((m) => m / 60),
      });
      facts.push({
        youthId: youth[s.youth]!,
        referredAt: new Date(at),
        firstContactAt: s.contactHours === undefined ? null : new Date(at + s.contactHours * HOUR),
        linkedServiceStarts: s.services.map((m) => new Date(at + m * 60_000)),
      });
    }
    // The case the hours-not-days rule exists for: 30 minutes before the 60 × 24 h limit, which
    // falls an hour after "60 calendar days later" in Los Angeles.
    const dst = Date.parse('2020-01-20T18:00:00Z');
    await refer({
      org,
      contract: k,
      youth: youth[0]!,
      at: iso(dst),
      contactAfterHours: 1,
      linkedServiceHours: [W * 24 - 0.5],
    });
    facts.push({
      youthId: youth[0]!,
      referredAt: new Date(dst),
      firstContactAt: new Date(dst + HOUR),
      linkedServiceStarts: [new Date(dst + (W * 24 - 0.5) * HOUR)],
    });
    // In the county's time zone, where "+ 60 days" would be 60 calendar days (one hour short here).
    const inLosAngeles = <T>(work: (tx: Db) => Promise<T>) =>
      h.db.database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL TimeZone = 'America/Los_Angeles'`);
        return work(tx as unknown as Db);
      });
    for (const window of [W, 30]) {
      const [figures] = await inLosAngeles((tx) =>
        loadFigures(tx, county, [{ from: '2020-01-01', to: '2020-04-30', label: 'test' }], window),
      );
      const mine = figures!.cbos.find((c) => c.organizationId === org)!;
      expect(mine.measures.recoveredYouth, `window ${window}`).toBe(countRecoveredYouth(facts, window));
      expect(mine.measures.referrals).toBe(facts.length);
    }
    const onDay = facts.filter(
      (f) => f.referredAt >= new Date('2020-01-20T08:00:00Z') && f.referredAt < new Date('2020-01-21T08:00:00Z'),
    );
    const [one] = await inLosAngeles((tx) =>
      loadFigures(tx, county, [{ from: '2020-01-20', to: '2020-01-20', label: 'dst' }], W),
    );
    expect(one!.cbos.find((c) => c.organizationId === org)?.measures.recoveredYouth).toBe(
      countRecoveredYouth(onDay, W),
    );
    expect(countRecoveredYouth([facts.at(-1)!], W)).toBe(1);
  });
});
