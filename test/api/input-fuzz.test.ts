// Property test over the whole API, driven by its own OpenAPI document: every write route gets
// bodies built from its schema with one value made bad (NUL and other control characters,
// impossible and absurd dates, a megabyte of text, wrong types, huge numbers), and every query
// parameter of every route gets the same. Whatever the input: no 5xx, errors are problem
// documents, and a refused request stores nothing.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../support/app.js';
import type { Who } from '../support/world.js';

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  $ref?: string;
};
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Routes that would end the test's own session or sign-in state; their inputs are tested in auth tests. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/login', 'POST /api/auth/mfa/reset']);
/** Tables a refused request may still write: the audit of the denial, sessions, sign-in throttles. */
const MAY_CHANGE = /^(audit_|sessions$|login_|mfa_|harbor_migrations$|sign_in)/;

const MEGABYTE = 'x'.repeat(1_000_000);
const BAD_STRINGS = [
  'Ana\u0000Quintero',
  '\u0000',
  'bell\u0007',
  'esc\u001b[2J',
  'del\u007f',
  '2026-02-30',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '2026-13-01',
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  "'; DROP TABLE youth; --",
  '%00',
  '   ',
  '',
  '\ud800',
  '😀'.repeat(300),
];
const BAD_OTHERS: unknown[] = [
  null,
  -1,
  0,
  1e308,
  2 ** 63,
  -2147483649,
  1.5,
  true,
  [],
  {},
  ['\u0000'],
  { a: '\u0000' },
];
const BAD_QUERY = [
  '\u0000',
  'Ana%00',
  '2026-02-30',
  '0000-00-00',
  '0001-01-01',
  '-1',
  '1e308',
  '99999999999999999999',
  'x'.repeat(5000),
  "' OR 1=1 --",
  'null',
];

function deref(doc: { components?: { schemas?: Record<string, Schema> } }, s: Schema | undefined): Schema {
  let out = s ?? {};
  for (let i = 0; out.$ref && i < 10; i++) out = doc.components?.schemas?.[out.$ref.split('/').pop()!] ?? {};
  return out;
}

/** A plausible value for a schema, so that one bad field at a time reaches past the others. */
/** Real ids of the test world, so plausible bodies refer to records that exist. */
interface Ids {
  youth: string;
  user: string;
  organization: string;
  cbo: string;
}

/** A plausible string for a field, by its name (the JSON Schema of a refined string says little). */
function plausibleString(key: string, ids: Ids, minLength = 0): string {
  const k = key.toLowerCase();
  if (k.includes('email')) return 'fuzz@test.example';
  if (k.includes('phone')) return '(213) 555-0143';
  if (k.includes('website') || k.includes('url')) return 'https://example.org';
  if (k === 'userid' || k.endsWith('userid') || k === 'advocateid') return ids.user;
  if (k.includes('organizationid')) return k.includes('advocate') ? ids.cbo : ids.organization;
  if (k === 'youthid') return ids.youth;
  if (k.endsWith('key')) return 'plausible_key';
  if (k.endsWith('on') || k.endsWith('date') || k === 'from' || k === 'to') return '2026-01-15';
  if (k.endsWith('at')) return '2026-01-15T10:00:00.000Z';
  return 'Plausible text for a field'.padEnd(Math.max(minLength, 1), '.');
}

function sample(doc: Parameters<typeof deref>[0], raw: Schema | undefined, ids: Ids, depth = 0, key = ''): unknown {
  const s = deref(doc, raw);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(doc, alt.find((a) => deref(doc, a).type !== 'null') ?? alt[0], ids, depth + 1, key);
  if (s.allOf?.length) return sample(doc, s.allOf[0], ids, depth + 1, key);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type ?? '') {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        // An optional reference to a record the world does not have is left out, not made up.
        const optionalReference =
          !s.required?.includes(k) && /Ids?$/.test(k) && !/^(user|youth)Id$|organizationId$/i.test(k);
        if (!optionalReference) out[k] = sample(doc, v, ids, depth + 1, k);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(doc, s.items, ids, depth + 1, key));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date') return '2026-01-15';
      if (s.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      if (s.format === 'email') return 'fuzz@test.example';
      if (s.format === 'phone') return '(213) 555-0143';
      if (s.format === 'uuid' && !/id$/i.test(key)) return ids.youth;
      {
        const v = plausibleString(key, ids, s.minLength ?? 0);
        return s.maxLength !== undefined && v.length > s.maxLength ? v.slice(0, s.maxLength) : v;
      }
    default:
      return 'x';
  }
}

/** JSON pointers (as key paths) to every leaf of a sampled body. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(value: unknown, path: (string | number)[], to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), to);
  return copy;
}

describe('every route, every role, bad input', () => {
  let h: Harness;
  let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> } & Parameters<
    typeof deref
  >[0];
  let tables: string[];

  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.anonymous.get('/api/openapi.json')).json();
    tables = (
      await h.db.database.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    )
      .map((r) => r.table_name)
      .filter((t) => !MAY_CHANGE.test(t))
      .sort();
  }, 120_000);
  afterAll(() => h?.close());

  async function rowCounts(): Promise<string> {
    const [row] = await h.db.database.query<{ counts: string }>(
      `SELECT concat_ws(',', ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}) AS counts`,
    );
    return row!.counts;
  }

  function diffCounts(before: string, after: string): string[] {
    const a = before.split(',');
    const b = after.split(',');
    return tables.filter((_, i) => a[i] !== b[i]);
  }

  async function send(c: Client, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    return h.app.inject({
      method: method.toUpperCase() as 'GET',
      url,
      headers: {
        ...(c.cookie ? { cookie: c.cookie } : {}),
        ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
      },
      ...(body === undefined
        ? {}
        : {
            payload: JSON.stringify(body),
            headers: {
              ...(c.cookie ? { cookie: c.cookie } : {}),
              ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
              'content-type': 'application/json',
            },
          }),
    });
  }

  // Each role reaches different code: the caseworker is assigned to a youth, the administrator
  // writes county data, the organization's advocate, the analyst only aggregates.
  const ROLES: Who[] = ['worker', 'admin', 'analyst', 'advocate'];

  it.each(ROLES)(
    'never answers 5xx, always as problem documents, storing nothing when refusing (%s)',
    async (who) => {
      const c = await h.as(who);
      const ids: Ids = {
        youth: h.world.youth.ana,
        user: h.world.users.worker.id,
        organization: h.world.orgs.dcfs,
        cbo: h.world.orgs.cboA,
      };
      const failures: string[] = [];
      let requests = 0;
      const statuses = new Map<number, number>();
      let before = await rowCounts();

      // Ids of records that exist, by the path segment that names them ("screenings" → a
      // screening's id), taken from every successful answer, so later paths reach real records.
      const found = new Map<string, string[]>();
      const harvest = (url: string, res: LightMyRequestResponse) => {
        if (!/json/.test(String(res.headers['content-type']))) return;
        const segment = url
          .split('?')[0]!
          .split('/')
          .filter((p) => p && !/^[0-9a-f-]{36}$/i.test(p))
          .pop();
        if (!segment) return;
        const ids: string[] = [];
        const walk = (v: unknown, depth: number) => {
          if (depth > 3 || !v || typeof v !== 'object') return;
          if (Array.isArray(v)) return v.slice(0, 5).forEach((x) => walk(x, depth + 1));
          const o = v as Record<string, unknown>;
          if (typeof o.id === 'string') ids.push(o.id);
          for (const x of Object.values(o)) if (typeof x === 'object') walk(x, depth + 1);
        };
        walk(res.json(), 0);
        if (ids.length) found.set(segment, [...new Set([...(found.get(segment) ?? []), ...ids])].slice(0, 10));
      };
      const real = (path: string, name: string) => {
        if (name === 'id' && path.startsWith('/api/youth/')) return ids.youth;
        const before = path.split(`{${name}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
        return found.get(before)?.[0] ?? '4b0c3e1e-0000-4000-8000-00000000abcd';
      };
      const check = async (method: string, url: string, body: unknown, label: string) => {
        const res = await send(c, method, url, body);
        requests++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const where = `${method.toUpperCase()} ${url.length > 120 ? url.slice(0, 120) + '…' : url} ${label}`;
        if (process.env.FUZZ_DEBUG && label === 'plausible body')
          console.log(
            'PLAUSIBLE',
            where,
            res.statusCode,
            res.statusCode === 400 ? JSON.stringify(res.json().errors ?? res.json().detail).slice(0, 200) : '',
          );
        if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400) {
          if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
            failures.push(`${where} → ${res.statusCode} is not a problem document`);
          const after = await rowCounts();
          const changed = diffCounts(before, after);
          if (changed.length) failures.push(`${where} → ${res.statusCode} but wrote to ${changed.join(', ')}`);
          before = after;
        } else {
          before = await rowCounts();
          harvest(url, res);
        }
      };

      const rng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 4000, seed: 20261203 });
      let pick = 0;
      const choose = <T>(list: readonly T[]) => list[rng[pick++ % rng.length]! % list.length]!;

      // Warm-up: read every list once, so that records the world already has can be addressed.
      for (const [path, ops] of Object.entries(doc.paths)) {
        const required = (ops.get?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
        if (!ops.get || required.length) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => real(path, name));
        const res = await send(c, 'get', url);
        if (res.statusCode < 300) harvest(url, res);
      }
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const method of METHODS) {
          const op = ops[method];
          if (!op || SKIP.has(`${method.toUpperCase()} ${path}`)) continue;
          const enumParam = (name: string) =>
            (op.parameters ?? []).find((p) => p.in === 'path' && p.name === name)?.schema?.enum?.[0];
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(enumParam(name) ?? real(path, name)));
          const query = (op.parameters ?? []).filter((p) => p.in === 'query');
          const baseQuery = Object.fromEntries(
            query.filter((p) => p.required).map((p) => [p.name, String(sample(doc, p.schema, ids, 0, p.name))]),
          );
          const qs = (q: Record<string, string>) => {
            const s = new URLSearchParams(q).toString();
            return s ? `${url}?${s}` : url;
          };
          // Query parameters: each one made bad in turn.
          for (const p of query) {
            for (const bad of [choose(BAD_QUERY), choose(BAD_QUERY), '\u0000']) {
              await check(method, qs({ ...baseQuery, [p.name]: bad }), undefined, `?${p.name}=<bad>`);
            }
          }
          // Path parameters: a bad id.
          if (/\{\w+\}/.test(path)) {
            const badPath = path.replace(
              /\{(\w+)\}/,
              encodeURIComponent(choose(["x'; --", '\u0000', 'x'.repeat(300)])),
            );
            await check(method, badPath.replace(/\{(\w+)\}/g, ids.youth), undefined, 'bad path id');
          }
          const schema = op.requestBody?.content?.['application/json']?.schema;
          if (method === 'get' || method === 'delete' || !schema) continue;
          const base = sample(doc, schema, ids);
          // The plausible body itself, so the bad ones below differ from something that gets far.
          await check(method, qs(baseQuery), base, 'plausible body');
          // The body as a whole.
          for (const whole of [null, [], 'text', 42, { deep: setAt({}, Array(40).fill('a'), '\u0000') }]) {
            await check(method, qs(baseQuery), whole, `body=${JSON.stringify(whole).slice(0, 20)}`);
          }
          // One leaf at a time: two bad strings and one bad other value each, chosen by the seed.
          for (const leaf of leaves(base).slice(0, 40)) {
            const values = [choose(BAD_STRINGS), choose(BAD_STRINGS), choose(BAD_OTHERS)];
            for (const bad of values) {
              await check(method, qs(baseQuery), setAt(base, leaf, bad), `/${leaf.join('/')}=<bad>`);
            }
          }
          // A megabyte of text in the first text field.
          const firstText = leaves(base).find(
            (l) => typeof l.reduce<unknown>((v, k) => (v as never)?.[k], base) === 'string',
          );
          if (firstText)
            await check(method, qs(baseQuery), setAt(base, firstText, MEGABYTE), `/${firstText.join('/')}=1MB`);
        }
      }
      console.log(`${who}: ${requests} requests`, JSON.stringify([...statuses].sort()));
      expect(requests).toBeGreaterThan(300);
      expect(failures, failures.join('\n')).toEqual([]);
    },
    600_000,
  );
});
