// Every problem code the server can answer with is registered (src/contract/problems.ts) and has
// an English and a Spanish message (problems.* in src/web/i18n), with the same parameters; and
// every code a throw site in src/ names is one of the registered ones. So the web never has to
// fall back to the status sentence for a code the server really sends, and never shows English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VettingGapItem } from '../../src/contract/advocacy.js';
import {
  ALL_FEATURE_PROBLEM_CODES,
  FEATURE_PROBLEM_CODES,
  FIELD_PROBLEM_CODES,
  GENERAL_PROBLEM_CODES,
} from '../../src/contract/problems.js';
import { z } from 'zod';
import { vettingGapItems, vettingGaps } from '../../src/domain/advocacy.js';
import { CSEC_TYPE_CODES, csecTypeProblems } from '../../src/domain/csec-type.js';
import { episodeTimeProblems } from '../../src/domain/missing.js';
import { PLACEMENT_TYPE_KEYS } from '../../src/domain/placements.js';
import { serviceEpisodeProblems } from '../../src/domain/services.js';
import { brokenRules, zodFieldErrors } from '../../src/errors.js';
import { OBLIGATION_KIND_KEYS } from '../../src/features/obligations/kinds.js';

const i18nDir = path.resolve('src/web/i18n');
const readJson = (file: string) =>
  JSON.parse(readFileSync(path.join(i18nDir, file), 'utf8')) as Record<string, unknown>;

/** All web messages of a language: en.json plus every feature file, as the app loads them. */
function messages(lang: 'en' | 'es'): Record<string, unknown> {
  const features = readdirSync(path.join(i18nDir, 'features')).filter((f) => f.endsWith(`.${lang}.json`));
  return Object.assign({}, readJson(`${lang}.json`), ...features.map((f) => readJson(`features/${f}`)));
}
const MESSAGES = { en: messages('en'), es: messages('es') };

function lookup(lang: 'en' | 'es', key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[lang]);
}
const vars = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Keys missing in either language, or whose English and Spanish name different parameters. */
function untranslated(keys: readonly string[]): string[] {
  return keys.filter((key) => {
    const en = lookup('en', key);
    const es = lookup('es', key);
    return typeof en !== 'string' || typeof es !== 'string' || !en || !es || vars(en).join() !== vars(es).join();
  });
}

describe('problem codes: the registry', () => {
  it('has no code twice, and every code is snake_case', () => {
    const all = [...GENERAL_PROBLEM_CODES, ...ALL_FEATURE_PROBLEM_CODES];
    expect(all.filter((c, i) => all.indexOf(c) !== i)).toEqual([]);
    expect(FIELD_PROBLEM_CODES.filter((c, i) => FIELD_PROBLEM_CODES.indexOf(c) !== i)).toEqual([]);
    for (const code of [...all, ...FIELD_PROBLEM_CODES]) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('groups the feature codes by feature', () => {
    expect(Object.keys(FEATURE_PROBLEM_CODES).length).toBeGreaterThan(10);
    expect(ALL_FEATURE_PROBLEM_CODES).toEqual(Object.values(FEATURE_PROBLEM_CODES).flat());
  });
});

describe('problem codes: the web translates every one, in English and Spanish', () => {
  it('general codes (problems.<code>)', () => {
    expect(untranslated(GENERAL_PROBLEM_CODES.map((c) => `problems.${c}`))).toEqual([]);
  });

  it('feature codes (problems.<code>)', () => {
    expect(untranslated(ALL_FEATURE_PROBLEM_CODES.map((c) => `problems.${c}`))).toEqual([]);
  });

  it('field codes (problems.field.<code>)', () => {
    expect(untranslated(FIELD_PROBLEM_CODES.map((c) => `problems.field.${c}`))).toEqual([]);
  });

  it('the codes the web itself raises, and vetting gaps (problems.vettingGap.<code>)', () => {
    expect(untranslated(['problems.network_error', 'problems.client_error'])).toEqual([]);
    expect(untranslated(VettingGapItem.shape.code.options.map((c) => `problems.vettingGap.${c}`))).toEqual([]);
  });

  it('Spanish is not English copied over', () => {
    const keys = [
      ...GENERAL_PROBLEM_CODES.map((c) => `problems.${c}`),
      ...ALL_FEATURE_PROBLEM_CODES.map((c) => `problems.${c}`),
      ...FIELD_PROBLEM_CODES.map((c) => `problems.field.${c}`),
    ];
    expect(keys.filter((k) => lookup('en', k) === lookup('es', k))).toEqual([]);
  });
});

describe('vocabulary the server sends as codes is translated on the web', () => {
  it('obligation kinds: label, overdue notice and basis', () => {
    const keys = OBLIGATION_KIND_KEYS.flatMap((k) =>
      ['label', 'overdue', 'basis'].map((p) => `obligationKinds.${k}.${p}`),
    );
    expect(untranslated(keys)).toEqual([]);
  });

  it('CSEC Types and placement types', () => {
    expect(untranslated(CSEC_TYPE_CODES.map((c) => `csecTypes.${c}.label`))).toEqual([]);
    expect(untranslated(PLACEMENT_TYPE_KEYS.map((k) => `placementTypes.${k}`))).toEqual([]);
    for (const c of CSEC_TYPE_CODES)
      expect(lookup('es', `csecTypes.${c}.label`)).not.toBe(lookup('en', `csecTypes.${c}.label`));
  });

  it('why a person was told of a missed deadline', () => {
    expect(
      untranslated([
        'notifications.missed.text',
        'notifications.missed.unknownKind',
        ...['owner', 'supervisor', 'county_admin'].map((r) => `notifications.missed.reason.${r}`),
      ]),
    ).toEqual([]);
  });
});

describe('rule validators name the field to fix and its code, keeping the English', () => {
  it('CSEC Types: an end before the start, a missing end, an overlap', () => {
    expect(
      csecTypeProblems({ type: 'at_risk', startDate: '2026-03-10', endDate: '2026-03-09' }, [], '2026-06-01'),
    ).toEqual([
      expect.objectContaining({ field: 'endDate', code: 'end_before_start', params: { start: '2026-03-10' } }),
    ]);
    expect(
      csecTypeProblems({ type: 'victim_absent_from_placement', startDate: '2026-01-01' }, [], '2026-06-01'),
    ).toEqual([expect.objectContaining({ field: 'endDate', code: 'needs_end' })]);
    const other = { id: 'a', type: 'at_risk' as const, startDate: '2026-01-01', endDate: null };
    expect(csecTypeProblems({ type: 'at_risk', startDate: '2026-02-01' }, [other], '2026-06-01')).toEqual([
      expect.objectContaining({
        field: 'startDate',
        code: 'csec_type_overlap',
        params: { start: '2026-01-01', end: null },
      }),
    ]);
  });

  it('missing episodes and services', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const problems = episodeTimeProblems(
      { lastSeenAt: new Date('2026-06-01T10:00:00Z'), discoveredAt: new Date('2026-06-01T09:00:00Z') },
      now,
    );
    expect(problems).toEqual([
      {
        field: 'discoveredAt',
        code: 'before_last_seen',
        text: 'discoveredAt: the youth cannot be found missing before they were last seen',
      },
    ]);
    const service = serviceEpisodeProblems(
      {
        status: 'completed',
        referredAt: new Date('2026-05-01T00:00:00Z'),
        startedAt: new Date('2026-04-01T00:00:00Z'),
        endedAt: null,
        endReason: null,
      },
      now,
    );
    expect(service.map((p) => [p.field, p.code])).toEqual([
      ['startedAt', 'before_referred'],
      ['endedAt', 'needs_end'],
      ['endReason', 'needs_reason'],
    ]);
  });

  it('vetting gaps carry a code for each English sentence', () => {
    const record = { clearances: [], trainings: [], approvals: [] };
    const trainings = [{ key: 'csec_101', label: 'CSEC 101' }];
    const items = vettingGapItems(record, '2026-06-01', trainings);
    expect(items.map((g) => g.code)).toEqual([
      'clearance_missing',
      'clearance_missing',
      'training_missing',
      'approval_missing',
    ]);
    expect(items.map((g) => g.text)).toEqual(vettingGaps(record, '2026-06-01', trainings));
  });

  it('brokenRules sends one field error per problem and keeps the English in details', () => {
    const err = brokenRules('service_invalid', 'This service cannot be recorded.', [
      { field: 'notified.0.arrivedAt', code: 'before_notified', text: 'notified[0].arrivedAt: too early' },
    ]);
    expect(err).toMatchObject({
      statusCode: 400,
      code: 'service_invalid',
      details: { problems: ['notified[0].arrivedAt: too early'] },
      errors: [{ pointer: '/body/notified/0/arrivedAt', code: 'before_notified' }],
    });
  });

  it('zod issues of a record checked in a use case become field errors', () => {
    const record = z
      .object({ agency: z.string().min(2), reportNumber: z.string().min(1), madeAt: z.iso.datetime() })
      .strict();
    const parsed = record.safeParse({ agency: 'A', madeAt: 'yesterday', extra: 1 });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error!.issues)).toEqual(
      expect.arrayContaining([
        { pointer: '/body/agency', code: 'too_short', params: { min: 2 } },
        { pointer: '/body/reportNumber', code: 'required' },
        { pointer: '/body/madeAt', code: 'invalid_datetime' },
        { pointer: '/body/extra', code: 'unknown_field' },
      ]),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The codes named at throw sites. Each helper takes its code at a known position (src/errors.ts).

/** Problem codes ('problem') and field codes ('field') by helper and argument position. */
const POSITIONS: Record<string, { problem?: number[]; field?: number[] }> = {
  badRequest: { problem: [2] },
  conflict: { problem: [2] },
  unprocessable: { problem: [2] },
  tooManyRequests: { problem: [2] },
  forbidden: { problem: [1] },
  unauthorized: { problem: [1] },
  HarborError: { problem: [1] },
  brokenRules: { problem: [0] },
  sendProblem: { problem: [3] },
  invalidField: { field: [1], problem: [4] },
  fieldError: { field: [1] },
  rule: { field: [1] },
  add: { field: [1] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'web' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level arguments of the call whose "(" is at `open`, as source text. */
function callArguments(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

const CODE_LITERAL = /^'([a-z][a-z0-9]*(?:_[a-z0-9]+)*)'$/;

function thrownCodes(): { problem: Map<string, string>; field: Map<string, string> } {
  const problem = new Map<string, string>();
  const field = new Map<string, string>();
  for (const file of sourceFiles(path.resolve('src'))) {
    const src = readFileSync(file, 'utf8');
    const where = (at: number) => `${path.relative(process.cwd(), file)}:${src.slice(0, at).split('\n').length}`;
    for (const m of src.matchAll(/\b(?:new\s+)?([A-Za-z]+)\(/g)) {
      const positions = POSITIONS[m[1]!];
      if (!positions) continue;
      const open = m.index! + m[0].length - 1;
      const args = callArguments(src, open);
      for (const [kind, target] of [
        ['problem', problem],
        ['field', field],
      ] as const)
        for (const i of positions[kind] ?? []) {
          const code = CODE_LITERAL.exec(args[i] ?? '')?.[1];
          if (code) target.set(code, where(m.index!));
        }
    }
    // Field problems written as objects ({ field, ..., code: '...' }) and coded refusals ({ code, details }).
    for (const m of src.matchAll(/\{\s*field: [^{}]*?code: '([a-z_]+)'/g)) field.set(m[1]!, where(m.index!));
    for (const m of src.matchAll(/\{ code: '([a-z_]+)', details/g)) problem.set(m[1]!, where(m.index!));
    for (const m of src.matchAll(/status: \d{3},\s*code: '([a-z_]+)'/g)) problem.set(m[1]!, where(m.index!));
    // Zod refinements name their field code in params.
    for (const m of src.matchAll(/params: \{ code: '([a-z_]+)'/g)) field.set(m[1]!, where(m.index!));
  }
  return { problem, field };
}

describe('problem codes: every code named in src/ is registered', () => {
  const { problem, field } = thrownCodes();

  it('finds the throw sites (the scan works)', () => {
    expect(problem.size).toBeGreaterThan(60);
    expect(field.size).toBeGreaterThan(20);
    for (const code of ['advocate_not_vetted', 'placement_overlap', 'instrument_retired', 'stale_version'])
      expect(problem.has(code), code).toBe(true);
    for (const code of ['csec_type_overlap', 'end_before_start', 'unknown_reference'])
      expect(field.has(code), code).toBe(true);
  });

  it('problem codes', () => {
    const registered = new Set<string>([...GENERAL_PROBLEM_CODES, ...ALL_FEATURE_PROBLEM_CODES]);
    expect([...problem].filter(([code]) => !registered.has(code)).map(([code, at]) => `${code} (${at})`)).toEqual([]);
  });

  it('field codes', () => {
    const registered = new Set<string>(FIELD_PROBLEM_CODES);
    expect([...field].filter(([code]) => !registered.has(code)).map(([code, at]) => `${code} (${at})`)).toEqual([]);
  });

  it('no throw site is left with only the general code of its status when it names a rule', () => {
    // A refusal saying which field to fix must say it as a field error, not only in its English.
    const offenders: string[] = [];
    for (const file of sourceFiles(path.resolve('src'))) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bbadRequest\(\s*[`'"]([A-Za-z.]+): /g))
        offenders.push(`${path.relative(process.cwd(), file)}: badRequest naming ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
