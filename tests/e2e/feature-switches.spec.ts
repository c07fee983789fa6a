// Issue #15: per-feature switches in the options page; an open console tab follows them live.
// Paths and counts come from tests/scenarios/feature-switches.ts (the Firefox mirror reads it too).
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { attr, findAll, withDiagnosticsHost } from './helpers/shadow.ts';
import { LAYOUT_TITLE, MASK_TITLE, MASK_TOOL, SWITCH_PAGE_URL, SWITCH_SCENARIOS, SWITCHES_DESCRIBE, consoleBoxes, largestMove, switchTitle } from '../scenarios/feature-switches.ts';

/** The open diagnostics panel's `data-tokens` once it is ready ('full' or 'masked'), else undefined. */
const panelTokens = (page: Page) =>
  withDiagnosticsHost(page, MASK_TOOL, async (_cdp, host) => {
    const dialog = host?.shadowRoots?.[0] ? findAll(host.shadowRoots[0], (n) => attr(n, 'role') === 'dialog')[0] : undefined;
    return dialog && attr(dialog, 'data-state') === 'ready' ? attr(dialog, 'data-tokens') : undefined;
  });

test.describe(SWITCHES_DESCRIBE, () => {
  test.use({ failOnPageErrors: true });
  test.beforeEach(async ({ serveConsole }) => {
    await serveConsole();
  });

  for (const s of SWITCH_SCENARIOS) {
    test(switchTitle(s), async ({ page, openOptions }) => {
      const others = SWITCH_SCENARIOS.filter((o) => o !== s);
      await page.goto(SWITCH_PAGE_URL);
      await expect(page.locator(s.selector)).toHaveCount(s.count, { timeout: 10_000 });
      const opts = await openOptions({ lang: 'en' });
      const box = opts.locator(`[data-feature-switch=${s.feature}]`);
      await expect(box).toBeChecked();

      await box.uncheck();
      await expect(page.locator(s.selector), 'gone from the open tab, no reload').toHaveCount(0, { timeout: 10_000 });
      for (const o of others) await expect(page.locator(o.selector), `${o.feature} stays`).toHaveCount(o.count);

      // A console tab opened while it is off never shows it (the other features prove the script ran).
      await page.reload();
      for (const o of others) await expect(page.locator(o.selector)).toHaveCount(o.count, { timeout: 10_000 });
      await expect(page.locator(s.selector)).toHaveCount(0);

      await box.check();
      await expect(page.locator(s.selector), 'back in the open tab').toHaveCount(s.count, { timeout: 10_000 });
      await opts.reload();
      await expect(opts.locator(`[data-feature-switch=${s.feature}]`)).toBeChecked();
    });
  }

  test(LAYOUT_TITLE, async ({ page, openOptions }) => {
    const [diagnostics, picker] = SWITCH_SCENARIOS;
    const opts = await openOptions({ lang: 'en' });
    const box = opts.locator('[data-feature-switch=diagnostics]');
    await box.uncheck();
    await page.goto(SWITCH_PAGE_URL);
    // The picker's chips are placed: the content script has run over the page.
    await expect(page.locator(picker!.selector)).toHaveCount(picker!.count, { timeout: 10_000 });
    const before = await page.evaluate(consoleBoxes);
    await box.check();
    await expect(page.locator(diagnostics!.selector)).toHaveCount(diagnostics!.count, { timeout: 10_000 });
    expect(largestMove(before, await page.evaluate(consoleBoxes)), 'px moved').toBeLessThanOrEqual(1);
  });

  test(MASK_TITLE, async ({ page, openOptions }) => {
    const opts = await openOptions({ lang: 'en' });
    const mask = opts.locator('[data-setting=mask]');
    await expect(mask).toBeChecked();
    await mask.uncheck();
    await page.goto(SWITCH_PAGE_URL);
    const host = page.locator(`[data-imch=diagnostics][data-tool=${MASK_TOOL}]`);
    await host.click();
    await expect.poll(() => panelTokens(page), { timeout: 20_000 }).toBe('full');
    await host.click();
    await expect.poll(() => panelTokens(page)).toBeUndefined();

    await mask.check();
    await host.click();
    await expect.poll(() => panelTokens(page), { timeout: 20_000 }).toBe('masked');
  });
});
