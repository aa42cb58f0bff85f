// Logs carry ids, never names (docs/SECURITY.md). An outside test found a database error whose
// log line carried the search text, and another carrying a name, a date of birth and a phone:
// PostgreSQL's messages (and Drizzle's "Failed query: … params: …") quote the values they failed
// on. Here real database errors are provoked with a known fictional person's details and logged
// every way the app (or Fastify) logs errors; the captured log must hold none of the details.
import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contexts } from '../../src/access/contexts.js';
import { loadConfig } from '../../src/config.js';
import { createYouth } from '../../src/features/youth/create-youth.js';
import { searchYouth } from '../../src/features/youth/search-youth.js';
import { buildApp } from '../../src/server/app.js';
import { loggablePath, safeErrorFields, scrubLogArguments } from '../../src/server/logger.js';
import { startHarness, type Harness } from '../support/app.js';
import { repoAs } from '../support/scoped.js';
import { PASSWORD } from '../support/world.js';

// A fictional person: these strings must never appear in a log.
const FIRST = 'Zenaida';
const LAST = 'Featherstonehaugh';
const DOB = '2011-02-30';
const PHONE = '(555) 013-4477';
const SECRETS = [FIRST, LAST, DOB, PHONE, '0134477', 'Failed query', 'params:'];

let h: Harness;
let app: FastifyInstance;
const lines: string[] = [];
const log = () => lines.join('');

beforeAll(async () => {
  h = await startHarness();
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    database: h.db.database,
    config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'debug' }),
    serveWeb: false,
    logStream: sink,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await h.close();
});

function expectClean(text: string) {
  for (const s of SECRETS) expect(text, `the log carries "${s}"`).not.toContain(s);
}

/** Runs a use case that must fail in the database and returns what it threw. */
async function failure(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the database to refuse');
}

/** Logs an error every way Harbor or Fastify does, on a request's child logger. */
function logEveryWay(err: Error) {
  const reqLog = app.log.child({ reqId: 'test-request' });
  // src/server/error-handler.ts, the 500 branch.
  reqLog.error({ ...safeErrorFields(err), route: '/api/youth' }, 'unexpected error');
  // Fastify's default error log and its "request errored".
  reqLog.error({ err }, err.message);
  reqLog.error({ res: { statusCode: 500 }, err, responseTime: 1 }, 'request errored');
  // Careless calls a future change might make.
  reqLog.error(err);
  reqLog.warn({ error: err, cause: err.cause }, 'database refused');
  const loose = reqLog as unknown as { error: (...args: unknown[]) => void };
  loose.error(`failed: ${err.message}`, err);
  loose.error('failed: %s', err);
}

describe('real database errors with personal data in their input', () => {
  it('an impossible date of birth: the error quotes the name, date and phone, the log none of them', async () => {
    const repo = contexts.youth(await repoAs(h, 'worker'));
    const err = await failure(() =>
      createYouth(repo, {
        legalFirstName: FIRST,
        legalLastName: LAST,
        dateOfBirth: DOB,
        phone: PHONE,
      } as Parameters<typeof createYouth>[1]),
    );
    // The premise: the error itself carries the values (so logging it naively leaks them).
    const raw = `${err.message} ${JSON.stringify(err)} ${String((err.cause as Error | undefined)?.message)}`;
    expect(raw).toContain(FIRST);
    expect(raw).toContain(DOB);

    lines.length = 0;
    logEveryWay(err);
    const text = log();
    expectClean(text);
    // What operators get instead: the class, the SQLSTATE (22008: date out of range) and frames.
    expect(text).toContain('"code":"22008"');
    expect(text).toContain('DrizzleQueryError');
    expect(text).toMatch(/"frames":\["at /);
  });

  it('a NUL byte in a search: the log does not carry the search text', async () => {
    const repo = contexts.youth(await repoAs(h, 'worker'));
    const err = await failure(() => searchYouth(repo, `${FIRST} ${LAST}\u0000`));
    expect(`${err.message} ${String((err.cause as Error | undefined)?.message)}`).toContain(FIRST);
    lines.length = 0;
    logEveryWay(err);
    expectClean(log());
    expect(log()).toMatch(/"code":"22\w{3}"/);
  });
});

describe('requests with personal data in the URL or body', () => {
  it('logs neither the query string, the body, nor a name typed into the path', async () => {
    lines.length = 0;
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'worker@test.example', password: PASSWORD },
    });
    const cookie = `harbor_session=${login.cookies.find((c) => c.name === 'harbor_session')!.value}`;
    const csrf = login.json().csrfToken as string;
    const headers = { cookie, 'x-csrf-token': csrf };
    const answers = [
      await app.inject({ method: 'GET', url: `/api/youth?q=${FIRST}%20${LAST}%00`, headers }),
      await app.inject({ method: 'GET', url: `/api/youth?q=${FIRST}`, headers }),
      await app.inject({
        method: 'POST',
        url: '/api/youth',
        headers,
        payload: { legalFirstName: FIRST, legalLastName: LAST, dateOfBirth: DOB, phone: PHONE },
      }),
      await app.inject({ method: 'GET', url: `/api/youth/${FIRST}%20${LAST}`, headers }),
      await app.inject({ method: 'GET', url: `/api/nothing/${FIRST}`, headers }),
      await app.inject({ method: 'GET', url: `/api/youth/${h.world.youth.ana}`, headers }),
    ];
    for (const a of answers) expect(a.statusCode).toBeLessThan(600);
    const text = log();
    expectClean(text);
    expect(text).not.toMatch(/Anaís|Quintero|worker@test\.example|correct horse/);
    // Ids stay: the youth's id in the path, the user's id, request ids.
    expect(text).toContain(`/api/youth/${h.world.youth.ana}`);
    expect(text).toContain(h.world.users.worker.id);
    expect(text).toContain('/api/youth/:id');
  });
});

describe('the error serializer', () => {
  const pgError = () => {
    // What pg and PGlite throw: the message and `detail` quote the row, `where` the context.
    const e = new Error(`new row for relation "youth" violates check constraint "youth_dob" ${FIRST}`) as Error & {
      code: string;
      detail: string;
      where: string;
      severity: string;
    };
    e.name = 'DatabaseError';
    e.code = '23514';
    e.detail = `Failing row contains (1, ${FIRST}, ${LAST}, ${DOB}, ${PHONE}).`;
    e.where = `SQL function "harbor_fold" statement 1: ${LAST}`;
    e.severity = 'ERROR';
    return e;
  };

  it('keeps the class, the SQLSTATE and the frames of a DrizzleQueryError, never its query, params or cause message', () => {
    const cause = pgError();
    const err = new DrizzleQueryError(
      'insert into "youth" ("legal_first_name", "date_of_birth", "phone")\n    at time zone values ($1, $2, $3)',
      [FIRST, DOB, PHONE],
      cause,
    );
    const safe = safeErrorFields(err);
    expect(safe).toMatchObject({ errType: 'DrizzleQueryError', code: '23514', causeType: 'DatabaseError' });
    expect(safe.frames.length).toBeGreaterThan(0);
    expect(safe.frames.every((f) => f.startsWith('at '))).toBe(true);
    // "    at time zone …" is a line of the message (the SQL), not a frame.
    expect(safe.frames.join('\n')).not.toContain('time zone');
    expectClean(JSON.stringify(safe));
  });

  it('keeps a pg DatabaseError’s class and code, never its message, detail or where', () => {
    const safe = safeErrorFields(pgError());
    expect(safe).toMatchObject({ errType: 'DatabaseError', code: '23514' });
    expectClean(JSON.stringify(safe));
  });

  it('never takes a message line that looks like a frame for a frame', () => {
    const err = new Error(`bad value\n    at ${FIRST} ${LAST} (${DOB})`);
    const safe = safeErrorFields(err);
    expect(safe.frames.length).toBeGreaterThan(0);
    expectClean(JSON.stringify(safe));
  });

  it('rewrites any log call that carries an error, keeping the caller’s own message', () => {
    const err = pgError();
    const [obj, msg] = scrubLogArguments([{ err, userId: 'u-1' }, err.message]) as [Record<string, unknown>, string];
    expect(obj.err).toBe(err); // the serializer takes it from here
    expect(obj.userId).toBe('u-1');
    expect(msg).not.toContain(FIRST);
    const [, own] = scrubLogArguments([{ err }, 'job failed']) as [unknown, string];
    expect(own).toBe('job failed');
    const [wrapped, named] = scrubLogArguments([err]) as [Record<string, unknown>, string];
    expect(wrapped.err).toBe(err);
    expect(named).toBe('error (DatabaseError)');
    const [other] = scrubLogArguments([{ failure: err }, 'x']) as [Record<string, unknown>];
    expect(other.failure).toMatchObject({ errType: 'DatabaseError', code: '23514' });
  });

  it('logs a path with ids only', () => {
    const id = h.world.youth.ana;
    const req = (url: string, route?: string, params?: Record<string, string>) => ({
      method: 'GET',
      id: 'r',
      url,
      ...(route ? { routeOptions: { url: route } } : {}),
      ...(params ? { params } : {}),
    });
    expect(loggablePath(req(`/api/youth/${id}/safety-plans?q=${FIRST}`, '/api/youth/:id/safety-plans', { id }))).toBe(
      `/api/youth/${id}/safety-plans`,
    );
    expect(loggablePath(req(`/api/youth/${FIRST}`, '/api/youth/:id', { id: FIRST }))).toBe('/api/youth/:id');
    expect(loggablePath(req(`/api/nothing-here/${FIRST}/${id}`))).toBe(`/api/nothing-here/:redacted/${id}`);
  });
});
