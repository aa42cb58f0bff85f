// `harbor import providers`: all rows or none, every rejected row reported with its line and
// reason; created, updated and unchanged matched on external_ref; history only for real changes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { LOS_ANGELES } from '../../src/domain/geography.js';
import { importProviders, ProviderImportError } from '../../src/features/directory/import-providers.js';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const GOOD = readFileSync(fixture('providers-good.csv'), 'utf8');
const MIXED = readFileSync(fixture('providers-mixed.csv'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const count = async (table: 'providers' | 'provider_history', where = 'true') =>
  (await h.db.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]!.n;

const rejectedBy = async (csv: string) => {
  const error = await importProviders(h.db.database, 'los-angeles', csv).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderImportError);
  return error as ProviderImportError;
};

describe('a file with bad rows', () => {
  it('is rejected whole, reporting every bad row with its line and why', async () => {
    const error = await rejectedBy(MIXED);
    const byLine = new Map(error.rejected.map((r) => [r.line, r.problems.join('; ')]));
    expect([...byLine.keys()]).toEqual([3, 4, 6, 7, 8, 9]);
    expect(byLine.get(3)).toMatch(/vacancies: cannot be more than beds \(5 vacancies, 3 beds\)/);
    expect(byLine.get(4)).toMatch(/services: "yoga_retreats" is not in the service catalog/);
    expect(byLine.get(4)).toMatch(/spas: 12 is not a service planning area/);
    expect(byLine.get(6)).toMatch(/email: must be an email address/);
    expect(byLine.get(6)).toMatch(/age_min: the minimum age cannot be more than the maximum age/);
    expect(byLine.get(7)).toMatch(/name: is required for a new provider/);
    expect(byLine.get(7)).toMatch(/kind:/);
    expect(byLine.get(7)).toMatch(/placement_types/);
    expect(byLine.get(8)).toMatch(/external_ref: "MIX-001" is also on line 2/);
    expect(byLine.get(9)).toMatch(/lgbtq_affirming: "maybe" is not yes or no/);
    expect(byLine.get(9)).toMatch(/website: must be a web address/);
    expect(error.message).toMatch(/6 of 8 row\(s\) rejected, so nothing was written/);
    expect(error.message).toMatch(/line 3: /);
    expect(await count('providers')).toBe(0);
    expect(await count('provider_history')).toBe(0);
  });

  it('reports a wrong header or an unknown county before anything else', async () => {
    const header = await rejectedBy('external_ref,name,kind,colour\nA,B,organization,blue\n');
    expect(header.rejected).toEqual([{ line: 1, problems: [expect.stringMatching(/unknown column\(s\) "colour"/)] }]);
    const noRef = await rejectedBy('name,kind\nB,organization\n');
    expect(noRef.rejected[0]!.problems.join()).toMatch(/external_ref column is required/);
    await expect(importProviders(h.db.database, 'atlantis', GOOD)).rejects.toThrow(/no county with code "atlantis"/);
    const ragged = await rejectedBy('external_ref,name,kind\nA,B\n');
    expect(ragged.rejected[0]).toMatchObject({
      line: 2,
      problems: [
        expect.stringMatching(/has 2 fields but the header has 3/),
        expect.stringMatching(/kind: is required/),
      ],
    });
  });
});

describe('a good file', () => {
  it('creates every provider in one go, with history from the import', async () => {
    const dry = await importProviders(h.db.database, 'los-angeles', GOOD, { dryRun: true });
    expect(dry).toMatchObject({ created: 6, updated: 0, unchanged: 0, dryRun: true });
    expect(await count('providers')).toBe(0);

    const r = await importProviders(h.db.database, 'los-angeles', GOOD, { fileName: 'providers-good.csv' });
    expect(r).toMatchObject({ created: 6, updated: 0, unchanged: 0, dryRun: false });
    expect(await count('providers')).toBe(6);
    expect(await count('provider_history', "source = 'import' AND version = 1")).toBe(6);
    const audit = await h.db.database.query<{ details: { created: number; file: string } }>(
      `SELECT details FROM audit_events WHERE action = 'directory.providers.import'`,
    );
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ created: 6, file: 'providers-good.csv' })]);

    const worker = await h.as('worker');
    const list = (await worker.get('/api/directory/providers?q=harborview')).json().providers as Record<
      string,
      unknown
    >[];
    expect(list[0]).toMatchObject({
      name: "Harborview Girls' STRTP (fictional)",
      services: ['csec_advocacy', 'mental_health', 'trauma_informed_therapy'],
      spas: [4, 6],
      beds: 12,
      vacancies: 2,
      crisis247: true,
      csecTrainings: [
        { training: 'csec_101', completedOn: '2025-02-10' },
        { training: 'csec_102', completedOn: '2025-05-20' },
      ],
      externalRef: 'IMP-001',
    });
    expect(list[0]!.vacanciesConfirmedAt).not.toBeNull();
    // The resource family's address was imported but is never shown.
    const all = await worker.get('/api/directory/providers?pageSize=100');
    expect(all.body).toContain('Alder family home');
    expect(all.body).not.toContain('Hidden Lane');
    // Another county's import cannot see or touch these.
    expect((await (await h.as('sdWorker')).get('/api/directory/providers')).json().total).toBe(0);
  });

  it('leaves identical rows alone, even spelled differently, with no history', async () => {
    const historyBefore = await count('provider_history');
    expect(await importProviders(h.db.database, 'los-angeles', GOOD)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 6,
    });
    const respelled = GOOD.replace('English;Spanish,4;6', ' spanish ; English ,6;4').replace(
      'intake@harborview.example.org',
      'Intake@Harborview.example.org',
    );
    expect(respelled).not.toBe(GOOD);
    expect(await importProviders(h.db.database, 'los-angeles', respelled)).toMatchObject({ unchanged: 6 });
    expect(await count('provider_history')).toBe(historyBefore);
  });

  it('updates a changed row, with a new history version', async () => {
    const changed = GOOD.replace('strtp,12,2,', 'strtp,12,1,').replace('(213) 555-0142', '(213) 555-0143');
    const dry = await importProviders(h.db.database, 'los-angeles', changed, { dryRun: true });
    expect(dry.rows.find((row) => row.externalRef === 'IMP-001')).toMatchObject({
      line: 2,
      action: 'updated',
      fields: ['phone', 'vacancies'],
    });
    expect(await count('provider_history', 'version = 2')).toBe(0);
    expect(await importProviders(h.db.database, 'los-angeles', changed)).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 5,
    });
    const [row] = await h.db.database.query<{ id: string; version: number; vacancies: number }>(
      `SELECT id, version, vacancies FROM providers WHERE external_ref = 'IMP-001'`,
    );
    expect(row).toMatchObject({ version: 2, vacancies: 1 });
    const history = (await (await h.as('worker')).get(`/api/directory/providers/${row!.id}/history`)).json().versions;
    expect(history[0]).toMatchObject({
      version: 2,
      source: 'import',
      changedBy: null,
      changes: ['phone', 'vacancies', 'vacanciesConfirmedAt'],
    });
  });

  it('updates only the columns a file has, and finds organizations by name', async () => {
    const r = await importProviders(
      h.db.database,
      'los-angeles',
      'external_ref,organization,hours\nIMP-003,test advocates a,Mon-Sun 9am-9pm\n',
    );
    expect(r).toMatchObject({ updated: 1 });
    const [row] = await h.db.database.query<{ organization_id: string; hours: string; phone: string }>(
      `SELECT organization_id, hours, phone FROM providers WHERE external_ref = 'IMP-003'`,
    );
    // Phones are stored as E.164, as the API stores them.
    expect(row).toEqual({ organization_id: h.world.orgs.cboA, hours: 'Mon-Sun 9am-9pm', phone: '+13105550163' });
    const unknownOrg = await rejectedBy('external_ref,organization\nIMP-003,Nobody Inc\n');
    expect(unknownOrg.rejected[0]!.problems).toEqual([
      'organization: no organization named "Nobody Inc" in this county',
    ]);
  });

  it("never publishes a resource family's address by changing its kind", async () => {
    expect(
      await importProviders(h.db.database, 'los-angeles', 'external_ref,kind\nIMP-002,organization\n'),
    ).toMatchObject({ updated: 1 });
    const [row] = await h.db.database.query<{ id: string; address: string | null }>(
      `SELECT id, address FROM providers WHERE external_ref = 'IMP-002'`,
    );
    expect(row!.address).toBeNull();
    const worker = await h.as('worker');
    expect((await worker.get(`/api/directory/providers/${row!.id}/history`)).body).not.toContain('Hidden Lane');
    expect((await worker.get('/api/directory/providers/export.csv')).body).not.toContain('Hidden Lane');
  });
});

describe('the harbor command', () => {
  it('exits with 2 and lists the rejected lines when a row is bad', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harbor-import-'));
    try {
      let env: Record<string, string>;
      if (h.db.url) {
        env = { DATABASE_URL: h.db.url };
      } else {
        const database = await openDatabase({ dataDir: dir });
        await prepareDatabase(database);
        await new Builder(database).county(LOS_ANGELES);
        await database.close();
        env = { HARBOR_DATA_DIR: dir };
      }
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'providers', ...args], {
          cwd: path.join(import.meta.dirname, '..', '..'),
          env: { ...process.env, NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent', ...env },
          encoding: 'utf8',
        });
      const bad = run(fixture('providers-mixed.csv'), '--county', 'los-angeles');
      expect(bad.status, bad.stderr).toBe(2);
      expect(bad.stderr).toMatch(/line 3: vacancies: cannot be more than beds/);
      expect(bad.stderr).toMatch(/line 9: /);
      const dry = run(fixture('providers-good.csv'), '--county', 'los-angeles', '--dry-run');
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/Dry run, nothing was written/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
