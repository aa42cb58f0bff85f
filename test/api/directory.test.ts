// The resource directory: search with typos and filters, who may edit which entry, optimistic
// concurrency, history, the service catalog, the CSEC contact list, exports, and the rule that a
// resource family's address (a placement address) never leaves Harbor.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { EXPORT_COLUMNS } from '../../src/features/directory/export-providers.js';
import { Builder } from '../../src/seed/builder.js';
import { signIn, startHarness, type Client, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
let admin: Client;
let worker: Client;
let orgAdmin: Client;
let sdAdmin: Client;
const ids: Record<string, string> = {};
const HIDDEN_ADDRESS = '742 Hidden Lane, Pasadena, CA 91101';

interface Provider {
  id: string;
  name: string;
  version: number;
  address: string | null;
  addressWithheld: boolean;
  organizationId: string | null;
  vacancies: number | null;
  vacanciesConfirmedAt: string | null;
  kind: string;
}

const base = { kind: 'organization', languages: ['English'] };
const PROVIDERS: Record<string, Record<string, unknown>> = {
  lighthouse: {
    ...base,
    name: 'Lighthouse Youth Advocates',
    description: 'Specialized CSEC advocacy and 24/7 crisis response',
    services: ['csec_advocacy', 'crisis_response'],
    languages: ['English', 'Spanish'],
    spas: [6, 8],
    crisis247: true,
    lgbtqAffirming: true,
    csecTrainings: [{ training: 'csec_101', completedOn: '2025-01-10' }],
    phone: '(213) 555-0100',
    address: '200 Office Way, Los Angeles, CA 90012',
  },
  esperanza: {
    ...base,
    name: 'Casa Esperanza Group Home',
    services: ['mental_health'],
    placementTypes: ['strtp'],
    languages: ['Spanish', 'English'],
    spas: [6],
    beds: 6,
    vacancies: 2,
    ageMin: 12,
    ageMax: 17,
    genders: ['female'],
  },
  sol: {
    ...base,
    name: 'Casa del Sol Shelter',
    placementTypes: ['emergency_shelter'],
    languages: ['spanish'],
    spas: [4],
    beds: 10,
    vacancies: 3,
    ageMin: 11,
    ageMax: 17,
  },
  eastside: { ...base, name: 'Eastside STRTP', placementTypes: ['strtp'], spas: [6], beds: 8, vacancies: 1 },
  boys: {
    ...base,
    name: 'Harbor Light Boys Program',
    servesBoys: true,
    languages: ['Spanish'],
    spas: [6],
    beds: 4,
    vacancies: 0,
    genders: ['male'],
  },
  family: {
    kind: 'resource_family',
    name: 'Alder family home',
    placementTypes: ['resource_family'],
    spas: [3],
    beds: 2,
    vacancies: 1,
    address: HIDDEN_ADDRESS,
  },
  therapist: {
    kind: 'independent',
    name: 'Dr. Rowan Pike, LMFT',
    services: ['dbt', 'trauma_informed_therapy'],
    servesParentingYouth: true,
    ageMin: 14,
    ageMax: 24,
    spas: [2],
  },
  closed: { ...base, name: 'Closed Program', active: false, spas: [6] },
};

beforeAll(async () => {
  h = await startHarness();
  const b = new Builder(h.db.database);
  const passwordHash = await hashPassword(PASSWORD);
  await b.user({
    countyId: h.world.counties.la,
    organizationId: h.world.orgs.cboA,
    email: 'orgadmin@test.example',
    displayName: 'Test orgAdmin',
    roles: ['org_admin'],
    passwordHash,
  });
  await b.user({
    countyId: h.world.counties.sd,
    organizationId: h.world.orgs.sdCws,
    email: 'sdadmin@test.example',
    displayName: 'Test sdAdmin',
    roles: ['county_admin'],
    passwordHash,
  });
  admin = await h.as('admin');
  worker = await h.as('worker');
  orgAdmin = await signIn(h.app, 'orgadmin@test.example');
  sdAdmin = await signIn(h.app, 'sdadmin@test.example');
  for (const [key, body] of Object.entries(PROVIDERS)) {
    const res = await admin.post(
      '/api/directory/providers',
      key === 'lighthouse' ? { ...body, organizationId: h.world.orgs.cboA } : body,
    );
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = (res.json() as Provider).id;
  }
  const sd = await sdAdmin.post('/api/directory/providers', {
    ...base,
    name: 'San Diego Lighthouse Center',
    spas: [2],
  });
  expect(sd.statusCode, sd.body).toBe(201);
  ids.sd = (sd.json() as Provider).id;
});
afterAll(() => h.close());

const names = async (c: Client, query: string) => {
  const res = await c.get(`/api/directory/providers?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().providers as Provider[]).map((p) => p.name);
};
const version = async (id: string) => ((await admin.get(`/api/directory/providers/${id}`)).json() as Provider).version;

describe('search and filters', () => {
  it('finds by text with a typo, most relevant first', async () => {
    expect((await names(worker, 'q=Lighthose'))[0]).toBe('Lighthouse Youth Advocates');
    expect(await names(worker, 'q=esperansa')).toContain('Casa Esperanza Group Home');
    // Only this county's: San Diego's "Lighthouse" is not there.
    expect(await names(worker, 'q=lighthouse')).not.toContain('San Diego Lighthouse Center');
  });

  it('lists active providers by name without a query, paginated', async () => {
    const all = await names(worker, '');
    expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(all).not.toContain('Closed Program');
    expect(await names(worker, 'includeInactive=true')).toContain('Closed Program');
    const page2 = (await worker.get('/api/directory/providers?pageSize=3&page=2')).json();
    expect(page2).toMatchObject({ total: all.length, page: 2, pageSize: 3 });
    expect((page2.providers as Provider[]).map((p) => p.name)).toEqual(all.slice(3, 6));
  });

  it('filters by service, SPA, language (any case), population, age, placement type, vacancy and crisis line', async () => {
    expect(await names(worker, 'service=csec_advocacy')).toEqual(['Lighthouse Youth Advocates']);
    expect((await names(worker, 'spa=6')).sort()).toEqual([
      'Casa Esperanza Group Home',
      'Eastside STRTP',
      'Harbor Light Boys Program',
      'Lighthouse Youth Advocates',
    ]);
    expect((await names(worker, 'language=SPANISH')).sort()).toEqual([
      'Casa Esperanza Group Home',
      'Casa del Sol Shelter',
      'Harbor Light Boys Program',
      'Lighthouse Youth Advocates',
    ]);
    expect(await names(worker, 'population=lgbtq_affirming')).toEqual(['Lighthouse Youth Advocates']);
    expect(await names(worker, 'population=parenting_youth')).toEqual(['Dr. Rowan Pike, LMFT']);
    expect(await names(worker, 'population=boys')).toEqual(['Harbor Light Boys Program']);
    const age20 = await names(worker, 'age=20');
    expect(age20).toContain('Dr. Rowan Pike, LMFT');
    expect(age20).not.toContain('Casa Esperanza Group Home');
    expect((await names(worker, 'placementType=strtp')).sort()).toEqual([
      'Casa Esperanza Group Home',
      'Eastside STRTP',
    ]);
    expect(await names(worker, 'hasVacancy=true')).not.toContain('Harbor Light Boys Program');
    expect(await names(worker, 'crisis=true')).toEqual(['Lighthouse Youth Advocates']);
    expect(await names(worker, 'csecTrained=true')).toEqual(['Lighthouse Youth Advocates']);
  });

  it('combines filters: Spanish-speaking, with a vacancy, in SPA 6', async () => {
    expect(await names(worker, 'language=spanish&hasVacancy=true&spa=6')).toEqual(['Casa Esperanza Group Home']);
    // Equally relevant, so by name (ignoring case).
    expect(await names(worker, 'q=casa&language=Spanish&hasVacancy=true')).toEqual([
      'Casa del Sol Shelter',
      'Casa Esperanza Group Home',
    ]);
  });

  it('refuses a filter it cannot read, naming it', async () => {
    const res = await worker.get('/api/directory/providers?placementType=castle');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/placementType/);
  });
});

describe('who may edit', () => {
  it('lets every signed-in user of the county read, but not edit', async () => {
    expect((await worker.get(`/api/directory/providers/${ids.esperanza}`)).statusCode).toBe(200);
    const post = await worker.post('/api/directory/providers', { ...base, name: 'Nope' });
    expect(post.statusCode).toBe(403);
    const patch = await worker.patch(`/api/directory/providers/${ids.esperanza}`, {
      version: 1,
      phone: '(213) 555-0199',
    });
    expect(patch.statusCode).toBe(403);
    expect(
      (await worker.post(`/api/directory/providers/${ids.esperanza}/vacancies`, { vacancies: 1 })).statusCode,
    ).toBe(403);
  });

  it("lets an organization's administrator edit its own entries only", async () => {
    const own = await orgAdmin.patch(`/api/directory/providers/${ids.lighthouse}`, {
      version: await version(ids.lighthouse!),
      hours: 'Mon-Fri 9-5',
    });
    expect(own.statusCode, own.body).toBe(200);
    const other = await orgAdmin.patch(`/api/directory/providers/${ids.esperanza}`, {
      version: await version(ids.esperanza!),
      hours: 'never',
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(/your own organization's directory entries only/);
    expect(
      (await orgAdmin.post(`/api/directory/providers/${ids.esperanza}/vacancies`, { vacancies: 0 })).statusCode,
    ).toBe(403);
    // New entries belong to the org_admin's organization; another organization is refused.
    const created = await orgAdmin.post('/api/directory/providers', { ...base, name: 'Lighthouse Mentoring Circle' });
    expect(created.statusCode, created.body).toBe(201);
    expect((created.json() as Provider).organizationId).toBe(h.world.orgs.cboA);
    expect(
      (
        await orgAdmin.post('/api/directory/providers', {
          ...base,
          name: 'Elsewhere',
          organizationId: h.world.orgs.cboB,
        })
      ).statusCode,
    ).toBe(403);
    const move = await orgAdmin.patch(`/api/directory/providers/${ids.lighthouse}`, {
      version: await version(ids.lighthouse!),
      organizationId: h.world.orgs.cboB,
    });
    expect(move.statusCode).toBe(403);
  });

  it('shows another county nothing: 404 on its provider ids, none in its lists', async () => {
    const sdWorker = await h.as('sdWorker');
    expect((await sdWorker.get(`/api/directory/providers/${ids.esperanza}`)).statusCode).toBe(404);
    expect((await sdWorker.get(`/api/directory/providers/${ids.esperanza}/history`)).statusCode).toBe(404);
    expect(await names(sdWorker, '')).toEqual(['San Diego Lighthouse Center']);
    expect(
      (await sdAdmin.patch(`/api/directory/providers/${ids.esperanza}`, { version: 1, name: 'Taken' })).statusCode,
    ).toBe(404);
    expect(
      (await sdAdmin.post(`/api/directory/providers/${ids.esperanza}/vacancies`, { vacancies: 0 })).statusCode,
    ).toBe(404);
    expect((await worker.get(`/api/directory/providers/${ids.sd}`)).statusCode).toBe(404);
  });
});

describe('validation', () => {
  const bad = async (body: Record<string, unknown>, field: RegExp) => {
    const res = await admin.post('/api/directory/providers', { ...base, name: 'Checked', ...body });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(field);
  };
  it('names the field to fix', async () => {
    await bad({ beds: 2, vacancies: 3 }, /vacancies: cannot be more than beds/);
    await bad({ ageMin: 17, ageMax: 12 }, /ageMin: the minimum age cannot be more than the maximum/);
    await bad({ spas: [6, 9] }, /spas: 9 is not a service planning area of this county/);
    await bad({ services: ['mental_health', 'yoga'] }, /services: "yoga" is not in the service catalog/);
    await bad({ placementTypes: ['castle'] }, /placementTypes/);
    // Refused at the edge: the problem document points at the field, with a code the web translates.
    const badField = async (body: Record<string, unknown>, pointer: string, code: string) => {
      const res = await admin.post('/api/directory/providers', { ...base, name: 'Checked', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ pointer, code });
    };
    await badField({ email: 'not-an-email' }, '/body/email', 'invalid_email');
    await badField({ website: 'javascript:alert(1)' }, '/body/website', 'invalid');
    await badField({ phone: '12' }, '/body/phone', 'invalid_phone');
    await badField(
      { csecTrainings: [{ training: 'csec_101', completedOn: '2025-02-30' }] },
      '/body/csecTrainings/0/completedOn',
      'invalid_date',
    );
    await bad(
      { organizationId: '00000000-0000-4000-8000-000000000000' },
      /organizationId: is not an organization of this county/,
    );
    const patch = await admin.patch(`/api/directory/providers/${ids.esperanza}`, {
      version: await version(ids.esperanza!),
      beds: 1,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().detail).toMatch(/vacancies: cannot be more than beds \(2 vacancies, 1 beds\)/);
    const taken = await admin.post('/api/directory/providers', { ...base, name: 'Twin', externalRef: 'X-1' });
    expect(taken.statusCode).toBe(201);
    const twin = await admin.post('/api/directory/providers', { ...base, name: 'Twin 2', externalRef: 'X-1' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().detail).toMatch(/externalRef: "X-1" is already used by Twin/);
  });
});

describe('concurrency, vacancies and history', () => {
  it('refuses a stale version and names who changed what since', async () => {
    const v = await version(ids.eastside!);
    const first = await admin.patch(`/api/directory/providers/${ids.eastside}`, {
      version: v,
      phone: '(213) 555-0111',
      hours: '24 hours',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Provider).version).toBe(v + 1);
    const stale = await admin.patch(`/api/directory/providers/${ids.eastside}`, {
      version: v,
      name: 'Eastside Renamed',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/you had version 1, it is now 2/);
    expect(stale.json().detail).toMatch(/Test admin changed hours, phone/);
    expect(stale.json().details.changes[0]).toMatchObject({ version: 2, by: 'Test admin', fields: ['hours', 'phone'] });
    expect(((await admin.get(`/api/directory/providers/${ids.eastside}`)).json() as Provider).name).toBe(
      'Eastside STRTP',
    );
  });

  it('updates vacancies quickly, stamping when they were confirmed', async () => {
    const before = (await admin.get(`/api/directory/providers/${ids.sol}`)).json() as Provider;
    const tooMany = await admin.post(`/api/directory/providers/${ids.sol}/vacancies`, { vacancies: 11 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toMatch(/vacancies: cannot be more than beds/);
    const res = await admin.post(`/api/directory/providers/${ids.sol}/vacancies`, { vacancies: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Provider;
    expect(after).toMatchObject({ vacancies: 0, version: before.version + 1 });
    expect(after.vacanciesConfirmedAt! >= before.vacanciesConfirmedAt!).toBe(true);
    expect(await names(worker, 'hasVacancy=true')).not.toContain('Casa del Sol Shelter');
    expect(
      (await admin.post(`/api/directory/providers/${ids.sol}/vacancies`, { vacancies: 1, version: before.version }))
        .statusCode,
    ).toBe(409);
  });

  it('keeps every version with who, when and what changed, and audits each change', async () => {
    const history = (await worker.get(`/api/directory/providers/${ids.eastside}/history`)).json().versions as {
      version: number;
      source: string;
      changedBy: string | null;
      changes: string[];
    }[];
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ source: 'edit', changedBy: 'Test admin', changes: ['hours', 'phone'] });
    expect(history[1]!.changes).toEqual(expect.arrayContaining(['name', 'kind', 'beds', 'vacancies']));
    const audit = await h.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'directory.provider.update' AND details->>'providerId' = $1`,
      [ids.eastside],
    );
    expect(audit[0]!.n).toBe(1);
    const rows = await h.db.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM provider_history WHERE provider_id = $1',
      [ids.eastside],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('writes nothing, not even history, for a change that changes nothing', async () => {
    const v = await version(ids.eastside!);
    const same = await admin.patch(`/api/directory/providers/${ids.eastside}`, {
      version: v,
      name: '  Eastside   STRTP ',
    });
    expect(same.statusCode).toBe(200);
    expect((same.json() as Provider).version).toBe(v);
  });
});

describe("a resource family's address", () => {
  it('is never returned: not by id, in lists, in history, nor after the kind changes', async () => {
    const one = (await admin.get(`/api/directory/providers/${ids.family}`)).json() as Provider;
    expect(one).toMatchObject({ address: null, addressWithheld: true });
    const list = await admin.get('/api/directory/providers?includeInactive=true&pageSize=100');
    expect(list.body).not.toContain('Hidden Lane');
    const history = await admin.get(`/api/directory/providers/${ids.family}/history`);
    expect(history.body).not.toContain('Hidden Lane');
    // An organization's office address is public.
    expect(((await worker.get(`/api/directory/providers/${ids.lighthouse}`)).json() as Provider).address).toBe(
      '200 Office Way, Los Angeles, CA 90012',
    );
    const changed = await admin.patch(`/api/directory/providers/${ids.family}`, {
      version: one.version,
      kind: 'independent',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.body).not.toContain('Hidden Lane');
    const afterHistory = await admin.get(`/api/directory/providers/${ids.family}/history`);
    expect(afterHistory.body).not.toContain('Hidden Lane');
    const restored = await admin.patch(`/api/directory/providers/${ids.family}`, {
      version: one.version + 1,
      kind: 'resource_family',
    });
    expect(restored.statusCode).toBe(200);
  });
});

describe('service catalog', () => {
  it("lists shared entries and the county's own; a county admin adds one", async () => {
    const list = (await worker.get('/api/directory/services')).json().services as {
      key: string;
      county: boolean;
      name: { en: string; es: string };
    }[];
    expect(list.find((s) => s.key === 'csec_advocacy')).toMatchObject({
      county: false,
      name: { es: 'Defensoría especializada en CSEC' },
    });
    const added = await admin.post('/api/directory/services', {
      key: 'peer_mentoring',
      name: { en: 'Peer mentoring', es: 'Mentoría entre pares' },
      category: 'identity',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await worker.get('/api/directory/services')).json().services).toContainEqual(
      expect.objectContaining({ key: 'peer_mentoring', county: true }),
    );
    const sdServices = (await (await h.as('sdWorker')).get('/api/directory/services')).json().services as {
      key: string;
    }[];
    expect(sdServices.map((s) => s.key)).not.toContain('peer_mentoring');
    const used = await admin.patch(`/api/directory/providers/${ids.therapist}`, {
      version: await version(ids.therapist!),
      services: ['dbt', 'peer_mentoring'],
    });
    expect(used.statusCode, used.body).toBe(200);
    const dup = await admin.post('/api/directory/services', {
      key: 'mental_health',
      name: { en: 'MH', es: 'SM' },
      category: 'mental_health',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toMatch(/already in the shared catalog/);
    expect(
      (
        await admin.post('/api/directory/services', {
          key: 'Bad Key',
          name: { en: 'x', es: 'x' },
          category: 'identity',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await admin.post('/api/directory/services', { key: 'art_club', name: { en: 'x', es: 'x' }, category: 'fun' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await orgAdmin.post('/api/directory/services', {
          key: 'org_thing',
          name: { en: 'x', es: 'x' },
          category: 'identity',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('CSEC contact list', () => {
  it('is read by every user of the county and kept by the county admin', async () => {
    const created = await admin.post('/api/directory/contacts', {
      organizationId: h.world.orgs.dcfs,
      name: 'Jordan Vale',
      title: 'CSEC liaison',
      phone: '(213) 555-0150',
      email: 'jvale@dcfs.example.org',
    });
    expect(created.statusCode, created.body).toBe(201);
    const contact = created.json() as { id: string; version: number };
    const list = (await worker.get('/api/directory/contacts')).json().contacts;
    expect(list).toEqual([
      expect.objectContaining({
        name: 'Jordan Vale',
        organizationName: 'Test DCFS',
        organizationType: 'child_welfare',
      }),
    ]);
    expect((await (await h.as('sdWorker')).get('/api/directory/contacts')).json().contacts).toEqual([]);
    expect(
      (await worker.post('/api/directory/contacts', { organizationId: h.world.orgs.dcfs, name: 'X' })).statusCode,
    ).toBe(403);
    const patched = await admin.patch(`/api/directory/contacts/${contact.id}`, {
      version: contact.version,
      title: 'CSEC program manager',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(
      (await admin.patch(`/api/directory/contacts/${contact.id}`, { version: contact.version, title: 'stale' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await admin.post('/api/directory/contacts', { organizationId: h.world.orgs.sdCws, name: 'Other county' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/directory/contacts', { organizationId: h.world.orgs.dcfs, name: 'Y', email: 'nope' })
      ).json().detail,
    ).toMatch(/email/);
    const del = () =>
      h.app.inject({
        method: 'DELETE',
        url: `/api/directory/contacts/${contact.id}`,
        headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
      });
    expect((await del()).statusCode).toBe(204);
    expect((await del()).statusCode).toBe(404);
    expect((await worker.get('/api/directory/contacts')).json().contacts).toEqual([]);
  });
});

describe('exports', () => {
  const headers = EXPORT_COLUMNS.map((c) => c.header);

  it('gives the filtered directory as CSV with readable headers and no resource family address', async () => {
    const res = await worker.get('/api/directory/providers/export.csv?spa=6');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="harbor-directory-los-angeles-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(res.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual(headers);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([
      'Casa Esperanza Group Home',
      'Eastside STRTP',
      'Harbor Light Boys Program',
      'Lighthouse Youth Advocates',
    ]);
    const lighthouse = rows.find((r) => r[0] === 'Lighthouse Youth Advocates')!;
    expect(lighthouse[headers.indexOf('Services')]).toBe('Crisis response; Specialized CSEC advocacy');
    expect(lighthouse[headers.indexOf('Office address (organizations only)')]).toBe(
      '200 Office Way, Los Angeles, CA 90012',
    );
    const all = await worker.get('/api/directory/providers/export.csv');
    expect(all.body).toContain('Alder family home');
    expect(all.body).not.toContain('Hidden Lane');
  });

  it('gives the same columns and rows as XLSX', async () => {
    const csv = parse((await worker.get('/api/directory/providers/export.csv')).body, { bom: true }) as string[][];
    const res = await worker.get('/api/directory/providers/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /filename="harbor-directory-los-angeles-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Directory')!;
    const values: string[][] = [];
    sheet.eachRow((row) =>
      values.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
    );
    expect(values[0]).toEqual(headers);
    expect(values.length).toBe(csv.length);
    expect(values.map((r) => r[0])).toEqual(csv.map((r) => r[0]));
    expect(values.flat().join('|')).not.toContain('Hidden Lane');
    const family = values.find((r) => r[0] === 'Alder family home')!;
    expect(family[headers.indexOf('Kind')]).toBe('Resource family');
    expect(family[headers.indexOf('Beds')]).toBe('2');
  });
});

it('documents every directory route in the OpenAPI contract', async () => {
  const res = await h.anonymous.get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  expect(Object.keys(res.json().paths)).toEqual(
    expect.arrayContaining([
      '/api/directory/providers',
      '/api/directory/providers/{id}/vacancies',
      '/api/directory/contacts/{id}',
    ]),
  );
});
