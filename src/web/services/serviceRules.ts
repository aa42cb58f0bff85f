// A service episode's rules (src/domain/services.ts), checked in the browser first so each
// message is in the reader's language and points at its field. The server checks again.
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../components/ErrorSummary';
import type { ServiceStatus } from '../../domain/services';

export const STARTED: readonly ServiceStatus[] = ['active', 'completed', 'dropped'];
export const ENDED: readonly ServiceStatus[] = ['completed', 'dropped'];
/** The server allows five minutes of clock difference for "not in the future". */
const SOON_MS = 5 * 60_000;

export interface EpisodeInput {
  status: ServiceStatus;
  referredAt: string | null;
  /** The boxes' raw values, to tell "empty" from "not a date". */
  startedRaw: string;
  startedAt: string | null;
  endedRaw: string;
  endedAt: string | null;
  endReason: string;
}

export function checkEpisode(
  ep: EpisodeInput,
  ids: { referred: string; started: string; ended: string; reason: string },
  t: TFunction,
): FieldProblem[] {
  const list: FieldProblem[] = [];
  const soon = Date.now() + SOON_MS;
  const at = (iso: string | null) => (iso ? new Date(iso).getTime() : null);
  const referred = at(ep.referredAt);
  const started = at(ep.startedAt);
  const ended = at(ep.endedAt);
  if (referred === null) list.push({ field: ids.referred, message: t('serviceForm.errors.referred') });
  else if (referred > soon) list.push({ field: ids.referred, message: t('serviceForm.errors.referredFuture') });
  if (ep.startedRaw && started === null)
    list.push({ field: ids.started, message: t('serviceForm.errors.startedDate') });
  if (ep.endedRaw && ended === null) list.push({ field: ids.ended, message: t('serviceForm.errors.endedDate') });
  if (STARTED.includes(ep.status) && !ep.startedRaw)
    list.push({ field: ids.started, message: t('serviceForm.errors.startedNeeded') });
  if (!STARTED.includes(ep.status) && ep.startedRaw)
    list.push({
      field: ids.started,
      message: t('serviceForm.errors.notStarted', { status: t(`serviceStatuses.${ep.status}`) }),
    });
  if (started !== null && referred !== null && started < referred)
    list.push({ field: ids.started, message: t('serviceForm.errors.startedBeforeReferred') });
  if (started !== null && started > soon)
    list.push({ field: ids.started, message: t('serviceForm.errors.startedFuture') });
  if (ENDED.includes(ep.status) && !ep.endedRaw)
    list.push({ field: ids.ended, message: t('serviceForm.errors.endedNeeded') });
  if (ep.endedRaw && !STARTED.includes(ep.status))
    list.push({ field: ids.ended, message: t('serviceForm.errors.endedNoStart') });
  if (ended !== null && started !== null && ended < started)
    list.push({ field: ids.ended, message: t('serviceForm.errors.endedBeforeStarted') });
  if (ended !== null && ended > soon) list.push({ field: ids.ended, message: t('serviceForm.errors.endedFuture') });
  if (ENDED.includes(ep.status) && !ep.endReason.trim())
    list.push({ field: ids.reason, message: t('serviceForm.errors.reasonNeeded') });
  return list;
}
