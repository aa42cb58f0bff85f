import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarborError } from '../../src/errors.js';
import {
  type InstrumentDefinition,
  type Item,
  LEVELS,
  levelRank,
  missingItems,
  parseDefinition,
  type Ratings,
  score,
  validateDefinition,
  validateRatings,
} from '../../src/domain/instruments.js';
import {
  DEMO_AT_RISK_CHECKLIST,
  DEMO_BRIEF_SCREEN,
  DEMO_FULL_SCREEN,
  DEMO_INSTRUMENTS,
} from '../../src/domain/demo-instruments.js';

const t = (en: string) => ({ en, es: `${en} (es)` });

/** A small valid instrument to bend into invalid ones. */
function tiny(): InstrumentDefinition {
  return {
    key: 'tiny',
    name: t('Tiny'),
    description: t('For tests'),
    demonstration: true,
    scales: [
      {
        key: 'nps',
        options: [
          { value: 'no', label: t('No'), score: 0 },
          { value: 'possibly', label: t('Possibly'), score: 1 },
          { value: 'yes', label: t('Yes'), score: 2 },
        ],
      },
    ],
    sections: [
      {
        key: 'a',
        title: t('A'),
        items: [
          { key: 'a1', text: t('A1'), scale: 'nps', required: true },
          { key: 'a2', text: t('A2'), scale: 'nps', required: false },
        ],
        scoring: { method: 'max', possibleAt: 1, clearAt: 2 },
      },
      {
        key: 'b',
        title: t('B'),
        items: [
          { key: 'b1', text: t('B1'), scale: 'nps', required: true, critical: true },
          { key: 'b2', text: t('B2'), scale: 'nps', required: true },
        ],
        scoring: { method: 'sum', possibleAt: 2, clearAt: 3 },
      },
      {
        key: 'c',
        title: t('C'),
        items: [{ key: 'c1', text: t('C1'), scale: 'nps', required: true }],
        scoring: { method: 'max', possibleAt: 1, clearAt: 2 },
      },
    ],
    overall: { method: 'highest_indicator' },
    guidance: { no_concern: t('Rescreen'), possible_concern: t('Safety plan'), clear_concern: t('Consult') },
  };
}

describe('levels', () => {
  it('rank in ascending order of concern', () => {
    expect(LEVELS).toEqual(['no_concern', 'possible_concern', 'clear_concern']);
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2]);
  });
});

describe('validateDefinition', () => {
  it('accepts a well-formed instrument', () => {
    expect(validateDefinition(tiny())).toEqual([]);
  });

  it('says where an item names a scale that does not exist', () => {
    const def = tiny();
    def.sections[2]!.items[0]!.scale = 'yesno';
    expect(validateDefinition(def)).toEqual(['sections[2].items[0].scale: no scale "yesno" is defined (defined: nps)']);
  });

  it('finds repeated section keys, and item keys repeated anywhere in the instrument', () => {
    const def = tiny();
    def.sections[1]!.key = 'a';
    def.sections[2]!.items[0]!.key = 'a2';
    expect(validateDefinition(def)).toEqual([
      'sections[1].key: the section key "a" is used twice',
      'sections[2].items[0].key: the item key "a2" is already used at sections[0].items[1]',
    ]);
  });

  it('finds repeated option values, falling scores and repeated scale keys', () => {
    const def = tiny();
    const [scale] = def.scales;
    scale!.options[1]!.value = 'no';
    scale!.options[2]!.score = 0.5;
    def.scales.push({ ...scale!, options: [...scale!.options] });
    const problems = validateDefinition(def);
    expect(problems).toContain('scales[0].options[1].value: "no" is listed twice');
    expect(problems).toContain('scales[0].options[2].score: scores must not go down along the list (0.5 after 1)');
    expect(problems).toContain('scales[1].key: the scale key "nps" is used twice');
  });

  it('requires 0 < possibleAt <= clearAt, and a clearAt the answers can reach', () => {
    const def = tiny();
    def.sections[0]!.scoring = { method: 'max', possibleAt: 2, clearAt: 1 };
    def.sections[1]!.scoring = { method: 'sum', possibleAt: 0, clearAt: 5 };
    def.overall = { method: 'sum_of_indicator_levels', possibleAt: 2, clearAt: 7 };
    expect(validateDefinition(def)).toEqual([
      'sections[0].scoring.clearAt: must be at least possibleAt (2), got 1',
      'sections[1].scoring.possibleAt: must be more than 0 (got 0)',
      'sections[1].scoring.clearAt: 5 can never be reached; the highest possible score is 4',
      'overall.clearAt: 7 can never be reached; the highest possible score is 6',
    ]);
  });

  it('needs at least one section and item, and a critical item that can be raised', () => {
    expect(validateDefinition({ ...tiny(), sections: [] })).toContain('sections: define at least one section');
    const empty = tiny();
    empty.sections[0]!.items = [];
    expect(validateDefinition(empty)).toContain('sections[0].items: a section needs at least one item');
    const flat = tiny();
    flat.scales.push({
      key: 'flat',
      options: [
        { value: 'x', label: t('X'), score: 0 },
        { value: 'y', label: t('Y'), score: 0 },
      ],
    });
    flat.sections[1]!.items[0]!.scale = 'flat';
    expect(validateDefinition(flat)).toContain(
      'sections[1].items[0].critical: a critical item needs a scale whose top answer scores higher than its first',
    );
  });
});

describe('parseDefinition', () => {
  it('reads a definition from JSON and fills in required: true', () => {
    const json = JSON.parse(JSON.stringify(tiny())) as { sections: { items: Partial<Item>[] }[] };
    delete json.sections[0]!.items[0]!.required;
    const result = parseDefinition(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.sections[0]!.items[0]!.required).toBe(true);
  });

  it('names the path of each shape problem', () => {
    const json = JSON.parse(JSON.stringify(tiny())) as Record<string, unknown> & { name: { es?: string } };
    delete json.name.es;
    json.key = 'Has Spaces';
    const result = parseDefinition(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(expect.stringMatching(/^key: use lowercase letters/));
      expect(result.problems).toContainEqual(expect.stringMatching(/^name\.es: /));
    }
  });

  it('reports whole-definition problems after the shape is right', () => {
    const def = tiny();
    def.sections[2]!.items[0]!.scale = 'yesno';
    expect(parseDefinition(def)).toEqual({
      ok: false,
      problems: ['sections[2].items[0].scale: no scale "yesno" is defined (defined: nps)'],
    });
  });

  it('refuses something that is not an instrument at all, without throwing', () => {
    for (const junk of [null, 42, 'cse-it', [], {}]) {
      const result = parseDefinition(junk);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('validateRatings and missingItems', () => {
  it('names unknown items and lists the allowed answers', () => {
    expect(validateRatings(tiny(), { a1: 'yes', zz: 'no', b1: 'maybe' })).toEqual([
      '"zz" is not an item of Tiny; remove it or check the spelling',
      'b1: "maybe" is not an answer for this item; choose one of no, possibly, yes',
    ]);
  });

  it('treats keys like __proto__ and toString as unknown items, not as object properties', () => {
    const ratings = JSON.parse('{"__proto__": "yes", "toString": "no"}') as Ratings;
    expect(validateRatings(tiny(), ratings)).toHaveLength(2);
  });

  it('refuses answers that are not text', () => {
    expect(validateRatings(tiny(), { a1: 2 as unknown as string })).toEqual([
      'a1: 2 is not an answer for this item; choose one of no, possibly, yes',
    ]);
  });

  it('lists required items without an answer, in instrument order, ignoring optional ones', () => {
    expect(missingItems(tiny(), { b2: 'no' })).toEqual([
      { section: 'a', item: 'a1' },
      { section: 'b', item: 'b1' },
      { section: 'c', item: 'c1' },
    ]);
    expect(missingItems(tiny(), { a1: 'no', b1: 'no', b2: 'no', c1: 'no' })).toEqual([]);
  });
});

describe('score (examples)', () => {
  const allNo = { a1: 'no', a2: 'no', b1: 'no', b2: 'no', c1: 'no' };

  it('gives no concern when every answer is the lowest', () => {
    expect(score(tiny(), allNo)).toEqual({
      level: 'no_concern',
      complete: true,
      criticalTriggered: [],
      indicators: [
        { key: 'a', score: 0, level: 'no_concern', rated: 2, total: 2 },
        { key: 'b', score: 0, level: 'no_concern', rated: 2, total: 2 },
        { key: 'c', score: 0, level: 'no_concern', rated: 1, total: 1 },
      ],
    });
  });

  it('scores max and sum indicators against their thresholds', () => {
    const r = score(tiny(), { ...allNo, a1: 'possibly', a2: 'possibly', b1: 'possibly', b2: 'possibly' });
    expect(r.indicators.map((i) => [i.key, i.score, i.level])).toEqual([
      ['a', 1, 'possible_concern'],
      ['b', 2, 'possible_concern'],
      ['c', 0, 'no_concern'],
    ]);
    expect(r.level).toBe('possible_concern');
    expect(score(tiny(), { ...allNo, b2: 'yes', b1: 'possibly' }).indicators[1]).toMatchObject({
      score: 3,
      level: 'clear_concern',
    });
  });

  it('lets a critical item at its top answer force clear concern', () => {
    const def = tiny();
    def.sections[1]!.scoring = { method: 'sum', possibleAt: 4, clearAt: 4 };
    const r = score(def, { ...allNo, b1: 'yes' });
    expect(r.indicators[1]!.level).toBe('no_concern');
    expect(r).toMatchObject({ level: 'clear_concern', criticalTriggered: ['b1'] });
    expect(score(def, { ...allNo, b1: 'possibly' }).criticalTriggered).toEqual([]);
  });

  it('gives a provisional result for a draft: unanswered items count 0', () => {
    const r = score(tiny(), { c1: 'yes' });
    expect(r).toMatchObject({ level: 'clear_concern', complete: false });
    expect(r.indicators.map((i) => i.rated)).toEqual([0, 0, 1]);
    // An optional item left blank does not make the screen incomplete.
    const { a2: _skipped, ...withoutOptional } = allNo;
    expect(score(tiny(), withoutOptional).complete).toBe(true);
  });

  it('counts indicator levels 0/1/2 for sum_of_indicator_levels', () => {
    const def = tiny();
    def.overall = { method: 'sum_of_indicator_levels', possibleAt: 2, clearAt: 4 };
    expect(score(def, { ...allNo, a1: 'possibly' }).level).toBe('no_concern'); // 1
    expect(score(def, { ...allNo, a1: 'yes' }).level).toBe('possible_concern'); // 2
    expect(score(def, { ...allNo, a1: 'yes', c1: 'possibly' }).level).toBe('possible_concern'); // 2 + 0 + 1
    expect(score(def, { ...allNo, a1: 'yes', c1: 'yes' }).level).toBe('clear_concern'); // 2 + 0 + 2
  });

  it('throws a 400 error a worker can act on when an answer does not fit', () => {
    expect(() => score(tiny(), { a1: 'maybe' })).toThrow(HarborError);
    expect(() => score(tiny(), { a1: 'maybe' })).toThrow(
      'These answers cannot be scored: a1: "maybe" is not an answer for this item; choose one of no, possibly, yes.',
    );
    try {
      score(tiny(), { nope: 'no' });
    } catch (e) {
      expect(e).toMatchObject({ statusCode: 400, details: { problems: [expect.stringContaining('"nope"')] } });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Random valid instruments. Scales start at score 0 and never fall, and every threshold is
// between 1 and the highest score the items can reach.

function fit(raw: number, min: number, max: number): number {
  return min + (raw % (max - min + 1));
}

const definitionArb: fc.Arbitrary<InstrumentDefinition> = fc
  .record({
    scales: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    sections: fc.array(
      fc.record({
        items: fc.array(
          fc.record({
            scale: fc.nat(),
            required: fc.boolean(),
            critical: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        method: fc.constantFrom('max' as const, 'sum' as const),
        possible: fc.nat(),
        clear: fc.nat(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    overall: fc.option(fc.record({ possible: fc.nat(), clear: fc.nat() }), { nil: null }),
  })
  .map((raw): InstrumentDefinition => {
    const scales = raw.scales.map((rawSteps, s) => {
      // The top answer must score above the first, so a critical item can be raised.
      const steps = rawSteps.every((n) => n === 0) ? [...rawSteps.slice(1), 1] : rawSteps;
      const scores = steps.reduce((acc, step) => [...acc, acc[acc.length - 1]! + step], [0]);
      return { key: `s${s}`, options: scores.map((sc, o) => ({ value: `o${o}`, label: t(`o${o}`), score: sc })) };
    });
    let n = 0;
    const sections = raw.sections.map((sec, s) => {
      const items = sec.items.map((it) => {
        const scale = scales[it.scale % scales.length]!;
        return { key: `i${n++}`, text: t('item'), scale: scale.key, required: it.required, critical: it.critical };
      });
      const tops = items.map((it) =>
        Math.max(...scales.find((sc) => sc.key === it.scale)!.options.map((o) => o.score)),
      );
      const reach = sec.method === 'max' ? Math.max(...tops) : tops.reduce((a, b) => a + b, 0);
      const possibleAt = fit(sec.possible, 1, reach);
      return {
        key: `sec${s}`,
        title: t('section'),
        items,
        scoring: { method: sec.method, possibleAt, clearAt: fit(sec.clear, possibleAt, reach) },
      };
    });
    const reach = 2 * sections.length;
    const overallPossible = raw.overall ? fit(raw.overall.possible, 1, reach) : 0;
    return {
      key: 'random',
      name: t('Random'),
      description: t('Generated'),
      demonstration: true,
      scales,
      sections,
      overall: raw.overall
        ? {
            method: 'sum_of_indicator_levels',
            possibleAt: overallPossible,
            clearAt: fit(raw.overall.clear, overallPossible, reach),
          }
        : { method: 'highest_indicator' },
      guidance: { no_concern: t('n'), possible_concern: t('p'), clear_concern: t('c') },
    };
  });

const optionCount = (def: InstrumentDefinition, item: Item) =>
  def.scales.find((s) => s.key === item.scale)!.options.length;
const allItems = (def: InstrumentDefinition) => def.sections.flatMap((s) => s.items);

/** A definition with a random draft: each item unanswered or given a random answer (by option index). */
const screeningArb = definitionArb.chain((def) =>
  fc
    .tuple(...allItems(def).map((item) => fc.option(fc.nat(optionCount(def, item) - 1), { nil: undefined })))
    .map((picks) => ({ def, picks })),
);

function ratingsFrom(def: InstrumentDefinition, picks: (number | undefined)[]): Ratings {
  const ratings: Ratings = {};
  allItems(def).forEach((item, i) => {
    const pick = picks[i];
    if (pick !== undefined) ratings[item.key] = `o${pick}`;
  });
  return ratings;
}

describe('score (properties)', () => {
  it('the generator only makes valid definitions', () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        expect(parseDefinition(def)).toEqual({ ok: true, definition: def });
      }),
    );
  });

  it('raising any single answer never lowers the overall level or any indicator level', () => {
    fc.assert(
      fc.property(screeningArb, fc.nat(), fc.nat(), ({ def, picks }, which, bump) => {
        const items = allItems(def);
        const i = which % items.length;
        const current = picks[i];
        const top = optionCount(def, items[i]!) - 1;
        // From unanswered (counts 0) to any answer, or from an answer to the same or a later one.
        const raised = current === undefined ? fit(bump, 0, top) : fit(bump, current, top);
        const before = score(def, ratingsFrom(def, picks));
        const after = score(
          def,
          ratingsFrom(
            def,
            picks.map((p, j) => (j === i ? raised : p)),
          ),
        );
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
        after.indicators.forEach((ind, k) =>
          expect(levelRank(ind.level)).toBeGreaterThanOrEqual(levelRank(before.indicators[k]!.level)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('all-lowest answers give no concern (every threshold is above 0)', () => {
    fc.assert(
      fc.property(definitionArb, (def) => {
        const r = score(
          def,
          ratingsFrom(
            def,
            allItems(def).map(() => 0),
          ),
        );
        expect(r.level).toBe('no_concern');
        expect(r.complete).toBe(true);
      }),
    );
  });

  it('is deterministic and does not change its inputs', () => {
    fc.assert(
      fc.property(screeningArb, ({ def, picks }) => {
        const ratings = ratingsFrom(def, picks);
        const [defCopy, ratingsCopy] = [structuredClone(def), structuredClone(ratings)];
        expect(score(def, ratings)).toEqual(score(defCopy, ratingsCopy));
        expect([def, ratings]).toEqual([defCopy, ratingsCopy]);
      }),
    );
  });

  it('missingItems is empty exactly when the result is complete', () => {
    fc.assert(
      fc.property(screeningArb, ({ def, picks }) => {
        const ratings = ratingsFrom(def, picks);
        expect(missingItems(def, ratings).length === 0).toBe(score(def, ratings).complete);
      }),
    );
  });
});

describe('demonstration instruments', () => {
  it.each(DEMO_INSTRUMENTS.map((d) => [d.key, d] as const))(
    '%s is valid and marked as a demonstration',
    (_key, def) => {
      expect(validateDefinition(def)).toEqual([]);
      expect(parseDefinition(JSON.parse(JSON.stringify(def)))).toEqual({ ok: true, definition: def });
      expect(def.demonstration).toBe(true);
    },
  );

  it('have their own keys and Spanish text that is not a copy of the English', () => {
    expect(DEMO_INSTRUMENTS.map((d) => d.key)).toEqual([
      'harbor-demo-full',
      'harbor-demo-brief',
      'harbor-demo-at-risk',
    ]);
    for (const def of DEMO_INSTRUMENTS)
      for (const item of allItems(def)) expect(item.text.es, `${def.key} ${item.key}`).not.toBe(item.text.en);
  });

  it('full screen: eight indicators of 3 to 5 items, at least one critical item', () => {
    expect(DEMO_FULL_SCREEN.sections).toHaveLength(8);
    for (const s of DEMO_FULL_SCREEN.sections) expect(s.items.length).toBeGreaterThanOrEqual(3);
    for (const s of DEMO_FULL_SCREEN.sections) expect(s.items.length).toBeLessThanOrEqual(5);
    expect(allItems(DEMO_FULL_SCREEN).some((i) => i.critical)).toBe(true);
    const no = Object.fromEntries(allItems(DEMO_FULL_SCREEN).map((i) => [i.key, 'no']));
    expect(score(DEMO_FULL_SCREEN, no).level).toBe('no_concern');
    // Three indicators at possible concern reach the overall possible threshold.
    expect(
      score(DEMO_FULL_SCREEN, { ...no, runs_away: 'possibly', older_partner: 'possibly', missing_school: 'yes' }).level,
    ).toBe('possible_concern');
    expect(score(DEMO_FULL_SCREEN, { ...no, youth_says_exchanged: 'yes' })).toMatchObject({
      level: 'clear_concern',
      criticalTriggered: ['youth_says_exchanged'],
    });
  });

  it('brief screen: six items, highest indicator wins', () => {
    expect(allItems(DEMO_BRIEF_SCREEN)).toHaveLength(6);
    expect(score(DEMO_BRIEF_SCREEN, { no_safe_place: 'possibly' })).toMatchObject({
      level: 'possible_concern',
      complete: false,
    });
    expect(score(DEMO_BRIEF_SCREEN, { unexplained_things: 'yes' }).level).toBe('clear_concern');
  });

  it('at-risk checklist: one yes is possible concern, three yes in one section is clear concern', () => {
    const no = Object.fromEntries(allItems(DEMO_AT_RISK_CHECKLIST).map((i) => [i.key, 'no']));
    expect(score(DEMO_AT_RISK_CHECKLIST, no).level).toBe('no_concern');
    expect(score(DEMO_AT_RISK_CHECKLIST, { ...no, runaway_history: 'yes' }).level).toBe('possible_concern');
    const twoAndTwo = {
      ...no,
      runaway_history: 'yes',
      past_abuse: 'yes',
      older_partner: 'yes',
      online_strangers: 'yes',
    };
    expect(score(DEMO_AT_RISK_CHECKLIST, twoAndTwo).level).toBe('possible_concern');
    expect(score(DEMO_AT_RISK_CHECKLIST, { ...twoAndTwo, substance_use: 'yes' }).level).toBe('clear_concern');
  });
});
