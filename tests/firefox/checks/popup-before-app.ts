import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { openExtensionPage } from '../popup-helpers.ts';
import { poll } from '../ui-helpers.ts';

/**
 * popup.spec.ts's "before the popup's app has loaded", where Firefox allows it: the page's own
 * markup (as the browser gets it from the package) is the popup's first render, which the app
 * takes over in place. The Chromium tests hold the app's chunk to look at the page before it; a
 * Firefox check cannot (see tests/firefox/parity-exclusions.ts).
 */
const appHasTakenOver = (page: Page) => poll('the app has rendered over the page', () => page.evaluate(() => !!document.querySelector('footer a[href^="moz-extension://"]')), (v) => v);
const markup = (html: string) => html.replace(/href="moz-extension:\/\/[0-9a-f-]+\//, 'href="/').replace(/ selected=""/, '');

const TITLE = "before the popup's app has loaded";
const checks: Check[] = (['popup.html', 'popup-zh.html?lang=zh'] as const).map((file) => ({
  name: `${TITLE}: ${file}: the page is the popup's first render, and the app takes it over in place`,
  mirrors: [`${TITLE} › ${file}: the page is the popup's first render, and the app takes it over in place`],
  timeoutMs: 30_000,
  async run(ctx: CheckContext) {
    const page = await ctx.newPage();
    await page.setViewport({ width: 440, height: 800 });
    await openExtensionPage(ctx, file, page, '#paste');
    await appHasTakenOver(page);
    const shipped = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('#app')!.innerHTML;
    });
    assert.equal(markup(await page.$eval('#app', (e) => e.innerHTML)), markup(shipped));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste', 'the paste box has the focus');
    assert.equal(await page.$eval('select', (e) => (e as HTMLSelectElement).value), file.includes('zh') ? 'zh' : 'en', 'the language chosen');
  },
}));

export default checks;
