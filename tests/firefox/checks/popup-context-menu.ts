import assert from 'node:assert/strict';
import type { Check, CheckContext } from '../harness.ts';
import { APP, chromeEval, expectValue, openExtensionPage, openPopup, resetPopupStorage, storageDump, tokens } from '../popup-helpers.ts';

const MENU = '#contentAreaContextMenu';

/** Reads the popup document inside Firefox's own UI (the browser-action panel, or the fallback window). */
async function readOpenedPopup(ctx: CheckContext): Promise<{ href: string; paste: string; verdict: string | null } | null> {
  // A frame script in the <browser> that shows popup.html: Firefox's own popup code talks to that
  // browser through its message manager the same way. It only reads.
  const frameScript = `
    const d = content.document;
    sendAsyncMessage('imch-firefox-check', {
      href: d.location.href,
      paste: d.querySelector('#paste') ? d.querySelector('#paste').value : null,
      verdict: d.querySelector('[data-verdict]') ? d.querySelector('[data-verdict]').getAttribute('data-verdict') : null,
    });`;
  const json = await chromeEval(
    ctx,
    `new Promise((resolve) => {
      const popupUrl = ${JSON.stringify(ctx.extensionUrl('popup.html'))};
      const browsers = [];
      for (const win of Services.wm.getEnumerator(null)) browsers.push(...win.document.querySelectorAll('browser'));
      const b = browsers.find((x) => x.currentURI && x.currentURI.spec.startsWith(popupUrl));
      if (!b || !b.messageManager) return resolve('null');
      const mm = b.messageManager;
      const timer = setTimeout(() => resolve('null'), 2000);
      mm.addMessageListener('imch-firefox-check', function listener(msg) {
        mm.removeMessageListener('imch-firefox-check', listener);
        clearTimeout(timer);
        resolve(JSON.stringify(msg.data));
      });
      mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
    })`,
  );
  return JSON.parse(String(json));
}

/**
 * popup.spec.ts's context-menu hand-over, end to end in Firefox. The Chromium test writes
 * `pendingDecode` into storage.session from the service worker (what the menu handler does) and
 * opens the popup itself. Here the user's path is walked for real instead: text is selected in a
 * tab, a real right-click opens Firefox's context menu, our "Decode UserSig" entry (created by
 * the background page on install) is activated in Firefox's own menu, and the background page's
 * contextMenus.onClicked handler stores the selection and opens the browser-action popup
 * (browserAction.openPopup, or its window fallback). The popup Firefox opened must show the text
 * decoded as expired; opened again, it must be empty (the hand-over is taken once).
 * This proves the MV2 background page's menu, its storage.session write and Firefox's popup
 * opening, none of which the Chromium test exercises. Driving the menu needs WebDriver BiDi with
 * system access (chrome scope), which the harness enables.
 */
const check: Check = {
  name: 'popup: text handed over by the context menu opens decoded in the popup, once (real Firefox menu)',
  mirrors: ['text handed over by the context menu opens decoded in the popup, once'],
  timeoutMs: 40_000,
  async run(ctx) {
    await resetPopupStorage(ctx);
    // The popup could also have read the same text from the tab's selection (activeTab): watch
    // storage.session from an extension page to see that the background's hand-over is what came.
    const watcher = await openExtensionPage(ctx, 'options.html', await ctx.newPage(), '#app > *');
    await watcher.evaluate(() => {
      const w = window as unknown as { handover: unknown[]; browser: { storage: { onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void } } } };
      w.handover = [];
      w.browser.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && 'pendingDecode' in changes) w.handover.push(changes.pendingDecode!.newValue ?? null);
      });
    });
    const text = `copied from a log: usersig=${tokens.expired.token}&sdkappid=${APP}`;
    const tab = await ctx.newPage();
    await tab.setViewport({ width: 900, height: 600 });
    await tab.goto(`data:text/html;charset=utf-8,<title>log</title><p id=log style="word-break:break-all;font:16px monospace">${encodeURIComponent(text)}</p>`, { timeout: 30_000 });
    const log = await tab.waitForSelector('#log');
    assert.ok(log);
    // Select the line as a user does: a triple click on it, once the tab has painted (input
    // sent to a tab before its first paint can be lost).
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await log.click({ count: 3 });
    const selected = await tab.evaluate(() => String(getSelection()).trim());
    assert.equal(selected, text, 'the triple click selected the log line');

    try {
      const box = await log.boundingBox();
      assert.ok(box);
      await tab.mouse.click(box.x + 40, box.y + 8, { button: 'right' });
      let label = '';
      const deadline = Date.now() + 5_000;
      while (!label) {
        label = String(
          await chromeEval(
            ctx,
            `(() => {
              const menu = document.querySelector(${JSON.stringify(MENU)});
              if (menu.state !== 'open') return '';
              const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.id.endsWith('-menuitem-_decode-usersig'));
              return item ? item.label : '';
            })()`,
          ),
        );
        if (!label && Date.now() > deadline) throw new Error('the context menu with our "Decode UserSig" entry did not open');
        if (!label) await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(label, /^Decode UserSig "copied from a log: usersig=/, `menu entry label: ${label}`);
      await chromeEval(
        ctx,
        `(() => {
          const menu = document.querySelector(${JSON.stringify(MENU)});
          const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.id.endsWith('-menuitem-_decode-usersig'));
          menu.activateItem(item);
        })()`,
      );

      let seen: Awaited<ReturnType<typeof readOpenedPopup>> = null;
      const until = Date.now() + 10_000;
      for (;;) {
        seen = await readOpenedPopup(ctx);
        if (seen?.verdict === 'expired') break;
        if (Date.now() > until) throw new Error(`the popup Firefox opened did not show the text decoded as expired: ${JSON.stringify(seen)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(seen.paste, new RegExp(tokens.expired.token.slice(0, 30)), 'the handed-over text is in the paste box');
      assert.equal(seen.paste, text, 'the whole selection was handed over');
    } finally {
      await chromeEval(
        ctx,
        `(() => {
          document.querySelector(${JSON.stringify(MENU)})?.hidePopup();
          document.getElementById('customizationui-widget-panel')?.hidePopup();
        })()`,
      ).catch(() => {});
    }

    // Written by the background page, then taken (removed) by the popup.
    const handover = await watcher.evaluate(() => (window as unknown as { handover: unknown[] }).handover);
    assert.deepEqual(handover, [text, null], 'storage.session pendingDecode: set by the background, then taken by the popup');

    const again = await openPopup(ctx, { lang: 'en' });
    await new Promise((r) => setTimeout(r, 500)); // the popup reads its hand-over asynchronously
    await expectValue(again, '#paste', '');
    const stored = await storageDump(again);
    assert.ok(!stored.session.includes('pendingDecode'), `nothing is left to hand over: ${stored.session}`);
  },
};

export default check;
