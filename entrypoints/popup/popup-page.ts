import { browser } from 'wxt/browser';
import { initialPreferences } from '../../components/preferences.ts';
import { readSavedPreferences } from '../../components/saved-preferences.ts';
import type { Lang } from '../../lib/i18n.ts';

/** The popup page with a language's texts built in (see start.tsx). */
export function popupPageFor(lang: Lang): '/popup.html' | '/popup-zh.html' {
  return lang === 'zh' ? '/popup-zh.html' : '/popup.html';
}

/** The language the user reads: the saved setting, else the browser's (as the popup decides it). */
export async function preferredLanguage(): Promise<Lang> {
  return initialPreferences('', await readSavedPreferences()).lang;
}

/** Points the toolbar button (and its keyboard command) at the popup page of that language. */
export async function applyPopupLanguage(): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setPopup({ popup: popupPageFor(await preferredLanguage()) });
  } catch {
    // The default popup.html stays: it loads the other language's texts itself.
  }
}
