// Precompresses the built web app (dist/web) once, at build time: next to each text file of
// 1 kB or more it writes file.br (Brotli, quality 11) and file.gz (gzip, level 9), each kept only
// if it is smaller than the file. The server sends them as they are (@fastify/static,
// preCompressed), so it spends no CPU on compression and a phone downloads a fraction of the bytes.
// Fonts (woff2) and images are compressed already and are left alone.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** Text formats worth compressing. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/i;
/** Below this, the compressed variant saves less than the round trip of an extra header costs. */
export const MIN_BYTES = 1024;

export interface CompressedFile {
  /** Path relative to the directory. */
  file: string;
  raw: number;
  /** Sizes of the variants written; null when the variant would not be smaller than the file. */
  br: number | null;
  gzip: number | null;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Writes .br and .gz variants of the compressible files under dir; returns what it wrote. */
export function precompressDir(dir: string, { minBytes = MIN_BYTES } = {}): CompressedFile[] {
  const results: CompressedFile[] = [];
  for (const full of filesUnder(dir).sort()) {
    if (!COMPRESSIBLE.test(full)) continue;
    const raw = readFileSync(full);
    // A stale variant from an earlier build must not outlive the file it was made from.
    for (const ext of ['.br', '.gz']) rmSync(full + ext, { force: true });
    if (raw.length < minBytes) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    const keepBr = br.length < raw.length;
    const keepGz = gz.length < raw.length;
    if (keepBr) writeFileSync(full + '.br', br);
    if (keepGz) writeFileSync(full + '.gz', gz);
    results.push({
      file: path.relative(dir, full).split(path.sep).join('/'),
      raw: raw.length,
      br: keepBr ? br.length : null,
      gzip: keepGz ? gz.length : null,
    });
  }
  return results;
}

/** The Vite plugin: precompresses the output directory once everything is written. */
export function precompress(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'harbor-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      if (!config) return;
      const outDir = path.resolve(config.root, config.build.outDir);
      const started = Date.now();
      const files = precompressDir(outDir);
      const total = (key: 'raw' | 'br' | 'gzip') => files.reduce((sum, f) => sum + (f[key] ?? f.raw), 0);
      config.logger.info(
        `harbor-precompress: ${files.length} files, ${kB(total('raw'))} -> br ${kB(total('br'))}, ` +
          `gzip ${kB(total('gzip'))} (${Date.now() - started} ms)`,
      );
    },
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** For a quick look: `npx tsx scripts/precompress.ts dist/web` prints each file's sizes. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist/web';
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${dir} is not a directory`);
  for (const f of precompressDir(dir)) console.log(f.file, f.raw, f.br, f.gzip);
}
