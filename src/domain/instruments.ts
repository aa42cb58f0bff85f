// Screening instruments as data (DOMAIN.md, identification). Counties screen youth with tools
// such as the CSE-IT, which is licensed: Harbor must never contain its wording. So the engine
// knows nothing about any one tool. A county loads its licensed instrument as a definition
// (validated here), and Harbor ships only the demonstration instruments at the end of this
// file, written in our own words and labelled as not validated.
//
// Scoring is deliberately simple and monotone: raising any answer can never lower a result,
// so a worker who records a new concern never sees the screen look safer because of it.

import { z } from 'zod';
import type { RuleProblem } from '../contract/problems.js';
import { brokenRules } from '../errors.js';

export const LEVELS = ['no_concern', 'possible_concern', 'clear_concern'] as const;
export type Level = (typeof LEVELS)[number];

/** 0, 1 or 2: the order of LEVELS, also what an indicator counts toward sum_of_indicator_levels. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

// ---------------------------------------------------------------------------------------------
// The definition schema. The shape is checked by zod; rules that need the whole definition
// (unique keys, scales that exist, thresholds that can be reached) are in validateDefinition.

const KeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'use lowercase letters, digits, "-" or "_" (for example "housing_unstable")')
  .max(64)
  .describe('A short stable identifier. Stored with every screening, so never change it once in use.');

const TextSchema = z.string().trim().min(1, 'must not be empty');

export const LocalizedSchema = z
  .object({ en: TextSchema.describe('English'), es: TextSchema.describe('Spanish') })
  .describe('The same text in English and Spanish; every worker-facing text needs both.');
export type Localized = z.infer<typeof LocalizedSchema>;

const LocalizedByLevelSchema = z.object({
  no_concern: LocalizedSchema,
  possible_concern: LocalizedSchema,
  clear_concern: LocalizedSchema,
});

const ThresholdsShape = {
  possibleAt: z.number().positive('must be more than 0').describe('A score at or above this is possible concern.'),
  clearAt: z.number().positive('must be more than 0').describe('A score at or above this is clear concern.'),
};

export const ScaleSchema = z
  .object({
    key: KeySchema,
    options: z
      .array(
        z.object({
          value: KeySchema.describe('What is stored as the answer, for example "yes".'),
          label: LocalizedSchema,
          score: z
            .number()
            .min(0, 'must be 0 or more')
            .describe('Points for this answer. An unanswered item counts 0, so no answer may score below it.'),
        }),
      )
      .min(2, 'a scale needs at least two options')
      .describe('Answers from least to most concern; scores must not go down along the list.'),
  })
  .describe('A set of answers shared by items, such as no / possibly / yes.');
export type Scale = z.infer<typeof ScaleSchema>;

export const ItemSchema = z
  .object({
    key: KeySchema,
    text: LocalizedSchema.describe('The question or statement the worker rates.'),
    help: LocalizedSchema.optional().describe('Optional guidance shown beside the item.'),
    scale: KeySchema.describe('The key of the scale this item is rated on.'),
    required: z.boolean().default(true).describe('Whether the screen is incomplete without this item.'),
    critical: z
      .boolean()
      .optional()
      .describe("If rated at its scale's top score, the overall result is clear concern whatever else is rated."),
  })
  .describe('One thing the worker rates.');
export type Item = z.infer<typeof ItemSchema>;

export const SectionSchema = z
  .object({
    key: KeySchema,
    title: LocalizedSchema,
    description: LocalizedSchema.optional(),
    items: z.array(ItemSchema).min(1, 'a section needs at least one item'),
    scoring: z
      .object({
        method: z.enum(['max', 'sum']).describe('The indicator score is the highest item score, or their total.'),
        ...ThresholdsShape,
      })
      .describe('How the items of this indicator become a level.'),
  })
  .describe('An indicator: a group of items scored together into one level.');
export type Section = z.infer<typeof SectionSchema>;

export const OverallRuleSchema = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('highest_indicator') }).describe('The overall level is the highest indicator level.'),
    z
      .object({ method: z.literal('sum_of_indicator_levels'), ...ThresholdsShape })
      .describe('Indicator levels count 0, 1 or 2; their total is compared with the thresholds.'),
  ])
  .describe('How indicator levels become the overall level.');
export type OverallRule = z.infer<typeof OverallRuleSchema>;

export const InstrumentDefinitionSchema = z
  .object({
    key: KeySchema,
    name: LocalizedSchema,
    description: LocalizedSchema,
    demonstration: z
      .boolean()
      .describe('True when the instrument is not validated; every screen that shows it must say so.'),
    audience: LocalizedSchema.optional().describe('Who should use it, for example hotline staff.'),
    scales: z.array(ScaleSchema).min(1, 'define at least one scale'),
    sections: z.array(SectionSchema).min(1, 'define at least one section'),
    overall: OverallRuleSchema,
    guidance: LocalizedByLevelSchema.describe('For each level, the next steps the county protocol expects.'),
  })
  .describe('A screening instrument held as data.');
export type InstrumentDefinition = z.infer<typeof InstrumentDefinitionSchema>;

// ---------------------------------------------------------------------------------------------
// Whole-definition rules.

const where = (path: (string | number | symbol)[]): string =>
  path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  ) || 'instrument';

function topScore(scale: Scale): number {
  return Math.max(...scale.options.map((o) => o.score));
}

function thresholdProblems(at: string, t: { possibleAt: number; clearAt: number }, reachable: number): string[] {
  const problems: string[] = [];
  if (!(t.possibleAt > 0)) problems.push(`${at}.possibleAt: must be more than 0 (got ${t.possibleAt})`);
  if (!(t.clearAt >= t.possibleAt))
    problems.push(`${at}.clearAt: must be at least possibleAt (${t.possibleAt}), got ${t.clearAt}`);
  // A threshold no answers can reach would silently never flag a youth.
  if (t.clearAt > reachable)
    problems.push(`${at}.clearAt: ${t.clearAt} can never be reached; the highest possible score is ${reachable}`);
  return problems;
}

/** Problems a schema cannot see, each starting with where it is. Empty means the definition is usable. */
export function validateDefinition(def: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const scales = new Map<string, Scale>();

  def.scales.forEach((scale, s) => {
    const at = `scales[${s}]`;
    if (scales.has(scale.key)) problems.push(`${at}.key: the scale key "${scale.key}" is used twice`);
    else scales.set(scale.key, scale);
    if (scale.options.length < 2) problems.push(`${at}.options: a scale needs at least two options`);
    const values = new Set<string>();
    scale.options.forEach((o, i) => {
      if (values.has(o.value)) problems.push(`${at}.options[${i}].value: "${o.value}" is listed twice`);
      values.add(o.value);
      if (!(o.score >= 0)) problems.push(`${at}.options[${i}].score: must be 0 or more (got ${o.score})`);
      const before = scale.options[i - 1];
      if (before && o.score < before.score)
        problems.push(
          `${at}.options[${i}].score: scores must not go down along the list (${o.score} after ${before.score})`,
        );
    });
  });

  if (def.sections.length === 0) problems.push('sections: define at least one section');
  const sectionKeys = new Set<string>();
  const itemKeys = new Map<string, string>();

  def.sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    if (sectionKeys.has(section.key)) problems.push(`${at}.key: the section key "${section.key}" is used twice`);
    sectionKeys.add(section.key);
    if (section.items.length === 0) problems.push(`${at}.items: a section needs at least one item`);

    const itemTops: number[] = [];
    section.items.forEach((item, i) => {
      const itemAt = `${at}.items[${i}]`;
      const first = itemKeys.get(item.key);
      if (first) problems.push(`${itemAt}.key: the item key "${item.key}" is already used at ${first}`);
      else itemKeys.set(item.key, itemAt);
      const scale = scales.get(item.scale);
      if (!scale) {
        problems.push(
          `${itemAt}.scale: no scale "${item.scale}" is defined (defined: ${[...scales.keys()].join(', ') || 'none'})`,
        );
        return;
      }
      itemTops.push(topScore(scale));
      if (item.critical && topScore(scale) <= (scale.options[0]?.score ?? 0))
        problems.push(
          `${itemAt}.critical: a critical item needs a scale whose top answer scores higher than its first`,
        );
    });

    // Judge reachability only once every item's scale is known.
    const reachable =
      itemTops.length < section.items.length
        ? Infinity
        : section.scoring.method === 'max'
          ? Math.max(0, ...itemTops)
          : itemTops.reduce((a, b) => a + b, 0);
    problems.push(...thresholdProblems(`${at}.scoring`, section.scoring, reachable));
  });

  if (def.overall.method === 'sum_of_indicator_levels')
    problems.push(...thresholdProblems('overall', def.overall, levelRank('clear_concern') * def.sections.length));

  return problems;
}

export type ParseResult = { ok: true; definition: InstrumentDefinition } | { ok: false; problems: string[] };

/** Reads an instrument from JSON (an upload, a seed file). Never throws. */
export function parseDefinition(json: unknown): ParseResult {
  const parsed = InstrumentDefinitionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`) };
  const problems = validateDefinition(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Ratings and scoring.

/** Item key → option value. Items not yet rated are simply absent. */
export type Ratings = Record<string, string>;

interface IndexedItem {
  section: Section;
  item: Item;
  scale: Scale;
}

// Maps, not object lookups, so a rating keyed "__proto__" or "toString" is just an unknown item.
function indexItems(def: InstrumentDefinition): Map<string, IndexedItem> {
  const scales = new Map(def.scales.map((s) => [s.key, s]));
  const items = new Map<string, IndexedItem>();
  for (const section of def.sections)
    for (const item of section.items) {
      const scale = scales.get(item.scale);
      if (!scale) throw new Error(`instrument "${def.key}" is not valid: item "${item.key}" uses an undefined scale`);
      items.set(item.key, { section, item, scale });
    }
  return items;
}

/** Answers that do not fit the instrument, in words a worker can act on. Empty means all fit. */
export function validateRatings(def: InstrumentDefinition, ratings: Ratings): string[] {
  return ratingProblems(def, ratings).map((p) => p.text);
}

/** The same checks as validateRatings, each naming the answer (`ratings.<item>`) and a stable code. */
export function ratingProblems(def: InstrumentDefinition, ratings: Ratings): RuleProblem[] {
  const items = indexItems(def);
  const problems: RuleProblem[] = [];
  for (const [key, value] of Object.entries(ratings as Record<string, unknown>)) {
    const found = items.get(key);
    if (!found) {
      problems.push({
        field: `ratings.${key}`,
        code: 'unknown_item',
        text: `"${key}" is not an item of ${def.name.en}; remove it or check the spelling`,
      });
      continue;
    }
    const allowed = found.scale.options.map((o) => o.value);
    if (typeof value !== 'string' || !allowed.includes(value))
      problems.push({
        field: `ratings.${key}`,
        code: 'invalid_answer',
        params: { options: allowed.join(', ') },
        text: `${key}: ${JSON.stringify(value)} is not an answer for this item; choose one of ${allowed.join(', ')}`,
      });
  }
  return problems;
}

/** Required items that have no answer yet, in the order the instrument lists them. */
export function missingItems(def: InstrumentDefinition, ratings: Ratings): { section: string; item: string }[] {
  const missing: { section: string; item: string }[] = [];
  for (const section of def.sections)
    for (const item of section.items)
      if (item.required && !Object.hasOwn(ratings, item.key)) missing.push({ section: section.key, item: item.key });
  return missing;
}

export interface IndicatorResult {
  key: string;
  score: number;
  level: Level;
  /** Items with an answer, and all items, so the screen can show "3 of 5 rated". */
  rated: number;
  total: number;
}

export interface ScoreResult {
  level: Level;
  /** False while a required item is unanswered: the level is then provisional. */
  complete: boolean;
  indicators: IndicatorResult[];
  /** Keys of critical items rated at their top answer; any one makes the level clear_concern. */
  criticalTriggered: string[];
}

function levelFor(score: number, t: { possibleAt: number; clearAt: number }): Level {
  if (score >= t.clearAt) return 'clear_concern';
  if (score >= t.possibleAt) return 'possible_concern';
  return 'no_concern';
}

/**
 * Scores a screening. Pure: the same definition and answers always give the same result.
 * Unanswered items count 0, so a draft gets a provisional result (complete: false).
 * Throws a 400 error listing the problems when an answer does not fit the instrument.
 */
export function score(def: InstrumentDefinition, ratings: Ratings): ScoreResult {
  const problems = ratingProblems(def, ratings);
  if (problems.length)
    throw brokenRules(
      'answers_invalid',
      `These answers cannot be scored: ${problems.map((p) => p.text).join('; ')}.`,
      problems,
    );

  const scales = new Map(def.scales.map((s) => [s.key, s]));
  const criticalTriggered: string[] = [];

  const indicators = def.sections.map((section): IndicatorResult => {
    const itemScores: number[] = [];
    let rated = 0;
    for (const item of section.items) {
      const scale = scales.get(item.scale)!;
      const answer = Object.hasOwn(ratings, item.key) ? ratings[item.key] : undefined;
      const option = answer === undefined ? undefined : scale.options.find((o) => o.value === answer);
      if (option) rated += 1;
      itemScores.push(option?.score ?? 0);
      if (item.critical && option && option.score >= topScore(scale)) criticalTriggered.push(item.key);
    }
    const total = section.scoring.method === 'max' ? Math.max(0, ...itemScores) : itemScores.reduce((a, b) => a + b, 0);
    return {
      key: section.key,
      score: total,
      level: levelFor(total, section.scoring),
      rated,
      total: section.items.length,
    };
  });

  let level: Level;
  switch (def.overall.method) {
    case 'highest_indicator':
      level = LEVELS[Math.max(0, ...indicators.map((i) => levelRank(i.level)))]!;
      break;
    case 'sum_of_indicator_levels':
      level = levelFor(
        indicators.reduce((sum, i) => sum + levelRank(i.level), 0),
        def.overall,
      );
      break;
  }
  if (criticalTriggered.length) level = 'clear_concern';

  return { level, complete: missingItems(def, ratings).length === 0, indicators, criticalTriggered };
}
