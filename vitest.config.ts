import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    // One migrated embedded database, dumped once, that each file's own database starts from.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each API file gets its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    pool: 'forks',
  },
});
