// Staff of the signed-in user's county, for person pickers (MDT members, attendees, action-item
// owners). No youth data: names, organization and roles only. Row-level security keeps other
// counties out; the explicit county condition is a second, visible wall.
import { sql } from 'drizzle-orm';
import type { ReferenceContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import type { Organization, PeopleList, PeopleQuery, ReferenceData } from '../../contract/people.js';
import type { OrganizationType, Role } from '../../domain/people.js';

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Active users of the county whose name contains every word searched (case-insensitive), by name. */
export function listPeople(repo: ReferenceContext, query: PeopleQuery): Promise<PeopleList> {
  return repo.forCounty(
    'people.list',
    async ({ tx, actor }) => {
      const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
      const nameMatch = words.map((w) => sql` AND u.display_name ILIKE ${`%${likeText(w)}%`}`);
      const rows = await selectRows<{
        id: string;
        display_name: string;
        org_id: string;
        org_name: string;
        org_type: OrganizationType;
        roles: Role[];
      }>(
        tx,
        sql`SELECT u.id, u.display_name, o.id AS org_id, o.name AS org_name, o.type AS org_type, u.roles
              FROM users u JOIN organizations o ON o.id = u.organization_id
             WHERE u.county_id = ${actor.countyId} AND u.disabled_at IS NULL
               ${query.organizationId ? sql`AND u.organization_id = ${query.organizationId}` : sql``}
               ${sql.join(nameMatch, sql``)}
             ORDER BY u.display_name, u.id
             LIMIT ${query.limit}`,
      );
      return {
        people: rows.map((r) => ({
          id: r.id,
          displayName: r.display_name,
          organization: { id: r.org_id, name: r.org_name, type: r.org_type },
          roles: r.roles,
        })),
      };
    },
    { audit: false },
  );
}

/** The county's organizations (id, name, type), for choosing an agency on a form. */
export function listOrganizations(repo: ReferenceContext): Promise<{ organizations: Organization[] }> {
  return repo.forCounty(
    'organizations.list',
    async ({ tx, actor }) => {
      const rows = await selectRows<{ id: string; name: string; type: OrganizationType }>(
        tx,
        sql`SELECT id, name, type FROM organizations WHERE county_id = ${actor.countyId} ORDER BY name, id`,
      );
      return { organizations: rows };
    },
    { audit: false },
  );
}

/** The county's service planning areas (by number) and organizations (by name), for forms and filters. */
export function referenceData(repo: ReferenceContext): Promise<ReferenceData> {
  return repo.forCounty(
    'reference.read',
    async ({ tx, actor }) => {
      const spas = await selectRows<{ number: number; name: string }>(
        tx,
        sql`SELECT number, name FROM service_planning_areas WHERE county_id = ${actor.countyId} ORDER BY number`,
      );
      const organizations = await selectRows<Organization>(
        tx,
        sql`SELECT id, name, type FROM organizations WHERE county_id = ${actor.countyId} ORDER BY name, id`,
      );
      return { spas, organizations };
    },
    { audit: false },
  );
}
