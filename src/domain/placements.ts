// Placement types (seed 004, DOMAIN.md section 6) and the rule of one place at a time.

/** The placement types. The web translates each key (placementTypes.<key> in src/web/i18n). */
export const PLACEMENT_TYPE_KEYS = [
  'home_of_parent',
  'relative',
  'nrefm',
  'resource_family',
  'ffa_home',
  'strtp',
  'emergency_shelter',
  'receiving_center',
  'transitional_housing',
  'sila',
  'juvenile_hall',
  'camp',
  'dorothy_kirby',
  'hospital',
  'other',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPE_KEYS)[number];

/** English names, for the server-rendered directory export (CSV/XLSX) only. */
export const PLACEMENT_TYPE_NAMES_EN: Record<PlacementType, string> = {
  home_of_parent: 'Home of parent',
  relative: 'Relative',
  nrefm: 'Non-relative extended family member',
  resource_family: 'Resource family',
  ffa_home: 'Foster family agency home',
  strtp: 'Group home / STRTP',
  emergency_shelter: 'Emergency shelter',
  receiving_center: 'Receiving or assessment center',
  transitional_housing: 'Transitional housing',
  sila: 'Supervised independent living',
  juvenile_hall: 'Juvenile hall',
  camp: 'Probation camp',
  dorothy_kirby: 'Dorothy Kirby Center',
  hospital: 'Hospital',
  other: 'Other',
};

export interface Interval {
  id: string;
  start: Date;
  /** null: still there. */
  end: Date | null;
}

const endOf = (i: Interval) => (i.end ? i.end.getTime() : Number.POSITIVE_INFINITY);

/** Half-open intervals [start, end): a placement ending at 3 pm and the next starting at 3 pm do not overlap. */
export function findOverlap(candidate: Interval, others: Interval[]): Interval | null {
  return (
    others.find(
      (o) => o.id !== candidate.id && o.start.getTime() < endOf(candidate) && candidate.start.getTime() < endOf(o),
    ) ?? null
  );
}

/** Periods with no placement on record between consecutive placements, for the timeline. */
export function gaps(intervals: Interval[]): { from: Date; to: Date }[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: { from: Date; to: Date }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.end && prev.end.getTime() < next.start.getTime()) out.push({ from: prev.end, to: next.start });
  }
  return out;
}

/** The placement holding `at`, if any. */
export function current<T extends Interval>(intervals: T[], at: Date): T | null {
  return intervals.find((i) => i.start.getTime() <= at.getTime() && at.getTime() < endOf(i)) ?? null;
}
