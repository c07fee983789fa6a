import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  updateSettings,
  watchSettings,
  writeSettings,
  type Settings,
} from '../../../lib/storage/settings.ts';
import { DEFAULT_SWITCHES } from '../../../lib/storage/feature-switches.ts';
import { FEATURE_IDS } from '../../../lib/console/feature-ids.ts';
import { FEATURES } from '../../../entrypoints/console.content/features/index.ts';
import { unwrap } from './store-harness.ts';
import { serveWrites, trustedSender } from '../../../lib/storage/writer.ts';
import { SETTINGS_UPDATE } from '../../../lib/storage/settings-message.ts';

beforeEach(() => {
  fakeBrowser.reset();
  serveWrites(() => true);
});

describe('parseSettings', () => {
  it('defaults: language and theme follow the browser, lists stay local, diagnostics masked', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
    expect(DEFAULT_SETTINGS).toEqual({ language: 'auto', theme: 'auto', syncUserIds: false, maskDiagnostics: true, features: DEFAULT_SWITCHES });
    expect(Object.values(DEFAULT_SWITCHES).every((on) => on)).toBe(true);
  });

  it('keeps the valid fields and reports the invalid ones, which read as their default', () => {
    expect(parseSettings({ language: 'zh', theme: 'neon', syncUserIds: 'yes', maskDiagnostics: false, unknown: 1 })).toEqual({
      settings: { language: 'zh', theme: 'auto', syncUserIds: false, maskDiagnostics: false, features: DEFAULT_SWITCHES },
      invalid: ['theme', 'syncUserIds'],
    });
  });

  it('treats a value that is not an object as all invalid', () => {
    expect(parseSettings('zh').invalid).toEqual(['language', 'theme', 'syncUserIds', 'maskDiagnostics', 'features']);
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

describe('per-feature switches', () => {
  it('name exactly the console features, each on by default', () => {
    expect([...FEATURE_IDS].sort()).toEqual(FEATURES.map((f) => f.id).sort());
    expect(DEFAULT_SWITCHES).toEqual(Object.fromEntries(FEATURE_IDS.map((id) => [id, true])));
  });

  it('upgrade: settings stored before the switches keep every field and read every feature on', async () => {
    const today = { language: 'en', theme: 'dark', syncUserIds: true, maskDiagnostics: false };
    await fakeBrowser.storage.local.set({ settings: today });
    expect(unwrap(await loadSettings())).toEqual({ settings: { ...today, features: DEFAULT_SWITCHES }, invalid: [] });
    unwrap(await updateSettings({ features: { diagnostics: false } }));
    expect(unwrap(await loadSettings()).settings).toEqual({ ...today, features: { ...DEFAULT_SWITCHES, diagnostics: false } });
  });

  it('switch by switch: a bad or missing switch reads on, unknown ones are dropped, a non-object is invalid', () => {
    const read = parseSettings({ features: { 'decode-buttons': false, diagnostics: 'off', ghost: false } });
    expect(read.settings.features).toEqual({ ...DEFAULT_SWITCHES, 'decode-buttons': false });
    expect(read.invalid).toEqual([]);
    expect(parseSettings({ features: 'none' })).toEqual({ settings: DEFAULT_SETTINGS, invalid: ['features'] });
  });

  it('changing one switch keeps the others', async () => {
    unwrap(await updateSettings({ features: { 'decode-buttons': false } }));
    unwrap(await updateSettings({ features: { 'code-explanations': false } }));
    expect(unwrap(await loadSettings()).settings.features).toEqual({ ...DEFAULT_SWITCHES, 'decode-buttons': false, 'code-explanations': false });
  });
});

describe('the one writer (the background)', () => {
  it('two pages changing different settings at the same moment both keep theirs', async () => {
    const results = await Promise.all([
      updateSettings({ language: 'zh' }),
      updateSettings({ theme: 'dark' }),
      updateSettings({ maskDiagnostics: false }),
      updateSettings({ features: { diagnostics: false } }),
      updateSettings({ features: { 'userid-picker': false } }),
    ]);
    for (const r of results) expect(r.ok).toBe(true);
    expect(unwrap(await loadSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'zh',
      theme: 'dark',
      maskDiagnostics: false,
      features: { ...DEFAULT_SWITCHES, diagnostics: false, 'userid-picker': false },
    });
  });

  it('without the one queue, the same changes lose some (what the writer prevents)', async () => {
    fakeBrowser.reset();
    await Promise.all([writeSettings({ language: 'zh' }), writeSettings({ theme: 'dark' })]);
    const s = unwrap(await loadSettings()).settings;
    expect(s.language === 'zh' && s.theme === 'dark').toBe(false);
  });

  it('takes a change of every setting there is, each alone (the message follows the settings schema)', async () => {
    const changed = { language: 'en', theme: 'light', syncUserIds: true, maskDiagnostics: false, features: { diagnostics: false } } as const;
    expect(Object.keys(changed).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const [key, value] of Object.entries(changed)) {
      expect(await fakeBrowser.runtime.sendMessage({ type: SETTINGS_UPDATE, patch: { [key]: value } }), key).toMatchObject({ ok: true });
    }
    expect(unwrap(await loadSettings()).settings).toEqual({ ...changed, features: { ...DEFAULT_SWITCHES, diagnostics: false } });
  });

  it('refuses a message with unknown keys or bad values, and a sender that is not ours', async () => {
    const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
    expect(await send({ type: SETTINGS_UPDATE, patch: { theme: 'neon' } })).toMatchObject({ ok: false, error: { code: 'value-invalid' } });
    expect(await send({ type: SETTINGS_UPDATE, patch: { ghost: 1 } })).toMatchObject({ ok: false });
    expect(await send({ type: SETTINGS_UPDATE, patch: { features: { ghost: false } } })).toMatchObject({ ok: false });
    fakeBrowser.reset();
    serveWrites(() => false);
    expect(await send({ type: SETTINGS_UPDATE, patch: { theme: 'dark' } })).toMatchObject({ ok: false, error: { code: 'storage-write-failed' } });
    expect(unwrap(await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('trusts our own pages and content scripts on the console hosts only', () => {
    const id = 'ext-id';
    const origin = 'chrome-extension://ext-id/';
    const trusted = (sender: { id?: string; url?: string }) => trustedSender(sender, id, origin);
    expect(trusted({ id, url: 'chrome-extension://ext-id/options.html' })).toBe(true);
    expect(trusted({ id, url: 'https://console.cloud.tencent.com/im/tool' })).toBe(true);
    expect(trusted({ id, url: 'https://console.tencentcloud.com/im' })).toBe(true);
    expect(trusted({ id, url: 'https://evil.example/console.cloud.tencent.com' })).toBe(false);
    expect(trusted({ id, url: 'http://console.cloud.tencent.com/' })).toBe(false);
    expect(trusted({ id: 'other', url: 'chrome-extension://ext-id/options.html' })).toBe(false);
    expect(trusted({ id })).toBe(false);
  });
});
