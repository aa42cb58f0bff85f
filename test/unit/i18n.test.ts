// English and Spanish must carry the same keys, and no two message files may claim a namespace.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve('src/web/i18n');
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const bases = [
  '',
  ...readdirSync(path.join(dir, 'features'))
    .filter((f) => f.endsWith('.en.json'))
    .map((f) => `features/${f.slice(0, -'.en.json'.length)}`),
];
// Plural forms differ by language (Spanish adds _many), so compare keys without the plural suffix.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const fileOf = (base: string, lang: string) => (base ? `${base}.${lang}.json` : `${lang}.json`);

describe('web messages', () => {
  it.each(bases)('%s: Spanish has every English key and no other', (file) => {
    const en = [
      ...new Set(
        keys(read(fileOf(file, 'en')))
          .filter(Boolean)
          .map(base),
      ),
    ].sort();
    const es = [
      ...new Set(
        keys(read(fileOf(file, 'es')))
          .filter(Boolean)
          .map(base),
      ),
    ].sort();
    expect(es.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !es.includes(k))).toEqual([]);
  });

  it('no namespace is defined in two files', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const base of bases) {
      for (const ns of Object.keys(read(fileOf(base, 'en')))) {
        if (owner.has(ns)) clashes.push(`${ns}: ${owner.get(ns)} and ${base || 'en.json'}`);
        owner.set(ns, base || 'en.json');
      }
    }
    expect(clashes).toEqual([]);
  });
});
