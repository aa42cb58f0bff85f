// The words of the access log's CSV, in English and Spanish: the same words the page shows
// (src/web/i18n: accessLog.kinds, roles, categories), so a download never carries a raw code.
import type { RecordKind } from '../../contract/access-log.js';
import type { ExportLanguage } from '../../contract/paging.js';
import type { FieldCategory } from '../../domain/field-categories.js';

interface Words {
  headers: string[];
  system: string;
  roles: Record<string, string>;
  kinds: Record<RecordKind, string>;
  categories: Record<FieldCategory, string>;
}

export const ACCESS_LOG_WORDS: Record<ExportLanguage, Words> = {
  en: {
    headers: [
      'Started (Pacific time)',
      'Ended (Pacific time)',
      'Person',
      'Roles',
      'Agency',
      'Viewed',
      'Changed',
      'Refused',
      'Information',
      'Requests',
    ],
    system: 'Harbor (automatic)',
    roles: {
      caseworker: 'Caseworker',
      supervisor: 'Supervisor',
      advocate: 'Advocate',
      mdt_coordinator: 'MDT coordinator',
      county_analyst: 'County analyst',
      county_admin: 'County administrator',
      auditor: 'Auditor',
      state_analyst: 'State analyst',
      org_admin: 'Organization administrator',
    },
    kinds: {
      record: 'the record',
      access_log: 'who viewed the record',
      cases: 'cases',
      referrals: 'referrals',
      placements: 'placements',
      services: 'services',
      screenings: 'screenings',
      csec_types: 'CSEC types',
      safety_plans: 'safety plans',
      mdt: 'the team (MDT)',
      missing: 'missing reports',
      first_response: 'first response',
      obligations: 'duties and deadlines',
      advocacy: 'advocacy',
      other: 'other information',
    },
    categories: {
      identity: 'Identity',
      contact_location: 'Contact details and location',
      placement_location: 'Placement address',
      exploitation: 'Exploitation history',
      health: 'Health',
      mental_health: 'Mental health',
      substance_use: 'Substance use',
      court: 'Court',
      education: 'Education',
    },
  },
  es: {
    headers: [
      'Inicio (hora del Pacífico)',
      'Fin (hora del Pacífico)',
      'Persona',
      'Funciones',
      'Agencia',
      'Consultó',
      'Cambió',
      'Rechazado',
      'Información',
      'Solicitudes',
    ],
    system: 'Harbor (automático)',
    roles: {
      caseworker: 'Trabajador de casos',
      supervisor: 'Supervisor',
      advocate: 'Defensor',
      mdt_coordinator: 'Coordinador del MDT',
      county_analyst: 'Analista del condado',
      county_admin: 'Administrador del condado',
      auditor: 'Auditor',
      state_analyst: 'Analista del estado',
      org_admin: 'Administrador de la organización',
    },
    kinds: {
      record: 'el expediente',
      access_log: 'quién consultó el expediente',
      cases: 'casos',
      referrals: 'remisiones',
      placements: 'colocaciones',
      services: 'servicios',
      screenings: 'evaluaciones',
      csec_types: 'tipos de CSEC',
      safety_plans: 'planes de seguridad',
      mdt: 'el equipo (MDT)',
      missing: 'reportes de desaparición',
      first_response: 'primera respuesta',
      obligations: 'deberes y plazos',
      advocacy: 'defensoría',
      other: 'otra información',
    },
    categories: {
      identity: 'Identidad',
      contact_location: 'Datos de contacto y ubicación',
      placement_location: 'Dirección de la colocación',
      exploitation: 'Historial de explotación',
      health: 'Salud',
      mental_health: 'Salud mental',
      substance_use: 'Consumo de sustancias',
      court: 'Tribunal',
      education: 'Educación',
    },
  },
};
