/**
 * Playwright reporter used next to `list` (see playwright.config.ts): ends the run with the
 * plain line `E2E: N passed, N failed[, N skipped]`, which CI reads in any language. Errors
 * outside tests (a spec file that fails to load) count as failures. The figures table comes
 * from globalTeardown (helpers/figures.ts), so it prints with any reporter.
 */
import type { FullConfig, FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private root: Suite | undefined;
  private globalErrors = 0;

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.root = suite;
  }

  onError(_error: TestError): void {
    this.globalErrors++;
  }

  onEnd(_result: FullResult): void {
    let passed = 0;
    let failed = this.globalErrors;
    let skipped = 0;
    let flaky = 0;
    // Each test once, by its final outcome after retries; tests that never ran (interrupted,
    // maxFailures) come out as skipped.
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected') passed++;
      else if (outcome === 'flaky') {
        passed++;
        flaky++;
      } else if (outcome === 'skipped') skipped++;
      else failed++;
    }
    if (flaky) console.log(`(${flaky} flaky: passed only on retry)`);
    console.log(`E2E: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
