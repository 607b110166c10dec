import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built app (`npm test` builds first) served by scripts/serve.js,
 * in the system's Chromium (Playwright's own browser download is not used). Override the browser
 * with CHROMIUM_PATH=/path/to/chromium, the port with E2E_PORT and the served build with E2E_DIST
 * (e.g. `npx vite build --outDir /tmp/dist-me && E2E_DIST=/tmp/dist-me E2E_PORT=4901 npx playwright test`).
 */
const PORT = Number(process.env.E2E_PORT ?? 4873);
const DIST = process.env.E2E_DIST;
const BASE_URL = `http://localhost:${PORT}/`;
const CI = !!process.env.CI;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Screenshots for toHaveScreenshot are committed beside the specs, one set for all Linux machines.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  fullyParallel: false,
  workers: 1, // two shared cores: the app itself runs several workers
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 90_000,
  expect: {
    timeout: 15_000,
    toHaveScreenshot: { maxDiffPixelRatio: 0.02, animations: 'disabled', caret: 'hide' },
  },
  reporter: CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `node scripts/serve.js --port ${PORT} --strict-port${DIST ? ` --dir ${JSON.stringify(DIST)}` : ''}`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
