import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { buttonNamed, openConsole, poll } from '../console-helpers.ts';
import { click } from '../ui-helpers.ts';
import { TEA_SITES, teaPages } from '../../scenarios/console-tea.ts';
import { chipLayoutUrls, chipThroughScroll, LOW_WINDOW, measureChipLayout, SCROLLED_LOG_URL } from '../../shared/chip-layout.ts';

/** tests/e2e/picker-chip.spec.ts in Firefox ESR: the saved-UserID chips move no console button. */
const checks: Check[] = TEA_SITES.map((site) => {
  const what = `saved-UserID chip (${site.lang}): no console button moves when the chips appear (TEA and hand-written replicas)`;
  return {
    name: what,
    mirrors: [what],
    timeoutMs: 60_000,
    async run(ctx) {
      if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
      const page = await ctx.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      let neighbours = 0;
      for (const { url, chips } of chipLayoutUrls(site.origin, teaPages(site))) {
        await openConsole(ctx, url, page);
        await poll(`${url}: chips`, () => page.evaluate(() => document.querySelectorAll('[data-imch=userid-picker]').length), (n) => n === chips);
        const layout = await page.evaluate(measureChipLayout);
        assert.equal(layout.chips, chips);
        assert.deepEqual(layout.withChips, layout.without, `${url}: button boxes with the chips vs without`);
        neighbours += layout.neighbours;
      }
      assert.ok(neighbours > 0, 'a button in a UserID field row, right of it');
    },
  };
});

const scrolled = "saved-UserID chip: hides when its field scrolls out of the console's content area, and comes back over the field";
checks.push({
  name: scrolled,
  mirrors: [scrolled],
  timeoutMs: 60_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
    const page = await ctx.newPage();
    await page.setViewport(LOW_WINDOW);
    await openConsole(ctx, SCROLLED_LOG_URL, page);
    await click(await buttonNamed(page, '查询', true));
    await poll('the rows and the chip', () => page.evaluate(() => document.querySelectorAll('tbody tr').length > 0 && document.querySelectorAll('[data-imch=userid-picker]').length === 1), (ok) => ok);
    assert.deepEqual(await page.evaluate(chipThroughScroll), { inner: true, hiddenWhenOut: true, besideWhenBack: true });
  },
});

export default checks;
