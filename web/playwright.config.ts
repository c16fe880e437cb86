import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Browser tests against the real server (`qorgau serve`) with fresh demo data.
// There is no downloadable browser here: Debian's Chromium is used.
const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.QORGAU_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '../tests/e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.QORGAU_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: path.join(here, '..', 'tests', 'e2e', 'start-server.sh'),
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      QORGAU_E2E_PORT: String(port),
      ...(process.env.QORGAU_WEB_DIR ? { QORGAU_WEB_DIR: process.env.QORGAU_WEB_DIR } : {}),
    },
  },
});
