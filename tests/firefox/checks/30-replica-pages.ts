import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';

/**
 * Every console replica page (REPLICA_PAGES in tests/fixtures/console/routes.ts) loads at its
 * real URL with the extension installed, and neither the page nor the content script sends
 * anything off the machine (the runner fails the check on any blocked request).
 */
const check: Check = {
  name: 'every console replica loads and nothing leaves the machine',
  timeoutMs: 60_000,
  async run(ctx) {
    if (ctx.consoleRoutesError) throw new Error(ctx.consoleRoutesError);
    if (!ctx.consoleRoutes) ctx.pending('tests/fixtures/console/routes.ts does not exist yet');
    if (ctx.replicaUrls.length === 0) ctx.pending('routes.ts lists no REPLICA_PAGES');

    const page = await ctx.newPage();
    const t0 = performance.now();
    for (const url of ctx.replicaUrls) {
      const response = await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
      assert.equal(response?.status(), 200, `status of ${url}`);
      assert.equal(await ctx.href(page), url);
      // Late rendering and the content script's features get a moment to (not) fetch.
      await new Promise((r) => setTimeout(r, 250));
      const leaks = ctx.blocked();
      assert.deepEqual(leaks.map((b) => b.url), [], `requests blocked on ${url}`);
    }
    ctx.measure('replica page load (mean)', Math.round((performance.now() - t0) / ctx.replicaUrls.length));
    ctx.log(`${ctx.replicaUrls.length} replica pages`);
  },
};

export default check;
