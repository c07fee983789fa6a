import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import {
  KEY,
  byLabel,
  byRole,
  check,
  clipboardReader,
  everything,
  expectVerdict,
  fill,
  openPopup,
  pollClipboard,
  resetPopupStorage,
  tokens,
  click,
  settled,
} from '../popup-helpers.ts';
import { shadowRootsOf, shadowText } from '../shadow.ts';
import { poll } from '../ui-helpers.ts';
import { KEY_VAULT_DB } from '../../../lib/secrets/key-vault-idb.ts';
import { clearVault, rememberInPopup, vaultDump } from './popup-remembered-key.ts';

const TOOL_PAGE = 'https://console.tencentcloud.com/im/tool-usersig';

/**
 * secrets.spec.ts in Firefox ESR. The user remembers the SecretKey of app 1400000001 in the popup
 * (so it sits in the extension's key vault for the whole check) and copies the popup's report; then every
 * console feature works on the same app in a console replica: the decode controls and panel,
 * the pre-check, and the verifier's diagnostics report copied to the clipboard. The key must not
 * be in either copied report, in our closed shadow roots, nor anywhere in the page's DOM (text and
 * attributes, closed shadow roots included: read through WebDriver BiDi, as the e2e test reads it
 * through CDP). The clipboard is read with a real Ctrl+V in a tab of its own.
 */
const secrets: Check = {
  name: 'secrets: a remembered SecretKey never reaches a console page, its DOM or a copied report',
  mirrors: ['a remembered SecretKey never reaches a console page, its DOM or a copied report'],
  timeoutMs: 60_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) throw new Error(ctx.consoleRoutesError ?? 'tests/fixtures/console/routes.ts did not load');
    const readClipboard = await clipboardReader(ctx);

    try {
      // The user remembers the key of app 1400000001 in the popup.
      const popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', tokens.valid.token);
      await fill(popup, '#verify-key', KEY);
      await check(await byLabel(popup, `Remember this key for SDKAppID ${tokens.valid.sdkAppId} on this device`));
      await expectVerdict(popup, 'verified');
      // Sealing and storing finish after the verdict shows: wait for the write, then hold it to one entry.
      assert.equal(await poll('the key sealed in the vault', async () => (await vaultDump(popup)).entries, (n) => n >= 1), 1, 'the key is remembered for the rest of the check');

      // The popup's own report names the verdict, never the key.
      await popup.bringToFront();
      await click(await byRole(popup, 'button', 'Copy report'));
      const popupReport = await pollClipboard(readClipboard, 'Verified');
      assert.ok(!popupReport.includes(KEY), 'the popup report holds the key');

      // Every console feature at work on the same app.
      const page = await ctx.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(TOOL_PAGE, { waitUntil: 'load', timeout: 15_000 });
      await page.waitForSelector('#qc-main[aria-busy="false"]', { timeout: 10_000 });
      // Our content script decorates the rendered tools a moment later (a UserID picker beside each
      // UserID box, which moves the Generate button): act on the page once it has settled, or a
      // click aimed at the button can land where it was.
      await settled(page);
      await fill(page, 'input', 'alice');
      await click(await byRole(page, 'button', 'Generate UserSig'));
      const boxes = await page.$$('textarea');
      await fill(page, boxes[boxes.length - 1]!, tokens.valid.token);
      await page.waitForFunction(() => document.querySelectorAll('[data-imch=decode]').length === 2, { timeout: 10_000, polling: 50 }).catch(async (e: Error) => {
        const state = await page.evaluate(() => ({
          controls: document.querySelectorAll('[data-imch=decode]').length,
          inputs: [...document.querySelectorAll('input')].map((i) => i.value),
          textareas: [...document.querySelectorAll('textarea')].map((t) => t.value.slice(0, 20)),
          text: document.querySelector('#qc-main')?.textContent?.slice(0, 400),
        }));
        throw new Error(`two decode controls (generated + pasted UserSig): ${e.message}; page: ${JSON.stringify(state)}`);
      });
      await click((await page.$('[data-imch=decode]'))!);
      await page.waitForFunction(() => document.querySelectorAll('[data-imch=decode][data-open]').length === 1, { timeout: 10_000, polling: 50 });
      await page.waitForFunction(() => document.querySelectorAll('[data-imch=precheck]').length === 1, { timeout: 10_000, polling: 50 });
      const roots = await shadowRootsOf(page, 'decode');
      assert.equal(roots.length, 2, 'two decode controls with their (closed) shadow roots');
      assert.equal((await roots[0]!.$$('[role=dialog]')).length, 1, 'the first control shows its decoded view');
      const rootsText = (await Promise.all(roots.map(shadowText))).join(' ');
      assert.ok(rootsText.includes('alice'), 'the decoded view names alice');
      assert.ok(!rootsText.includes(KEY), 'the decoded view holds the key');

      const verifier = '[data-imch=diagnostics][data-tool=usersig-verifier]';
      await click((await page.$(verifier))!);
      await page.waitForSelector(`${verifier}[data-open="ready"]`, { timeout: 10_000 });
      // clipboard.write('-', page): so the read below can only see the new report.
      await page.evaluate(() => navigator.clipboard.writeText('-'));
      await page.keyboard.press('Enter');
      const report = await pollClipboard(readClipboard, 'UserSig');
      assert.ok(!report.includes(KEY), 'the diagnostics report holds the key');
      ctx.log(`reports copied: popup ${popupReport.length} chars, diagnostics ${report.length} chars`);

      const dom = await everything(page);
      assert.ok(dom.closedRoots >= 3, `the DOM read entered our closed shadow roots (${dom.closedRoots})`);
      // Not vacuous: the longest text inside the pre-check's closed root is part of what was read.
      const precheckRoot = (await shadowRootsOf(page, 'precheck'))[0];
      assert.ok(precheckRoot, 'the pre-check has its shadow root');
      const inside = await precheckRoot.evaluate((r) => {
        const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
        let longest = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.localName !== 'style' && (n.nodeValue ?? '').length > longest.length) longest = n.nodeValue ?? '';
        }
        return longest;
      });
      assert.ok(inside.length > 5 && dom.text.includes(inside), `the DOM read includes the pre-check's text (${JSON.stringify(inside)})`);
      assert.ok(dom.text.includes('alice'), 'the page shows alice');
      assert.ok(!dom.text.includes(KEY), 'the key is in the console page DOM');
    } finally {
      // Leave no remembered key to the checks that follow (each e2e test has a fresh profile).
      await resetPopupStorage(ctx).catch(() => {});
      const cleaner = await openPopup(ctx, { lang: 'en' }).catch(() => undefined);
      if (cleaner) await clearVault(cleaner).then(() => cleaner.close()).catch(() => {});
    }
  },
};

/**
 * The e2e test evaluates in the content script's isolated world (CDP). BiDi does not reach a
 * WebExtension's content-script sandbox, so this mirror checks every store that sandbox can read:
 * storage.local (the extension's, shared with content scripts) holds no key, and IndexedDB there is
 * the page origin's, which has no vault; the vault lives under moz-extension:// and holds the key.
 */
const contentScriptReach: Check = {
  name: 'secrets: a content script on a console page cannot read a remembered key',
  mirrors: ['a content script on a console page cannot read a remembered key'],
  timeoutMs: 40_000,
  async run(ctx) {
    if (!ctx.consoleRoutes) throw new Error(ctx.consoleRoutesError ?? 'tests/fixtures/console/routes.ts did not load');
    const popup = await rememberInPopup(ctx);
    try {
      assert.equal(await poll('the key sealed in the vault', async () => (await vaultDump(popup)).entries, (n) => n >= 1), 1, 'the key is sealed in the extension origin\'s vault');
      const local = await popup.evaluate(async () => JSON.stringify(await (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<object> } } } }).browser.storage.local.get(null)));
      assert.ok(!local.includes(KEY), 'storage.local, which content scripts read, holds the key');
      const page = await ctx.newPage();
      await page.goto(TOOL_PAGE, { waitUntil: 'load', timeout: 15_000 });
      await page.waitForSelector('[data-imch]', { timeout: 10_000 }); // our content script is at work here
      const seen = await page.evaluate(async (dbName: string) => ({ origin: location.origin, names: (await indexedDB.databases()).map((d) => d.name), dbName }), KEY_VAULT_DB);
      assert.equal(seen.origin, 'https://console.tencentcloud.com');
      assert.ok(!seen.names.includes(seen.dbName), `the console origin has the vault database: ${JSON.stringify(seen.names)}`);
      await page.close();
    } finally {
      await clearVault(popup).catch(() => {});
    }
  },
};

export default [secrets, contentScriptReach];
