import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';

/**
 * Saved UserIDs in Firefox: a UserID saved on the options page shows up in the picker beside a
 * UserID field on a console replica, and choosing it fills the field so the console sees it.
 * The picker lives in a closed shadow root that nothing outside can read, so the check drives it
 * as a user would: a real click on its button, then Enter on the first (only) option.
 */
const USER_ID = 'ff_user_01';
const CONSOLE_URL = 'https://console.tencentcloud.com/im/tool-usersig';

const check: Check = {
  name: 'saved UserIDs: the options page saves one, the console picker fills it in',
  timeoutMs: 30_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) ctx.pending('tests/fixtures/console/routes.ts is missing');
    const options = await ctx.newPage();
    await options.setViewport({ width: 1000, height: 800 });
    await ctx.openExtensionPage('options.html?lang=en', { page: options, selector: '[data-add-form] [name=userId]' });
    await options.type('[data-add-form] [name=sdkAppId]', '1400000001');
    await options.type('[data-add-form] [name=userId]', USER_ID);
    await options.type('[data-add-form] [name=label]', 'Firefox');
    await options.keyboard.press('Enter');
    await options.waitForFunction(
      (id: string) => !!document.querySelector(`li[data-userid="${id}"]`) && (document.querySelector('[data-notice]')?.textContent ?? '').includes(`Saved ${id}`),
      { timeout: 5000, polling: 50 },
      USER_ID,
    );
    ctx.log(`screenshot: ${await ctx.screenshot(options, 'options-saved-userid')}`);

    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(CONSOLE_URL, { waitUntil: 'load', timeout: 15_000 });
    const t0 = performance.now();
    await page.waitForSelector('[data-imch="userid-picker"]', { timeout: 10_000 });
    ctx.measure('console page → UserID picker placed', Math.round(performance.now() - t0));
    // The page cannot see inside: the host's shadow root is closed.
    assert.equal(await page.evaluate(() => (document.querySelector('[data-imch="userid-picker"]') as HTMLElement).shadowRoot), null);

    const t1 = performance.now();
    await page.click('[data-imch="userid-picker"]');
    // Focus moves to the picker's filter; the list loads from storage; Enter takes the first one.
    await new Promise((r) => setTimeout(r, 600));
    await page.keyboard.press('Enter');
    try {
      await page.waitForFunction(
        (id: string) => {
          const host = document.querySelector('[data-imch="userid-picker"]');
          const input = host?.previousElementSibling as HTMLInputElement | null;
          return input?.value === id;
        },
        { timeout: 5000, polling: 50 },
        USER_ID,
      );
    } catch {
      throw new Error(`the picker did not fill ${USER_ID} into the generator's UserID field`);
    }
    ctx.measure('picker click → field filled', Math.round(performance.now() - t1));
    ctx.log(`screenshot: ${await ctx.screenshot(page, 'console-picker-filled')}`);

    // The console's own state took the value: generating a UserSig works for it.
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => /Generate UserSig/.test(b.textContent ?? ''));
      button?.click();
    });
    await page.waitForFunction(() => /^eJ/.test((document.querySelector('textarea[readonly]') as HTMLTextAreaElement | null)?.value ?? ''), {
      timeout: 5000,
      polling: 100,
    });
  },
};

export default check;
