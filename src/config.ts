import { z } from 'zod';

// Every setting Harbor reads from the environment, validated once at start-up so a typo
// fails loudly with the variable's name instead of surfacing as odd behaviour later.
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  HARBOR_DATA_DIR: z.string().min(1).default('./data'),
  HARBOR_DB_POOL: z.coerce.number().int().min(1).max(200).default(20),
  HARBOR_REQUIRE_MFA: bool.optional(),
  HARBOR_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  HARBOR_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  HARBOR_SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  HARBOR_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  HARBOR_LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  HARBOR_COOKIE_SECURE: bool.optional(),
  HARBOR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HARBOR_WEB_DIR: z.string().optional(),
  /** How often the server runs its jobs (missed obligations, queued email); 0 turns them off. */
  HARBOR_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Where notification email goes (smtp://host:port, smtps://user:pass@host:port); unset keeps it queued. */
  HARBOR_SMTP_URL: z
    .string()
    .regex(/^$|^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  HARBOR_MAIL_FROM: z.string().min(3).default('Harbor <harbor@localhost>'),
  /** The address people open Harbor at, for links in email; default http://HOST:PORT. */
  HARBOR_PUBLIC_URL: z.string().url().optional(),
  /**
   * The key that encrypts two-step sign-in secrets at rest (AES-256-GCM, key derived with
   * HKDF-SHA-256): a random secret of at least 32 characters, e.g. `openssl rand -base64 32`,
   * kept outside the database. Required in production; a fixed development key otherwise.
   */
  HARBOR_SECRET_KEY: z
    .string()
    .min(32, 'must be at least 32 characters: use a random secret, e.g. the output of `openssl rand -base64 32`')
    .max(512)
    .optional(),
});

/**
 * Used when HARBOR_SECRET_KEY is unset outside production, so a demo or a test needs no setup.
 * It is public (it is here), so it protects nothing: production refuses it.
 */
export const DEVELOPMENT_SECRET_KEY = 'harbor-development-key-public-never-use-in-production';

export interface HarborConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  requireMfa: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  sessionCacheMs: number;
  loginMaxFailures: number;
  loginLockoutMs: number;
  cookieSecure: boolean;
  logLevel: z.infer<typeof EnvSchema>['HARBOR_LOG_LEVEL'];
  webDir: string | undefined;
  /** 0 when the server runs no jobs. */
  jobIntervalMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** HARBOR_SECRET_KEY (or the development key outside production): encrypts the MFA secrets. */
  secretKey: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HarborConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Harbor cannot start: fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && (!e.HARBOR_SECRET_KEY || e.HARBOR_SECRET_KEY === DEVELOPMENT_SECRET_KEY)) {
    throw new ConfigError(
      'Harbor cannot start: fix these environment variables:\n' +
        `  HARBOR_SECRET_KEY: ${e.HARBOR_SECRET_KEY ? 'is the public development key' : 'is required'} when NODE_ENV=production. ` +
        'Set it to a random secret of at least 32 characters (for example the output of `openssl rand -base64 32`), ' +
        'stored outside the database and backed up: it encrypts the two-step sign-in secrets, which cannot be read without it.',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.HARBOR_DATA_DIR,
    dbPoolSize: e.HARBOR_DB_POOL,
    // MFA is required in production unless a county explicitly turns it off; optional in demo mode.
    requireMfa: e.HARBOR_REQUIRE_MFA ?? production,
    sessionIdleMs: e.HARBOR_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.HARBOR_SESSION_ABSOLUTE_HOURS * 3_600_000,
    sessionCacheMs: e.HARBOR_SESSION_CACHE_SECONDS * 1000,
    loginMaxFailures: e.HARBOR_LOGIN_MAX_FAILURES,
    loginLockoutMs: e.HARBOR_LOGIN_LOCKOUT_MINUTES * 60_000,
    cookieSecure: e.HARBOR_COOKIE_SECURE ?? production,
    logLevel: e.HARBOR_LOG_LEVEL,
    webDir: e.HARBOR_WEB_DIR,
    jobIntervalMs: e.HARBOR_JOB_INTERVAL_SECONDS * 1000,
    smtpUrl: e.HARBOR_SMTP_URL || undefined,
    mailFrom: e.HARBOR_MAIL_FROM,
    publicUrl: (e.HARBOR_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    secretKey: e.HARBOR_SECRET_KEY ?? DEVELOPMENT_SECRET_KEY,
  };
}
