// The API contract as an OpenAPI 3.0 document (GET /api/openapi.json, the /api/docs page, and
// `npm run lint:openapi`, which checks it with Spectral). Routes declare only their zod schemas,
// tags, summary and access policy; everything else a client generator needs is derived here,
// the same way for every route, so a new route is documented correctly without extra work:
//  - operationId: the route's `schema.operationId`, else a readable camelCase id from the method
//    and URL (operationIdFor); two routes with the same id stop the app at start-up.
//  - description: the route's `schema.description`, else its summary plus who may call it, from
//    `config.policy`.
//  - security: the session cookie, and the CSRF header on state-changing requests.
//  - error responses: RFC 9457 problem documents (`application/problem+json`, the ProblemDocument
//    of src/contract/problems.ts as `#/components/schemas/Problem`), as shared response components
//    chosen from the policy, the method and the route's inputs (problemStatusesFor).
//  - tags: every tag a route uses must be described in TAGS; an unknown tag stops the app.
import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesWith } from '../access/abilities.js';
import type { RoutePolicy } from '../access/route-policy.js';
import { PROBLEM_CONTENT_TYPE, ProblemDocument } from '../contract/problems.js';

type Json = Record<string, unknown>;

/** Every tag a route may use, with the line the docs show for it. */
export const TAGS: Readonly<Record<string, string>> = {
  system: 'Liveness checks for load balancers and start-up scripts.',
  auth: 'Sign-in, two-step verification (TOTP), the current session and sign-out.',
  youth: 'Youth records: search, read, create and change them, and who viewed or changed them.',
  stats: 'Privacy-safe aggregate figures, small cells suppressed; never an identity.',
  county: "The county's protocol settings (deadlines, MDT parties, who is told of a missed deadline).",
  screenings: "Screening instruments and a youth's screenings: drafts, autosave, finalizing and scoring.",
  'csec-types': "A youth's CSEC Type records and today's single type under the state hierarchy.",
  referrals: 'Hotline referrals, the "S-CSEC Referral" special project code and dispositions.',
  corrections:
    'Earlier versions of corrected MDT meetings, CSEC Types and referrals, and discarded draft screenings, with the reasons (supervisors and auditors).',
  cases: "A youth's child welfare and probation cases: opened, corrected and closed, with their history.",
  obligations: 'Deadlines (obligations): worklists, meeting and waiving them.',
  notifications: 'In-app notifications, such as missed deadlines; never a youth’s name.',
  directory: 'The resource directory: providers, vacancies, the service catalog and CSEC contacts.',
  services: "A youth's service episodes: referred, started and ended.",
  placements: "A youth's placement episodes, gaps and the placement address.",
  mdt: "Multidisciplinary teams: a youth's team, its meetings and the reviews due.",
  'safety-plans': 'Versioned safety plans written with the youth.',
  'first-response': 'First responder encounters and each notified agency’s arrival against the target.',
  missing: 'Missing episodes: the report, mandated reports, search log, location, return and debrief.',
  reports: 'County reports (compliance, advocacy, missing youth) as JSON, CSV, Excel or PDF.',
  people: "The county's active staff and organizations, for person and agency pickers.",
  advocacy: 'Advocacy contracts, advocate vetting, referrals to community organizations and performance issues.',
  'data-quality':
    "The county's data-quality queue of imported history's gaps, for supervisors: state ids and dates, never names.",
  'state-program':
    "The state CSEC Program: the state report by CSEC Type, County Plan figures, counties' participation and population denominators, and counties' submissions to the state. Figures and hashed ids, never a name.",
  imports:
    "The county administrator's upload of the state extract (a zip of CSV files) and the county's recent imports: counts and line numbers, never names.",
};

/** Shared error responses, by status: the component name and what the status means here. */
export const PROBLEM_RESPONSES: Readonly<Record<number, { name: string; description: string }>> = {
  400: {
    name: 'BadRequest',
    description: 'The request is malformed; `errors` names each field to fix (codes bad_request, invalid_input).',
  },
  401: {
    name: 'Unauthorized',
    description: 'No session, it ended, or two-step sign-in is not finished (codes unauthorized, mfa_required).',
  },
  403: {
    name: 'Forbidden',
    description:
      'Your roles or your relation to the record do not allow this, or a state-changing request lacks the ' +
      'X-CSRF-Token header (codes forbidden, role_not_allowed, csrf_token_missing).',
  },
  404: {
    name: 'NotFound',
    description: 'No such record, or not one you may see; Harbor never says which (code not_found).',
  },
  409: {
    name: 'Conflict',
    description:
      'Somebody saved a newer version first, the same record exists, or the step is out of order ' +
      '(codes conflict, stale_version, duplicate).',
  },
  413: { name: 'PayloadTooLarge', description: 'The request body is over 1 MiB (code payload_too_large).' },
  414: { name: 'UriTooLong', description: 'A path parameter is over 100 characters (code uri_too_long).' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not sent as application/json (code unsupported_media_type).',
  },
  422: {
    name: 'Unprocessable',
    description: 'Valid input that the rules refuse; `code` and `details` say why (code unprocessable or its own).',
  },
  429: { name: 'TooManyRequests', description: 'Too many requests; wait and try again (code too_many_requests).' },
  500: {
    name: 'InternalError',
    description: "Harbor's fault; quote `requestId` to an administrator (code internal_error).",
  },
};

/** Error statuses a route gives that its policy and method do not imply. */
const EXTRA_PROBLEMS: Readonly<Record<string, readonly number[]>> = {
  // Public, but a wrong email or password is a 401.
  'POST /api/auth/login': [401],
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Last path segments of POST routes that are verbs ("…/finalize"); other singular ones are recorded. */
const VERBS = new Set([
  'accept',
  'assign',
  'close',
  'confirm',
  'decline',
  'dismiss',
  'enroll',
  'finalize',
  'leave',
  'login',
  'logout',
  'meet',
  'refresh',
  'resolve',
  'revoke',
  'verify',
  'waive',
]);
/** Collections whose name does not end in "s". */
const COLLECTION_NOUNS = new Set(['youth', 'people']);
/** Names ending in "s" that are one thing. */
const SINGULAR_NOUNS = new Set(['settings', 'stats']);
const DOWNLOADS: Readonly<Record<string, { type: string; what: string }>> = {
  csv: { type: 'text/csv', what: 'A CSV file (UTF-8)' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', what: 'An Excel workbook' },
  pdf: { type: 'application/pdf', what: 'A PDF document' },
};

const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const words = (segment: string) => segment.split(/[-_.]/).filter(Boolean);
const pascal = (segment: string) => words(segment).map(capital).join('');
const isPlural = (segment: string) => {
  const last = words(segment).at(-1) ?? '';
  return !SINGULAR_NOUNS.has(segment) && /[^s]s$/.test(last);
};
function singular(segment: string): string {
  if (!isPlural(segment)) return pascal(segment);
  const w = words(segment);
  const last = w.pop()!;
  w.push(last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.slice(0, -1));
  return w.map(capital).join('');
}
const isParam = (segment: string) => segment.startsWith(':') || segment.startsWith('{');
const paramName = (segment: string) => segment.replace(/^[:{]|}$/g, '');
const downloadOf = (url: string) => /\.(csv|xlsx|pdf)$/.exec(url)?.[1];

/**
 * A readable, stable operationId from the method and URL, e.g.
 * `GET /api/youth` → listYouth, `GET /api/youth/:id` → getYouth,
 * `POST /api/youth/:id/screenings` → createYouthScreening,
 * `PATCH /api/youth/:id/screenings/:screeningId` → updateYouthScreening,
 * `POST /api/youth/:id/screenings/:screeningId/finalize` → finalizeYouthScreening,
 * `POST /api/youth/:id/missing/:episodeId/located` → recordYouthMissingEpisodeLocated,
 * `GET /api/reports/compliance.csv` → downloadReportsComplianceCsv.
 * Nouns come from the path without `/api`; a name followed by a parameter is made singular
 * ("screenings/:screeningId" → Screening), and one that is not a plural takes the parameter's
 * name too ("missing/:episodeId" → MissingEpisode), so the item and its list differ.
 */
export function operationIdFor(method: string, url: string): string {
  const segments = url.split('/').filter(Boolean);
  if (segments[0] === 'api') segments.shift();
  const format = downloadOf(url);
  if (format) segments[segments.length - 1] = segments.at(-1)!.slice(0, -(format.length + 1));
  const endsWithParam = isParam(segments.at(-1) ?? '');
  const last = endsWithParam ? undefined : segments.pop();
  const nouns: string[] = [];
  segments.forEach((segment, i) => {
    if (isParam(segment)) return;
    const next = segments[i + 1];
    if (next === undefined || !isParam(next)) return nouns.push(pascal(segment));
    const base = paramName(next).replace(/Id$/, '');
    nouns.push(isPlural(segment) || base === 'id' ? singular(segment) : pascal(segment) + capital(base));
  });
  const m = method.toUpperCase();
  if (format) return `download${nouns.join('')}${last && last !== 'export' ? pascal(last) : ''}${capital(format)}`;
  let verb: string;
  let tail = last === undefined ? '' : pascal(last);
  if (m === 'GET') verb = last !== undefined && (isPlural(last) || COLLECTION_NOUNS.has(last)) ? 'list' : 'get';
  else if (m === 'PATCH') verb = 'update';
  else if (m === 'PUT') verb = 'replace';
  else if (m === 'DELETE') verb = 'delete';
  else if (last === undefined) verb = 'record';
  else if (VERBS.has(last)) [verb, tail] = [last, ''];
  else if (isPlural(last) || COLLECTION_NOUNS.has(last)) [verb, tail] = ['create', singular(last)];
  else verb = 'record';
  return `${verb}${nouns.join('')}${tail}`;
}

function policyOf(route: Pick<RouteOptions, 'config'>): RoutePolicy | undefined {
  return (route.config as { policy?: RoutePolicy } | undefined)?.policy;
}

const abilityOf = (policy: RoutePolicy) => ('ability' in policy ? policy.ability : undefined);

/** One paragraph on who may call the route, for its description. */
export function describeAccess(policy: RoutePolicy | undefined, method: string): string {
  if (!policy) return 'Access: none declared; Harbor refuses this route (500).';
  const ability = abilityOf(policy);
  const who = ability ? ` Ability: ${ability} (roles: ${rolesWith(ability).join(', ')}).` : '';
  const csrf = WRITE_METHODS.has(method.toUpperCase())
    ? ' Send the session’s CSRF token (from GET /api/auth/session) in the X-CSRF-Token header.'
    : '';
  switch (policy.access) {
    case 'public':
      return `Access: public, no sign-in (${policy.why}).`;
    case 'session':
      return `Access: any session, including one still in its two-step sign-in step.${csrf}`;
    case 'self':
      return `Access: any signed-in user, for their own account; no youth data.${csrf}`;
    case 'youth':
      return (
        'Access: youth data (relation-checked, audited): only youth you relate to, and only the field ' +
        `categories your role and relation grant.${who || ' Any role; the grants decide.'}${csrf}`
      );
    case 'aggregate':
      return `Access: privacy-safe aggregates (small cells suppressed; no identities).${who}${csrf}`;
    case 'reference':
      return `Access: county reference data, any signed-in user of the county.${csrf}`;
    case 'admin':
      return `Access: county administration; no youth data.${who}${csrf}`;
  }
}

/** The error statuses a route can answer with, from its policy, method and inputs. */
export function problemStatusesFor(
  route: { method: string; url: string; policy: RoutePolicy | undefined; rateLimited?: boolean },
  schema: Pick<FastifySchema, 'body' | 'querystring' | 'params'> | undefined,
): number[] {
  const method = route.method.toUpperCase();
  const write = WRITE_METHODS.has(method);
  const hasParams = route.url.split('/').some(isParam);
  const statuses = new Set<number>([500]);
  if (write || hasParams || schema?.body || schema?.querystring || schema?.params) statuses.add(400);
  const access = route.policy?.access ?? 'public';
  if (access !== 'public') {
    statuses.add(401);
    if (write || (route.policy && abilityOf(route.policy))) statuses.add(403);
  }
  if (hasParams) {
    statuses.add(404);
    statuses.add(414);
  }
  if (schema?.body) {
    statuses.add(413);
    statuses.add(415);
  }
  if (write && access !== 'public' && access !== 'session') {
    statuses.add(409);
    statuses.add(422);
  }
  if (route.rateLimited) statuses.add(429);
  for (const s of EXTRA_PROBLEMS[`${method} ${route.url}`] ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

/** The success response of a route that declares none, from what such routes return. */
function undeclaredSuccess(method: string, url: string): Json {
  const format = downloadOf(url);
  if (format) {
    const { type, what } = DOWNLOADS[format]!;
    return {
      200: {
        description: `${what}, as an attachment`,
        content: { [type]: { schema: { type: 'string', format: 'binary' } } },
      },
    };
  }
  if (method.toUpperCase() === 'DELETE') return { 204: { type: 'null', description: 'Done; no content' } };
  return {
    200: { description: 'Success (the body has no schema yet)', content: { 'application/json': { schema: {} } } },
  };
}

const methodsOf = (route: Pick<RouteOptions, 'method'>) =>
  (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());

type DocSchema = FastifySchema & { 'x-harbor-problems'?: number[] };

/** jsonSchemaTransform (zod → JSON Schema), plus what this file derives for every route. */
export const transform: SwaggerTransform = (input) => {
  const { route, url } = input;
  const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = { ...(out.schema ?? {}) } as DocSchema;
  if (schema.hide) return { schema, url: out.url };
  const method = methodsOf(route).find((m) => m !== 'HEAD') ?? 'GET';
  const policy = policyOf(route);
  schema.operationId ??= operationIdFor(method, url);
  schema.description ??= [
    schema.summary ? `${schema.summary.replace(/\.?$/, '.')}` : '',
    describeAccess(policy, method),
  ]
    .filter(Boolean)
    .join('\n\n');
  if (policy && policy.access !== 'public') {
    schema.security ??= [WRITE_METHODS.has(method) ? { session: [], csrf: [] } : { session: [] }];
  }
  if (!schema.response) schema.response = undeclaredSuccess(method, url);
  const rateLimited = Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit);
  schema['x-harbor-problems'] = problemStatusesFor({ method, url, policy, rateLimited }, input.schema);
  return { schema, url: out.url };
};

const problemSchema = () => z.toJSONSchema(ProblemDocument, { target: 'openapi-3.0', io: 'output' }) as Json;

/**
 * The finished document: the Problem schema and the shared error responses as components, each
 * operation's error responses as references to them, the tags in use with their descriptions.
 */
export const transformObject: SwaggerTransformObject = (input) => {
  if (!('openapiObject' in input)) throw new Error('Harbor documents its API as OpenAPI 3, not Swagger 2');
  const doc = input.openapiObject as Json & { paths?: Record<string, Record<string, Json>>; components?: Json };
  const usedStatuses = new Set<number>();
  const usedTags = new Set<string>();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const statuses = (operation['x-harbor-problems'] as number[] | undefined) ?? [];
      delete operation['x-harbor-problems'];
      const responses = (operation.responses ?? {}) as Record<string, unknown>;
      for (const status of statuses) {
        if (responses[status] !== undefined) continue;
        responses[status] = { $ref: `#/components/responses/${PROBLEM_RESPONSES[status]!.name}` };
        usedStatuses.add(status);
      }
      operation.responses = responses;
      for (const tag of (operation.tags as string[] | undefined) ?? []) usedTags.add(tag);
    }
  }
  const components = { ...(doc.components ?? {}) } as Json;
  components.schemas = { ...((components.schemas as Json | undefined) ?? {}), Problem: problemSchema() };
  const responses: Json = { ...((components.responses as Json | undefined) ?? {}) };
  for (const status of [...usedStatuses].sort((a, b) => a - b)) {
    const { name, description } = PROBLEM_RESPONSES[status]!;
    responses[name] = {
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  components.responses = responses;
  const tags = Object.entries(TAGS)
    .filter(([name]) => usedTags.has(name))
    .map(([name, description]) => ({ name, description }));
  return { ...doc, tags, components } as ReturnType<SwaggerTransformObject>;
};

/** The options for @fastify/swagger: the document's frame, and the transforms above. */
export function swaggerOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Harbor API',
        version: '0.1.0',
        description:
          'Shared county system for commercially sexually exploited children (CSEC). Every youth route is ' +
          'relation-checked and audited; see docs/ARCHITECTURE.md. Errors are RFC 9457 problem documents ' +
          '(application/problem+json) with a stable `code`.',
        contact: { name: "Your county's Harbor administrator" },
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'harbor_session', description: 'Set by POST /api/auth/login' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              "The session's CSRF token (csrfToken of the session); required on every state-changing request",
          },
        },
      },
    },
    transform,
    transformObject,
  };
}

/**
 * At start-up, for each documented route: every tag is described in TAGS, and no two routes share
 * an operationId. Either mistake would produce a document a client generator trips on.
 */
export function checkRouteDocs(app: FastifyInstance) {
  const ids = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const schema = route.schema as FastifySchema | undefined;
    if (schema?.hide) return;
    for (const method of methodsOf(route)) {
      if (method === 'HEAD') continue;
      const where = `${method} ${route.url}`;
      for (const tag of schema?.tags ?? []) {
        if (!(tag in TAGS))
          throw new Error(`${where} uses the tag "${tag}": describe it in TAGS (src/server/openapi.ts)`);
      }
      const id = schema?.operationId ?? operationIdFor(method, route.url);
      const other = ids.get(id);
      if (other && other !== where) {
        throw new Error(
          `${where} and ${other} would both have the operationId "${id}": set schema.operationId on one of them`,
        );
      }
      ids.set(id, where);
    }
  });
}
