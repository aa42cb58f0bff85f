// Screening instruments as data (DOMAIN.md, identification). Counties screen youth with tools
// such as the CSE-IT, which is licensed: Harbor must never contain its wording. So the engine
// knows nothing about any one tool. A county loads its licensed instrument as a definition
// (validated here), and Harbor ships only the demonstration instruments at the end of this
// file, written in our own words and labelled as not validated.
//
// Scoring is deliberately simple and monotone: raising any answer can never lower a result,
// so a worker who records a new concern never sees the screen look safer because of it.

import { z } from 'zod';
import { badRequest } from '../errors.js';

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
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') ||
  'instrument';

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
        problems.push(`${itemAt}.scale: no scale "${item.scale}" is defined (defined: ${[...scales.keys()].join(', ') || 'none'})`);
        return;
      }
      itemTops.push(topScore(scale));
      if (item.critical && topScore(scale) <= (scale.options[0]?.score ?? 0))
        problems.push(`${itemAt}.critical: a critical item needs a scale whose top answer scores higher than its first`);
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
  const items = indexItems(def);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(ratings as Record<string, unknown>)) {
    const found = items.get(key);
    if (!found) {
      problems.push(`"${key}" is not an item of ${def.name.en}; remove it or check the spelling`);
      continue;
    }
    const allowed = found.scale.options.map((o) => o.value);
    if (typeof value !== 'string' || !allowed.includes(value))
      problems.push(`${key}: ${JSON.stringify(value)} is not an answer for this item; choose one of ${allowed.join(', ')}`);
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
  const problems = validateRatings(def, ratings);
  if (problems.length) throw badRequest(`These answers cannot be scored: ${problems.join('; ')}.`, { problems });

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
    const total =
      section.scoring.method === 'max' ? Math.max(0, ...itemScores) : itemScores.reduce((a, b) => a + b, 0);
    return { key: section.key, score: total, level: levelFor(total, section.scoring), rated, total: section.items.length };
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

// ---------------------------------------------------------------------------------------------
// Demonstration instruments. Original, plain-language wording drawn from general public
// knowledge of exploitation risk; not any licensed tool and not validated. The UI must show
// that they are demonstrations.

const t = (en: string, es: string): Localized => ({ en, es });

function item(key: string, scale: string, text: Localized, extra: Partial<Pick<Item, 'help' | 'critical' | 'required'>> = {}): Item {
  return { key, scale, text, required: true, ...extra };
}

const NPS: Scale = {
  key: 'nps',
  options: [
    { value: 'no', label: t('No', 'No'), score: 0 },
    { value: 'possibly', label: t('Possibly: some signs or an unconfirmed report', 'Posiblemente: algunas señales o un informe sin confirmar'), score: 1 },
    { value: 'yes', label: t('Yes: confirmed or clearly present', 'Sí: confirmado o claramente presente'), score: 2 },
  ],
};

const YN: Scale = {
  key: 'yn',
  options: [
    { value: 'no', label: t('No', 'No'), score: 0 },
    { value: 'yes', label: t('Yes', 'Sí'), score: 1 },
  ],
};

const MAX_1_2 = { method: 'max', possibleAt: 1, clearAt: 2 } as const;

const SCREEN_GUIDANCE: Record<Level, Localized> = {
  no_concern: t(
    'No concern found today. Screen again on the county schedule, and sooner if anything changes (for example the youth runs away or a new report comes in).',
    'No se encontró preocupación hoy. Vuelva a evaluar según el calendario del condado, y antes si algo cambia (por ejemplo, si el joven se escapa o llega un nuevo informe).',
  ),
  possible_concern: t(
    'Possible concern. Talk with your supervisor, make a safety plan with the youth, offer a referral to an advocate, and screen again on the schedule the county protocol sets.',
    'Posible preocupación. Hable con su supervisor, haga un plan de seguridad con el joven, ofrezca una remisión a un defensor y vuelva a evaluar según el calendario que fija el protocolo del condado.',
  ),
  clear_concern: t(
    'Clear concern. Consult your supervisor today, record the youth’s CSEC status, and ask for a multidisciplinary team (MDT) meeting. If the youth is in child welfare, the cross-report to law enforcement is due within 24 hours. Follow the county protocol for immediate safety.',
    'Preocupación clara. Consulte hoy a su supervisor, registre el estado CSEC del joven y solicite una reunión del equipo multidisciplinario (MDT). Si el joven está en el sistema de bienestar infantil, el informe cruzado a las autoridades policiales debe hacerse dentro de las 24 horas. Siga el protocolo del condado para la seguridad inmediata.',
  ),
};

const DEMO_DESCRIPTION_NOTE = t(
  'Demonstration only: written for Harbor, not validated, and not a substitute for the instrument your county has adopted.',
  'Solo de demostración: escrito para Harbor, no validado y no sustituye al instrumento que ha adoptado su condado.',
);

export const DEMO_FULL_SCREEN: InstrumentDefinition = {
  key: 'harbor-demo-full',
  name: t('Harbor demonstration full screen', 'Evaluación completa de demostración de Harbor'),
  description: t(
    `A longer screen across eight areas of a youth’s life. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Una evaluación más larga de ocho áreas de la vida del joven. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t(
    'Staff who have known the youth for more than a day: caseworkers, probation officers, therapists, advocates.',
    'Personal que conoce al joven desde hace más de un día: trabajadores sociales, oficiales de libertad condicional, terapeutas, defensores.',
  ),
  scales: [NPS],
  sections: [
    {
      key: 'housing',
      title: t('Housing and running away', 'Vivienda y fugas'),
      items: [
        item('runs_away', 'nps', t('Has run away or gone missing from home or placement, more than once or for more than a day.', 'Se ha escapado o ha desaparecido de su casa o colocación, más de una vez o por más de un día.')),
        item('no_stable_place', 'nps', t('Has no steady, safe place to sleep.', 'No tiene un lugar fijo y seguro donde dormir.')),
        item('stays_with_unknown_adults', 'nps', t('Stays overnight in motels or with adults the family or placement does not know.', 'Pasa la noche en moteles o con adultos que la familia o la colocación no conoce.')),
        item('left_without_plan', 'nps', t('Was put out of the home, or left a placement, with nowhere planned to go.', 'Lo sacaron de su casa, o dejó una colocación, sin un lugar planeado a donde ir.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'money_and_gifts',
      title: t('Money, gifts and belongings', 'Dinero, regalos y pertenencias'),
      items: [
        item('unexplained_money', 'nps', t('Has cash, clothes, phones or other things that a job, family or allowance does not explain.', 'Tiene dinero, ropa, teléfonos u otras cosas que no se explican por un trabajo, la familia o una mesada.')),
        item('cards_and_keys', 'nps', t('Carries several phones, prepaid cards or hotel room keys without a clear reason.', 'Lleva varios teléfonos, tarjetas prepagadas o llaves de cuartos de hotel sin una razón clara.')),
        item('owes_someone', 'nps', t('Says they owe someone money or a favor they cannot pay back.', 'Dice que le debe a alguien dinero o un favor que no puede pagar.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'relationships',
      title: t('Relationships and control', 'Relaciones y control'),
      items: [
        item('older_partner', 'nps', t('Has a boyfriend, girlfriend or close "friend" who is much older.', 'Tiene un novio, una novia o un "amigo" cercano mucho mayor.')),
        item('controlled_by_someone', 'nps', t('Someone else seems to decide where the youth goes and whom they see, or holds their phone, money or ID.', 'Otra persona parece decidir a dónde va el joven y con quién se ve, o le guarda el teléfono, el dinero o la identificación.')),
        item('afraid_of_someone', 'nps', t('Seems afraid of, or protective of, a person they will not name.', 'Parece tener miedo de una persona que no quiere nombrar, o la protege.')),
        item('new_unknown_people', 'nps', t('Spends time with new friends or adults whom no one around the youth can account for.', 'Pasa tiempo con nuevos amigos o adultos de los que nadie a su alrededor sabe nada.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'physical_harm',
      title: t('Physical health and harm', 'Salud física y daño'),
      items: [
        item('unexplained_injuries', 'nps', t('Has injuries with no explanation, or an explanation that does not fit.', 'Tiene lesiones sin explicación, o con una explicación que no cuadra.')),
        item('marks_of_ownership', 'nps', t('Has a new tattoo or mark that may show a name or claim over them.', 'Tiene un tatuaje o una marca nueva que puede mostrar un nombre o que alguien se cree su dueño.')),
        item('repeated_sexual_health_visits', 'nps', t('Has needed care more than once for pregnancy or sexually transmitted infections.', 'Ha necesitado atención más de una vez por embarazo o infecciones de transmisión sexual.')),
        item('basic_needs_unmet', 'nps', t('Looks exhausted, underfed or unable to meet basic needs.', 'Se ve agotado, mal alimentado o sin poder cubrir sus necesidades básicas.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'online',
      title: t('Online activity', 'Actividad en internet'),
      items: [
        item('online_adults', 'nps', t('Talks with adults met online who ask to meet in person or ask for pictures.', 'Habla con adultos que conoció en internet que le piden verse en persona o le piden fotos.')),
        item('sexual_online_profile', 'nps', t('May be advertised online, or has profiles that suggest sexual activity for pay.', 'Puede estar anunciado en internet, o tiene perfiles que sugieren actividad sexual a cambio de pago.')),
        item('image_pressure', 'nps', t('Has been pressured or threatened with sexual images of themselves.', 'Ha sido presionado o amenazado con imágenes sexuales de sí mismo.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'school_and_routine',
      title: t('School and daily routine', 'Escuela y rutina diaria'),
      items: [
        item('missing_school', 'nps', t('Often misses school or has stopped going.', 'Falta a la escuela con frecuencia o ha dejado de ir.')),
        item('sudden_change', 'nps', t('Sudden drop in grades, or lost interest in activities they used to enjoy.', 'Bajó de repente en sus calificaciones o perdió interés en actividades que antes disfrutaba.')),
        item('out_at_night', 'nps', t('Out late at night, or gone for days, with no explanation.', 'Sale hasta tarde en la noche, o desaparece por días, sin explicación.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'substance_use',
      title: t('Alcohol and drugs', 'Alcohol y drogas'),
      items: [
        item('worrying_use', 'nps', t('Uses alcohol or drugs in a way that worries caregivers or staff.', 'Consume alcohol o drogas de una forma que preocupa a sus cuidadores o al personal.')),
        item('supplied_by_adults', 'nps', t('Is given alcohol or drugs by adults or older peers.', 'Adultos o jóvenes mayores le dan alcohol o drogas.')),
        item('use_began_with_changes', 'nps', t('Started using around the same time as other changes noted in this screen.', 'Empezó a consumir más o menos al mismo tiempo que otros cambios anotados en esta evaluación.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'exchange',
      title: t('Exchange of sex for something of value', 'Intercambio de sexo por algo de valor'),
      description: t(
        'Any sexual act exchanged for money, food, shelter, drugs, protection or anything else of value is exploitation when the person is under 18.',
        'Cualquier acto sexual a cambio de dinero, comida, alojamiento, drogas, protección o cualquier otra cosa de valor es explotación cuando la persona es menor de 18 años.',
      ),
      items: [
        item('youth_says_exchanged', 'nps', t('The youth says they have traded sex or sexual acts for something of value.', 'El joven dice que ha intercambiado sexo o actos sexuales por algo de valor.'), {
          critical: true,
          help: t('Rate "yes" on the youth’s own statement; no other proof is needed.', 'Marque "sí" con la sola declaración del joven; no se necesita otra prueba.'),
        }),
        item('someone_takes_earnings', 'nps', t('The youth says someone else arranges these exchanges or takes what they receive.', 'El joven dice que otra persona arregla estos intercambios o se queda con lo que recibe.'), { critical: true }),
        item('credible_report', 'nps', t('Someone credible reports that the youth has traded sex for something of value.', 'Una persona confiable informa que el joven ha intercambiado sexo por algo de valor.')),
        item('asked_to_trade_or_recruit', 'nps', t('The youth says someone asked them to trade sex or to bring other youth.', 'El joven dice que alguien le pidió intercambiar sexo o traer a otros jóvenes.')),
      ],
      scoring: MAX_1_2,
    },
  ],
  overall: { method: 'sum_of_indicator_levels', possibleAt: 3, clearAt: 7 },
  guidance: SCREEN_GUIDANCE,
};

export const DEMO_BRIEF_SCREEN: InstrumentDefinition = {
  key: 'harbor-demo-brief',
  name: t('Harbor demonstration brief screen', 'Evaluación breve de demostración de Harbor'),
  description: t(
    `Six questions for a first contact, when you may meet the youth only once. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Seis preguntas para un primer contacto, cuando quizás vea al joven solo una vez. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t('Hotline staff, intake workers and first responders.', 'Personal de línea directa, de admisión y de primera respuesta.'),
  scales: [NPS],
  sections: [
    {
      key: 'where_staying',
      title: t('Where the youth stays', 'Dónde se queda el joven'),
      items: [
        item('recently_missing', 'nps', t('Has recently run away or been missing from home or placement.', 'Recientemente se escapó o estuvo desaparecido de su casa o colocación.')),
        item('no_safe_place', 'nps', t('Has no safe place to stay tonight.', 'No tiene un lugar seguro donde quedarse esta noche.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'people_around',
      title: t('People around the youth', 'Personas alrededor del joven'),
      items: [
        item('older_or_controlling_person', 'nps', t('Is with a much older partner, or someone who seems to control them.', 'Está con una pareja mucho mayor, o con alguien que parece controlarlo.')),
        item('unexplained_things', 'nps', t('Has money, gifts or phones that their situation does not explain.', 'Tiene dinero, regalos o teléfonos que su situación no explica.')),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'exchange_and_harm',
      title: t('Exchange and harm', 'Intercambio y daño'),
      items: [
        item('youth_says_exchanged', 'nps', t('The youth says they have traded sex for something of value (money, food, a place to stay, drugs).', 'El joven dice que ha intercambiado sexo por algo de valor (dinero, comida, un lugar donde quedarse, drogas).'), {
          critical: true,
        }),
        item('injuries_or_fear', 'nps', t('Has unexplained injuries, or seems afraid to say where they have been.', 'Tiene lesiones sin explicación, o parece tener miedo de decir dónde ha estado.')),
      ],
      scoring: MAX_1_2,
    },
  ],
  overall: { method: 'highest_indicator' },
  guidance: SCREEN_GUIDANCE,
};

export const DEMO_AT_RISK_CHECKLIST: InstrumentDefinition = {
  key: 'harbor-demo-at-risk',
  name: t('Harbor demonstration at-risk checklist', 'Lista de riesgo de demostración de Harbor'),
  description: t(
    `A yes/no checklist of circumstances that make exploitation more likely. It finds youth at risk; it does not find victims. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Una lista de sí o no de circunstancias que hacen más probable la explotación. Identifica a jóvenes en riesgo; no identifica víctimas. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t('Any worker, at intake or at a case review.', 'Cualquier trabajador, en la admisión o en una revisión del caso.'),
  scales: [YN],
  sections: [
    {
      key: 'circumstances',
      title: t('Life circumstances', 'Circunstancias de vida'),
      items: [
        item('past_abuse', 'yn', t('Has experienced abuse or neglect.', 'Ha sufrido abuso o negligencia.')),
        item('runaway_history', 'yn', t('Has run away before.', 'Se ha escapado antes.')),
        item('housing_unstable', 'yn', t('Housing is unstable, or the youth has moved placements often.', 'La vivienda es inestable, o el joven ha cambiado de colocación con frecuencia.')),
        item('school_disengaged', 'yn', t('Is disengaged from school.', 'Está desconectado de la escuela.')),
        item('substance_use', 'yn', t('Uses alcohol or drugs.', 'Consume alcohol o drogas.')),
      ],
      scoring: { method: 'sum', possibleAt: 1, clearAt: 3 },
    },
    {
      key: 'connections',
      title: t('Relationships and online contact', 'Relaciones y contacto en internet'),
      items: [
        item('older_partner', 'yn', t('Has a much older partner.', 'Tiene una pareja mucho mayor.')),
        item('peers_exploited', 'yn', t('Has friends or family members who have been exploited.', 'Tiene amigos o familiares que han sido explotados.')),
        item('online_strangers', 'yn', t('Is in contact online with adults they have not met.', 'Tiene contacto en internet con adultos que no conoce en persona.')),
        item('unexplained_gifts', 'yn', t('Has money or gifts with no clear source.', 'Tiene dinero o regalos sin un origen claro.')),
        item('controlling_relationship', 'yn', t('Is in a relationship where the other person controls them.', 'Tiene una relación en la que la otra persona lo controla.')),
      ],
      scoring: { method: 'sum', possibleAt: 1, clearAt: 3 },
    },
  ],
  overall: { method: 'highest_indicator' },
  guidance: {
    no_concern: t(
      'No risk factors checked. Repeat the checklist on the county schedule.',
      'No se marcó ningún factor de riesgo. Repita la lista según el calendario del condado.',
    ),
    possible_concern: t(
      'Some risk factors. Talk about safety with the youth, consider prevention services, and repeat the checklist on the county schedule.',
      'Algunos factores de riesgo. Hable de seguridad con el joven, considere servicios de prevención y repita la lista según el calendario del condado.',
    ),
    clear_concern: t(
      'Several risk factors. Complete a full screen soon, consult your supervisor, make a safety plan, and record the youth as At Risk if the county protocol says so.',
      'Varios factores de riesgo. Complete pronto una evaluación completa, consulte a su supervisor, haga un plan de seguridad y registre al joven como En Riesgo si el protocolo del condado lo indica.',
    ),
  },
};

export const DEMO_INSTRUMENTS: readonly InstrumentDefinition[] = [DEMO_FULL_SCREEN, DEMO_BRIEF_SCREEN, DEMO_AT_RISK_CHECKLIST];
