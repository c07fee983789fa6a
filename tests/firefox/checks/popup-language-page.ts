import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Check, CheckContext } from '../harness.ts';
import { expectText, fill, openExtensionPage, openPopup, resetPopupStorage, tokens } from '../popup-helpers.ts';

/** The toolbar button's popup, as the background last set it (browserAction in Firefox MV2). */
function toolbarPopup(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { browser: { browserAction: { getPopup(d: object): Promise<string> } } }).browser.browserAction.getPopup({}));
}

async function waitForToolbarPopup(page: Page, expected: RegExp): Promise<void> {
  const deadline = Date.now() + 8_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await toolbarPopup(page);
    if (expected.test(seen)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the toolbar popup is ${seen}, expected ${expected}`);
}

/**
 * Opens a popup page and lists the language text chunks its script names (the page's module
 * script imports its texts and app after the load: entrypoints/popup/main.tsx). Firefox records no
 * load of an extension page's own files (no BiDi network event, no resource timing entry), so this
 * reads what the page's script asks for; the Chromium test sees the fetches themselves, and
 * scripts/budgets.ts follows each page's imports.
 */
async function openRecording(ctx: CheckContext, file: string): Promise<{ page: Page; chunks: () => Promise<string[]> }> {
  const page = await ctx.newPage();
  await page.setViewport({ width: 440, height: 800 });
  await openExtensionPage(ctx, file, page, '#paste');
  const chunks = () =>
    page.evaluate(async () => {
      const names = new Set<string>();
      for (const script of document.querySelectorAll('script[type=module][src]')) {
        const code = await (await fetch(script.getAttribute('src')!)).text();
        for (const m of code.matchAll(/\/((?:messages|problem-texts)-(?:en|zh))-[\w-]+\.js/g)) names.add(m[1]!);
      }
      return [...names].sort();
    });
  return { page, chunks };
}

const check: Check = {
  name: 'popup: the toolbar popup follows the chosen language, and each popup page loads only its own texts',
  mirrors: ['the toolbar popup follows the chosen language, and each popup page loads only its own texts'],
  timeoutMs: 40_000,
  async run(ctx) {
    const popup = await openPopup(ctx);
    await resetPopupStorage(ctx, popup);
    await popup.select('select[aria-label="Language"]', 'zh');
    await waitForToolbarPopup(popup, /\/popup-zh\.html\?theme=auto$/);

    const { page: zh, chunks: zhChunks } = await openRecording(ctx, 'popup-zh.html');
    await expectText(zh, '[role=tab]', { equals: '解码与校验' }, { nth: 0 });
    await fill(zh, '#paste', tokens.expired.token);
    await expectText(zh, '.problem', { contains: '已过期' }, { nth: 0 });
    assert.deepEqual(await zhChunks(), ['problem-texts-zh'], 'popup-zh.html brings the Chinese texts only');

    // A theme chosen there goes into the button's URL: the next opening paints in it from the start.
    await zh.select('select[aria-label="主题"]', 'dark');
    await waitForToolbarPopup(zh, /\/popup-zh\.html\?theme=dark$/);
    await zh.select('select[aria-label="语言"]', 'en');
    await waitForToolbarPopup(zh, /\/popup\.html\?theme=dark$/);
    const { page: en, chunks: enChunks } = await openRecording(ctx, 'popup.html');
    await expectText(en, '[role=tab]', { equals: 'Decode & verify' }, { nth: 0 });
    assert.deepEqual(await enChunks(), ['problem-texts-en'], 'popup.html brings the English texts only');
    // Leave no language setting behind for the checks that follow.
    await en.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { remove(k: string): Promise<void> } } } }).browser.storage.local.remove('settings'));
    await resetPopupStorage(ctx, en);
  },
};

export default check;
