// A ScopedRepo for one of the world's users, for tests that call a use case (or an engine
// function the features call) inside a real checkpoint transaction without a route.
import { ScopedRepo } from '../../src/access/checkpoint.js';
import type { Role } from '../../src/domain/people.js';
import type { Harness } from './app.js';
import type { Who } from './world.js';

export async function repoAs(h: Harness, who: Who): Promise<ScopedRepo> {
  const [u] = await h.db.database.query<{ county_id: string; organization_id: string; roles: Role[] }>(
    'SELECT county_id, organization_id, roles FROM users WHERE id = $1',
    [h.world.users[who].id],
  );
  return new ScopedRepo(
    h.db.database,
    { userId: h.world.users[who].id, countyId: u!.county_id, organizationId: u!.organization_id, roles: u!.roles },
    { requestId: `test-${who}`, clientIp: null },
  );
}
