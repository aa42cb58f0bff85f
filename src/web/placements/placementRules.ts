// The rule of one place at a time, checked in the browser first so the message can name the
// other placement in the reader's language. The server checks again (409).
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../components/ErrorSummary';
import { formatCountyDateTime } from '../lib/format';
import type { Language } from '../i18n';
import type { PlacementView as Placement } from '../../contract/placements';

const endOf = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);

/** The first placement overlapping [start, end), ignoring `except`. Half-open: ending at 3 pm and starting at 3 pm do not overlap. */
export function overlapping(
  placements: Placement[],
  startIso: string,
  endIso: string | null,
  except: string[] = [],
): Placement | null {
  const start = new Date(startIso).getTime();
  const end = endOf(endIso);
  return (
    placements.find((p) => !except.includes(p.id) && new Date(p.startAt).getTime() < end && start < endOf(p.endAt)) ??
    null
  );
}

export function overlapProblem(field: string, other: Placement, t: TFunction, language: Language): FieldProblem {
  const label = t(`placementTypes.${other.placementType}`);
  return {
    field,
    message: other.endAt
      ? t('placementForm.errors.overlap', {
          label,
          from: formatCountyDateTime(other.startAt, language),
          to: formatCountyDateTime(other.endAt, language),
        })
      : t('placementForm.errors.overlapOpen', { label, from: formatCountyDateTime(other.startAt, language) }),
  };
}

/** A placement cannot start more than a day ahead (the server's rule). */
export const START_AHEAD_MS = 86_400_000;
