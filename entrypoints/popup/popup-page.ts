import { browser } from 'wxt/browser';
import { initialPreferences, type Theme } from '../../components/preferences.ts';
import { readSavedPreferences } from '../../components/saved-preferences.ts';
import type { Lang } from '../../lib/i18n.ts';

/** The popup page with a language's texts built in (see start.tsx). */
export function popupPageFor(lang: Lang): '/popup.html' | '/popup-zh.html' {
  return lang === 'zh' ? '/popup-zh.html' : '/popup.html';
}

/**
 * The popup page the user reads, with the saved theme in its URL: the page applies it before its
 * load, when the browser shows the popup (boot.ts), so a saved theme never flashes in after the system's.
 */
export async function preferredPopupUrl(): Promise<`${ReturnType<typeof popupPageFor>}?theme=${Theme}`> {
  const { lang, theme } = initialPreferences('', await readSavedPreferences());
  return `${popupPageFor(lang)}?theme=${theme}`;
}

/** Points the toolbar button (and its keyboard command) at the popup page of that language and theme. */
export async function applyPopupLanguage(): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setPopup({ popup: await preferredPopupUrl() });
  } catch {
    // The default popup.html stays: it loads the other language's texts and the saved theme itself.
  }
}
