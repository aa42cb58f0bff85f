// Every look is recorded in the same transaction, the log cannot be edited by the application,
// and tampering by anyone else is detected.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/access/audit.js';
import { selectRows } from '../../src/db/client.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface EventRow {
  action: string;
  outcome: string;
  actor_user_id: string;
  actor_organization_id: string;
  actor_roles: string[];
  youth_id: string | null;
  record_ids: string[];
  categories: string[];
  request_id: string;
  client_ip: string | null;
  details: Record<string, unknown>;
}

/** Drizzle wraps database errors; the database's own message is in the cause. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}

const eventsFor = (requestId: string) =>
  h.db.database.query<EventRow>('SELECT * FROM audit_events WHERE request_id = $1', [requestId]);

describe('audit events', () => {
  it('records a read with who, organization, role, youth, records, categories, request and address', async () => {
    const res = await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}`);
    const [event, more] = await eventsFor(res.headers['x-request-id'] as string);
    expect(more).toBeUndefined();
    expect(event).toMatchObject({
      action: 'youth.read',
      outcome: 'allowed',
      actor_user_id: h.world.users.worker.id,
      actor_organization_id: h.world.orgs.dcfs,
      actor_roles: ['caseworker'],
      youth_id: h.world.youth.ana,
      categories: expect.arrayContaining(['identity', 'contact_location']),
      client_ip: '127.0.0.1',
    });
    expect(event!.record_ids).toContain(h.world.youth.ana);
  });

  it('records searches with the query and the youth returned', async () => {
    const res = await (await h.as('worker')).get('/api/youth?q=quintero');
    const [event] = await eventsFor(res.headers['x-request-id'] as string);
    expect(event).toMatchObject({
      action: 'youth.search',
      record_ids: [h.world.youth.ana],
      details: { query: 'quintero', results: 1 },
    });
  });

  it('records a denied attempt, without revealing anything to the caller', async () => {
    const res = await (await h.as('sdWorker')).get(`/api/youth/${h.world.youth.ana}`);
    expect(res.statusCode).toBe(404);
    const [event] = await eventsFor(res.headers['x-request-id'] as string);
    expect(event).toMatchObject({
      outcome: 'denied',
      youth_id: h.world.youth.ana,
      actor_user_id: h.world.users.sdWorker.id,
    });
  });

  it('writes nothing, audit included, when the work fails', async () => {
    const before = await h.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    const c = await h.as('worker');
    const res = await c.patch(`/api/youth/${h.world.youth.ana}`, { version: 999, legalLastName: 'Changed' });
    expect(res.statusCode).toBe(409);
    expect(await eventsFor(res.headers['x-request-id'] as string)).toEqual([]);
    const after = await h.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('cannot be changed or deleted by the application role', async () => {
    for (const statement of ['UPDATE audit_events SET action = $$x$$', 'DELETE FROM audit_events']) {
      const message = await failure(
        h.db.database.db.transaction(async (tx) => {
          await tx.execute(
            sql`SELECT set_config('role', 'harbor_app', true), set_config('harbor.county_id', ${h.world.counties.la}, true)`,
          );
          await tx.execute(sql.raw(statement));
        }),
      );
      expect(message).toMatch(/permission denied/);
    }
  });

  it('cannot be changed even by the owner while the trigger stands', async () => {
    await expect(h.db.database.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(h.db.database.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('verifies clean, then detects an edited event and a removed one', async () => {
    const clean = await verifyAudit(h.db.database);
    expect(clean.ok).toBe(true);
    expect(clean.events).toBeGreaterThanOrEqual(3);
    const [victim] = await h.db.database.query<{ id: string }>('SELECT id::text FROM audit_events ORDER BY id LIMIT 1');
    // Someone with superuser rights disables the guard and edits history.
    await h.db.database.pinned(async (conn) => {
      await conn.execScript('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      await conn.query('UPDATE audit_events SET details = \'{"query":"nothing to see"}\' WHERE id = $1', [victim!.id]);
      await conn.query('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)');
      await conn.execScript('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    });
    const tampered = await verifyAudit(h.db.database);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems.join('\n')).toMatch(new RegExp(`event ${victim!.id} was altered`));
    expect(tampered.problems.join('\n')).toMatch(/newest events are missing/);
  });
});

describe('row-level security, the second wall', () => {
  const asApp = (countyId: string | null, query: string) =>
    h.db.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('role', 'harbor_app', true), set_config('harbor.county_id', ${countyId ?? ''}, true)`,
      );
      return selectRows<{ county_id: string }>(tx, sql.raw(query));
    });

  it('shows the application role only its county, whatever the query asks', async () => {
    const rows = await asApp(h.world.counties.la, 'SELECT county_id FROM youth');
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.county_id === h.world.counties.la)).toBe(true);
    const sd = await asApp(h.world.counties.sd, 'SELECT county_id FROM youth');
    expect(sd.map((r) => r.county_id)).toEqual([h.world.counties.sd]);
  });

  it('shows nothing when no county is set', async () => {
    expect(await asApp(null, 'SELECT county_id FROM youth')).toEqual([]);
    expect(await asApp(null, 'SELECT county_id FROM assignments')).toEqual([]);
  });

  it('refuses to write a row into another county', async () => {
    await expect(
      asApp(
        h.world.counties.la,
        `UPDATE youth SET legal_last_name = 'x' WHERE county_id = '${h.world.counties.sd}' RETURNING county_id`,
      ),
    ).resolves.toEqual([]);
    const message = await failure(
      asApp(
        h.world.counties.la,
        `INSERT INTO youth (county_id, legal_first_name, legal_last_name, date_of_birth) VALUES ('${h.world.counties.sd}', 'a', 'b', '2010-01-01') RETURNING county_id`,
      ),
    );
    expect(message).toMatch(/row-level security/);
  });

  it('never lets the application role read password hashes or MFA secrets', async () => {
    expect(await failure(asApp(h.world.counties.la, 'SELECT password_hash AS county_id FROM users'))).toMatch(
      /permission denied/,
    );
    expect(await failure(asApp(h.world.counties.la, 'SELECT mfa_secret AS county_id FROM users'))).toMatch(
      /permission denied/,
    );
  });
});
