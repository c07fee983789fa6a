import { defineConfig } from '@playwright/test';

// End-to-end tests drive the *built* extension (.output/chrome-mv3, run `npm run build` first) in
// Debian's Chromium (/usr/bin/chromium); the launch lives in tests/e2e/fixtures.ts, so there is
// no `projects`/`use.channel` here and nothing ever downloads a browser. Firefox has its own
// runner (tests/firefox/run.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright wipes this folder at the start of every run: keep other reports out of it
  // (the figures and summary go to reports/).
  outputDir: 'test-results/e2e',
  // Each test launches its own Chromium (fresh profile); on 2 cores one worker keeps timing
  // figures (popup open, paste → result) meaningful and the run steady. `--workers=2` is fine
  // for a quick local pass.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    // Ends the run with the plain `E2E: N passed, N failed[, N skipped]` line.
    ['./tests/e2e/helpers/summary-reporter.ts'],
  ],
  // Figures recorded with the `measure` fixture: cleared before the run, merged into
  // reports/e2e-figures.json and printed as a table after it (whatever --reporter says).
  globalSetup: './tests/e2e/helpers/global-setup.ts',
  globalTeardown: './tests/e2e/helpers/global-teardown.ts',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
