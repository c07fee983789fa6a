// Bounded work on a page full of tokens (issue #12, item 4): 50,000 log rows, each holding a
// UserSig. Decode controls appear for the rows on screen, more appear where the user scrolls,
// and rows far off screen get none beyond the first few: the number on the page stays under the
// cap. The long-task figures are the benchmark's (console.spec.ts and the lead's), not asserted here.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { EAGER_CONTROLS, MAX_CONTROLS } from '../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import { BOUNDED_ROWS, BOUNDED_URL, boundedLogPage, readBoundedRows } from '../shared/bounded-log-page.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const TOKEN: string = fixtures.tokens.valid.token;

test('50,000 log rows with a UserSig each: controls for the rows on screen, more after scrolling, none far off screen beyond the cap', async ({ page, serveConsole }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await serveConsole((url) => (url.startsWith(BOUNDED_URL) ? { status: 200, contentType: 'text/html; charset=utf-8', body: boundedLogPage(TOKEN) } : undefined));
  await page.goto(BOUNDED_URL);
  await expect(page.locator('body[data-built=true]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('[data-row]')).toHaveCount(BOUNDED_ROWS);

  // The rows on screen get their controls.
  await expect.poll(async () => {
    const { onScreen } = await page.evaluate(readBoundedRows);
    return onScreen.length > 0 && onScreen.every((r) => r.control);
  }, { timeout: 120_000 }).toBe(true);
  const top = await page.evaluate(readBoundedRows);
  expect(top.controls).toBeLessThanOrEqual(MAX_CONTROLS);
  // Far below the screen, nothing: the first few rows may have controls, the rest wait.
  expect(Math.max(...top.withControl)).toBeLessThan(EAGER_CONTROLS + top.onScreen.length + 50);

  // Scrolling to the middle and the end: the rows there get controls too, and the page still holds no more than the cap.
  for (const target of [25_000, BOUNDED_ROWS - 10]) {
    await page.evaluate((row) => document.querySelector(`[data-row="${row}"]`)!.scrollIntoView({ block: 'center' }), target);
    await expect.poll(async () => {
      const { onScreen } = await page.evaluate(readBoundedRows);
      return onScreen.length > 0 && onScreen.some((r) => r.row === target) && onScreen.every((r) => r.control);
    }, { timeout: 120_000 }).toBe(true);
    const state = await page.evaluate(readBoundedRows);
    expect(state.controls).toBeLessThanOrEqual(MAX_CONTROLS);
    // Rows between the places looked at got none.
    expect(state.withControl.filter((r) => r > 5_000 && r < 20_000)).toEqual([]);
  }
  expect(errors).toEqual([]);
});
