import { browser } from 'wxt/browser';
import type { Lang } from '../lib/i18n.ts';
import type { Theme } from './preferences.ts';
import { SETTINGS_UPDATE } from '../lib/storage/settings-message.ts';

// The settings item (lib/storage/settings.ts, WXT key local:settings, written by the background),
// read here without the storage library so the popup stays small. Unknown values are ignored.
const KEY = 'settings';

export interface SavedPreferences {
  lang?: Lang | 'auto';
  theme?: Theme;
}

export async function readSavedPreferences(): Promise<SavedPreferences> {
  try {
    const raw = (await browser.storage.local.get(KEY))[KEY] as Record<string, unknown> | undefined;
    const lang = raw?.language;
    const theme = raw?.theme;
    return {
      lang: lang === 'zh' || lang === 'en' || lang === 'auto' ? lang : undefined,
      theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : undefined,
    };
  } catch {
    return {};
  }
}

/** The background writes it (the one writer of the settings), key by key and in order. */
export async function savePreference(patch: { language?: Lang; theme?: Theme }): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: SETTINGS_UPDATE, patch });
  } catch {
    // A preference that cannot be saved still applies to this popup.
  }
}
