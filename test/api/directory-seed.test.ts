// The demo directory: realistic, fictional, varied enough to demonstrate every filter, with
// history like any other entry, and a CSEC contact in each organization.
import { Faker, base, en, en_US, es, es_MX } from '@faker-js/faker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOS_ANGELES } from '../../src/domain/geography.js';
import { seedDirectory } from '../../src/seed/demo-directory.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let summary: { providers: number; contacts: number };
beforeAll(async () => {
  h = await startHarness();
  const organizations = await h.db.database.query<{ id: string; name: string; type: string }>(
    'SELECT id, name, type FROM organizations WHERE county_id = $1 ORDER BY name',
    [h.world.counties.la],
  );
  const county = { id: h.world.counties.la, code: LOS_ANGELES.code, spaNumbers: LOS_ANGELES.spas.map((s) => s.number) };
  summary = await h.db.database.pinned(async (conn) => {
    await conn.execScript('BEGIN');
    const r = await seedDirectory(
      conn,
      new Faker({ locale: [es_MX, es, en_US, en, base], seed: 7 }),
      county,
      organizations,
    );
    await conn.execScript('COMMIT');
    return r;
  });
});
afterAll(() => h.close());

it('creates about forty fictional providers of every kind, with history, and a contact per organization', async () => {
  expect(summary.providers).toBeGreaterThanOrEqual(38);
  expect(summary.contacts).toBe(4);
  const rows = await h.db.database.query<{ kind: string; name: string; n: number }>(
    'SELECT kind, name, (SELECT count(*)::int FROM provider_history h WHERE h.provider_id = p.id AND h.source = $1) AS n FROM providers p',
    ['seed'],
  );
  expect(rows).toHaveLength(summary.providers);
  expect(rows.every((r) => r.name.endsWith('(fictional)') && r.n >= 1)).toBe(true);
  expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['organization', 'resource_family', 'independent']));

  const worker = await h.as('worker');
  const total = async (query: string) => (await worker.get(`/api/directory/providers?${query}`)).json().total as number;
  for (const query of [
    'placementType=strtp',
    'placementType=ffa_home',
    'placementType=resource_family',
    'placementType=emergency_shelter',
    'language=spanish',
    'population=lgbtq_affirming',
    'population=boys',
    'population=parenting_youth',
    'hasVacancy=true',
    'csecTrained=true',
    'crisis=true',
    'service=vocational_training',
    'service=csec_advocacy',
  ]) {
    expect(await total(query), query).toBeGreaterThan(0);
  }
  // The advocacy organization's own program is linked to it, so its org_admins can keep it current.
  const linked = await h.db.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM providers WHERE organization_id = $1',
    [h.world.orgs.cboA],
  );
  expect(linked[0]!.n).toBe(1);
  const list = await worker.get('/api/directory/providers?pageSize=100&placementType=resource_family');
  for (const p of list.json().providers as { address: string | null }[]) expect(p.address).toBeNull();
  const contacts = (await worker.get('/api/directory/contacts')).json().contacts as { email: string; title: string }[];
  expect(contacts.every((c) => c.email.endsWith('.example.org') && c.title)).toBe(true);
});
