// A behavioural sync point instead of a fixed sleep: the decode scan handles the page's changes in
// order, so once a control appears for a UserSig added last, everything before it has been seen.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Adds a paragraph holding `token` at the top of the page and waits for its decode control. The
 * scan reaches it after everything the page added before (5,000 log rows): the default wait is a
 * ceiling for a loaded machine, as the suite's other ceilings, not a budget.
 */
export async function waitForScanToReach(page: Page, token: string, timeout = 60_000): Promise<void> {
  await page.evaluate((t) => {
    const p = document.createElement('p');
    p.setAttribute('data-sentinel', '');
    p.textContent = `sentinel ${t}`;
    document.body.prepend(p);
  }, token);
  await expect(page.locator('[data-sentinel] [data-imch=decode]')).toHaveCount(1, { timeout });
}

/**
 * Waits until `selector` matches at least `n` elements, by the page's own `querySelectorAll` every
 * 100 ms. For pages of thousands of rows: a Playwright locator walks the whole tree for shadow roots
 * on every frame it waits, ~150 ms a walk with 5,000 log rows, which slows the very page it waits
 * for (the 5,000 rows took 19 s to render under a locator's wait, 5 s under this one).
 */
export async function waitForCountInPage(page: Page, selector: string, n: number, timeout: number): Promise<void> {
  await page.waitForFunction(([s, k]) => document.querySelectorAll(s as string).length >= (k as number), [selector, n] as const, { timeout, polling: 100 });
}
