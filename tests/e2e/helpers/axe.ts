import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AXE_MIN_PASSES, AXE_SOURCE, axeInPage, axeLoaded, type AxeReport } from '../../shared/axe.ts';

/** axe's report on the page's document (tests/shared/axe.ts), failing if axe read next to nothing. */
export async function axeReport(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(axeLoaded))) await page.evaluate(AXE_SOURCE);
  const report = await page.evaluate(axeInPage);
  expect(report.passes, `axe read the page (${report.passes} rules passed)`).toBeGreaterThan(AXE_MIN_PASSES);
  return report;
}

/** The violated rules, a line each: `expect(await axeViolations(page)).toEqual([])`. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeReport(page)).violations;
}
