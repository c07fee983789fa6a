/**
 * console.spec.ts's 5,000-row log test in Firefox ESR: the rows' UserSigs get their decode
 * controls and the scan gets through the whole page. Firefox has no Long Tasks API, so the
 * blocking-time comparison is Chromium's; here the time from the rows on screen to the scan having
 * passed them is recorded as a figure (never asserted).
 */
import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { buttonNamed, controlCount, openConsole, poll, waitForScanToReach } from '../console-helpers.ts';

const URL_5000 = 'https://console.cloud.tencent.com/im/tool-log?rows=5000';

const check: Check = {
  name: 'console: a 5,000-row log gets controls for its rows, and the scan gets through it',
  mirrors: ['a 5,000-row log: controls for the rows, and long tasks with and without the extension'],
  timeoutMs: 90_000,
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    for (let i = 0; i < 3; i++) {
      await openConsole(ctx, URL_5000, page);
      await (await buttonNamed(page, '查询', true)).click();
      await page.waitForFunction(() => document.querySelectorAll('tr').length >= 5000, { timeout: 60_000, polling: 100, signal: ctx.signal });
      const t0 = performance.now();
      const rows = await page.evaluate(() => document.querySelectorAll('.tea-table__body tbody tr').length);
      assert.equal(rows, 5000, 'result rows');
      await poll('decode controls for the rows’ UserSigs', () => controlCount(page), (n) => n > 0, 15_000);
      await waitForScanToReach(page);
      ctx.measure('firefox 5,000-row log: rows shown → scan past them (wall)', Math.round(performance.now() - t0));
    }
  },
};

export default check;
