import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  resolveLanguage,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../../lib/storage/settings.ts';
import { unwrap } from './store-harness.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseSettings', () => {
  it('defaults: language and theme follow the browser, lists stay local, diagnostics masked', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
    expect(DEFAULT_SETTINGS).toEqual({ language: 'auto', theme: 'auto', syncUserIds: false, maskDiagnostics: true });
  });

  it('keeps the valid fields and reports the invalid ones, which read as their default', () => {
    expect(parseSettings({ language: 'zh', theme: 'neon', syncUserIds: 'yes', maskDiagnostics: false, unknown: 1 })).toEqual({
      settings: { language: 'zh', theme: 'auto', syncUserIds: false, maskDiagnostics: false },
      invalid: ['theme', 'syncUserIds'],
    });
  });

  it('treats a value that is not an object as all invalid', () => {
    expect(parseSettings('zh').invalid).toEqual(['language', 'theme', 'syncUserIds', 'maskDiagnostics']);
    expect(parseSettings([1]).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the settings item', () => {
  it('reads defaults from empty storage, saves changes, and validates what it reads back', async () => {
    expect(unwrap(await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
    unwrap(await updateSettings({ language: 'en', syncUserIds: true }));
    expect(unwrap(await loadSettings()).settings).toEqual({ ...DEFAULT_SETTINGS, language: 'en', syncUserIds: true });
    await fakeBrowser.storage.local.set({ settings: { language: 'fr' } });
    expect(unwrap(await loadSettings())).toEqual({ settings: DEFAULT_SETTINGS, invalid: ['language'] });
  });

  it('refuses an invalid change and leaves storage as it was', async () => {
    unwrap(await updateSettings({ theme: 'dark' }));
    const wrong = { theme: 'purple' } as unknown as Partial<Settings>;
    expect(await updateSettings(wrong)).toMatchObject({ ok: false, error: { code: 'value-invalid', params: { field: 'theme' } } });
    expect(unwrap(await loadSettings()).settings.theme).toBe('dark');
  });

  it('notifies watchers with validated settings', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await updateSettings({ theme: 'light' });
    await fakeBrowser.storage.local.set({ settings: { theme: 42 } });
    unwatch();
    expect(seen.map((s) => s.theme)).toEqual(['light', 'auto']);
  });
});

describe('resolveLanguage', () => {
  it('uses the override, else the browser language', () => {
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh');
    expect(resolveLanguage('auto', 'de')).toBe('en');
  });
});
