// The shapes of GET /api/youth/:id/first-response and /api/organizations (src/features/first-response, people).

export interface Arrival {
  organizationId: string;
  organization: string;
  notifiedAt: string;
  arrivedAt: string | null;
  minutesFromCall: number | null;
  onTime: boolean | null;
}

export interface Encounter {
  id: string;
  foundBy: { organization: string; name: string };
  foundAt: string;
  locationType: string;
  spaNumber: number | null;
  /** Absent when the user's grant does not cover contact and location details. */
  streetAddress?: string | null;
  hotlineCalledAt: string;
  hotlineReference: string | null;
  advocate: { organization: string; dispatchedAt: string | null } | null;
  youthWentTo: string | null;
  healthEvaluationAt: string | null;
  healthEvaluation: {
    obligationId: string;
    status: 'open' | 'met' | 'missed' | 'waived';
    dueAt: string;
    completedAt: string | null;
    provider: string | null;
  } | null;
  arrivals: Arrival[];
}

export interface EncountersResponse {
  targetMinutes: number;
  encounters: Encounter[];
}

export interface Organization {
  id: string;
  name: string;
  type: string;
}

export const LOCATION_TYPES = [
  'street',
  'motel',
  'residence',
  'business',
  'online_meetup',
  'transit',
  'school',
  'other',
] as const;

/** Where an agency's arrival stands against the on-scene target. */
export function arrivalState(
  a: Arrival,
  hotlineCalledAt: string,
  targetMinutes: number,
  now: number,
): 'onTime' | 'late' | 'awaiting' | 'overdue' {
  if (a.onTime === true) return 'onTime';
  if (a.onTime === false) return 'late';
  return now > new Date(hotlineCalledAt).getTime() + targetMinutes * 60_000 ? 'overdue' : 'awaiting';
}
