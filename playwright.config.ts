import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/support/browser';

// The test runner (tests/support/run-tests.ts) finds a Chromium and passes it here.
const executablePath = process.env.DOUM_CHROMIUM || undefined;

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['./tests/support/skip-reporter.ts'], ['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1180, height: 820 },
        locale: 'ko-KR',
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
