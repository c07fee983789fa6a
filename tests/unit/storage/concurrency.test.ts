import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, updateSettings } from '../../../lib/storage/settings.ts';
import { USERIDS_WRITE } from '../../../lib/storage/userid-message.ts';
import { serveWrites } from '../../../lib/storage/writer.ts';
import { localData, syncData, unwrap, useStores } from './store-harness.ts';

/**
 * Each store is one page (the options page, a picker frame in a console tab); all writes go to
 * the background, which applies them one at a time. Whatever the interleaving, nothing is lost.
 */
const { tab, restartBackground } = useStores();
const APP = 1400000001;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes every storage call of both areas wait a pseudo-random 0–3 ms, to shuffle interleavings. */
function jitterStorage(seed: number) {
  let x = seed;
  const random = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync]) {
    for (const method of ['get', 'set', 'remove'] as const) {
      const original = area[method].bind(area) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(area, method).mockImplementation((async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
        return original(...args);
      }) as never);
    }
  }
}

const userIds = async (store: ReturnType<typeof tab>, scope: number | 'any' = APP) =>
  unwrap(await store.list(scope))
    .map((e) => e.userId)
    .sort();

describe('two tabs saving at the same moment', () => {
  it('keeps both entries', async () => {
    const [a, b] = [tab(), tab()];
    const [ra, rb] = await Promise.all([a.save({ sdkAppId: APP, userId: 'alice' }), b.save({ sdkAppId: APP, userId: 'bob' })]);
    expect(ra.ok && rb.ok).toBe(true);
    expect(await userIds(a)).toEqual(['alice', 'bob']);
    expect(await userIds(b)).toEqual(['alice', 'bob']);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('keeps every entry of three tabs saving ten each, shuffled (seed %i)', async (seed) => {
    jitterStorage(seed);
    const tabs = [tab(), tab(), tab()];
    await Promise.all(
      tabs.map(async (store, t) => {
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.save({ sdkAppId: APP, userId: `t${t}-u${i}` })).map(async (p) => unwrap(await p)));
      }),
    );
    const expected = tabs.flatMap((_, t) => Array.from({ length: 10 }, (_, i) => `t${t}-u${i}`)).sort();
    expect(await userIds(tabs[0] ?? tab())).toEqual(expected);
  });

  it('saving the same UserID in two tabs gives one entry', async () => {
    const [a, b] = [tab(), tab()];
    await Promise.all([a.save({ sdkAppId: APP, userId: 'same', label: 'from a' }), b.save({ sdkAppId: APP, userId: 'same', label: 'from b' })]);
    const list = unwrap(await a.list(APP));
    expect(list).toHaveLength(1);
    expect(['from a', 'from b']).toContain(list[0]?.label);
  });

  it('a delete in one tab and a save in another both take effect', async () => {
    const [a, b] = [tab(), tab()];
    const { entry } = unwrap(await a.save({ sdkAppId: APP, userId: 'doomed' }));
    await Promise.all([a.remove(entry), b.save({ sdkAppId: APP, userId: 'newcomer' })]);
    expect(await userIds(a)).toEqual(['newcomer']);
  });

  it('a delete is not undone by a tab that still holds the older copy', async () => {
    const [a, b] = [tab(), tab()];
    for (const userId of ['x', 'y']) await a.save({ sdkAppId: APP, userId });
    const x = unwrap(await a.list(APP)).find((e) => e.userId === 'x');
    if (!x) throw new Error('missing');
    await Promise.all([a.remove(x), b.save({ sdkAppId: APP, userId: 'z' }), b.markUsed(unwrap(await b.list(APP)).find((e) => e.userId === 'y') ?? x)]);
    expect(await userIds(a)).toEqual(['y', 'z']);
  });

  it('a tab saving while another moves the lists to sync loses nothing', async () => {
    const [a, b] = [tab(), tab()];
    for (let i = 0; i < 5; i++) await a.save({ sdkAppId: APP, userId: `before${i}` });
    jitterStorage(42);
    await Promise.all([
      a.setSyncEnabled(true),
      ...Array.from({ length: 5 }, (_, i) => b.save({ sdkAppId: APP, userId: `during${i}` })),
    ]);
    vi.restoreAllMocks();
    expect(await userIds(a)).toEqual([...Array.from({ length: 5 }, (_, i) => `before${i}`), ...Array.from({ length: 5 }, (_, i) => `during${i}`)].sort());
    unwrap(await a.setSyncEnabled(true));
    expect(Object.keys(await syncData())).toContain('userIds:1400000001');
  });

  it('two tabs and the options page changing lists and settings at once lose nothing', async () => {
    const [one, two, options] = [tab(), tab(), tab()];
    const { entry } = unwrap(await options.save({ sdkAppId: APP, userId: 'renamed-later' }));
    jitterStorage(7);
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => one.save({ sdkAppId: APP, userId: `one-${i}` })),
      ...Array.from({ length: 10 }, (_, i) => two.save({ sdkAppId: 'any', userId: `two-${i}` })),
      options.edit(entry, { userId: 'renamed', label: 'by options' }),
      updateSettings({ theme: 'dark' }),
      updateSettings({ language: 'zh' }),
      updateSettings({ features: { diagnostics: false } }),
      options.applyImport(unwrap(await options.previewImport('sdkAppId,userId,label,note\n1400000001,imported,,\nany,imported-any,,\n'))),
    ]);
    vi.restoreAllMocks();
    expect(await userIds(options)).toEqual(['imported', 'renamed', ...Array.from({ length: 10 }, (_, i) => `one-${i}`)].sort());
    expect(await userIds(options, 'any')).toEqual(['imported-any', ...Array.from({ length: 10 }, (_, i) => `two-${i}`)].sort());
    const { settings } = unwrap(await loadSettings());
    expect([settings.theme, settings.language, settings.features.diagnostics]).toEqual(['dark', 'zh', false]);
  });
});

describe('the background, the one writer', () => {
  it('a restarted background (Chrome wakes its service worker) goes on from what is stored', async () => {
    const page = tab();
    unwrap(await page.save({ sdkAppId: APP, userId: 'before' }));
    restartBackground();
    unwrap(await page.save({ sdkAppId: APP, userId: 'after' }));
    expect(await userIds(page)).toEqual(['after', 'before']);
  });

  it('refuses malformed writes and writes from senders that are not ours, writing nothing', async () => {
    const send = (op: unknown) => fakeBrowser.runtime.sendMessage({ type: USERIDS_WRITE, op });
    tab();
    expect(await send({ kind: 'save', input: { sdkAppId: APP, userId: 42 } })).toMatchObject({ ok: false, error: { code: 'value-invalid' } });
    expect(await send({ kind: 'wipe' })).toMatchObject({ ok: false, error: { code: 'value-invalid' } });
    expect(await send({ kind: 'import', text: 'x'.repeat(2 * 1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'value-invalid' } });
    fakeBrowser.runtime.onMessage.removeAllListeners();
    serveWrites(() => false);
    expect(await send({ kind: 'save', input: { sdkAppId: APP, userId: 'intruder' } })).toMatchObject({ ok: false, error: { code: 'storage-write-failed' } });
    expect(await localData()).toEqual({});
  });
});
