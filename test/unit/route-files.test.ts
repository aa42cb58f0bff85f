// ESLint keeps the database out of route files (eslint.config.js, ROUTE_FILES). That rule is only
// as good as its file pattern, so this test finds every file under src/features that registers a
// route, by what it does rather than by its name, and checks that the rule covers each one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const root = projectRoot();
const FEATURES = path.join(root, 'src', 'features');

/** Registering a route: the typed helper, Fastify's own methods with a URL, or `route(...)`. */
const REGISTERS = [
  /\broutes\(\s*app\s*\)/,
  /\bwithTypeProvider\s*</,
  /\.route\(\s*\{/,
  /\.(get|post|put|patch|delete|head|options|all)\(\s*['"`]\//,
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const registering = tsFiles(FEATURES).filter((f) => {
  const text = readFileSync(f, 'utf8');
  return REGISTERS.some((re) => re.test(text));
});

describe('route files', () => {
  it('are found (every feature with routes)', () => {
    const rel = registering.map((f) => path.relative(root, f));
    expect(rel).toContain('src/features/youth/routes.ts');
    expect(rel).toContain('src/features/advocacy/performance-routes.ts');
    expect(rel.length).toBeGreaterThan(20);
  });

  it('are named *routes.ts, so the lint rule applies to them', () => {
    const misnamed = registering.filter((f) => !f.endsWith('routes.ts')).map((f) => path.relative(root, f));
    expect(misnamed, 'files registering routes must be named *routes.ts').toEqual([]);
  });

  it('are each covered by the rule forbidding src/db, systemRepo and ScopedRepo imports', async () => {
    const eslint = new ESLint({ cwd: root });
    const uncovered: string[] = [];
    for (const file of registering) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      const rule = config.rules?.['no-restricted-imports'] as
        | [unknown, { patterns?: { group?: string[]; importNames?: string[]; allowTypeImports?: boolean }[] }]
        | undefined;
      const patterns = rule?.[1]?.patterns ?? [];
      const db = patterns.find((p) => p.group?.includes('**/db/*'));
      const bypass = patterns.find((p) => p.group?.includes('**/access/checkpoint.js'));
      const ok =
        db !== undefined &&
        // Only sign-in may name the database's type (it hands the database to its use cases).
        (db.allowTypeImports !== true || file.endsWith(path.join('auth', 'routes.ts'))) &&
        bypass?.importNames?.includes('systemRepo') === true &&
        bypass.importNames.includes('ScopedRepo');
      if (!ok) uncovered.push(path.relative(root, file));
    }
    expect(uncovered).toEqual([]);
  });
});
