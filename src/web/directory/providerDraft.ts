// A directory entry as the provider form edits it: the draft (text as typed), the entry the API
// takes from it, the form's field ids and the checks made before sending. No React here: the
// form (ProviderForm.tsx) holds the state and draws the fields.
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../components/ErrorSummary';
import type { ProviderView as Provider } from '../../contract/directory';
import type { ProviderKind } from '../../domain/directory';
import { fieldLabel } from './fieldLabels';

export interface TrainingRow {
  row: number;
  training: string;
  completedOn: string;
}

export interface Draft {
  kind: ProviderKind | '';
  name: string;
  description: string;
  services: string[];
  placementTypes: string[];
  beds: string;
  vacancies: string;
  ageMin: string;
  ageMax: string;
  genders: string[];
  lgbtqAffirming: boolean;
  servesParentingYouth: boolean;
  servesBoys: boolean;
  crisis247: boolean;
  active: boolean;
  languages: string;
  spas: number[];
  phone: string;
  email: string;
  website: string;
  address: string;
  hours: string;
  externalRef: string;
  trainings: TrainingRow[];
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

export function draftOf(p: Provider | undefined): Draft {
  return {
    kind: p?.kind ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    services: p?.services ?? [],
    placementTypes: p?.placementTypes ?? [],
    beds: numberText(p?.beds ?? null),
    vacancies: numberText(p?.vacancies ?? null),
    ageMin: numberText(p?.ageMin ?? null),
    ageMax: numberText(p?.ageMax ?? null),
    genders: p?.genders ?? [],
    lgbtqAffirming: p?.lgbtqAffirming ?? false,
    servesParentingYouth: p?.servesParentingYouth ?? false,
    servesBoys: p?.servesBoys ?? false,
    crisis247: p?.crisis247 ?? false,
    active: p?.active ?? true,
    languages: (p?.languages ?? []).join(', '),
    spas: p?.spas ?? [],
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    website: p?.website ?? '',
    address: p?.address ?? '',
    hours: p?.hours ?? '',
    externalRef: p?.externalRef ?? '',
    trainings: (p?.csecTrainings ?? []).map((t, i) => ({ row: i, training: t.training, completedOn: t.completedOn })),
  };
}

const textOrNull = (v: string) => (v.trim() ? v.trim() : null);
export const whole = (v: string) => (v.trim() === '' ? null : Number(v.trim()));
const sorted = <T>(xs: T[]) => [...xs].sort();

/** The entry as the API takes it (every field the form edits). */
export function fieldsOf(d: Draft): Record<string, unknown> {
  return {
    kind: d.kind,
    name: d.name.trim(),
    description: textOrNull(d.description),
    services: sorted(d.services),
    placementTypes: sorted(d.placementTypes),
    beds: whole(d.beds),
    vacancies: whole(d.vacancies),
    ageMin: whole(d.ageMin),
    ageMax: whole(d.ageMax),
    genders: sorted(d.genders),
    lgbtqAffirming: d.lgbtqAffirming,
    servesParentingYouth: d.servesParentingYouth,
    servesBoys: d.servesBoys,
    crisis247: d.crisis247,
    active: d.active,
    languages: d.languages
      .split(/[,;]/)
      .map((l) => l.trim())
      .filter(Boolean),
    spas: [...d.spas].sort((a, b) => a - b),
    phone: textOrNull(d.phone),
    email: textOrNull(d.email),
    website: textOrNull(d.website),
    address: textOrNull(d.address),
    hours: textOrNull(d.hours),
    externalRef: textOrNull(d.externalRef),
    csecTrainings: d.trainings
      .map((t) => ({ training: t.training.trim(), completedOn: t.completedOn }))
      .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.training.localeCompare(b.training)),
  };
}

/** The form's field ids, by the API's field names (for the server's messages too). */
export const IDS: Record<string, string> = {
  kind: 'provider-kind',
  name: 'provider-name',
  description: 'provider-description',
  services: 'provider-services',
  placementTypes: 'provider-placement-types',
  beds: 'provider-beds',
  vacancies: 'provider-vacancies',
  ageMin: 'provider-age-min',
  ageMax: 'provider-age-max',
  genders: 'provider-genders',
  lgbtqAffirming: 'provider-populations',
  servesParentingYouth: 'provider-populations',
  servesBoys: 'provider-populations',
  crisis247: 'provider-crisis',
  active: 'provider-active',
  languages: 'provider-languages',
  spas: 'provider-spas',
  phone: 'provider-phone',
  email: 'provider-email',
  website: 'provider-website',
  address: 'provider-address',
  hours: 'provider-hours',
  externalRef: 'provider-external-ref',
  csecTrainings: 'provider-trainings',
};

/**
 * What the form checks before sending, in the words shown beside each field (the server checks
 * the same again; its 400 answers are mapped onto the same field ids).
 */
export function checkDraft(draft: Draft, t: TFunction, today: string): FieldProblem[] {
  const list: FieldProblem[] = [];
  const add = (field: string, key: string, values?: Record<string, unknown>) =>
    list.push({ field: IDS[field] ?? field, message: t(`providerForm.errors.${key}`, values) });
  if (!draft.name.trim()) add('name', 'name');
  if (!draft.kind) add('kind', 'kind');
  const count = (field: 'beds' | 'vacancies', max: number) => {
    const v = draft[field].trim();
    if (v && (!/^\d+$/.test(v) || Number(v) > max)) add(field, 'wholeNumber', { label: fieldLabel(field, t), max });
  };
  count('beds', 10000);
  count('vacancies', 10000);
  const beds = whole(draft.beds);
  const vacancies = whole(draft.vacancies);
  if (beds !== null && vacancies !== null && !Number.isNaN(beds) && !Number.isNaN(vacancies) && vacancies > beds)
    add('vacancies', 'vacanciesOverBeds');
  for (const field of ['ageMin', 'ageMax'] as const) {
    const v = draft[field].trim();
    if (v && (!/^\d+$/.test(v) || Number(v) > 30)) add(field, 'age', { label: fieldLabel(field, t) });
  }
  const min = whole(draft.ageMin);
  const max = whole(draft.ageMax);
  if (min !== null && max !== null && min <= 30 && max <= 30 && min > max) add('ageMin', 'ageOrder');
  if (draft.phone.trim()) {
    const digits = draft.phone.split(/x|ext/i)[0]!.replace(/\D/g, '').length;
    if (!(digits === 3 || (digits >= 7 && digits <= 15))) add('phone', 'phone');
  }
  if (draft.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email.trim())) add('email', 'email');
  if (draft.website.trim() && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(draft.website.trim())) add('website', 'website');
  for (const row of draft.trainings) {
    if (!row.training.trim())
      list.push({ field: `provider-training-${row.row}`, message: t('providerForm.errors.training') });
    if (!row.completedOn)
      list.push({ field: `provider-training-date-${row.row}`, message: t('providerForm.errors.trainingDate') });
    else if (row.completedOn > today)
      list.push({ field: `provider-training-date-${row.row}`, message: t('providerForm.errors.trainingFuture') });
  }
  return list;
}
