// Input at the edge (directory, advocacy, first response, reports, missing): values an outside
// sweep found reaching the database (impossible dates, year 0 and 1, NUL bytes) are refused with
// 400 and a problem document naming the field, and nothing is stored. Legitimate values still pass:
// what the web sends (toISOString date-times, YYYY-MM-DD dates) and the directory's phone forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.close());

const TABLES = [
  'advocacy_contracts',
  'advocate_clearances',
  'performance_issues',
  'first_responder_encounters',
  'providers',
  'provider_history',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await h.db.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = row!.n;
  }
  return out;
}

type Res = Awaited<ReturnType<Client['get']>>;

/** A 400 problem document whose first field error is at `pointer` with `code`, and no table changed. */
async function refused(send: () => Promise<Res>, pointer: string, code: string) {
  const before = await counts();
  const res = await send();
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const problem = res.json();
  expect(problem.status).toBe(400);
  expect(problem.errors[0]).toMatchObject({ pointer, code });
  expect(await counts()).toEqual(before);
}

const contract = () => ({
  organizationId: h.world.orgs.cboA,
  contractingOrganizationId: h.world.orgs.probation,
  reference: 'PROB-ADV-EDGE-01',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  fundingSource: 'County general fund',
  services: ['crisis_response'],
  capacity: 10,
});

const issue = () => ({
  organizationId: h.world.orgs.cboA,
  raisedOn: '2026-03-01',
  category: 'responsiveness',
  description: 'First contacts were late twice this month.',
  severity: 'moderate',
  recommendation: 'Staff the evening line.',
});

const encounterUrl = () => `/api/youth/${h.world.youth.ana}/first-response`;
const encounter = () => ({
  foundByOrganizationId: h.world.orgs.probation,
  foundByName: 'Deputy Example',
  // As the web sends them: Date.prototype.toISOString().
  foundAt: new Date('2025-07-01T03:00:00Z').toISOString(),
  locationType: 'motel',
  hotlineCalledAt: new Date('2025-07-01T03:10:00Z').toISOString(),
  notified: [],
});

describe('administrative dates', () => {
  it('refuses an impossible contract start, year 0 and year 1', async () => {
    const admin = await h.as('admin');
    for (const [startsOn, code] of [
      ['2026-02-30', 'invalid_date'],
      ['0000-00-00', 'invalid_date'],
      ['0001-01-01', 'date_too_early'],
    ] as const)
      await refused(() => admin.post('/api/advocacy/contracts', { ...contract(), startsOn }), '/body/startsOn', code);
    await refused(
      () => admin.post('/api/advocacy/contracts', { ...contract(), endsOn: '0001-12-31' }),
      '/body/endsOn',
      'date_too_early',
    );
  });

  it('refuses an impossible or year-1 performance issue date', async () => {
    const admin = await h.as('admin');
    await refused(
      () => admin.post('/api/advocacy/performance-issues', { ...issue(), raisedOn: '2026-02-30' }),
      '/body/raisedOn',
      'invalid_date',
    );
    await refused(
      () => admin.post('/api/advocacy/performance-issues', { ...issue(), raisedOn: '0001-03-01' }),
      '/body/raisedOn',
      'date_too_early',
    );
  });

  it('refuses an impossible clearance date, and one in the future', async () => {
    const admin = await h.as('admin');
    const url = `/api/advocacy/advocates/${h.world.users.advocate.id}/clearances`;
    await refused(
      () => admin.post(url, { kind: 'background', clearedOn: '2026-02-30' }),
      '/body/clearedOn',
      'invalid_date',
    );
    await refused(
      () => admin.post(url, { kind: 'background', clearedOn: '2099-01-01' }),
      '/body/clearedOn',
      'date_in_future',
    );
  });

  it('refuses report ranges with impossible dates', async () => {
    const admin = await h.as('admin');
    await refused(
      () => admin.get('/api/reports/compliance?from=2026-02-30&to=2026-03-01'),
      '/query/from',
      'invalid_date',
    );
    await refused(
      () => admin.get('/api/reports/compliance.csv?from=2026-01-01&to=0001-01-01'),
      '/query/to',
      'date_too_early',
    );
    await refused(() => admin.get('/api/reports/missing?from=0000-00-00'), '/query/from', 'invalid_date');
    await refused(
      () => admin.get('/api/reports/missing?from=0001-01-01&to=2026-03-01'),
      '/query/from',
      'date_too_early',
    );
  });

  it('still takes real dates', async () => {
    const admin = await h.as('admin');
    expect((await admin.get('/api/reports/compliance?from=2026-02-28&to=2026-03-01')).statusCode).toBe(200);
    expect((await admin.get('/api/reports/missing?from=2024-02-29&to=2026-03-01')).statusCode).toBe(200);
    const made = await admin.post('/api/advocacy/contracts', contract());
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ startsOn: '2026-01-01', endsOn: '2027-12-31' });
  });
});

describe('control characters', () => {
  it('refuses a NUL byte in an encounter, a contract and a directory search', async () => {
    const worker = await h.as('worker');
    await refused(
      () => worker.post(encounterUrl(), { ...encounter(), foundByName: 'Deputy\u0000Example' }),
      '/body/foundByName',
      'control_characters',
    );
    await refused(
      () => worker.post(encounterUrl(), { ...encounter(), youthWentTo: 'Shelter\u0000' }),
      '/body/youthWentTo',
      'control_characters',
    );
    const admin = await h.as('admin');
    await refused(
      () => admin.post('/api/advocacy/contracts', { ...contract(), responseTerms: 'Within a day\u0000' }),
      '/body/responseTerms',
      'control_characters',
    );
    await refused(
      () => admin.post('/api/advocacy/contracts', { ...contract(), reference: 'PROB\u0000-01' }),
      '/body/reference',
      'control_characters',
    );
    await refused(() => worker.get('/api/directory/providers?q=%00'), '/query/q', 'control_characters');
    await refused(() => worker.get('/api/directory/providers?q=Casa%00Esperanza'), '/query/q', 'control_characters');
  });

  it('refuses a line break in a one-line field but keeps it in a narrative', async () => {
    const admin = await h.as('admin');
    await refused(
      () => admin.post('/api/advocacy/contracts', { ...contract(), fundingSource: 'County\ngeneral fund' }),
      '/body/fundingSource',
      'line_breaks',
    );
    const made = await admin.post('/api/advocacy/performance-issues', {
      ...issue(),
      description: 'Late twice:\n- 3 March\n- 9 March',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().description).toBe('Late twice:\n- 3 March\n- 9 March');
  });

  it('takes an encounter as the web sends it', async () => {
    const made = await (await h.as('worker')).post(encounterUrl(), encounter());
    expect(made.statusCode, made.body).toBe(201);
  });
});

describe('directory phones', () => {
  const provider = (phone: string) => ({ kind: 'organization', name: `Phone check ${phone}`, phone });

  it('stores phones as E.164, keeping an extension and three-digit lines', async () => {
    const admin = await h.as('admin');
    for (const [sent, stored] of [
      ['(213) 555-0100', '+12135550100'],
      ['213.555.0101 x12', '+12135550101 x12'],
      ['+52 55 1234 5678', '+525512345678'],
      ['988', '988'],
    ] as const) {
      const res = await admin.post('/api/directory/providers', provider(sent));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().phone).toBe(stored);
    }
  });

  it('refuses what is not a phone number, storing nothing', async () => {
    const admin = await h.as('admin');
    for (const phone of ['12', '555-0100-0100-0100', 'call us'])
      await refused(() => admin.post('/api/directory/providers', provider(phone)), '/body/phone', 'invalid_phone');
  });
});
