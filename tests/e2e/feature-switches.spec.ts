// Issue #15: per-feature switches in the options page; an open console tab follows them live.
// Paths and counts come from tests/scenarios/feature-switches.ts (the Firefox mirror reads it too).
import { test, expect } from './fixtures.ts';
import { SWITCH_PAGE_URL, SWITCH_SCENARIOS, SWITCHES_DESCRIBE, switchTitle } from '../scenarios/feature-switches.ts';

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
});
