import { browser } from 'wxt/browser';
import { readSavedPreferences } from '../../components/saved-preferences.ts';
import { langFromLocale, type Lang } from '../../lib/i18n.ts';

/** The popup page with a language's texts built in (see start.tsx). */
export function popupPageFor(lang: Lang): '/popup.html' | '/popup-zh.html' {
  return lang === 'zh' ? '/popup-zh.html' : '/popup.html';
}

/** The language the user reads: the saved setting, else the browser's. */
export async function preferredLanguage(): Promise<Lang> {
  const saved = await readSavedPreferences();
  return saved.lang === 'zh' || saved.lang === 'en' ? saved.lang : langFromLocale(browser.i18n.getUILanguage());
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
