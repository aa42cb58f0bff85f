// The compliance report on a hand-made dataset whose right answers are written here.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const { la, sd } = h.world.counties;
  const ob = (
    county: string,
    org: string,
    youth: string,
    kind: string,
    due: string,
    status: string,
    metAt: string | null,
  ) =>
    h.db.database.query(
      `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, source_part, due_at, owner_organization_id, status, met_at, waived_at, waive_reason, missed_at)
       VALUES ($1, $2, $3, 'test', gen_random_uuid(), '', $4, $5, $6, $7, CASE WHEN $6 = 'waived' THEN now() END, CASE WHEN $6 = 'waived' THEN 'test waiver' END, CASE WHEN $6 = 'missed' THEN $4::timestamptz END)`,
      [county, youth, kind, due, org, status, metAt],
    );
  const { dcfs, probation, sdCws } = h.world.orgs;
  const { ana, bruno, diego } = h.world.youth;
  // In range (2025-03): crisis MDTs: 2 on time, 1 late, 1 missed. Initial: 1 waived (not due), 1 on time.
  await ob(la, dcfs, ana, 'crisis_mdt_24h', '2025-03-02T18:00:00Z', 'met', '2025-03-02T10:00:00Z');
  await ob(la, dcfs, bruno, 'crisis_mdt_24h', '2025-03-05T18:00:00Z', 'met', '2025-03-05T17:59:00Z');
  await ob(la, dcfs, ana, 'crisis_mdt_24h', '2025-03-09T18:00:00Z', 'met', '2025-03-10T09:00:00Z');
  await ob(la, probation, bruno, 'crisis_mdt_24h', '2025-03-20T18:00:00Z', 'missed', null);
  await ob(la, dcfs, ana, 'initial_mdt', '2025-03-21T18:00:00Z', 'waived', null);
  await ob(la, dcfs, ana, 'initial_mdt', '2025-03-22T18:00:00Z', 'met', '2025-03-22T18:00:00Z');
  // Out of range, and another county: never counted.
  await ob(la, dcfs, ana, 'crisis_mdt_24h', '2025-04-01T08:00:00Z', 'missed', null);
  await ob(sd, sdCws, diego, 'crisis_mdt_24h', '2025-03-03T18:00:00Z', 'missed', null);
  // Arrivals: the call at 03:10; DCFS at +70 min, the advocate at +110, probation never.
  const [enc] = await h.db.database.query<{ id: string }>(
    `INSERT INTO first_responder_encounters (youth_id, county_id, found_by_organization_id, found_by_name, found_at, location_type, hotline_called_at, recorded_by)
     VALUES ($1, $2, $3, 'Deputy', '2025-03-10T03:00:00Z', 'motel', '2025-03-10T03:10:00Z', $4) RETURNING id`,
    [ana, la, probation, h.world.users.worker.id],
  );
  for (const [org, arrived] of [
    [dcfs, '2025-03-10T04:20:00Z'],
    [h.world.orgs.cboA, '2025-03-10T05:00:00Z'],
    [probation, null],
  ] as const) {
    await h.db.database.query(
      `INSERT INTO responder_arrivals (encounter_id, county_id, organization_id, notified_at, arrived_at) VALUES ($1, $2, $3, '2025-03-10T03:12:00Z', $4)`,
      [enc!.id, la, org, arrived],
    );
  }
});
afterAll(() => h.close());

const url = '/api/reports/compliance?from=2025-03-01&to=2025-03-31';

describe('compliance report', () => {
  it('gives MDTs on time by tier, arrivals against the target and obligations by kind and organization', async () => {
    const res = await (await h.as('supervisor')).get(url);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.mdtOnTime).toEqual([
      { tier: 'crisis', due: 4, heldOnTime: 2, share: 0.5 },
      { tier: 'initial', due: 1, heldOnTime: 1, share: 1 },
      { tier: 'ongoing', due: 0, heldOnTime: 0, share: null },
    ]);
    expect(r.targetMinutes).toBe(90);
    expect(r.arrivals).toEqual([
      { organization: 'Test Advocates A', notified: 1, arrived: 1, withinTarget: 0, share: 0, medianMinutes: 110 },
      { organization: 'Test DCFS', notified: 1, arrived: 1, withinTarget: 1, share: 1, medianMinutes: 70 },
      { organization: 'Test Probation', notified: 1, arrived: 0, withinTarget: 0, share: 0, medianMinutes: null },
    ]);
    expect(r.obligations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'crisis_mdt_24h',
          organization: 'Test DCFS',
          metOnTime: 2,
          metLate: 1,
          missed: 0,
        }),
        expect.objectContaining({ kind: 'crisis_mdt_24h', organization: 'Test Probation', missed: 1 }),
        expect.objectContaining({ kind: 'initial_mdt', organization: 'Test DCFS', metOnTime: 1, waived: 1 }),
      ]),
    );
    expect(res.body).not.toMatch(/Quintero|Okafor/);
  });

  it('exports the same figures as CSV and XLSX', async () => {
    const sup = await h.as('supervisor');
    const csv = await sup.get(url.replace('compliance?', 'compliance.csv?'));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('crisis,4,2,0.5');
    const xlsx = await sup.get(url.replace('compliance?', 'compliance.xlsx?'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['MDTs on time', 'Arrivals (target 90 min)', 'Obligations']);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, 'crisis', 4, 2, 0.5]);
  });

  it('refuses caseworkers and bad ranges; another county sees its own figures only', async () => {
    expect((await (await h.as('worker')).get(url)).statusCode).toBe(403);
    expect(
      (await (await h.as('supervisor')).get('/api/reports/compliance?from=2025-03-31&to=2025-03-01')).statusCode,
    ).toBe(400);
    expect((await (await h.as('analyst')).get(url)).json().mdtOnTime[0].due).toBe(4);
    expect((await (await h.as('sdSupervisor')).get(url)).json().mdtOnTime[0]).toEqual({
      tier: 'crisis',
      due: 1,
      heldOnTime: 0,
      share: 0,
    });
  });
});
