// The resource directory's vocabulary and rules (issue 4): what a provider entry holds, how it is
// normalized so that "unchanged" means unchanged, what makes it valid, and what is never shown.
// Pure: no I/O. The feature code (src/features/directory/) loads the county's context.

export const PROVIDER_KINDS = ['organization', 'resource_family', 'independent'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Genders a provider serves (a provider may list several). */
export const GENDERS = ['female', 'male', 'transgender', 'nonbinary'] as const;
export type Gender = (typeof GENDERS)[number];

/** The population filters of the directory search, and the provider flag each one reads. */
export const POPULATIONS = ['lgbtq_affirming', 'parenting_youth', 'boys'] as const;
export type Population = (typeof POPULATIONS)[number];

/** Well-known CSEC trainings; a county may record others under its own key. */
export const KNOWN_TRAININGS = ['csec_101', 'csec_102', 'county_protocol'] as const;
export const TRAINING_KEY = /^[a-z0-9_]{1,60}$/;

/** The field categories a service catalog entry may belong to (an episode of it is that kind of data). */
export const SERVICE_CATEGORIES = [
  'identity',
  'health',
  'mental_health',
  'substance_use',
  'court',
  'education',
  'exploitation',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** A vacancy count older than this is shown as needing confirmation. */
export const VACANCY_FRESH_DAYS = 7;

export interface CsecTraining {
  training: string;
  /** YYYY-MM-DD */
  completedOn: string;
}

/** Everything an editor sets on a provider entry (not id, version or timestamps). */
export interface ProviderData {
  organizationId: string | null;
  kind: ProviderKind;
  name: string;
  description: string | null;
  services: string[];
  placementTypes: string[];
  beds: number | null;
  vacancies: number | null;
  csecTrainings: CsecTraining[];
  ageMin: number | null;
  ageMax: number | null;
  genders: string[];
  lgbtqAffirming: boolean;
  servesParentingYouth: boolean;
  servesBoys: boolean;
  languages: string[];
  spas: number[];
  countiesServed: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  /** A public office address for an organization; for a resource family a placement address, never shown. */
  address: string | null;
  hours: string | null;
  crisis247: boolean;
  externalRef: string | null;
  active: boolean;
}

export const PROVIDER_FIELDS = [
  'organizationId',
  'kind',
  'name',
  'description',
  'services',
  'placementTypes',
  'beds',
  'vacancies',
  'csecTrainings',
  'ageMin',
  'ageMax',
  'genders',
  'lgbtqAffirming',
  'servesParentingYouth',
  'servesBoys',
  'languages',
  'spas',
  'countiesServed',
  'phone',
  'email',
  'website',
  'address',
  'hours',
  'crisis247',
  'externalRef',
  'active',
] as const satisfies readonly (keyof ProviderData)[];
export type ProviderField = (typeof PROVIDER_FIELDS)[number];

export const EMPTY_PROVIDER: Omit<ProviderData, 'kind' | 'name'> = {
  organizationId: null,
  description: null,
  services: [],
  placementTypes: [],
  beds: null,
  vacancies: null,
  csecTrainings: [],
  ageMin: null,
  ageMax: null,
  genders: [],
  lgbtqAffirming: false,
  servesParentingYouth: false,
  servesBoys: false,
  languages: [],
  spas: [],
  countiesServed: [],
  phone: null,
  email: null,
  website: null,
  address: null,
  hours: null,
  crisis247: false,
  externalRef: null,
  active: true,
};

const text = (v: string | null): string | null => {
  const t = v?.replace(/\s+/g, ' ').trim() ?? '';
  return t === '' ? null : t;
};
const sortedUnique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))].sort();

/** Languages compare without case; the first spelling of each is kept, with a capital first letter. */
function languages(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const raw of values) {
    const v = raw.replace(/\s+/g, ' ').trim();
    if (!v) continue;
    const key = v.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, v.charAt(0).toUpperCase() + v.slice(1));
  }
  return [...byKey.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/**
 * One spelling for one meaning: trimmed text, empty text as null, lists sorted without
 * duplicates, email in lower case. Two entries are unchanged when their normal forms are equal.
 */
export function normalizeProvider(p: ProviderData): ProviderData {
  const trainings = new Map<string, CsecTraining>();
  for (const t of p.csecTrainings)
    trainings.set(`${t.completedOn}|${t.training}`, { training: t.training.trim(), completedOn: t.completedOn });
  return {
    organizationId: p.organizationId,
    kind: p.kind,
    name: text(p.name) ?? '',
    description: p.description?.trim() ? p.description.trim() : null,
    services: sortedUnique(p.services),
    placementTypes: sortedUnique(p.placementTypes),
    beds: p.beds,
    vacancies: p.vacancies,
    csecTrainings: [...trainings.values()].sort(
      (a, b) => a.completedOn.localeCompare(b.completedOn) || a.training.localeCompare(b.training),
    ),
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    genders: sortedUnique(p.genders),
    lgbtqAffirming: p.lgbtqAffirming,
    servesParentingYouth: p.servesParentingYouth,
    servesBoys: p.servesBoys,
    languages: languages(p.languages),
    spas: [...new Set(p.spas)].sort((a, b) => a - b),
    countiesServed: sortedUnique(p.countiesServed.map((c) => c.toLowerCase())),
    phone: text(p.phone),
    email: text(p.email)?.toLowerCase() ?? null,
    website: text(p.website),
    address: text(p.address),
    hours: text(p.hours),
    crisis247: p.crisis247,
    externalRef: text(p.externalRef),
    active: p.active,
  };
}

/** The fields whose values differ between two entries (both normalized). */
export function changedFields(
  before: Partial<Record<string, unknown>>,
  after: Partial<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

export function sameProvider(a: ProviderData, b: ProviderData): boolean {
  return (
    changedFields(
      normalizeProvider(a) as unknown as Record<string, unknown>,
      normalizeProvider(b) as unknown as Record<string, unknown>,
    ).length === 0
  );
}

/** What the county's data says is valid for its directory entries. */
export interface DirectoryContext {
  /** Service keys visible to the county (shared and its own, not retired). */
  serviceKeys: ReadonlySet<string>;
  /** The county's service planning areas. */
  spaNumbers: readonly number[];
  /** Organizations of the county, by id. */
  organizationIds: ReadonlySet<string>;
  today: string;
}

export interface Problem {
  field: ProviderField;
  message: string;
  /** The stable field code the web translates (src/contract/problems.ts FIELD_PROBLEM_CODES). */
  code:
    'more_than_beds' | 'age_min_over_max' | 'unknown_spa' | 'not_in_catalog' | 'unknown_reference' | 'date_in_future';
  params?: Record<string, string | number>;
}

/**
 * The rules that need more than the field's own shape (zod checks shapes): vacancies within
 * beds, the age range, SPAs and services that exist for the county, a known organization.
 */
export function validateProvider(p: ProviderData, ctx: DirectoryContext): Problem[] {
  const problems: Problem[] = [];
  if (p.vacancies !== null && p.beds !== null && p.vacancies > p.beds) {
    problems.push({
      field: 'vacancies',
      message: `cannot be more than beds (${p.vacancies} vacancies, ${p.beds} beds)`,
      code: 'more_than_beds',
      params: { beds: p.beds },
    });
  }
  if (p.ageMin !== null && p.ageMax !== null && p.ageMin > p.ageMax) {
    problems.push({
      field: 'ageMin',
      message: `the minimum age cannot be more than the maximum age (${p.ageMin} > ${p.ageMax})`,
      code: 'age_min_over_max',
      params: { max: p.ageMax },
    });
  }
  const unknownSpas = p.spas.filter((n) => !ctx.spaNumbers.includes(n));
  if (unknownSpas.length) {
    const have = [...ctx.spaNumbers].sort((a, b) => a - b).join(', ');
    problems.push({
      field: 'spas',
      message: `${unknownSpas.join(', ')} ${unknownSpas.length === 1 ? 'is not a service planning area' : 'are not service planning areas'} of this county (it has ${have})`,
      code: 'unknown_spa',
      params: { options: have },
    });
  }
  const unknownServices = p.services.filter((s) => !ctx.serviceKeys.has(s));
  if (unknownServices.length) {
    problems.push({
      field: 'services',
      message: `${unknownServices.map((s) => `"${s}"`).join(', ')} ${unknownServices.length === 1 ? 'is' : 'are'} not in the service catalog (see GET /api/directory/services)`,
      code: 'not_in_catalog',
    });
  }
  if (p.organizationId !== null && !ctx.organizationIds.has(p.organizationId)) {
    problems.push({
      field: 'organizationId',
      message: 'is not an organization of this county',
      code: 'unknown_reference',
    });
  }
  const future = p.csecTrainings.filter((t) => t.completedOn > ctx.today);
  if (future.length)
    problems.push({
      field: 'csecTrainings',
      message: `a training cannot be completed in the future (${future.map((t) => `${t.training} on ${t.completedOn}`).join(', ')})`,
      code: 'date_in_future',
    });
  return problems;
}

/**
 * A resource family's address is a placement address: exploiters recruit from placements, so no
 * directory answer, history or export ever carries it. An organization's office address is public.
 * A snapshot is withheld if either it or the provider today is a resource family.
 */
export function addressWithheld(kind: string, currentKind: string = kind): boolean {
  return kind === 'resource_family' || currentKind === 'resource_family';
}

export function isStale(confirmedAt: Date | null, now: Date = new Date()): boolean {
  return confirmedAt === null || now.getTime() - confirmedAt.getTime() > VACANCY_FRESH_DAYS * 86_400_000;
}
