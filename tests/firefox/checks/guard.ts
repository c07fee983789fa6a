/**
 * smoke.spec.ts's "the network guard sees and blocks requests from extension pages, the worker and
 * tabs" in Firefox: the harness's guard (both walls, see ../harness.ts) must stop and record a
 * request from an extension page, from the background page, from a console tab and from a content
 * script, and a console URL the replicas do not serve.
 *
 * Provoking those requests in the run's own session would fail this check (the runner fails a
 * check with any blocked request, and the harness has no way to take expected records back, as
 * Playwright's `networkGuard.take()` does). So the check starts a second session with the same
 * harness code (`startSession`: same profile prefs, same sink proxy, same interception, a private
 * copy of the same build), makes the requests there, and asserts on that session's records
 * through `ctx.blocked()`, the very list run.ts fails a check on. The run's own guard sees none
 * of it: the second Firefox sends through its own sink.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Check } from '../harness.ts';
import { CONSOLE_ORIGINS, EXTENSION_UUID, startSession } from '../harness.ts';

const CANARY = 'guard canary (second session)';
const OUTSIDE = 'guard-canary.invalid';
const at = (who: string) => `https://${who}.${OUTSIDE}/canary?from=${who}`;
const CONSOLE_PAGE = `${CONSOLE_ORIGINS[0]}/im`;
const UNSERVED = `${CONSOLE_ORIGINS[0]}/cgi/unserved`;
const SERVED = `${CONSOLE_ORIGINS[0]}/im/detail`;
const CS_EXTENSION_ID = 'guard-canary@tests.invalid';
const CS_RESULT = 'data-guard-canary';

/** A throw-away extension whose content script fetches outside from the console page. */
function contentScriptExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imch-guard-canary-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'guard canary (test only)',
      version: '1.0',
      browser_specific_settings: { gecko: { id: CS_EXTENSION_ID } },
      content_scripts: [{ matches: [`${CONSOLE_PAGE}*`], js: ['canary.js'], run_at: 'document_idle' }],
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'canary.js'),
    `fetch(${JSON.stringify(at('content-script'))}, { mode: 'no-cors' }).then(
       () => 'reached',
       () => 'blocked',
     ).then((r) => document.documentElement.setAttribute(${JSON.stringify(CS_RESULT)}, r));`,
  );
  return dir;
}

const check: Check = {
  name: 'guard: the network guard sees and blocks requests from an extension page, the background page, a tab and a content script',
  mirrors: ['the network guard sees and blocks requests from extension pages, the worker and tabs'],
  timeoutMs: 60_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) ctx.pending('tests/fixtures/console/routes.ts is missing');
    const inner = await startSession((m) => ctx.log(`second session: ${m}`));
    const kill = () => inner.kill();
    ctx.signal.addEventListener('abort', kill);
    const csDir = contentScriptExtension();
    try {
      inner.setCurrentCheck(CANARY);
      const { ctx: c, cleanup } = inner.makeContext({ name: CANARY, run: async () => {} }, ctx.signal);
      try {
        const tryFetch = (u: string) =>
          fetch(u, { mode: 'no-cors' }).then(
            () => 'reached',
            () => 'blocked',
          );

        // An extension page (the popup, in a tab).
        const popup = await c.openPopup();
        assert.equal(await popup.evaluate(tryFetch, at('popup')), 'blocked', 'fetch from the popup');
        // The extension's own files still load there.
        assert.equal(await popup.evaluate(tryFetch, c.extensionUrl('manifest.json')), 'reached', 'the popup fetching its own manifest');

        // The background page (MV2: a page, reached from the popup; its fetch runs in its realm).
        const background = await popup.evaluate(async (u: string) => {
          const bg = (await (globalThis as any).browser.runtime.getBackgroundPage()) as (Window & typeof globalThis) | null;
          if (!bg) return { href: '', result: 'no background page' };
          const result = await bg.fetch(u, { mode: 'no-cors' }).then(
            () => 'reached',
            () => 'blocked',
          );
          return { href: bg.location.href, result };
        }, at('background'));
        assert.match(background.href, new RegExp(`^moz-extension://${EXTENSION_UUID}/`), 'the background page is the extension’s');
        assert.equal(background.result, 'blocked', 'fetch from the background page');

        // A tab on a console replica, with a content script of a throw-away extension on it.
        const csId = await inner.browser.installExtension(csDir);
        try {
          const page = await c.newPage();
          const response = await page.goto(CONSOLE_PAGE, { waitUntil: 'load', timeout: 45_000 });
          assert.equal(response?.status(), 200, 'the replica is served');
          assert.equal(await page.evaluate(tryFetch, at('tab')), 'blocked', 'fetch from the tab');
          // Console URLs the replicas do not serve are violations too; served ones pass.
          assert.equal(await page.evaluate(tryFetch, UNSERVED), 'blocked', 'fetch of an unserved console URL');
          assert.equal(await page.evaluate(tryFetch, SERVED), 'reached', 'fetch of a served console URL');
          await page.waitForFunction((a: string) => document.documentElement.hasAttribute(a), { timeout: 30_000, polling: 50 }, CS_RESULT);
          assert.equal(await page.evaluate((a: string) => document.documentElement.getAttribute(a), CS_RESULT), 'blocked', 'fetch from a content script');
        } finally {
          await inner.browser.uninstallExtension(csId).catch(() => {});
        }

        await new Promise((r) => setTimeout(r, 200)); // the sink's records land
        const caught = c.blocked();
        ctx.log(`second session caught: ${caught.map((b) => `${b.via} ${b.url}${b.from ? ` from ${b.from}` : ''}`).join('; ')}`);
        // Page records carry the whole URL and the tab; the sink proxy sees only CONNECT host:443
        // (HTTPS) and cannot tell who asked, hence a host per source.
        assert.deepEqual(
          caught.map((b) => `${b.via} ${b.url}`).sort(),
          [
            `page ${at('popup')}`,
            `proxy https://background.${OUTSIDE}:443`,
            `page ${at('tab')}`,
            `page ${UNSERVED}`,
            `proxy https://content-script.${OUTSIDE}:443`,
          ].sort(),
          'exactly the provoked requests, each seen by the wall that can see it',
        );
        assert.equal(caught.find((b) => b.url === at('popup'))?.from, c.extensionUrl('popup.html'), 'the popup’s request is attributed to the popup');
        assert.equal(caught.find((b) => b.url === at('tab'))?.from, CONSOLE_PAGE, 'the tab’s request is attributed to the tab');
        assert.ok(caught.every((b) => b.check === CANARY), 'every record is attributed to the running check');
        assert.equal(ctx.blocked().length, 0, 'the run’s own guard saw none of it');
      } finally {
        await cleanup();
      }
    } finally {
      ctx.signal.removeEventListener('abort', kill);
      inner.setCurrentCheck(undefined);
      await inner.close();
      fs.rmSync(csDir, { recursive: true, force: true });
    }
  },
};

export default check;
