// Browser tests of the web app against the real server (built: `npm run build` first).
// Each run starts the server on port 3199 with an empty data directory, which it migrates and
// seeds with the fictional demo counties.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// HARBOR_E2E_PORT moves both servers (the MFA one is 10 below), so two checkouts can run their
// browser tests side by side.
const PORT = Number(process.env.HARBOR_E2E_PORT ?? 3199);
/** A second server that requires two-step sign-in (test/e2e/mfa.spec.ts reads the same rule). */
const MFA_PORT = PORT - 10;
// Computed once in the runner; worker processes inherit them through the environment.
const stamp = Date.now();
process.env.HARBOR_E2E_DATA_DIR ??= path.join('.tmp', `e2e-data-${stamp}`);
process.env.HARBOR_E2E_MFA_DATA_DIR ??= path.join('.tmp', `e2e-mfa-data-${stamp}`);

const server = (port: number, dataDir: string | undefined, extraEnv: Record<string, string> = {}) => ({
  command: 'node dist/server/main.js',
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    HARBOR_DATA_DIR: dataDir ?? '',
    NODE_ENV: 'test',
    HARBOR_LOG_LEVEL: 'warn',
    ...extraEnv,
  },
});

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    server(PORT, process.env.HARBOR_E2E_DATA_DIR),
    server(MFA_PORT, process.env.HARBOR_E2E_MFA_DATA_DIR, { HARBOR_REQUIRE_MFA: 'true' }),
  ],
});
