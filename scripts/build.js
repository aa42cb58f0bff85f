#!/usr/bin/env node
// Builds what is out of date: the server (tsc -> dist/) and the web app (vite -> dist/web, with
// .br and .gz next to each text file: scripts/precompress.ts, a Vite plugin).
// `npm start` and `npx harbor` call this first, so a fresh clone needs no separate build step.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newest(paths, skip = () => false) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p) || skip(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
    else latest = Math.max(latest, st.mtimeMs);
  };
  paths.forEach((p) => walk(path.join(root, p)));
  return latest;
}

function stampTime(name) {
  const f = path.join(root, 'dist', name);
  return existsSync(f) ? statSync(f).mtimeMs : 0;
}

function stamp(name) {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist', name), new Date().toISOString() + '\n');
}

export function build({ force = false, quiet = false, web = true, server = true } = {}) {
  const log = (m) => quiet || console.error(m);
  const isWeb = (p) => p.startsWith(path.join(root, 'src', 'web'));
  const serverInputs = newest(['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], isWeb);
  if (server && (force || serverInputs > stampTime('.server-built'))) {
    log('Building the server (tsc)...');
    execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    cpSync(path.join(root, 'src/db/migrations'), path.join(root, 'dist/db/migrations'), { recursive: true });
    stamp('.server-built');
  }
  // The web app imports the contract and the domain vocabulary too.
  const webInputs = newest([
    'src/web',
    'src/contract',
    'src/domain',
    'vite.config.ts',
    'scripts/precompress.ts',
    'tsconfig.web.json',
    'package.json',
  ]);
  if (web && existsSync(path.join(root, 'src/web/index.html')) && (force || webInputs > stampTime('.web-built'))) {
    log('Building the web app (vite)...');
    execFileSync(bin('vite'), ['build', '--logLevel', quiet ? 'warn' : 'info'], { cwd: root, stdio: 'inherit' });
    stamp('.web-built');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  build({ force: process.argv.includes('--force') });
}
