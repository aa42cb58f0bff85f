// The web app as a phone receives it (issue 14): the real build (vite, with the precompression
// plugin) in dist/web, made or brought up to date by scripts/build.js exactly as `npm start`
// does (so CI, which builds once, does not build twice), served by the real application. Hashed assets go out
// precompressed (Brotli, else gzip, else as they are) and cached for a year; index.html is
// revalidated on every load; the sign-in page does not download the other pages' code.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: scripts/build.js is plain JavaScript with no declarations.
import { build } from '../../scripts/build.js';
import { precompressDir } from '../../scripts/precompress.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { isHashedAsset } from '../../src/server/web-assets.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMMUTABLE = 'public, max-age=31536000, immutable';

let db: TestDatabase;
let app: FastifyInstance;
let webDir: string;
let entryScript: string;
let stylesheet: string;

beforeAll(async () => {
  // Nothing when dist/web is current; else about 5 s: vite, then Brotli at quality 11.
  (build as (o: object) => void)({ quiet: true, server: false });
  webDir = path.join(ROOT, 'dist', 'web');
  const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  entryScript = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  stylesheet = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)"/.exec(html)![1]!;
  db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent', HARBOR_WEB_DIR: webDir });
  app = await buildApp({ database: db.database, config, serveWeb: true });
  await app.ready();
}, 180_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
const onDisk = (url: string) => readFileSync(path.join(webDir, url));

describe('the build', () => {
  it('writes a .br and a .gz, each smaller, next to every script and stylesheet', () => {
    const assets = readdirSync(path.join(webDir, 'assets'));
    const texts = assets.filter((f) => /\.(js|css)$/.test(f));
    expect(texts.length).toBeGreaterThan(10);
    for (const f of texts) {
      const size = statSync(path.join(webDir, 'assets', f)).size;
      if (size < 1024) continue;
      for (const ext of ['.br', '.gz']) {
        expect(assets, `${f}${ext}`).toContain(f + ext);
        expect(statSync(path.join(webDir, 'assets', f + ext)).size).toBeLessThan(size);
      }
    }
    // Fonts and images are compressed already.
    expect(assets.some((f) => /\.(woff2|jpg|png)\.(br|gz)$/.test(f))).toBe(false);
  });

  it('splits the code: pages are chunks of their own, not part of what the sign-in page loads', () => {
    const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
    const assets = readdirSync(path.join(webDir, 'assets'));
    expect(assets.some((f) => /^YouthProfilePage-.+\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^SearchPage-.+\.js$/.test(f))).toBe(true);
    expect(html).not.toMatch(/YouthProfilePage|SearchPage|DirectoryPage/);
    // The sign-in page's scripts: the entry and the chunks index.html preloads.
    const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const sent = (url: string) => {
      const file = path.join(webDir, url);
      return statSync(existsSync(file + '.br') ? file + '.br' : file).size;
    };
    const brotli = initial.reduce((sum, url) => sum + sent(url), 0);
    // A budget against regressions: about 210 kB when this test was written. Before the split the
    // one script was 1,350 kB, 300 kB as Brotli (docs/BENCHMARKS.md, "Web assets on a phone").
    expect(brotli).toBeLessThan(300_000);
  });

  it('drops variants left from an earlier build of the same folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harbor-precompress-'));
    try {
      writeFileSync(path.join(dir, 'a.js'), 'console.log(1);\n'.repeat(200));
      writeFileSync(path.join(dir, 'b.js'), 'short');
      writeFileSync(path.join(dir, 'b.js.br'), 'old');
      writeFileSync(path.join(dir, 'b.js.gz'), 'stale');
      const written = precompressDir(dir);
      expect(written.map((w) => w.file)).toEqual(['a.js']);
      expect(existsSync(path.join(dir, 'a.js.br'))).toBe(true);
      expect(existsSync(path.join(dir, 'b.js.br'))).toBe(false);
      expect(existsSync(path.join(dir, 'b.js.gz'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serving', () => {
  it('sends a hashed script as Brotli when the browser accepts it, cached for a year', async () => {
    const res = await get(entryScript, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).equals(onDisk(entryScript))).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(statSync(path.join(webDir, entryScript + '.br')).size);
  });

  it('falls back to gzip for a browser without Brotli', async () => {
    const res = await get(stylesheet, 'gzip, deflate');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).equals(onDisk(stylesheet))).toBe(true);
  });

  it('sends the file as it is when no compression is accepted', async () => {
    for (const accept of [undefined, 'identity', 'deflate']) {
      const res = await get(entryScript, accept);
      expect(res.statusCode, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.rawPayload.equals(onDisk(entryScript))).toBe(true);
    }
  });

  it('answers a revalidation of a hashed asset with 304', async () => {
    const first = await get(entryScript, 'br');
    const etag = first.headers['etag'] as string;
    expect(etag).toBeTruthy();
    const again = await app.inject({
      method: 'GET',
      url: entryScript,
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('revalidates index.html on every load, at / and for client-side routes', async () => {
    for (const url of ['/', '/index.html', '/youth/00000000-0000-0000-0000-000000000000', '/sign-in']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload;
      expect(body.toString('utf8'), url).toContain(entryScript);
    }
  });

  it('keeps the API out of every cache, and the variants unreachable by their own address', async () => {
    expect((await get('/api/health')).headers['cache-control']).toBe('no-store');
    const variant = await get(entryScript + '.br', 'br');
    expect(variant.headers['content-encoding']).toBeUndefined();
    expect(variant.headers['content-type']).toMatch(/^text\/html/);
  });

  it('treats only files under assets/ as hashed', () => {
    expect(isHashedAsset('/w', '/w/assets/index-abc.js.br')).toBe(true);
    expect(isHashedAsset('/w', '/w/index.html')).toBe(false);
    expect(isHashedAsset('/w', '/w/assets')).toBe(false);
    expect(isHashedAsset('/w', '/w/assets-index.js')).toBe(false);
  });
});
