// The county's reference data for pickers: active staff, organizations and service planning
// areas. No youth data; never another county's.
import { z } from 'zod';
import { ORGANIZATION_TYPES, ROLES } from '../domain/people.js';
import { id, line } from './primitives.js';

export const Organization = z.object({ id: z.string(), name: z.string(), type: z.enum(ORGANIZATION_TYPES) });
export type Organization = z.infer<typeof Organization>;

export const PeopleQuery = z.object({
  q: line({ max: 100 }).optional(),
  organizationId: id().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonView = z.object({
  id: z.string(),
  displayName: z.string(),
  organization: Organization,
  roles: z.array(z.enum(ROLES)),
});
export type PersonView = z.infer<typeof PersonView>;

export const PeopleList = z.object({ people: z.array(PersonView) });
export type PeopleList = z.infer<typeof PeopleList>;

export const OrganizationList = z.object({ organizations: z.array(Organization) });
export type OrganizationList = z.infer<typeof OrganizationList>;

export const ServicePlanningArea = z.object({ number: z.number(), name: z.string() });
export type ServicePlanningArea = z.infer<typeof ServicePlanningArea>;

/** `GET /api/reference`: the signed-in user's county's service planning areas and organizations. */
export const ReferenceData = z.object({
  spas: z.array(ServicePlanningArea).describe('By number'),
  organizations: z.array(Organization).describe('By name'),
});
export type ReferenceData = z.infer<typeof ReferenceData>;
