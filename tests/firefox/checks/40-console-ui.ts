import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Check } from '../harness.ts';
import { click } from '../popup-helpers.ts';

const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/console/usersigs.json', import.meta.url), 'utf8'));

/**
 * The console UI bundle is loaded by the content script on first use (a dynamic import of a
 * web-accessible file). Firefox runs content scripts in a sandbox of its own, so prove there
 * that the pre-check renders on the verifier and a decode panel opens on a real click.
 */
const check: Check = {
  name: 'console UI: pre-check renders and a decode panel opens in Firefox',
  // Ceilings for a run beside the other lanes (doubled by the runner), not timings.
  timeoutMs: 120_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) ctx.pending('no console replica routes');
    const page = await ctx.newPage();
    await page.goto('https://console.tencentcloud.com/im/tool-usersig', { waitUntil: 'load', timeout: 45_000 });
    await page.waitForSelector('#qc-main[aria-busy="false"]', { timeout: 30_000 });
    const textareas = await page.$$('textarea');
    const verifierBox = textareas[textareas.length - 1];
    assert.ok(verifierBox, 'the verifier has a UserSig box');
    await verifierBox.click();
    await verifierBox.type(fixtures.tokens.expired.token.slice(0, 20));
    await page.evaluate((t: string) => {
      const boxes = document.querySelectorAll('textarea');
      const box = boxes[boxes.length - 1] as HTMLTextAreaElement;
      box.value = t;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, fixtures.tokens.expired.token);
    const t0 = performance.now();
    await page.waitForSelector('[data-imch=precheck]', { timeout: 30_000 });
    ctx.measure('pre-check shown (UI bundle loaded)', Math.round(performance.now() - t0));
    const control = await page.waitForSelector('[data-imch=decode]', { timeout: 30_000 });
    assert.ok(control);
    // A click the guard refuses (the control moved under the pointer as the pre-check rendered
    // beside it) does nothing, as for a user, who clicks again: a few clicks on a steady,
    // unobstructed control, each given 20 s (a ceiling) to open the panel.
    const opened = async () => !!(await page.$('[data-imch=decode][data-open]'));
    for (let attempt = 1; !(await opened()); attempt++) {
      assert.ok(attempt <= 3, 'three clicks on a steady, unobstructed Decode control opened no panel');
      await click(control);
      await page.waitForSelector('[data-imch=decode][data-open]', { timeout: 20_000 }).catch(() => undefined);
    }
  },
};

export default check;
