// How the built web app (dist/web) is served: precompressed, and cached by what its name says.
//   - Vite names every file under assets/ by a hash of its content, so such a file never changes:
//     browsers and proxies may keep it for a year without asking again.
//   - index.html (and any other unhashed file) names the current assets, so it is revalidated on
//     every load (`no-cache` stores it but asks first; the ETag makes that a 304).
//   - The build writes file.br and file.gz next to each text file (scripts/precompress.ts); the
//     plugin picks the variant the browser accepts and says so (Content-Encoding, Vary).
import path from 'node:path';
import type { FastifyStaticOptions, SetHeadersResponse } from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Vite's default folder for content-hashed files (build.assetsDir). */
const HASHED_DIR = 'assets';

export function isHashedAsset(webDir: string, filePath: string): boolean {
  const relative = path.relative(webDir, filePath).split(path.sep);
  return relative.length > 1 && relative[0] === HASHED_DIR;
}

export function webStaticOptions(webDir: string): FastifyStaticOptions {
  return {
    root: webDir,
    // One route per file found at start-up, rather than a catch-all: unknown paths fall through
    // to the not-found handler, which answers client-side routes with index.html.
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The variants are reached through their file's own route, never by their own URL.
    globIgnore: ['**/*.br', '**/*.gz'],
    // Set below instead of @fastify/send's `public, max-age=0`.
    cacheControl: false,
    setHeaders(res: SetHeadersResponse, filePath: string) {
      // The bytes depend on Accept-Encoding (compressed or not), so caches must key on it.
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader('cache-control', isHashedAsset(webDir, filePath) ? IMMUTABLE : REVALIDATE);
    },
  };
}
