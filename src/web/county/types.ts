// GET/PUT /api/county/settings (src/features/county/routes.ts) and the shape of the settings
// (src/domain/county-settings.ts, its type from the contract). The limits below repeat the
// schema's so the form can say what to fix before asking the server without shipping zod to the
// browser; the server still checks everything.
import type { CountySettings } from '../../contract/county';
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

export { ORGANIZATION_TYPES, type OrganizationType } from '../../domain/people';
export { MDT_TIERS, type MdtTier } from '../../domain/mdt';
export type { CountySettings, CountySettingsView } from '../../contract/county';

export type Unit = 'minutes' | 'hours' | 'days' | 'months' | 'levels';

/** A whole number setting: its place in the settings, its unit and the schema's limits. */
export interface NumberSetting {
  path: string;
  unit: Unit;
  min: number;
  max: number;
}

/** A yes/no setting. */
export interface BooleanSetting {
  path: string;
}

export const RESPONSE_SETTINGS: NumberSetting[] = [
  { path: 'response.respondersOnSceneMinutes', unit: 'minutes', min: 15, max: 240 },
  { path: 'response.healthEvaluationHours', unit: 'hours', min: 1, max: 168 },
  { path: 'response.crisisMdtHours', unit: 'hours', min: 2, max: 48 },
  { path: 'response.initialMdtDays', unit: 'days', min: 7, max: 10 },
  { path: 'response.ongoingMdtDays', unit: 'days', min: 7, max: 90 },
];
export const CROSS_REPORT_SETTINGS: NumberSetting[] = [{ path: 'crossReport.hours', unit: 'hours', min: 1, max: 24 }];
export const SCREENING_SETTINGS: NumberSetting[] = [
  { path: 'screening.rescreenMonths.no_concern', unit: 'months', min: 1, max: 36 },
  { path: 'screening.rescreenMonths.possible_concern', unit: 'months', min: 1, max: 36 },
  { path: 'screening.rescreenMonths.clear_concern', unit: 'months', min: 1, max: 36 },
];
export const MISSING_NUMBERS: NumberSetting[] = [
  { path: 'missing.lawEnforcementHours', unit: 'hours', min: 1, max: 24 },
  { path: 'missing.ncmecHours', unit: 'hours', min: 1, max: 24 },
  { path: 'missing.attorneyHours', unit: 'hours', min: 1, max: 72 },
  { path: 'missing.parentHours', unit: 'hours', min: 1, max: 72 },
  { path: 'missing.courtHours', unit: 'hours', min: 1, max: 120 },
  { path: 'missing.debriefHours', unit: 'hours', min: 1, max: 720 },
];
export const MISSING_BOOLEANS: BooleanSetting[] = [
  { path: 'missing.notifyParentDefault' },
  { path: 'missing.notifyCourt' },
];
export const ADVOCACY_NUMBERS: NumberSetting[] = [
  { path: 'advocacy.recoveredWindowDays', unit: 'days', min: 7, max: 365 },
  { path: 'advocacy.vettingWarningDays', unit: 'days', min: 1, max: 180 },
];
export const ESCALATION_BOOLEANS: BooleanSetting[] = [
  { path: 'escalation.owner' },
  { path: 'escalation.supervisor_chain' },
  { path: 'escalation.county_admin' },
  { path: 'escalation.email' },
];
export const ESCALATION_NUMBERS: NumberSetting[] = [
  { path: 'escalation.supervisor_levels', unit: 'levels', min: 1, max: 5 },
];

export const ALL_NUMBERS = [
  ...RESPONSE_SETTINGS,
  ...CROSS_REPORT_SETTINGS,
  ...SCREENING_SETTINGS,
  ...MISSING_NUMBERS,
  ...ADVOCACY_NUMBERS,
  ...ESCALATION_NUMBERS,
];
export const ALL_BOOLEANS = [...MISSING_BOOLEANS, ...ESCALATION_BOOLEANS];

/** The value at a dotted path ("missing.debriefHours"). */
export function valueAt(settings: CountySettings, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), settings);
}

/** A copy of the settings with one value replaced. */
export function withValue(settings: CountySettings, path: string, value: unknown): CountySettings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy as unknown as CountySettings;
}

/** The form field id of a setting. */
export const fieldId = (path: string) => `settings-${path.replace(/[._]/g, '-')}`;

/** Supervisors read the settings; county administrators read and change them (the server's PUT policy). */
export function canSeeCountySettings(session: SessionView): boolean {
  return can(session, 'settings.view');
}

export function canEditCountySettings(session: SessionView): boolean {
  return can(session, 'settings.edit');
}
