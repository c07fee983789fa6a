import { browser } from 'wxt/browser';
import type { Lang } from '../lib/i18n.ts';
import type { Theme } from './preferences.ts';

// The settings item written by the options page (lib/storage/settings.ts, WXT key local:settings),
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

export async function savePreference(patch: { language?: Lang; theme?: Theme }): Promise<void> {
  try {
    const current = (await browser.storage.local.get(KEY))[KEY];
    const base = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
    await browser.storage.local.set({ [KEY]: { ...base, ...patch } });
  } catch {
    // A preference that cannot be saved still applies to this popup.
  }
}
