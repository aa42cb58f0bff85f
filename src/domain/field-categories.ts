// Field categories: every piece of youth data belongs to exactly one, and grants are given per
// category (issue 2, item 4). The current placement address is the most restricted of all.

export const FIELD_CATEGORIES = [
  'identity',
  'contact_location',
  'placement_location',
  'exploitation',
  'health',
  'mental_health',
  'substance_use',
  'court',
  'education',
] as const;
export type FieldCategory = (typeof FIELD_CATEGORIES)[number];

/** Which category each youth record field belongs to. A field missing here cannot be returned. */
export const YOUTH_FIELD_CATEGORY = {
  legalFirstName: 'identity',
  legalLastName: 'identity',
  preferredName: 'identity',
  aliases: 'identity',
  dateOfBirth: 'identity',
  sex: 'identity',
  stateClientId: 'identity',
  genderIdentity: 'identity',
  pronouns: 'identity',
  sexualOrientation: 'identity',
  raceEthnicity: 'identity',
  primaryLanguage: 'identity',
  spaNumber: 'identity',
  identifiers: 'identity',
  cases: 'identity',
  referrals: 'identity',
  assignments: 'identity',
  entryPathway: 'identity',
  dualStatus: 'court',
  phone: 'contact_location',
  email: 'contact_location',
} as const satisfies Record<string, FieldCategory>;
export type YouthField = keyof typeof YOUTH_FIELD_CATEGORY;
