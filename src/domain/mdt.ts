// Multidisciplinary team meetings (seed 004; DOMAIN.md section 4): three tiers and the check that
// the parties the county requires were present.
import type { OrganizationType } from './people.js';

export const MDT_TIERS = ['crisis', 'initial', 'ongoing'] as const;
export type MdtTier = (typeof MDT_TIERS)[number];

/** How the youth took part in a meeting. */
export const YOUTH_PARTICIPATION = ['in_person', 'remote', 'not_present', 'declined'] as const;
/** How the caregiver took part; `none` when the youth has no caregiver to invite. */
export const CAREGIVER_PARTICIPATION = [...YOUTH_PARTICIPATION, 'none'] as const;

/** WIC 16524.8 parties (child welfare leads; since 2018 also education and the sheriff). Counties may change this. */
export const DEFAULT_REQUIRED_PARTIES: readonly OrganizationType[] = [
  'child_welfare',
  'probation',
  'mental_health',
  'public_health',
  'juvenile_court',
  'education',
  'law_enforcement',
];

export interface Attendance {
  organizationType: string;
  present: boolean;
}

/** Required organization types with nobody present, in the order the county lists them. */
export function missingParties(required: readonly string[], attendees: readonly Attendance[]): string[] {
  const present = new Set(attendees.filter((a) => a.present).map((a) => a.organizationType));
  return required.filter((r) => !present.has(r));
}
