import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { waitForScanToReach } from '../console-helpers.ts';

/**
 * smoke.spec.ts's "console replicas are served at their real URLs and nothing leaves the machine"
 * in Firefox: every console replica page (REPLICA_PAGES in tests/fixtures/console/routes.ts)
 * loads at its real URL with the extension installed, the request for it went through the
 * guard's interception and was answered from routes.ts, the content script runs there, and
 * neither the page nor the content script sends anything off the machine (checked per page; the
 * runner fails the check on any blocked request too).
 *
 * "The content script runs there": Firefox lists no content-script realms over BiDi (Chromium's
 * test reads the isolated worlds over CDP), so the proof is the scan sentinel: a UserSig added
 * last gets its decode control once the content script's scan has passed the page.
 */
const check: Check = {
  name: 'replicas: every console replica is served at its real URL and nothing leaves the machine',
  mirrors: ['console replicas are served at their real URLs and nothing leaves the machine'],
  timeoutMs: 180_000,
  async run(ctx) {
    if (ctx.consoleRoutesError) throw new Error(ctx.consoleRoutesError);
    if (!ctx.consoleRoutes) ctx.pending('tests/fixtures/console/routes.ts does not exist yet');
    if (ctx.replicaUrls.length === 0) ctx.pending('routes.ts lists no REPLICA_PAGES');
    const scripts: unknown[] = ctx.manifest.content_scripts ?? [];
    assert.ok(scripts.length > 0, 'the Firefox build has a content script');

    const page = await ctx.newPage();
    // The guard's interception emits these; the check listens alongside it.
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const t0 = performance.now();
    for (const url of ctx.replicaUrls) {
      const response = await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
      assert.equal(response?.status(), 200, `status of ${url}`);
      assert.equal(await ctx.href(page), url);
      assert.ok(requested.includes(url), `the guard saw the request for ${url}`);
      assert.notEqual(await page.evaluate(() => document.body.textContent?.trim() ?? ''), '', `the body of ${url} is empty`);
      // The content script's features have run over the page (and had their chance to fetch).
      await waitForScanToReach(page);
      const leaks = ctx.blocked();
      assert.deepEqual(leaks.map((b) => b.url), [], `requests blocked on ${url}`);
    }
    ctx.measure('replica page load (mean)', Math.round((performance.now() - t0) / ctx.replicaUrls.length));
    ctx.log(`${ctx.replicaUrls.length} replica pages; requests seen: ${new Set(requested.map((u) => new URL(u).origin)).size} origin(s)`);
    const foreign = requested.filter((u) => !ctx.replicaUrls.includes(u) && !/^(moz-extension|data|blob|about):/.test(u) && !u.endsWith('/favicon.ico'));
    assert.deepEqual(foreign, [], 'requests other than the replica pages, the extension and the favicon probe');
  },
};

export default check;
