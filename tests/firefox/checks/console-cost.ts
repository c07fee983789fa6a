/**
 * console.spec.ts's "content-script cost on page load and on a 5,000-row log" in Firefox ESR.
 * The figures come from the User Timing entries the content script leaves (`imch:init:*` for
 * each feature's synchronous start, `imch:scan-batch` for each slice of the decode scan); in
 * Firefox a content script's performance.measure() lands in the page's timeline, as in Chromium.
 * They are recorded, never asserted: the machine is shared. What is asserted is the work itself:
 * the scan ran in batches, and every UserSig in the 5,000 rows got its decode control.
 */
import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { buttonNamed, controlCount, openConsole, poll, sleep } from '../console-helpers.ts';

const URL_5000 = 'https://console.cloud.tencent.com/im/tool-log?rows=5000';

const check: Check = {
  name: 'console: content-script cost on page load and on a 5,000-row log',
  mirrors: ['content-script cost on page load and on a 5,000-row log'],
  timeoutMs: 90_000,
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    for (let i = 0; i < 3; i++) {
      await openConsole(ctx, URL_5000, page);
      await (await buttonNamed(page, '查询', true)).click();
      await page.waitForFunction(() => document.querySelectorAll('tr').length >= 5000, { timeout: 20_000, polling: 100, signal: ctx.signal });
      await sleep(800);
      const figures = await page.evaluate(() => {
        const entries = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('imch:'));
        const init = entries.filter((e) => e.name.startsWith('imch:init:'));
        const batches = entries.filter((e) => e.name === 'imch:scan-batch');
        return {
          features: init.map((e) => e.name.slice('imch:init:'.length)),
          load: init.reduce((n, e) => n + e.duration, 0),
          batches: batches.length,
          maxBatch: Math.max(0, ...batches.map((e) => e.duration)),
        };
      });
      ctx.measure('content script: page-load work', Math.round(figures.load * 10) / 10);
      ctx.measure('content script: 5,000-row log, worst batch', Math.round(figures.maxBatch * 10) / 10);
      assert.ok(figures.features.includes('decode-buttons'), `features started: ${figures.features.join(', ')}`);
      assert.ok(figures.batches > 0, 'the decode scan ran in batches');

      // The functional part: every UserSig among the 5,000 rows gets its control.
      const rows = await page.evaluate(() => document.querySelectorAll('.tea-table__body tbody tr').length);
      assert.equal(rows, 5000, 'result rows');
      const cells = await page.evaluate(() => [...document.querySelectorAll('td')].filter((c) => /eJ[A-Za-z0-9*_-]{40,}/.test(c.textContent ?? '')).length);
      assert.ok(cells > 0, 'UserSigs among the 5,000 rows');
      await poll(`${cells} decode controls on the 5,000-row log`, () => controlCount(page), (n) => n === cells, 15_000);
      if (i === 0) ctx.log(`${figures.features.length} features started; ${cells} UserSigs in 5,000 rows, all with controls; ${figures.batches} scan batches`);
    }
  },
};

export default check;
