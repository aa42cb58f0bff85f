import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { listMigrations } from '../../src/db/migrate.js';
import { suppressSmallCount } from '../../src/domain/suppression.js';
import { parseDateQuery } from '../../src/features/youth/search-youth.js';

describe('suppressSmallCount', () => {
  it('hides 1 to 10, shows 0 and 11 and up', () => {
    expect([0, 1, 10, 11, 250].map((n) => suppressSmallCount(n))).toEqual([0, '<11', '<11', 11, 250]);
  });
  it('never hides zero and never shows a count from 1 to 10 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const shown = suppressSmallCount(n);
        if (n === 0) return shown === 0;
        return n <= 10 ? shown === '<11' : shown === n;
      }),
    );
  });
  it('refuses a count that is not a whole number of at least zero', () => {
    expect(() => suppressSmallCount(-1)).toThrow(RangeError);
    expect(() => suppressSmallCount(2.5)).toThrow(RangeError);
  });
});

describe('parseDateQuery', () => {
  it.each([
    ['2010-03-14', '2010-03-14'],
    ['2010-3-4', '2010-03-04'],
    ['03/14/2010', '2010-03-14'],
    ['3/4/2010', '2010-03-04'],
    ['2010-02-30', null],
    ['14/03/2010', null],
    ['Quintero', null],
  ])('%s → %s', (q, expected) => expect(parseDateQuery(q)).toBe(expected));
});

describe('loadConfig', () => {
  it('uses demo-friendly defaults outside production and strict ones in production', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      requireMfa: false,
      cookieSecure: false,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
    });
    const key = { HARBOR_SECRET_KEY: 'k'.repeat(32) }; // production requires one (test/unit/config.test.ts)
    expect(loadConfig({ NODE_ENV: 'production', ...key })).toMatchObject({ requireMfa: true, cookieSecure: true });
    expect(loadConfig({ NODE_ENV: 'production', HARBOR_REQUIRE_MFA: 'false', ...key }).requireMfa).toBe(false);
  });
  it('names each variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ HARBOR_REQUIRE_MFA: 'maybe' })).toThrow(/HARBOR_REQUIRE_MFA/);
  });
});

describe('migrations', () => {
  it('are named YYYYMMDD_NNNN_what_it_does.sql and sort in the order they must run', () => {
    const files = listMigrations();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect([...files].sort()).toEqual(files);
  });
});
