import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settle, syncData, unwrap, useStores } from './store-harness.ts';

/**
 * Each store is one content script (one tab) or the options page; they share only
 * browser.storage, which has no transactions. Whatever the interleaving, no save is lost.
 */
const { tab, state } = useStores();
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

  it('a writer that does not merge (an old version, a WXT migration) is repaired by the other tabs', async () => {
    const a = tab();
    await a.save({ sdkAppId: APP, userId: 'precious' });
    const stale = await fakeBrowser.storage.local.get('userIds:1400000001');
    await a.save({ sdkAppId: APP, userId: 'also precious' });
    // Someone writes back the copy it read earlier, without looking.
    await fakeBrowser.storage.local.set(stale);
    await settle(100);
    expect(await userIds(a)).toEqual(['also precious', 'precious']);
  });

  it('a tab saving while another moves the lists to sync loses nothing', async () => {
    const [a, b] = [tab(), tab()];
    for (let i = 0; i < 5; i++) await a.save({ sdkAppId: APP, userId: `before${i}` });
    jitterStorage(42);
    state.preferred = 'sync';
    await Promise.all([
      a.moveLists('sync'),
      ...Array.from({ length: 5 }, (_, i) => b.save({ sdkAppId: APP, userId: `during${i}` })),
    ]);
    vi.restoreAllMocks();
    await settle(100);
    expect(await userIds(a)).toEqual([...Array.from({ length: 5 }, (_, i) => `before${i}`), ...Array.from({ length: 5 }, (_, i) => `during${i}`)].sort());
    unwrap(await a.moveLists('sync'));
    expect(Object.keys(await syncData())).toContain('userIds:1400000001');
  });
});
