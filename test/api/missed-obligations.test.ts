import { systemRepo } from '../../src/access/checkpoint.js';
// The missed-obligation job and notifications: misses recorded once (a second run and a run after
// downtime are safe), the owner and the escalation chain told in the app and by an email with no
// youth name, another county sees nothing, and a missed duty can still be met late.
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/access/audit.js';
import { sendQueuedEmail } from '../../src/features/notifications/send-email.js';
import { markMissedObligations, MISSED_OBLIGATIONS_LOCK } from '../../src/jobs/mark-missed-obligations.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/app.js';
import type { Who } from '../support/world.js';

const PUBLIC_URL = 'https://harbor.test.example';
/** Every name the world's youth go by: none may ever appear in a notification or an email. */
const YOUTH_NAMES = [
  'Anaís',
  'Anais',
  'Ana ',
  'Quintero',
  'Nani',
  'Bruno',
  'Okafor',
  'Carla',
  'Nguyen',
  'Diego',
  'Elena',
  'Marsh',
];

let h: Harness;
const ids = {} as Record<'anaLate' | 'anaSoon' | 'brunoLate' | 'diegoLate' | 'unowned' | 'old', string>;
beforeAll(async () => {
  h = await startHarness({ HARBOR_PUBLIC_URL: PUBLIC_URL });
});
afterAll(() => h.close());

const run = (now?: Date) =>
  markMissedObligations(systemRepo(h.db.database), { publicUrl: PUBLIC_URL, ...(now ? { now } : {}) });

async function addObligation(
  youth: keyof Harness['world']['youth'],
  owner: Who | null,
  dueInMinutes: number,
  kind = 'cross_report_law_enforcement',
) {
  const youthId = h.world.youth[youth];
  const [y] = await h.db.database.query<{ county_id: string }>('SELECT county_id FROM youth WHERE id = $1', [youthId]);
  const org = owner
    ? (
        await h.db.database.query<{ organization_id: string }>('SELECT organization_id FROM users WHERE id = $1', [
          h.world.users[owner].id,
        ])
      )[0]!.organization_id
    : h.world.orgs.dcfs;
  const [row] = await h.db.database.query<{ id: string }>(
    `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id, created_at)
     VALUES ($1, $2, $3, 'test', $4, now() + $5 * interval '1 minute', $6, $7, now() - interval '1 day') RETURNING id`,
    [y!.county_id, youthId, kind, randomUUID(), dueInMinutes, owner ? h.world.users[owner].id : null, org],
  );
  return row!.id;
}

const status = async (id: string) =>
  (
    await h.db.database.query<{ status: string; missed_at: Date | null }>(
      'SELECT status, missed_at FROM obligations WHERE id = $1',
      [id],
    )
  )[0]!;
const count = async (table: 'notifications' | 'email_outbox') =>
  Number((await h.db.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

interface Note {
  id: string;
  reason: string;
  obligationKind: string | null;
  link: string | null;
  obligationId: string;
  obligationStatus: string;
  readAt: string | null;
}
async function notesOf(who: Who): Promise<{ notifications: Note[]; unread: number }> {
  const res = await (await h.as(who)).get('/api/notifications');
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the missed-obligation job', () => {
  it('marks every open obligation past due as missed, tells the owner and the direct supervisor, and a second run does nothing', async () => {
    ids.anaLate = await addObligation('ana', 'worker', -60);
    ids.anaSoon = await addObligation('ana', 'worker', 60);
    ids.brunoLate = await addObligation('bruno', 'otherWorker', -120, 'initial_mdt');
    ids.diegoLate = await addObligation('diego', 'sdWorker', -3 * 24 * 60);
    ids.unowned = await addObligation('carla', null, -5, 'responders_on_scene');
    const [metId] = await h.db.database.query<{ id: string }>(
      `UPDATE obligations SET status = 'met', met_at = now() WHERE id = $1 RETURNING id`,
      [await addObligation('ana', 'worker', -30)],
    );

    const first = await run();
    // worker + supervisor, otherWorker (no supervisor), sdWorker + sdSupervisor; nobody owns the unowned one.
    expect(first).toEqual({ ran: true, marked: 4, notifications: 5, emails: 5 });
    expect(await status(ids.anaLate)).toMatchObject({ status: 'missed', missed_at: expect.any(Date) });
    expect((await status(ids.anaSoon)).status).toBe('open');
    expect((await status(ids.unowned)).status).toBe('missed');
    expect((await status(metId!.id)).status).toBe('met');

    expect(await run()).toEqual({ ran: true, marked: 0, notifications: 0, emails: 0 });
    expect(await count('notifications')).toBe(5);
    expect(await count('email_outbox')).toBe(5);
  });

  it('after downtime handles everything past due in one run, however late', async () => {
    ids.old = await addObligation('ana', 'worker', -30 * 24 * 60);
    const later = await run(new Date(Date.now() + 3 * 3_600_000));
    expect(later).toMatchObject({ ran: true, marked: 2 }); // the 30-day-old one and the one due in an hour
    expect((await status(ids.anaSoon)).status).toBe('missed');
    expect((await status(ids.old)).status).toBe('missed');
    expect((await run(new Date(Date.now() + 3 * 3_600_000))).marked).toBe(0);
  });

  it('records each run in the audit log, by county, without breaking the hash chains', async () => {
    const events = await h.db.database.query<{
      county_id: string;
      actor_user_id: string | null;
      record_ids: string[];
      categories: string[];
    }>(
      `SELECT county_id, actor_user_id, record_ids, categories FROM audit_events WHERE action = 'obligations.mark_missed' ORDER BY id`,
    );
    expect(events.length).toBe(3); // LA and SD in the first run, LA after downtime
    expect(events.every((e) => e.actor_user_id === null && e.categories.includes('exploitation'))).toBe(true);
    expect(events.flatMap((e) => e.record_ids)).toEqual(expect.arrayContaining([ids.anaLate, ids.diegoLate, ids.old]));
    expect((await verifyAudit(h.db.database)).ok).toBe(true);
  });

  it('never runs twice at once: concurrent runs mark and notify each miss once', async () => {
    const fresh = await Promise.all([
      addObligation('bruno', 'otherWorker', -10),
      addObligation('bruno', 'otherWorker', -11),
    ]);
    const before = await count('notifications');
    const results = await Promise.all([run(), run(), run()]);
    expect(results.reduce((n, r) => n + r.marked, 0)).toBe(2);
    expect(await count('notifications')).toBe(before + 2);
    for (const id of fresh) expect((await status(id)).status).toBe('missed');
  });

  it.skipIf(!process.env.DATABASE_URL)('skips when another instance holds the lock (PostgreSQL server)', async () => {
    const other = new pg.Client({ connectionString: h.db.url! });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [MISSED_OBLIGATIONS_LOCK]);
      const id = await addObligation('ana', 'worker', -1);
      expect(await run()).toEqual({ ran: false, marked: 0, notifications: 0, emails: 0 });
      expect((await status(id)).status).toBe('open');
      await other.query('SELECT pg_advisory_unlock($1)', [MISSED_OBLIGATIONS_LOCK]);
      expect((await run()).marked).toBe(1);
    } finally {
      await other.end();
    }
  });

  it('runs from the scheduler, which stops cleanly', async () => {
    const id = await addObligation('ana', 'worker', -2);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const scheduler = startScheduler(
      systemRepo(h.db.database),
      { jobIntervalMs: 20, publicUrl: PUBLIC_URL, smtpUrl: undefined, mailFrom: 'Harbor <h@test.example>' },
      log,
    );
    for (let i = 0; i < 100 && (await status(id)).status !== 'missed'; i++) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    expect((await status(id)).status).toBe('missed');
  });
});

describe('notifications', () => {
  it('the owner sees what is overdue and where, never the youth\u2019s name; unread first', async () => {
    const { notifications, unread } = await notesOf('worker');
    expect(unread).toBe(notifications.length);
    const anaLate = notifications.find((n) => n.obligationId === ids.anaLate)!;
    expect(anaLate).toMatchObject({
      reason: 'owner',
      link: `/youth/${h.world.youth.ana}`,
      obligationStatus: 'missed',
      obligationKind: 'cross_report_law_enforcement',
    });
    const body = JSON.stringify(notifications);
    for (const name of YOUTH_NAMES) expect(body).not.toContain(name);

    const read = await (await h.as('worker')).post(`/api/notifications/${anaLate.id}/read`);
    expect(read.statusCode).toBe(200);
    const again = await notesOf('worker');
    expect(again.unread).toBe(unread - 1);
    expect(again.notifications.at(-1)!.id).toBe(anaLate.id);
    expect(again.notifications.at(-1)!.readAt).toEqual(read.json().readAt);
    // Reading twice keeps the first time.
    expect((await (await h.as('worker')).post(`/api/notifications/${anaLate.id}/read`)).json().readAt).toBe(
      read.json().readAt,
    );
  });

  it('reach the direct supervisor only (one level by default), and nobody else in the county or outside it', async () => {
    const sup = await notesOf('supervisor');
    expect(sup.notifications.map((n) => n.obligationId)).toEqual(
      expect.arrayContaining([ids.anaLate, ids.anaSoon, ids.old]),
    );
    expect(sup.notifications.every((n) => n.reason === 'supervisor')).toBe(true);
    // Codes only: the web words the notice (notifications.missed.*, obligationKinds.<kind>.overdue).
    expect(sup.notifications[0]).not.toHaveProperty('text');
    for (const who of ['director', 'advocate', 'probation', 'admin', 'analyst', 'auditor', 'state'] as const) {
      expect((await notesOf(who)).notifications, who).toEqual([]);
    }
    const other = await notesOf('otherWorker');
    expect(new Set(other.notifications.map((n) => n.obligationId)).has(ids.brunoLate)).toBe(true);
    expect(other.notifications.some((n) => n.obligationId === ids.anaLate)).toBe(false);
    const sd = await notesOf('sdWorker');
    expect(sd.notifications.map((n) => n.obligationId)).toEqual([ids.diegoLate]);
    expect((await notesOf('sdSupervisor')).notifications.map((n) => n.reason)).toEqual(['supervisor']);
  });

  it("cannot be read or marked by anyone else, even knowing the id; the database's own wall agrees", async () => {
    const [workerNote] = (await notesOf('worker')).notifications;
    for (const who of ['otherWorker', 'supervisor', 'sdWorker'] as const) {
      expect((await (await h.as(who)).post(`/api/notifications/${workerNote!.id}/read`)).statusCode, who).toBe(404);
    }
    expect((await (await h.as('worker')).post(`/api/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await (await h.as('worker')).post('/api/notifications/not-an-id/read')).statusCode).toBe(400);
    expect((await h.anonymous.get('/api/notifications')).statusCode).toBe(401);
    // Row-level security alone: as harbor_app for another user of the same county, a query without WHERE finds nothing of the worker's.
    const seen = await h.db.database.transactionWith(
      {
        role: 'harbor_app',
        'harbor.county_id': h.world.counties.la,
        'harbor.all_counties': 'off',
        'harbor.user_id': h.world.users.otherWorker.id,
      },
      async (tx) =>
        (await tx.execute(`SELECT user_id FROM notifications` as never)) as unknown as { rows: { user_id: string }[] },
    );
    expect(seen.rows.length).toBeGreaterThan(0);
    expect(seen.rows.every((r) => r.user_id === h.world.users.otherWorker.id)).toBe(true);
  });

  it('go further up the chain and to county administrators when the county says so', async () => {
    const admin = await h.as('admin');
    const current = (await admin.get('/api/county/settings')).json();
    const settings = {
      ...current.settings,
      escalation: { ...current.settings.escalation, supervisor_levels: 2, county_admin: true },
    };
    expect((await admin.put('/api/county/settings', { version: current.version, settings })).statusCode).toBe(200);
    const id = await addObligation('ana', 'worker', -1, 'health_evaluation_72h');
    const r = await run();
    expect(r).toMatchObject({ marked: 1, notifications: 4 }); // worker, supervisor, director, admin
    expect((await notesOf('director')).notifications).toMatchObject([{ obligationId: id, reason: 'supervisor' }]);
    const adminNotes = await notesOf('admin');
    expect(adminNotes.notifications).toMatchObject([{ obligationId: id, reason: 'county_admin' }]);
    expect(adminNotes.notifications[0]).toMatchObject({
      obligationKind: 'health_evaluation_72h',
      reason: 'county_admin',
    });
    // San Diego kept its defaults.
    expect((await notesOf('sdSupervisor')).notifications).toHaveLength(1);
    const [adminMail] = await h.db.database.query<{ body: string }>(
      'SELECT body FROM email_outbox WHERE user_id = $1',
      [h.world.users.admin.id],
    );
    expect(adminMail!.body).not.toContain('/youth/');
  });
});

describe('email', () => {
  interface Received {
    from: string;
    to: string[];
    raw: string;
  }
  let smtp: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];
  let refuse = new Set<string>();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address)) return callback(new Error('550 mailbox unavailable'));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  /** The text of a message, quoted-printable decoded, with its headers. */
  const decode = (raw: string) =>
    Buffer.from(
      raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');

  it('stays queued while no SMTP server is configured, with one warning', async () => {
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m) };
    const queued = await count('email_outbox');
    expect(await sendQueuedEmail(h.db.database, { smtpUrl: undefined, from: 'x@y.z' }, { log })).toMatchObject({
      sent: 0,
      skipped: 'no_smtp',
    });
    await sendQueuedEmail(h.db.database, { smtpUrl: undefined, from: 'x@y.z' }, { log });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/HARBOR_SMTP_URL/);
    expect(
      Number(
        (await h.db.database.query<{ n: string }>('SELECT count(*) AS n FROM email_outbox WHERE sent_at IS NULL'))[0]!
          .n,
      ),
    ).toBe(queued);
  });

  it('sends every queued email to its recipient with a link and no youth name; a second run sends nothing', async () => {
    const queued = await h.db.database.query<{ to_address: string }>(
      'SELECT to_address FROM email_outbox WHERE sent_at IS NULL',
    );
    const mail = { smtpUrl, from: 'Harbor <harbor@test.example>' };
    const r = await sendQueuedEmail(h.db.database, mail);
    expect(r).toEqual({ sent: queued.length, failed: 0, gaveUp: 0 });
    expect(received.map((m) => m.to[0]).sort()).toEqual(queued.map((q) => q.to_address).sort());
    expect(received.every((m) => m.from === 'harbor@test.example' && m.to.length === 1)).toBe(true);
    for (const m of received) {
      const text = decode(m.raw);
      expect(text).toMatch(/^Subject: Harbor: \d+ deadlines? missed$/m);
      for (const name of YOUTH_NAMES) expect(text, `${name} in an email`).not.toContain(name);
      expect(text).not.toMatch(/cross-report|health evaluation|MDT/i);
    }
    const toWorker = decode(received.find((m) => m.to[0] === h.world.users.worker.email)!.raw);
    expect(toWorker).toContain(`${PUBLIC_URL}/youth/${h.world.youth.ana}`);
    expect(toWorker).toContain(`${PUBLIC_URL}/work`);
    const toSd = decode(received.find((m) => m.to[0] === h.world.users.sdWorker.email)!.raw);
    expect(toSd).toContain(`${PUBLIC_URL}/youth/${h.world.youth.diego}`);
    expect(toSd).not.toContain(h.world.youth.ana);

    expect(await sendQueuedEmail(h.db.database, mail)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(received).toHaveLength(queued.length);
  });

  it('retries a refused email and gives up after the last attempt, keeping the error', async () => {
    received.length = 0;
    refuse = new Set([h.world.users.supervisor.email]);
    await addObligation('ana', 'worker', -1);
    expect((await run()).emails).toBe(4); // worker, supervisor, director, admin (settings from above)
    const mail = { smtpUrl, from: 'harbor@test.example' };
    const opts = { maxAttempts: 2, retryDelayMs: () => 0 };
    expect(await sendQueuedEmail(h.db.database, mail, opts)).toEqual({ sent: 3, failed: 1, gaveUp: 0 });
    expect(await sendQueuedEmail(h.db.database, mail, opts)).toEqual({ sent: 0, failed: 0, gaveUp: 1 });
    expect(await sendQueuedEmail(h.db.database, mail, opts)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    const [row] = await h.db.database.query<{
      attempts: number;
      last_error: string;
      gave_up_at: Date | null;
      sent_at: Date | null;
    }>(
      'SELECT attempts, last_error, gave_up_at, sent_at FROM email_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
      [h.world.users.supervisor.email],
    );
    expect(row).toMatchObject({ attempts: 2, sent_at: null, gave_up_at: expect.any(Date) });
    expect(row!.last_error).toMatch(/mailbox unavailable/);
    refuse = new Set();
  });
});

describe('settling a missed obligation', () => {
  it('stays on the worklist until met; meeting it late makes it met (late) and keeps when it was missed', async () => {
    const worker = await h.as('worker');
    const mine = (await worker.get('/api/obligations')).json().obligations as { id: string; status: string }[];
    expect(mine.find((o) => o.id === ids.anaLate)).toMatchObject({ status: 'missed' });
    const met = await worker.post(`/api/youth/${h.world.youth.ana}/obligations/${ids.anaLate}/meet`, {
      agency: 'LA County Sheriff',
      reportNumber: 'R-2026-77',
      madeAt: new Date().toISOString(),
    });
    expect(met.statusCode).toBe(200);
    expect(met.json()).toMatchObject({ status: 'met', metOnTime: false, missedAt: expect.any(String) });
    expect((await status(ids.anaLate)).status).toBe('met');
    // The notification now says it is settled.
    expect((await notesOf('worker')).notifications.find((n) => n.obligationId === ids.anaLate)!.obligationStatus).toBe(
      'met',
    );
  });

  it('may be waived by a supervisor, not by the worker', async () => {
    const url = `/api/youth/${h.world.youth.ana}/obligations/${ids.anaSoon}/waive`;
    expect(
      (await (await h.as('worker')).post(url, { reason: 'The sheriff reported it from the scene.' })).statusCode,
    ).toBe(403);
    const waived = await (await h.as('supervisor')).post(url, { reason: 'The sheriff reported it from the scene.' });
    expect(waived.statusCode).toBe(200);
    expect(waived.json()).toMatchObject({ status: 'waived', missedAt: expect.any(String) });
    expect(
      (await (await h.as('supervisor')).post(url, { reason: 'The sheriff reported it from the scene.' })).statusCode,
    ).toBe(409);
  });
});
