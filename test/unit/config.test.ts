// HARBOR_SECRET_KEY: required in production (the server and the CLI both start with loadConfig),
// a public development key otherwise; and what it does (secret-box.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_SECRET_KEY, loadConfig } from '../../src/config.js';
import { isSealed, openSecret, sealSecret } from '../../src/features/auth/secret-box.js';

const KEY = 'a-random-secret-of-at-least-32-characters';

describe('HARBOR_SECRET_KEY', () => {
  it('is required in production, with a message that says what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /HARBOR_SECRET_KEY: is required when NODE_ENV=production.*at least 32 characters.*openssl rand -base64 32/s,
    );
  });

  it('refuses the public development key and a short key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', HARBOR_SECRET_KEY: DEVELOPMENT_SECRET_KEY })).toThrow(
      /HARBOR_SECRET_KEY: is the public development key/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', HARBOR_SECRET_KEY: 'short' })).toThrow(
      /HARBOR_SECRET_KEY: must be at least 32 characters/,
    );
    expect(() => loadConfig({ HARBOR_SECRET_KEY: 'short' })).toThrow(/HARBOR_SECRET_KEY/);
  });

  it('is taken as given in production, and defaults to the development key elsewhere', () => {
    expect(loadConfig({ NODE_ENV: 'production', HARBOR_SECRET_KEY: KEY }).secretKey).toBe(KEY);
    expect(loadConfig({}).secretKey).toBe(DEVELOPMENT_SECRET_KEY);
    expect(loadConfig({ NODE_ENV: 'test' }).secretKey).toBe(DEVELOPMENT_SECRET_KEY);
    expect(DEVELOPMENT_SECRET_KEY).toMatch(/never-use-in-production/);
  });
});

describe('sealed secrets', () => {
  const user = '6f1c2d43-5b0a-4c1e-9d7e-2a7f3b9c1e11';
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips, with a fresh IV each time, and never contains the secret', () => {
    const a = sealSecret(KEY, user, secret);
    const b = sealSecret(KEY, user, secret);
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain(secret);
    expect(a.split(':')).toHaveLength(4);
    expect(openSecret(KEY, user, a)).toBe(secret);
    expect(openSecret(KEY, user, b)).toBe(secret);
  });

  it('refuses another key, another user and a tampered value', () => {
    const sealed = sealSecret(KEY, user, secret);
    expect(() => openSecret(`${KEY}-rotated`, user, sealed)).toThrow(/HARBOR_SECRET_KEY/);
    expect(() => openSecret(KEY, user.replace('6f', '7f'), sealed)).toThrow(/HARBOR_SECRET_KEY/);
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = Buffer.from(data!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(KEY, user, [v, iv, tag, flipped.toString('base64')].join(':'))).toThrow(
      /HARBOR_SECRET_KEY/,
    );
  });

  it('reads a plain secret from before encryption as it is', () => {
    expect(isSealed(secret)).toBe(false);
    expect(openSecret(KEY, user, secret)).toBe(secret);
  });
});
