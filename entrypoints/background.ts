import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PENDING_KEY } from './popup/incoming-text.ts';
import { applyPopupLanguage, preferredPopupUrl } from './popup/popup-page.ts';
import { relayPickerFrames } from './userid-picker-frame/relay.ts';
import { serveWrites } from '../lib/storage/writer.ts';

const MENU_ID = 'decode-usersig';

/** Hands the selection to the popup; opens it, or a small window where openPopup is refused. */
async function decodeInPopup(text: string): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: text.slice(0, 100_000) });
  const action = browser.action ?? browser.browserAction;
  try {
    await action.openPopup();
  } catch {
    await browser.windows.create({ url: browser.runtime.getURL(await preferredPopupUrl()), type: 'popup', width: 480, height: 640 });
  }
}

export default defineBackground(() => {
  // The one writer of settings and saved UserIDs: pages send their changes here (lib/storage/writer.ts).
  serveWrites();
  // Firefox: the saved-UserID picker's frame reaches its console tab through here.
  if (import.meta.env.FIREFOX) relayPickerFrames();
  // The popup page follows the language setting (the button's popup is reset with each browser start).
  browser.runtime.onStartup.addListener(() => void applyPopupLanguage());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void applyPopupLanguage();
  });
  browser.runtime.onInstalled.addListener(() => {
    void applyPopupLanguage();
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('menuDecodeSelection') || 'Decode UserSig "%s"',
        contexts: ['selection'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID && info.selectionText) void decodeInPopup(info.selectionText);
  });
});
