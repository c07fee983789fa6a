import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { makeUserSig } from '../usersig.ts';

/**
 * Firefox gives no handle on content-script realms (BiDi's script.getRealms lists only the
 * page's), and the content script deliberately writes nothing into the console's markup until
 * it has something to show. So the check gives it something: a UserSig appears on the page
 * (as the console renders content late), and the content script's decode control — a host
 * element carrying `data-imch` (entrypoints/console.content/ui/host.ts) — must appear beside it.
 */
export const CONTENT_SCRIPT_MARKERS = ['[data-imch]'];

const URL_UNDER_TEST = 'https://console.cloud.tencent.com/im';

const check: Check = {
  name: 'a console replica loads with the content script injected',
  timeoutMs: 20_000,
  async run(ctx) {
    const scripts: { matches?: string[] }[] = ctx.manifest.content_scripts ?? [];
    if (scripts.length === 0) ctx.pending('the build has no content script yet (manifest.content_scripts is empty)');
    if (ctx.consoleRoutesError) throw new Error(ctx.consoleRoutesError);
    if (!ctx.consoleRoutes) throw new Error('tests/fixtures/console/routes.ts did not load');
    const url = URL_UNDER_TEST;

    const page = await ctx.newPage();
    const response = await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
    assert.equal(response?.status(), 200, `status of ${url}`);
    assert.equal(await ctx.href(page), url);

    // Late content with a UserSig in it, as the console's tools render results. The replica
    // SPA may re-render the body after load, so the probe puts the paragraph back if it goes.
    const token = makeUserSig();
    const selector = CONTENT_SCRIPT_MARKERS.join(', ');
    const t0 = performance.now();
    try {
      await page.waitForFunction(
        (s: string, t: string) => {
          if (!document.getElementById('firefox-check-usersig')) {
            const p = document.createElement('p');
            p.id = 'firefox-check-usersig';
            p.textContent = `UserSig: ${t}`;
            document.body.append(p);
          }
          return !!document.querySelector(s);
        },
        { timeout: 30_000, polling: 50 },
        selector,
        token,
      );
    } catch {
      throw new Error(`the content script did not react on ${url} within 10 s: no ${selector} beside a UserSig`);
    }
    ctx.measure('UserSig on page → decode control shown', Math.round(performance.now() - t0));
  },
};

export default check;
