// First Responder Protocol encounters (DOMAIN.md): where a youth was found.

/** The kinds of place a first responder found the youth. */
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
export type LocationType = (typeof LOCATION_TYPES)[number];
