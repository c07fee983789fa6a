import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { extensionErrorsSince, openExtensionPage } from '../popup-helpers.ts';

/**
 * smoke.spec.ts's first look at the built popup, in Firefox: it opens, has a title and text, and
 * no script error is raised while it renders. (puppeteer's 'pageerror' hears nothing from
 * moz-extension:// pages, so errors are read from Firefox's console service; a deliberate error
 * at the end proves that reading is not deaf.)
 */
const check: Check = {
  name: 'popup page opens and renders',
  mirrors: ['the popup of the built extension opens and renders'],
  timeoutMs: 20_000,
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewport({ width: 420, height: 600 });
    const since = Date.now();
    const t0 = performance.now();
    await openExtensionPage(ctx, 'popup.html?lang=en', page, '#app > *');
    ctx.measure('popup open (goto → rendered)', Math.round(performance.now() - t0));

    const href = await ctx.href(page); // not page.url(): it stays about:blank here
    assert.ok(href.startsWith(ctx.extensionUrl('popup.html')), `popup is at ${href}`);
    const { title, text } = await page.evaluate(() => ({ title: document.title, text: document.body.innerText }));
    assert.match(title, /\S/, 'popup has a title');
    assert.ok(text.trim().length > 0, 'popup shows some text');
    ctx.log(`screenshot: ${await ctx.screenshot(page, 'popup')}`);
    await new Promise((r) => setTimeout(r, 200)); // late errors of the first render
    assert.deepEqual(await extensionErrorsSince(ctx, since), [], 'script errors in extension pages');

    // The error reading works: a deliberate error thrown in the popup is seen.
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('firefox-check-canary');
      });
    });
    let canary: string[] = [];
    for (let i = 0; i < 20 && canary.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      canary = (await extensionErrorsSince(ctx, since)).filter((e) => e.includes('firefox-check-canary'));
    }
    assert.equal(canary.length, 1, 'a deliberate error in the popup is seen');
  },
};

export default check;
