// Sign-in, two-step verification, session and sign-out.
import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { abilitiesOf } from '../../access/abilities.js';
import { LoginBody, MfaCode, MfaEnrollment, SessionView, SignedOut } from '../../contract/auth.js';
import { unauthorized } from '../../errors.js';
import { login } from './login.js';
import { confirmEnrollment, startEnrollment, verifyCode } from './mfa.js';
import type { LoadedSession, SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'harbor_session';

function view(s: LoadedSession): SessionView {
  const u = s.user;
  return {
    user: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      organization: { id: u.organizationId, name: u.organizationName, type: u.organizationType },
      county: { id: u.countyId, name: u.countyName, code: u.countyCode },
    },
    abilities: abilitiesOf(u.roles),
    mfa: s.mfa,
    complete: s.complete,
    csrfToken: s.csrfToken,
  };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { database: Database; sessions: SessionStore; config: HarborConfig },
) {
  const r = routes(app);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.cookieSecure,
  };

  r.post(
    '/api/auth/login',
    {
      config: {
        policy: { access: 'public', why: 'signing in' },
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBody,
        response: { 200: SessionView },
      },
    },
    async (request, _ctx, reply) => {
      const { token } = await login(deps.database, deps.sessions, deps.config, {
        ...request.body,
        clientIp: request.ip ?? null,
      });
      const session = await deps.sessions.load(token);
      if (!session) throw unauthorized();
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.config.sessionAbsoluteMs / 1000 });
      request.log.info({ userId: session.user.id }, 'signed in');
      return view(session);
    },
  );

  r.get(
    '/api/auth/session',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'The current session, its user and CSRF token',
        response: { 200: SessionView },
      },
    },
    async (request, ctx) => view(ctx.session),
  );

  r.post(
    '/api/auth/logout',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (revokes the session)',
        response: { 200: SignedOut },
      },
    },
    async (request, ctx, reply) => {
      await deps.sessions.revoke(ctx.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { status: 'signed_out' as const };
    },
  );

  r.post(
    '/api/auth/mfa/verify',
    {
      config: {
        policy: { access: 'session' },
        // Wrong codes lock the account (mfa.ts); this per-address limit is only a generous backstop,
        // since a whole county office may share one address.
        rateLimit: { max: 100, timeWindow: '5 minutes' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Second step of sign-in: a TOTP code',
        body: MfaCode,
        response: { 200: SessionView },
      },
    },
    async (request, ctx) => {
      const s = ctx.session;
      await verifyCode(deps.database, deps.config, s.user.id, request.body.code);
      await deps.sessions.markMfaVerified(s.id);
      return view((await deps.sessions.load(request.cookies[SESSION_COOKIE] ?? ''))!);
    },
  );

  r.post(
    '/api/auth/mfa/enroll',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up two-step sign-in: returns a secret and QR code',
        response: { 200: MfaEnrollment },
      },
    },
    async (request, ctx) => startEnrollment(deps.database, deps.config, ctx.session.user.id, ctx.session.user.email),
  );

  r.post(
    '/api/auth/mfa/confirm',
    {
      config: {
        policy: { access: 'session' },
        // Wrong codes lock the account (mfa.ts); this per-address limit is only a generous backstop,
        // since a whole county office may share one address.
        rateLimit: { max: 100, timeWindow: '5 minutes' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Finish two-step setup with a code',
        body: MfaCode,
        response: { 200: SessionView },
      },
    },
    async (request, ctx) => {
      const s = ctx.session;
      await confirmEnrollment(deps.database, deps.config, s.user.id, request.body.code);
      await deps.sessions.markMfaVerified(s.id);
      return view((await deps.sessions.load(request.cookies[SESSION_COOKIE] ?? ''))!);
    },
  );
}
