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
  // Each worker runs one Chromium that its tests share (tests/e2e/fixtures.ts resets it between
  // them). Tests assert behaviour only, so two workers beside the Firefox run on 2 cores is fine;
  // timing figures carry the machine's speed index (tests/shared/calibration.ts).
  workers: 2,
  // Tests, not files, go to the workers: one long file no longer holds a worker to itself.
  fullyParallel: true,
  // One second try, as the Firefox runner gives: a test that passes only on it is reported as
  // flaky, by name, in `npm test`'s summary (scripts/test-all.ts), never silently.
  retries: 1,
  forbidOnly: !!process.env.CI,
  // Ceilings for a machine under load, not budgets: a test waits for what it expects.
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
    // Recorded for every test and kept for failures: the action log, console and network, without
    // DOM snapshots or the screencast. Those two cost more than the test itself on the big pages
    // (the 5,000-row copy alone: 51 CPU-seconds with them, 24 without, 22 with no trace at all).
    // For a full trace of one test: `--trace on`.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
  },
});
