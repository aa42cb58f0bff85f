// The county administrator's upload of the state extract (POST /api/admin/imports/extract) and
// the county's import batches (GET /api/admin/imports). Every zip is built here, in memory.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, IMPORT_FILES, ImportSummaryView } from '../../src/contract/imports.js';
import { EXTRACT_FILES, HARD_ERROR_CODES } from '../../src/features/import/extract-format.js';
import { receiveExtract, UploadFolder, unzipExtract } from '../../src/features/import/upload.js';
import { startHarness, type Client, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

const CLIENTS = 'client_id,county,date_of_birth,first_name,last_name,sex\n';
const REFERRALS = 'referral_id,client_id,received_date,disposition_date\n';
const TYPES = 'client_id,csec_type,start_date,end_date,subcategory\n';

const zip = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6) =>
  Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([name, body]) => [name, typeof body === 'string' ? strToU8(body) : body]),
      ) as Zippable,
      { level },
    ),
  );

const upload = (c: Client, body: Buffer | string, opts: { dryRun?: boolean; type?: string } = {}) =>
  h.app.inject({
    method: 'POST',
    url: `/api/admin/imports/extract${opts.dryRun === undefined ? '' : `?dryRun=${opts.dryRun}`}`,
    headers: {
      cookie: c.cookie!,
      'x-csrf-token': c.csrfToken!,
      'content-type': opts.type ?? 'application/zip',
    },
    payload: body,
  });

const n = async (query: string, params: unknown[] = []) =>
  Number((await h.db.database.query<{ n: string }>(query, params))[0]!.n);
const youthCount = () => n('SELECT count(*) AS n FROM youth');
const written = async () => ({
  youth: await youthCount(),
  identifiers: await n('SELECT count(*) AS n FROM youth_identifiers'),
  referrals: await n('SELECT count(*) AS n FROM referrals'),
  types: await n('SELECT count(*) AS n FROM csec_type_records'),
  batches: await n('SELECT count(*) AS n FROM import_batches'),
});

const EXTRACT = {
  'clients.csv': CLIENTS + 'UP-1001,Los Angeles,2010-04-02,,,F\nUP-1002,037,2011-05-03,,,M\n',
  'referrals.csv': REFERRALS + 'R-UP-1,UP-1001,2025-01-10,2025-02-01\n',
  'csec_types.csv': TYPES + 'UP-1001,At Risk,2025-01-15,,Runaway\n',
  'README.txt': 'The extract of January.',
};

describe('the contract', () => {
  it('mirrors the importer: the same files and hard error codes', () => {
    expect([...IMPORT_FILES]).toEqual([...EXTRACT_FILES]);
    expect([...IMPORT_ERROR_CODES]).toEqual([...HARD_ERROR_CODES]);
  });
});

describe('uploading the extract', () => {
  it('checks a dry run without writing anything, then imports, and audits both', async () => {
    const admin = await h.as('admin');
    const before = await written();

    const dry = await upload(admin, zip(EXTRACT), { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const checked = ImportSummaryView.parse(dry.json());
    expect(checked).toMatchObject({ ok: true, dryRun: true, batchId: null, errorCount: 0 });
    expect(checked.files.clients).toMatchObject({ present: true, rows: 2, inserted: 2 });
    expect(checked.files.referrals).toMatchObject({ present: true, rows: 1, inserted: 1 });
    expect(checked.files.cases.present).toBe(false);
    expect(checked.ignoredFiles).toEqual(['README.txt']);
    expect(await written()).toEqual(before);
    expect(await n(`SELECT count(*) AS n FROM audit_events WHERE action = 'import.extract_check'`)).toBe(1);

    const real = await upload(admin, zip(EXTRACT), { dryRun: false });
    expect(real.statusCode, real.body).toBe(200);
    const summary = ImportSummaryView.parse(real.json());
    expect(summary).toMatchObject({ ok: true, dryRun: false, nothingChanged: false });
    expect(summary.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(summary.files.clients).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    expect(summary.files.csec_types).toMatchObject({ rows: 1, inserted: 1 });
    expect(summary.association).toEqual({ referral: 1, case: 0, none: 0 });
    expect(await youthCount()).toBe(before.youth + 2);
    const ids = await h.db.database.query<{ value: string; county_id: string }>(
      `SELECT value, county_id FROM youth_identifiers WHERE system = 'cws_cms' AND value LIKE 'UP-%' ORDER BY value`,
    );
    expect(ids).toEqual([
      { value: 'UP-1001', county_id: h.world.counties.la },
      { value: 'UP-1002', county_id: h.world.counties.la },
    ]);
    const [event] = await h.db.database.query<{ actor_user_id: string; county_id: string; record_ids: string[] }>(
      `SELECT actor_user_id, county_id, record_ids FROM audit_events WHERE action = 'import.extract'`,
    );
    expect(event).toEqual({
      actor_user_id: h.world.users.admin.id,
      county_id: h.world.counties.la,
      record_ids: [summary.batchId],
    });
    // Counts and codes only: no client id, name or date in the answer.
    expect(real.body).not.toContain('UP-1001');
    expect(real.body).not.toContain('2010-04-02');

    // The same zip again, in a folder this time: nothing changes.
    const again = await upload(
      admin,
      zip(Object.fromEntries(Object.entries(EXTRACT).map(([k, v]) => [`jan/${k}`, v]))),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ ok: true, dryRun: false, nothingChanged: true });
    expect(again.json().files.clients).toMatchObject({ rows: 2, inserted: 0, unchanged: 2 });
    expect(await youthCount()).toBe(before.youth + 2);

    // The county's batches: newest first, with their counts.
    const list = await admin.get('/api/admin/imports');
    expect(list.statusCode, list.body).toBe(200);
    const { batches } = list.json() as { batches: { id: string; source: string; files: Record<string, unknown> }[] };
    expect(batches.length).toBe(2);
    expect(batches[1]).toMatchObject({
      id: summary.batchId,
      source: 'upload',
      nothingChanged: false,
      files: {
        clients: { rows: 2, inserted: 2, updated: 0, unchanged: 0, repeated: 0 },
        referrals: { rows: 1, inserted: 1 },
        cases: null,
      },
    });
    expect(batches[0]).toMatchObject({ source: 'upload', nothingChanged: true });
  });

  it('refuses a client of another county with county_not_yours, writing nothing', async () => {
    const admin = await h.as('admin');
    const before = await written();
    const res = await upload(
      admin,
      zip({ 'clients.csv': CLIENTS + 'UP-2001,Los Angeles,2010-04-02,,,F\nUP-2002,San Diego,2011-05-03,,,M\n' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const summary = ImportSummaryView.parse(res.json());
    expect(summary).toMatchObject({ ok: false, batchId: null, errorCount: 1, errorsByCode: { county_not_yours: 1 } });
    expect(summary.errors).toEqual([
      expect.objectContaining({ file: 'clients.csv', line: 3, column: 'county', code: 'county_not_yours' }),
    ]);
    expect(await written()).toEqual(before);
    expect(await n(`SELECT count(*) AS n FROM audit_events WHERE action = 'import.extract_refused'`)).toBe(1);
  });

  it('answers ok false with missing_file when the zip has no clients.csv', async () => {
    const admin = await h.as('admin');
    const res = await upload(admin, zip({ 'referrals.csv': REFERRALS, 'notes/other.csv': 'a,b\n' }), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      errors: [{ file: 'clients.csv', line: 0, code: 'missing_file' }],
      ignoredFiles: ['notes/other.csv'],
    });
  });

  it('refuses what is not a zip, an empty body, a damaged zip and JSON, writing nothing', async () => {
    const admin = await h.as('admin');
    const before = await written();
    const notZip = await upload(admin, 'client_id,county\nUP-1,Los Angeles\n');
    expect(notZip.statusCode).toBe(400);
    expect(notZip.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notZip.json().code).toBe('not_a_zip');

    const empty = await upload(admin, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('upload_empty');

    const whole = zip({ 'clients.csv': CLIENTS + 'UP-3001,Los Angeles,2010-04-02,,,F\n'.repeat(50) });
    const truncated = await upload(admin, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().code).toBe('not_a_zip');

    // The first deflate block of clients.csv made an invalid block type (BTYPE 11).
    const damaged = Buffer.from(whole);
    damaged[30 + damaged.readUInt16LE(26) + damaged.readUInt16LE(28)] = 0x07;
    const bad = await upload(admin, damaged);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('not_a_zip');

    const twice = await upload(admin, zip({ 'a/clients.csv': CLIENTS, 'b/CLIENTS.CSV': CLIENTS }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'zip_file_twice', details: { file: 'clients.csv' } });

    const json = await upload(admin, JSON.stringify({ clients: [] }), { type: 'application/json' });
    expect(json.statusCode).toBe(415);
    const noBody = await h.app.inject({
      method: 'POST',
      url: '/api/admin/imports/extract',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().code).toBe('upload_empty');
    const badQuery = await h.app.inject({
      method: 'POST',
      url: '/api/admin/imports/extract?dryRun=yes',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken!, 'content-type': 'application/zip' },
      payload: zip(EXTRACT),
    });
    expect(badQuery.statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('is the county administrator’s alone: caseworkers, analysts and supervisors get 403', async () => {
    const before = await written();
    for (const who of ['worker', 'analyst', 'supervisor'] as const) {
      const c = await h.as(who);
      const res = await upload(c, zip(EXTRACT));
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code, who).toBe('role_not_allowed');
      expect((await c.get('/api/admin/imports')).statusCode, who).toBe(403);
    }
    expect((await h.anonymous.get('/api/admin/imports')).statusCode).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('leaves no temporary files behind', async () => {
    const mine = () => readdirSync(tmpdir()).filter((d) => d.startsWith('harbor-upload-'));
    const left = new Set(mine());
    const admin = await h.as('admin');
    await upload(admin, zip(EXTRACT), { dryRun: true });
    await upload(admin, 'not a zip');
    expect(mine().filter((d) => !left.has(d))).toEqual([]);
  });
});

describe('receiving the zip', () => {
  const work: string[] = [];
  afterAll(() => work.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = async () => {
    const f = await UploadFolder.create();
    work.push(f.root);
    return f;
  };

  it('caps the zip and what it holds unzipped (413), and refuses compression it cannot read', async () => {
    const big = zip({ 'clients.csv': CLIENTS + 'UP-4001,Los Angeles,2010-04-02,,,F\n'.repeat(2000) });
    await expect(
      receiveExtract(Readable.from([big]), await folder(), { maxZipBytes: big.length - 1, maxUnzippedBytes: 1e9 }),
    ).rejects.toMatchObject({ statusCode: 413, code: 'upload_too_large' });
    await expect(
      receiveExtract(Readable.from([big]), await folder(), { maxZipBytes: 1e9, maxUnzippedBytes: 10_000 }),
    ).rejects.toMatchObject({ statusCode: 413, code: 'extract_too_large' });

    // The compression method of clients.csv, rewritten in its local header, to one fflate does not read.
    const stored = zip({ 'clients.csv': CLIENTS }, 0);
    stored.writeUInt16LE(12, 8); // bzip2
    await expect(
      receiveExtract(Readable.from([stored]), await folder(), { maxZipBytes: 1e9, maxUnzippedBytes: 1e9 }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'zip_unsupported_compression' });
  });

  it('writes only the extract files, under their own names, whatever the entry paths', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harbor-upload-test-'));
    work.push(dir);
    const zipFile = path.join(dir, 'x.zip');
    writeFileSync(
      zipFile,
      zip({
        '../../evil/clients.csv': CLIENTS + 'UP-5001,Los Angeles,,,,\n',
        'a/b/referrals.csv': REFERRALS,
        'Extract/CSEC_TYPES.csv': TYPES,
        '__MACOSX/Extract/._CSEC_TYPES.csv': 'mac',
        'big.bin': new Uint8Array(100_000),
      }),
    );
    const out = path.join(dir, 'out');
    const { ignored } = await unzipExtract(zipFile, out, 1e9);
    // "../../evil/clients.csv" has three parts: deeper than one folder, so ignored, and never a path.
    expect(ignored).toEqual(['../../evil/clients.csv', 'a/b/referrals.csv', 'big.bin']);
    expect(readdirSync(out)).toEqual(['csec_types.csv']);
    expect(readFileSync(path.join(out, 'csec_types.csv'), 'utf8')).toBe(TYPES);
    expect(existsSync(path.join(dir, '..', 'evil'))).toBe(false);
  });
});
