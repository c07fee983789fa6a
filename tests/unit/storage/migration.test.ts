import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '../../../lib/storage/settings.ts';
import { listQuarantine, localData, unwrap, useStores } from './store-harness.ts';
import v1Basic from './fixtures/v1-basic.json';
import v1Messy from './fixtures/v1-messy.json';
import v2Basic from './fixtures/v2-basic.json';
import v2Messy from './fixtures/v2-messy.json';

/** Fixtures are whole storage.local contents as written by schema v1 and v2 (v1 had no meta key). */
const { tab } = useStores();

async function install(fixture: Record<string, unknown>) {
  await fakeBrowser.storage.local.set(structuredClone(fixture));
}

describe('upgrading data written by schema v1', () => {
  it('moves every entry of the flat array into the "any app" list, nothing lost', async () => {
    await install(v1Basic);
    const store = tab();
    const report = unwrap(await store.ready());
    expect(report).toMatchObject({ from: 1, migrated: 10, setAside: 0, mergedDuplicates: 0 });
    const entries = unwrap(await store.list('any'));
    expect(entries.map((e) => [e.userId, e.label])).toEqual(v1Basic.savedUserIds.map((item) => [item.userId.trim(), item.label?.trim()]));
    for (const entry of entries) expect(entry).toMatchObject({ sdkAppId: 'any', useCount: 0 });
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('removes the legacy key only after the lists are written', async () => {
    await install(v1Basic);
    const store = tab();
    await store.ready();
    const data = await localData();
    expect(data.savedUserIds).toBeUndefined();
    expect(data['savedUserIds$']).toBeUndefined();
    expect(Object.keys(data).sort()).toEqual(['userIds:any', 'userIds:any$']);
    expect(data['userIds:any$']).toEqual({ v: 4 });
  });

  it('keeps aside what it cannot read, and accounts for every item', async () => {
    await install(v1Messy);
    const store = tab();
    const report = unwrap(await store.ready());
    const entries = unwrap(await store.list('any'));
    const quarantined = unwrap(await listQuarantine());
    expect(report).toMatchObject({ from: 1, migrated: 2, mergedDuplicates: 2, setAside: 8 });
    expect(entries.length + quarantined.length + report.mergedDuplicates).toBe(v1Messy.savedUserIds.length);
    expect(entries.find((e) => e.userId === 'dave')).toMatchObject({ label: 'first label', note: 'second label' });
    expect(quarantined.map((q) => q.value)).toContainEqual('frank');
    expect(quarantined.map((q) => q.value)).toContainEqual(null);
    expect(quarantined.every((q) => q.source === 'local:savedUserIds')).toBe(true);
  });
});

describe('upgrading data written by schema v2', () => {
  it('splits the lists per SDKAppID with labels, notes and dates', async () => {
    await install(v2Basic);
    const store = tab();
    const report = unwrap(await store.ready());
    expect(report).toMatchObject({ from: 2, migrated: 7, setAside: 0 });
    const all = unwrap(await store.listAll());
    const expected = Object.entries(v2Basic.savedUserIds.lists).flatMap(([scope, items]) =>
      items.map((item) => [scope === 'any' ? 'any' : Number(scope), item.userId, item.label ?? undefined, item.note ?? undefined, item.addedAt]),
    );
    expect(all.map((e) => [e.sdkAppId, e.userId, e.label, e.note, e.createdAt])).toEqual(
      expect.arrayContaining(expected),
    );
    expect(all).toHaveLength(expected.length);
  });

  it('keeps aside bad lists and items, nothing lost', async () => {
    await install(v2Messy);
    const store = tab();
    const report = unwrap(await store.ready());
    const all = unwrap(await store.listAll());
    const quarantined = unwrap(await listQuarantine());
    expect(all.map((e) => e.userId).sort()).toEqual(['fine', 'no-date', 'ok-one']);
    expect(quarantined.map((q) => q.path).sort()).toEqual(['lists.1400000001', 'lists.any[2]', 'lists.any[3]', 'lists.not-an-app']);
    expect(quarantined.find((q) => q.path === 'lists.not-an-app')?.value).toEqual([{ userId: 'lost?', addedAt: 1 }]);
    expect(report.setAside).toBe(4);
  });

  it('two pages asking for the upgrade at the same time get the same lists, once', async () => {
    await install(v2Basic);
    const [a, b] = [tab(), tab()];
    await Promise.all([a.ready(), b.ready()]);
    const seenByA = unwrap(await a.listAll());
    expect(seenByA).toHaveLength(7);
    expect(unwrap(await b.listAll())).toEqual(seenByA);
  });

  it('an interrupted upgrade (lists written, legacy key still there) is finished without duplicates or lost edits', async () => {
    await install(v2Basic);
    const first = tab();
    await first.ready();
    const alice = unwrap(await first.list(1400000001)).find((e) => e.userId === 'alice');
    if (!alice) throw new Error('missing');
    await first.edit(alice, { label: 'edited after the upgrade' });
    await install(v2Basic); // as if the legacy key had not been removed
    const second = tab();
    unwrap(await second.ready());
    const list = unwrap(await second.list(1400000001));
    expect(list).toHaveLength(3);
    expect(list.find((e) => e.userId === 'alice')?.label).toBe('edited after the upgrade');
  });
});

describe('data of an unknown shape under the legacy key', () => {
  it('is kept aside whole, never dropped', async () => {
    await fakeBrowser.storage.local.set({ savedUserIds: 'garbage', 'savedUserIds$': { v: 2 } });
    const store = tab();
    expect(unwrap(await store.ready())).toMatchObject({ from: 2, migrated: 0, setAside: 1 });
    expect(unwrap(await listQuarantine()).map((q) => q.value)).toEqual(['garbage']);
  });

  it('is kept aside whole when WXT cannot migrate it (a version from the future)', async () => {
    await fakeBrowser.storage.local.set({ savedUserIds: [{ userId: 'alice' }], 'savedUserIds$': { v: 5 } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = tab();
    expect(unwrap(await store.ready())).toMatchObject({ from: 5, setAside: 1 });
    expect(logged).toHaveBeenCalled(); // WXT reports the downgrade it refused
    logged.mockRestore();
    const [record] = unwrap(await listQuarantine());
    expect(record).toMatchObject({ reason: 'legacy-migration-failed', value: [{ userId: 'alice' }] });
  });
});

describe('upgrading lists written by schema v3 (one key per list, before the one writer)', () => {
  // As v3 stored them: revisions, tombstones and a write token, in either area.
  const v3Entry = (userId: string, extra: Record<string, unknown> = {}) => ({ id: `u-${userId}`, userId, createdAt: 5, updatedAt: 6, useCount: 0, order: 1, rev: 6, ...extra });
  const v3Data = {
    'userIds:any': { entries: [v3Entry('alice', { label: 'A', lastUsedAt: 9, useCount: 4 }), v3Entry('bob', { order: 2, note: 'n' })], removed: [{ id: 'u-gone', userId: 'gone', rev: 7 }], w: 'tab1.3' },
    'userIds:any$': { v: 3 },
  };

  it('keeps every entry with its usage count, drops revisions, tombstones and tokens, stores JSON text and records v4', async () => {
    await fakeBrowser.storage.local.set(structuredClone(v3Data));
    await fakeBrowser.storage.sync.set({ 'userIds:1400000001': { entries: [v3Entry('carol', { useCount: 2 })], removed: [], w: 'x' }, 'userIds:1400000001$': { v: 3 } });
    const store = tab();
    unwrap(await store.ready());
    const all = unwrap(await store.listAll());
    expect(all.map((e) => [e.sdkAppId, e.userId, e.label, e.note, e.useCount, e.lastUsedAt])).toEqual([
      ['any', 'alice', 'A', undefined, 4, 9],
      ['any', 'bob', undefined, 'n', 0, undefined],
      [1400000001, 'carol', undefined, undefined, 2, undefined],
    ]);
    const local = await localData();
    expect(local['userIds:any$']).toEqual({ v: 4 });
    expect(JSON.parse(local['userIds:any'] as string)).toEqual({ entries: v3Data['userIds:any'].entries.map(({ rev: _rev, ...rest }) => rest) });
    expect((await fakeBrowser.storage.sync.get('userIds:1400000001$'))['userIds:1400000001$']).toEqual({ v: 4 });
  });

  it('settings saved before the feature switches read every switch on, the rest kept', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'zh', theme: 'dark', syncUserIds: false, maskDiagnostics: false }, settings$: { v: 1 }, ...structuredClone(v3Data) });
    const store = tab();
    unwrap(await store.ready());
    const { settings } = unwrap(await loadSettings());
    expect(settings).toMatchObject({ language: 'zh', theme: 'dark', maskDiagnostics: false });
    expect(Object.values(settings.features).every((on) => on)).toBe(true);
    expect(unwrap(await store.list('any')).map((e) => e.useCount)).toEqual([4, 0]);
  });
});
