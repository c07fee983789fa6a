/**
 * console-bounded.spec.ts in Firefox ESR: 50,000 log rows with a UserSig each; the rows on screen
 * get decode controls (IntersectionObserver through Firefox's Xrays), rows where the user scrolls
 * get them too, and the page never holds more than the cap.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Check } from '../harness.ts';
import { poll } from '../ui-helpers.ts';
import { EAGER_CONTROLS, MAX_CONTROLS } from '../../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import { BOUNDED_ROWS, BOUNDED_URL, boundedLogPage, readBoundedRows } from '../../shared/bounded-log-page.ts';

const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const TOKEN: string = fixtures.tokens.valid.token;

const check: Check = {
  name: 'console: 50,000 log rows get controls on screen and where the user scrolls, never more than the cap',
  mirrors: ['50,000 log rows with a UserSig each: controls for the rows on screen, more after scrolling, none far off screen beyond the cap'],
  timeoutMs: 300_000,
  async run(ctx) {
    ctx.serve(BOUNDED_URL, (url) => (url.startsWith(BOUNDED_URL) ? { status: 200, contentType: 'text/html; charset=utf-8', body: boundedLogPage(TOKEN) } : undefined));
    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(BOUNDED_URL, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => document.body.dataset.built === 'true', { timeout: 120_000, polling: 200, signal: ctx.signal });
    const onScreenCovered = async (target?: number) => {
      const { onScreen } = await page.evaluate(readBoundedRows);
      return onScreen.length > 0 && (target === undefined || onScreen.some((r) => r.row === target)) && onScreen.every((r) => r.control);
    };
    await poll('decode controls for the rows on screen', () => onScreenCovered(), (ok) => ok, 120_000);
    const top = await page.evaluate(readBoundedRows);
    assert.ok(top.controls <= MAX_CONTROLS, `${top.controls} controls, cap ${MAX_CONTROLS}`);
    assert.ok(Math.max(...top.withControl) < EAGER_CONTROLS + top.onScreen.length + 50, 'no control far below the screen');
    for (const target of [25_000, BOUNDED_ROWS - 10]) {
      await page.evaluate((row) => document.querySelector(`[data-row="${row}"]`)!.scrollIntoView({ block: 'center' }), target);
      await poll(`decode controls around row ${target}`, () => onScreenCovered(target), (ok) => ok, 120_000);
      const state = await page.evaluate(readBoundedRows);
      assert.ok(state.controls <= MAX_CONTROLS, `${state.controls} controls, cap ${MAX_CONTROLS}`);
      assert.deepEqual(state.withControl.filter((r) => r > 5_000 && r < 20_000), [], 'rows never on screen have no control');
    }
  },
};

export default check;
