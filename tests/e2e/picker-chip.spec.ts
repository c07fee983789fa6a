// Issues #12/#15: the saved-UserID chip sits over the end of its field, out of flow, so no button
// of the console moves when it appears (a fast click on "Get device information" used to miss).
// On the TEA replica's push and UserSig pages and the hand-written replica's push page (whose
// button sits in the field's row), both languages; the Firefox run has the same check
// (tests/firefox/checks/picker-chip.ts).
import { test, expect } from './fixtures.ts';
import { TEA_SITES, teaPages } from '../scenarios/console-tea.ts';
import { chipLayoutUrls, chipThroughScroll, LOW_WINDOW, measureChipLayout, SCROLLED_LOG_URL } from '../shared/chip-layout.ts';

for (const site of TEA_SITES) {
  test(`saved-UserID chip (${site.lang}): no console button moves when the chips appear (TEA and hand-written replicas)`, async ({ page, serveConsole }) => {
    await serveConsole();
    let neighbours = 0;
    for (const { url, chips } of chipLayoutUrls(site.origin, teaPages(site))) {
      await page.goto(url);
      await expect(page.locator('[data-imch=userid-picker]'), `${url}: chips`).toHaveCount(chips, { timeout: 10_000 });
      const layout = await page.evaluate(measureChipLayout);
      expect(layout.chips).toBe(chips);
      expect(layout.withChips, `${url}: button boxes with the chips vs without`).toEqual(layout.without);
      neighbours += layout.neighbours;
    }
    expect(neighbours, 'a button in a UserID field row, right of it').toBeGreaterThan(0);
  });
}

test('saved-UserID chip: hides when its field scrolls out of the console\'s content area, and comes back over the field', async ({ page, serveConsole }) => {
  await serveConsole();
  await page.setViewportSize(LOW_WINDOW);
  await page.goto(SCROLLED_LOG_URL);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 0 && document.querySelectorAll('[data-imch=userid-picker]').length === 1);
  expect(await page.evaluate(chipThroughScroll)).toEqual({ inner: true, hiddenWhenOut: true, besideWhenBack: true });
});
