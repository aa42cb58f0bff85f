import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS } from '../../src/features/auth/login.js';
import { client, signIn, startHarness, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
beforeAll(async () => {
  // Timeouts are tested by editing session rows, so read them fresh on every request.
  h = await startHarness({ HARBOR_LOGIN_MAX_FAILURES: '3', HARBOR_SESSION_CACHE_SECONDS: '0' });
});
afterAll(() => h.close());

const login = (email: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user with organization and county', async () => {
    const res = await login(h.world.users.worker.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'harbor_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({
      user: {
        email: 'worker@test.example',
        roles: ['caseworker'],
        organization: { name: 'Test DCFS' },
        county: { code: 'los-angeles' },
      },
      mfa: 'not_required',
      complete: true,
    });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login(h.world.users.otherWorker.email, 'not the password');
    const unknown = await login('nobody@test.example', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(WRONG_CREDENTIALS);
    expect(unknown.json().detail).toBe(WRONG_CREDENTIALS);
  });

  it('locks an address out after repeated failures, even with the right password, and says how long', async () => {
    const email = h.world.users.probation.email;
    for (let i = 0; i < 2; i++) expect((await login(email, 'wrong password')).statusCode).toBe(401);
    const third = await login(email, 'wrong password');
    expect(third.statusCode).toBe(429);
    expect(third.json().detail).toMatch(/wait \d+ minutes?/i);
    expect((await login(email, PASSWORD)).statusCode).toBe(429);
    // An unknown address locks the same way: lockout reveals nothing about which accounts exist.
    for (let i = 0; i < 2; i++) await login('ghost@test.example', 'x');
    expect((await login('ghost@test.example', 'x')).statusCode).toBe(429);
  });

  it('rejects a body that is not JSON or misses fields, saying what to fix', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/password/);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().requestId).toEqual(expect.any(String));
  });
});

describe('sessions', () => {
  it('requires the CSRF header on state-changing requests', async () => {
    const c = await signIn(h.app, h.world.users.worker.email);
    const noToken = client(h.app, c.cookie, null);
    const res = await noToken.post('/api/auth/logout');
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/security token/);
    const wrongToken = client(h.app, c.cookie, 'x'.repeat(43));
    expect((await wrongToken.post('/api/auth/logout')).statusCode).toBe(403);
  });

  it('signing out revokes the session on the server', async () => {
    const c = await signIn(h.app, h.world.users.worker.email);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    expect((await c.get(`/api/youth/${h.world.youth.ana}`)).statusCode).toBe(401);
  });

  it('expires a session that has been idle longer than the idle timeout', async () => {
    const c = await signIn(h.app, h.world.users.worker.email);
    await h.db.database.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'");
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires a session past its absolute lifetime even when active', async () => {
    const c = await signIn(h.app, h.world.users.worker.email);
    await h.db.database.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL");
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('two-step sign-in (TOTP) when required', () => {
  let mfa: Harness;
  beforeAll(async () => {
    mfa = await startHarness({ HARBOR_REQUIRE_MFA: 'true' });
  });
  afterAll(() => mfa.close());

  it('keeps a new user out of youth data until enrolled, then asks for a code at every sign-in', async () => {
    const first = await signIn(mfa.app, mfa.world.users.worker.email);
    const session = (await first.get('/api/auth/session')).json();
    expect(session).toMatchObject({ mfa: 'enrollment_required', complete: false });
    expect((await first.get(`/api/youth/${mfa.world.youth.ana}`)).statusCode).toBe(401);

    const enroll = await first.post('/api/auth/mfa/enroll');
    expect(enroll.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = enroll.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Harbor/);
    expect(qrSvg).toMatch(/<svg/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });

    expect(
      (await first.post('/api/auth/mfa/confirm', { code: '000000' === totp.generate() ? '111111' : '000000' }))
        .statusCode,
    ).toBe(400);
    const confirmed = await first.post('/api/auth/mfa/confirm', { code: totp.generate() });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ mfa: 'verified', complete: true });
    expect((await first.get(`/api/youth/${mfa.world.youth.ana}`)).statusCode).toBe(200);

    const second = await signIn(mfa.app, mfa.world.users.worker.email);
    expect((await second.get('/api/auth/session')).json()).toMatchObject({ mfa: 'required', complete: false });
    expect((await second.get(`/api/youth/${mfa.world.youth.ana}`)).statusCode).toBe(401);
    expect((await second.post('/api/auth/mfa/verify', { code: 'abc' })).statusCode).toBe(400);
    // The code just used to confirm is spent (one use per time step): the next step's code, which
    // the one-step drift window accepts.
    const verified = await second.post('/api/auth/mfa/verify', {
      code: totp.generate({ timestamp: Date.now() + 30_000 }),
    });
    expect(verified.statusCode).toBe(200);
    expect((await second.get(`/api/youth/${mfa.world.youth.ana}`)).statusCode).toBe(200);
    // Enrolling again is refused once set up.
    expect((await second.post('/api/auth/mfa/enroll')).statusCode).toBe(409);
  });
});
