// The directory's search filters and their query string, and how fresh a vacancy count is. The
// vocabulary (provider kinds, genders, populations, trainings, placement types) is the server's
// own: src/domain/directory.ts and placements.ts.
import { countyDaysAgo } from './format';

/** Languages offered as suggestions in the language boxes; any other may be typed. */
export const COMMON_LANGUAGES = [
  'English',
  'Spanish',
  'American Sign Language',
  'Armenian',
  'Cantonese',
  'Khmer',
  'Korean',
  'Mandarin',
  'Russian',
  'Tagalog',
  'Vietnamese',
];

/** The search form's values, as strings and flags, as they go into the query string. */
export interface DirectoryFilters {
  q: string;
  service: string;
  spa: string;
  language: string;
  population: string;
  age: string;
  placementType: string;
  hasVacancy: boolean;
  crisis: boolean;
  csecTrained: boolean;
}

export const EMPTY_FILTERS: DirectoryFilters = {
  q: '',
  service: '',
  spa: '',
  language: '',
  population: '',
  age: '',
  placementType: '',
  hasVacancy: false,
  crisis: false,
  csecTrained: false,
};

const TEXT_KEYS = ['q', 'service', 'spa', 'language', 'population', 'age', 'placementType'] as const;
const FLAG_KEYS = ['hasVacancy', 'crisis', 'csecTrained'] as const;

export function filtersFromParams(params: URLSearchParams): DirectoryFilters {
  const f: DirectoryFilters = { ...EMPTY_FILTERS };
  for (const k of TEXT_KEYS) f[k] = params.get(k) ?? '';
  for (const k of FLAG_KEYS) f[k] = params.get(k) === 'true';
  return f;
}

/** Only the filters that are set; an age that is not a whole number 0 to 30 is left out. */
export function filtersToParams(f: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of TEXT_KEYS) {
    const v = f[k].trim();
    if (!v) continue;
    if (k === 'age' && !isAge(v)) continue;
    params.set(k, v);
  }
  for (const k of FLAG_KEYS) if (f[k]) params.set(k, 'true');
  return params;
}

export function isAge(value: string): boolean {
  return /^\d{1,2}$/.test(value.trim()) && Number(value) <= 30;
}

/** How many filters (not the text search) are set: shown on the phone's "Filters" button. */
export function activeFilterCount(f: DirectoryFilters): number {
  return TEXT_KEYS.filter((k) => k !== 'q' && f[k].trim() !== '').length + FLAG_KEYS.filter((k) => f[k]).length;
}

/** A vacancy count not confirmed within this many days is flagged as possibly out of date. */
export const VACANCY_STALE_DAYS = 14;

export function vacancyIsStale(confirmedAt: string | null, now = Date.now()): boolean {
  return confirmedAt === null || countyDaysAgo(confirmedAt, now) > VACANCY_STALE_DAYS;
}

/** The last directory search, so "Back to the directory" returns to the same results. */
let lastSearch = '';

export function rememberDirectorySearch(query: string): void {
  lastSearch = query;
}

export function directoryPath(): string {
  return lastSearch ? `/directory?${lastSearch}` : '/directory';
}
