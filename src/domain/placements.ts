// Placement types (seed 004, DOMAIN.md section 6) and the rule of one place at a time.

export const PLACEMENT_TYPES = [
  { key: 'home_of_parent', en: 'Home of parent', es: 'Hogar de los padres' },
  { key: 'relative', en: 'Relative', es: 'Familiar' },
  { key: 'nrefm', en: 'Non-relative extended family member', es: 'Familia extendida no pariente' },
  { key: 'resource_family', en: 'Resource family', es: 'Familia de recursos' },
  { key: 'ffa_home', en: 'Foster family agency home', es: 'Hogar de agencia de familias de crianza' },
  { key: 'strtp', en: 'Group home / STRTP', es: 'Hogar grupal / STRTP' },
  { key: 'emergency_shelter', en: 'Emergency shelter', es: 'Refugio de emergencia' },
  { key: 'receiving_center', en: 'Receiving or assessment center', es: 'Centro de recepción o evaluación' },
  { key: 'transitional_housing', en: 'Transitional housing', es: 'Vivienda de transición' },
  { key: 'sila', en: 'Supervised independent living', es: 'Vida independiente supervisada' },
  { key: 'juvenile_hall', en: 'Juvenile hall', es: 'Centro de detención juvenil' },
  { key: 'camp', en: 'Probation camp', es: 'Campamento de libertad condicional' },
  { key: 'dorothy_kirby', en: 'Dorothy Kirby Center', es: 'Centro Dorothy Kirby' },
  { key: 'hospital', en: 'Hospital', es: 'Hospital' },
  { key: 'other', en: 'Other', es: 'Otro' },
] as const;

export type PlacementType = (typeof PLACEMENT_TYPES)[number]['key'];
export const PLACEMENT_TYPE_KEYS = PLACEMENT_TYPES.map((p) => p.key) as [PlacementType, ...PlacementType[]];

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
