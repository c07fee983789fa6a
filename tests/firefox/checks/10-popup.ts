import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';

const check: Check = {
  name: 'popup page opens and renders',
  timeoutMs: 20_000,
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewport({ width: 420, height: 600 });
    const t0 = performance.now();
    await ctx.openPopup('?lang=en', { page });
    ctx.measure('popup open (goto → rendered)', Math.round(performance.now() - t0));

    const href = await ctx.href(page); // not page.url(): it stays about:blank here
    assert.ok(href.startsWith(ctx.extensionUrl('popup.html')), `popup is at ${href}`);
    const { title, text } = await page.evaluate(() => ({ title: document.title, text: document.body.innerText }));
    assert.ok(title.trim().length > 0, 'popup has a title');
    assert.ok(text.trim().length > 0, 'popup shows some text');
    ctx.log(`screenshot: ${await ctx.screenshot(page, 'popup')}`);
  },
};

export default check;
