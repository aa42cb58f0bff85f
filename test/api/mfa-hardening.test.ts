// Two-step sign-in hardening: the TOTP secret is encrypted at rest, a time step is accepted once
// per account (a code cannot open a second session), and wrong codes lock the account's second
// step whatever address they come from, without touching other accounts behind the same address.
import type { LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPlainSecrets } from '../../src/features/auth/mfa.js';
import { openSecret } from '../../src/features/auth/secret-box.js';
import { signIn, startHarness, type Client, type Harness } from '../support/app.js';
import type { Who } from '../support/world.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ HARBOR_REQUIRE_MFA: 'true', HARBOR_LOGIN_MAX_FAILURES: '5' });
});
afterAll(() => h.close());

const totpOf = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
/** The code of the step `steps` away from now (the drift window accepts -1, 0 and +1). */
const codeAt = (totp: OTPAuth.TOTP, steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
/** A code that matches none of the steps the window accepts. */
function wrongCode(totp: OTPAuth.TOTP): string {
  const near = new Set([-1, 0, 1, 2].map((s) => codeAt(totp, s)));
  for (let i = 0; ; i++) {
    const c = String(i).padStart(6, '0');
    if (!near.has(c)) return c;
  }
}

/** POST a code for the second step, from a given client address. */
function verify(c: Client, code: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    remoteAddress,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrfToken! },
    payload: { code },
  });
}

/** Signs in and sets up two-step sign-in (the confirm code's step is then spent). */
async function enroll(who: Who): Promise<{ secret: string; totp: OTPAuth.TOTP; session: Client }> {
  const session = await signIn(h.app, h.world.users[who].email);
  const enrolled = await session.post('/api/auth/mfa/enroll');
  expect(enrolled.statusCode).toBe(200);
  const { secret } = enrolled.json() as { secret: string };
  const totp = totpOf(secret);
  expect((await session.post('/api/auth/mfa/confirm', { code: totp.generate() })).statusCode).toBe(200);
  return { secret, totp, session };
}

const userRow = async (who: Who) =>
  (
    await h.db.database.query<{ mfa_secret: string | null; mfa_last_step: string | number | null }>(
      'SELECT mfa_secret, mfa_last_step FROM users WHERE id = $1',
      [h.world.users[who].id],
    )
  )[0]!;

/** The account's authenticator, from the stored (sealed) secret. */
const storedTotp = async (who: Who) =>
  totpOf(openSecret(h.config.secretKey, h.world.users[who].id, (await userRow(who)).mfa_secret!));

describe('the TOTP secret at rest', () => {
  it('is stored sealed with HARBOR_SECRET_KEY, never as the base32 secret', async () => {
    const { secret } = await enroll('worker');
    const stored = (await userRow('worker')).mfa_secret!;
    expect(stored).not.toBe(secret);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(openSecret(h.config.secretKey, h.world.users.worker.id, stored)).toBe(secret);
    // Another key, or the same value copied onto another account, does not open it.
    expect(() => openSecret('another-key-of-at-least-thirty-two-characters', h.world.users.worker.id, stored)).toThrow(
      /HARBOR_SECRET_KEY/,
    );
    expect(() => openSecret(h.config.secretKey, h.world.users.supervisor.id, stored)).toThrow(/HARBOR_SECRET_KEY/);
  });

  it('keeps a plain secret from before working, and seals it', async () => {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await h.db.database.query('UPDATE users SET mfa_secret = $2, mfa_enabled = true WHERE id = $1', [
      h.world.users.director.id,
      secret,
    ]);
    const session = await signIn(h.app, h.world.users.director.email);
    expect((await verify(session, totpOf(secret).generate())).statusCode).toBe(200);
    const stored = (await userRow('director')).mfa_secret!;
    expect(stored).toMatch(/^v1:/);
    expect(openSecret(h.config.secretKey, h.world.users.director.id, stored)).toBe(secret);

    // And at start-up (src/server/main.ts, `harbor migrate`), for accounts nobody signs in to.
    await h.db.database.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [h.world.users.auditor.id, secret]);
    expect(await sealPlainSecrets(h.db.database, h.config)).toBe(1);
    expect(
      (
        await h.db.database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM users WHERE mfa_secret IS NOT NULL AND mfa_secret NOT LIKE 'v1:%'",
        )
      )[0]!.n,
    ).toBe(0);
  });
});

describe('a time step is accepted once per account', () => {
  it('refuses in a second session the code a first session used, and an older step', async () => {
    const { totp } = await enroll('otherWorker');
    const a = await signIn(h.app, h.world.users.otherWorker.email);
    const b = await signIn(h.app, h.world.users.otherWorker.email);
    const code = codeAt(totp, 1);
    expect((await verify(a, code)).statusCode).toBe(200);
    const replay = await verify(b, code);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'mfa_code_reused' });
    expect(replay.json().detail).toMatch(/already used/);
    // The current step is older than the one accepted: refused too.
    expect((await verify(b, codeAt(totp, 0))).json()).toMatchObject({ code: 'mfa_code_reused' });
    expect((await b.get(`/api/youth/${h.world.youth.bruno}`)).statusCode).toBe(401);
    expect((await a.get(`/api/youth/${h.world.youth.bruno}`)).statusCode).toBe(200);
  });

  it('lets only one of two sessions sending the same new code at the same moment in', async () => {
    const c = await signIn(h.app, h.world.users.otherWorker.email);
    const d = await signIn(h.app, h.world.users.otherWorker.email);
    const totp = await storedTotp('otherWorker');
    // Make the current step unused again (as 30 seconds later), then race it.
    await h.db.database.query('UPDATE users SET mfa_last_step = NULL WHERE id = $1', [h.world.users.otherWorker.id]);
    const code = codeAt(totp, 0);
    const answers = await Promise.all([verify(c, code), verify(d, code)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(answers.find((r) => r.statusCode === 400)!.json()).toMatchObject({ code: 'mfa_code_reused' });
    // The stored step is the code's: unix time / 30 s.
    const step = Number((await userRow('otherWorker')).mfa_last_step);
    expect(Math.abs(step - Math.floor(Date.now() / 30_000))).toBeLessThanOrEqual(1);
  });
});

describe('wrong codes are counted per account', () => {
  it('locks an account after 5 wrong codes from 5 addresses; another account behind one of them is unaffected', async () => {
    const victim = await enroll('supervisor');
    const neighbour = await enroll('probation');
    const attacker = await signIn(h.app, h.world.users.supervisor.email);
    const wrong = wrongCode(victim.totp);
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await verify(attacker, wrong, `198.51.100.${i}`)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    // Locked: even the right code, from a new address, in a new session.
    const later = await signIn(h.app, h.world.users.supervisor.email);
    const refused = await verify(later, codeAt(victim.totp, 1), '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'mfa_locked', details: { minutes: expect.any(Number) } });
    expect(refused.json().detail).toMatch(/Too many wrong two-step codes for this account/);
    expect((await later.get(`/api/youth/${h.world.youth.ana}`)).statusCode).toBe(401);

    // Same address as the attacker's last try, another account: its right code works.
    const other = await signIn(h.app, h.world.users.probation.email);
    expect((await verify(other, codeAt(neighbour.totp, 1), '198.51.100.5')).statusCode).toBe(200);

    // The lock ends after HARBOR_LOGIN_LOCKOUT_MINUTES (moved into the past here).
    await h.db.database.query(
      "UPDATE login_throttle SET locked_until = now() - interval '1 second', first_failure_at = now() - interval '1 hour' WHERE key = $1",
      [`mfa:${h.world.users.supervisor.id}`],
    );
    expect((await verify(later, codeAt(victim.totp, 1), '203.0.113.9')).statusCode).toBe(200);
  });

  it('resets the count on success', async () => {
    const totp = await storedTotp('probation');
    const session = await signIn(h.app, h.world.users.probation.email);
    const wrong = wrongCode(totp);
    for (let i = 0; i < 4; i++) expect((await verify(session, wrong)).statusCode).toBe(400);
    await h.db.database.query('UPDATE users SET mfa_last_step = NULL WHERE id = $1', [h.world.users.probation.id]);
    expect((await verify(session, codeAt(totp, 0))).statusCode).toBe(200);
    const rows = await h.db.database.query('SELECT 1 FROM login_throttle WHERE key = $1', [
      `mfa:${h.world.users.probation.id}`,
    ]);
    expect(rows).toHaveLength(0);
    const again = await signIn(h.app, h.world.users.probation.email);
    for (let i = 0; i < 4; i++) expect((await verify(again, wrong)).statusCode).toBe(400);
  });
});
