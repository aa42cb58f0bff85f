// Writes the API's OpenAPI document to .tmp/openapi.json (or the path given), for
// `npm run lint:openapi` (Spectral) and for generating clients. The document comes from the
// routes alone, so an in-memory database with nothing in it is enough to build the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { projectRoot } from '../src/paths.js';

const out = path.resolve(process.argv[2] ?? path.join(projectRoot(), '.tmp', 'openapi.json'));
const database = await openDatabase({});
try {
  const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
  const app = await buildApp({ database, config, serveWeb: false });
  await app.ready();
  const document = app.swagger();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).length, 0);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${operations} operations)`);
  await app.close();
} finally {
  await database.close();
}
