// The service catalog (seed 004, "Services") and the rules of a service episode.
import { rule, type RuleProblem } from '../contract/problems.js';
import type { FieldCategory } from './field-categories.js';

export interface CatalogEntry {
  key: string;
  name: { en: string; es: string };
  /** Which field category an episode of this service belongs to: a therapy episode is mental health data. */
  category: FieldCategory;
}

const e = (key: string, en: string, es: string, category: FieldCategory = 'identity'): CatalogEntry => ({
  key,
  name: { en, es },
  category,
});

/** Seeded for every county; a county adds its own entries. */
export const SERVICE_CATALOG: readonly CatalogEntry[] = [
  e('mental_health', 'Mental health services', 'Servicios de salud mental', 'mental_health'),
  e('case_management', 'Case management', 'Administración de casos'),
  e('substance_use_treatment', 'Substance use treatment', 'Tratamiento por uso de sustancias', 'substance_use'),
  e('trauma_informed_therapy', 'Trauma-informed therapy', 'Terapia informada sobre el trauma', 'mental_health'),
  e('csec_advocacy', 'Specialized CSEC advocacy', 'Defensoría especializada en CSEC', 'exploitation'),
  e('crisis_response', 'Crisis response', 'Respuesta a crisis', 'exploitation'),
  e('gang_intervention', 'Gang-affiliation intervention', 'Intervención por afiliación a pandillas'),
  e('independent_living', 'Independent Living Program', 'Programa de Vida Independiente'),
  e(
    'vocational_training',
    'Vocational training and subsidized employment',
    'Capacitación vocacional y empleo subsidiado',
  ),
  e('financial_literacy', 'Financial literacy', 'Educación financiera'),
  e('education_support', 'Education support', 'Apoyo educativo', 'education'),
  e('health_care', 'Health care and sexual assault exams', 'Atención médica y exámenes por agresión sexual', 'health'),
  e('legal_services', 'Legal services', 'Servicios legales', 'court'),
  e('transportation', 'Transportation (transit passes)', 'Transporte (pases de tránsito)'),
  e('tattoo_removal', 'Tattoo removal', 'Eliminación de tatuajes', 'health'),
  e('mentoring', 'Mentoring', 'Mentoría'),
  e('dbt', 'Dialectical behavior therapy (DBT)', 'Terapia dialéctica conductual (DBT)', 'mental_health'),
  e('art_therapy', 'Art therapy', 'Arteterapia', 'mental_health'),
  e('equine_therapy', 'Equine therapy', 'Equinoterapia', 'mental_health'),
  e('horticulture_therapy', 'Horticulture therapy', 'Horticulturaterapia', 'mental_health'),
  e('camps_retreats', 'Camps and retreats', 'Campamentos y retiros'),
  e('other', 'Other service', 'Otro servicio'),
];

export const SERVICE_STATUSES = ['referred', 'declined', 'waiting', 'active', 'completed', 'dropped'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const FUNDING_SOURCES = [
  'sb855_csec_program',
  'title_iv_e',
  'medi_cal',
  'county_general',
  'grant',
  'private',
  'other',
] as const;

export interface ServiceEpisodeDates {
  status: ServiceStatus;
  referredAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
}

/** The episode's own rules, as messages naming the field to fix. Empty means it may be saved. */
export function validateServiceEpisode(ep: ServiceEpisodeDates, now: Date = new Date()): string[] {
  return serviceEpisodeProblems(ep, now).map((p) => p.text);
}

/** The same rules as validateServiceEpisode, each with the field to fix and its stable code. */
export function serviceEpisodeProblems(ep: ServiceEpisodeDates, now: Date = new Date()): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const soon = now.getTime() + 5 * 60_000;
  if (ep.referredAt.getTime() > soon) problems.push(rule('referredAt', 'date_in_future', 'cannot be in the future'));
  if (ep.startedAt && ep.startedAt < ep.referredAt)
    problems.push(rule('startedAt', 'before_referred', 'a service cannot start before it was referred'));
  if (ep.startedAt && ep.startedAt.getTime() > soon)
    problems.push(rule('startedAt', 'date_in_future', 'cannot be in the future'));
  if (ep.endedAt && !ep.startedAt)
    problems.push(rule('endedAt', 'needs_start', 'record when the service started before recording when it ended'));
  if (ep.endedAt && ep.startedAt && ep.endedAt < ep.startedAt)
    problems.push(rule('endedAt', 'end_before_start', 'a service cannot end before it started'));
  if (ep.endedAt && ep.endedAt.getTime() > soon)
    problems.push(rule('endedAt', 'date_in_future', 'cannot be in the future'));
  if (ep.status === 'active' && !ep.startedAt)
    problems.push(rule('startedAt', 'needs_start', 'an active service needs its start date'));
  if ((ep.status === 'completed' || ep.status === 'dropped') && !ep.endedAt)
    problems.push(rule('endedAt', 'needs_end', `a ${ep.status} service needs its end date`, { status: ep.status }));
  if ((ep.status === 'completed' || ep.status === 'dropped') && !ep.endReason)
    problems.push(
      rule('endReason', 'needs_reason', `say why the service ${ep.status === 'completed' ? 'ended' : 'was dropped'}`),
    );
  if ((ep.status === 'referred' || ep.status === 'waiting' || ep.status === 'declined') && ep.startedAt) {
    problems.push(
      rule(
        'status',
        'status_after_start',
        `a service that started cannot be "${ep.status}"; use active, completed or dropped`,
        { status: ep.status },
      ),
    );
  }
  return problems;
}
