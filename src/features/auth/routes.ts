// Sign-in, two-step verification, session and sign-out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { badRequest, unauthorized } from '../../errors.js';
import { login } from './login.js';
import { confirmEnrollment, startEnrollment, verifyCode } from './mfa.js';
import type { LoadedSession, SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'harbor_session';

const SessionView = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    organization: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    county: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  }),
  mfa: z.enum(['verified', 'required', 'enrollment_required', 'not_required']),
  complete: z.boolean(),
  csrfToken: z.string(),
});

function view(s: LoadedSession): z.infer<typeof SessionView> {
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
    mfa: s.mfa,
    complete: s.complete,
    csrfToken: s.csrfToken,
  };
}

const Code = z.object({ code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, 'enter the 6-digit code') });

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { database: Database; sessions: SessionStore; config: HarborConfig },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
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
        body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(256) }),
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
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
    async (request) => view(request.ctx.session),
  );

  r.post(
    '/api/auth/logout',
    {
      config: { policy: { access: 'session' } },
      schema: { tags: ['auth'], summary: 'Sign out (revokes the session)' },
    },
    async (request, reply) => {
      await deps.sessions.revoke(request.ctx.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { status: 'signed_out' };
    },
  );

  r.post(
    '/api/auth/mfa/verify',
    {
      config: { policy: { access: 'session' }, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags: ['auth'],
        summary: 'Second step of sign-in: a TOTP code',
        body: Code,
        response: { 200: SessionView },
      },
    },
    async (request) => {
      const s = request.ctx.session;
      if (!(await verifyCode(deps.database, s.user.id, request.body.code))) {
        throw badRequest('That code is not right. Enter the 6-digit code your authenticator app shows now.');
      }
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
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }) },
      },
    },
    async (request) => startEnrollment(deps.database, request.ctx.session.user.id, request.ctx.session.user.email),
  );

  r.post(
    '/api/auth/mfa/confirm',
    {
      config: { policy: { access: 'session' }, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags: ['auth'],
        summary: 'Finish two-step setup with a code',
        body: Code,
        response: { 200: SessionView },
      },
    },
    async (request) => {
      const s = request.ctx.session;
      await confirmEnrollment(deps.database, s.user.id, request.body.code);
      await deps.sessions.markMfaVerified(s.id);
      return view((await deps.sessions.load(request.cookies[SESSION_COOKIE] ?? ''))!);
    },
  );
}
