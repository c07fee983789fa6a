import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_QUOTA_BYTES_PER_ITEM } from '../../../lib/storage/limits.ts';
import { loadSettings, updateSettings } from '../../../lib/storage/settings.ts';
import { syncItemBytes } from '../../../lib/storage/sync-quota.ts';
import { localData, syncData, unwrap, useStores } from './store-harness.ts';

const { tab } = useStores();
/** New lists go to storage.sync (the setting, changed through the background like any page does). */
const preferSync = async () => unwrap(await updateSettings({ syncUserIds: true }));
const APP = 1400000001;

async function fill(store: ReturnType<typeof tab>, scope: number | 'any', count: number, label = '') {
  for (let i = 0; i < count; i++) unwrap(await store.save({ sdkAppId: scope, userId: `user_${i}`, label: `${label}${i}` }));
}

describe('moving lists between storage.local and storage.sync', () => {
  it('moves every list to sync and back without losing anything', async () => {
    const store = tab();
    await fill(store, APP, 5, 'app ');
    await fill(store, 'any', 3, '通用 ');
    const before = unwrap(await store.listAll());

    const toSync = unwrap(await store.setSyncEnabled(true));
    expect(toSync.lists.map((l) => [l.scope, l.area, l.fallback])).toEqual([
      ['any', 'sync', undefined],
      [APP, 'sync', undefined],
    ]);
    expect(Object.keys(await localData())).toEqual(['settings']);
    expect(Object.keys(await syncData()).sort()).toEqual(['userIds:1400000001', 'userIds:1400000001$', 'userIds:any', 'userIds:any$']);
    expect(unwrap(await store.listAll())).toEqual(before);

    unwrap(await store.setSyncEnabled(false));
    expect(Object.keys(await syncData())).toEqual([]);
    expect(await localData()).toMatchObject({ 'userIds:any$': { v: 4 }, 'userIds:1400000001$': { v: 4 } });
    expect(unwrap(await store.listAll())).toEqual(before);
  });

  it('keeps a list too large for one sync item local, and says why', async () => {
    const store = tab();
    await fill(store, APP, 3);
    await fill(store, 'any', 60, 'a label long enough to make this list big: ');
    const report = unwrap(await store.setSyncEnabled(true));
    expect(report.lists.find((l) => l.scope === 'any')).toMatchObject({ area: 'local', fallback: { code: 'sync-item-too-large', params: { limit: SYNC_QUOTA_BYTES_PER_ITEM } } });
    expect(report.lists.find((l) => l.scope === APP)).toMatchObject({ area: 'sync' });
    expect(unwrap(await store.list('any'))).toHaveLength(60);
  });

  it('falls back to local when a synced list grows past the quota, with the reason', async () => {
    const store = tab();
    await preferSync();
    const areas: string[] = [];
    for (let i = 0; i < 80; i++) {
      const saved = unwrap(await store.save({ sdkAppId: APP, userId: `user_${i}`, label: 'x'.repeat(60) }));
      if (areas.at(-1) === 'sync' && saved.area === 'local') expect(saved.fallback).toMatchObject({ code: 'sync-item-too-large' });
      else expect(saved.fallback).toBeUndefined();
      areas.push(saved.area);
      const stored = (await syncData())['userIds:1400000001'];
      if (stored) expect(syncItemBytes('userIds:1400000001', stored)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    }
    // In sync while it fits, then local for good.
    const firstLocal = areas.indexOf('local');
    expect(firstLocal).toBeGreaterThan(10);
    expect(areas.slice(0, firstLocal).every((a) => a === 'sync') && areas.slice(firstLocal).every((a) => a === 'local')).toBe(true);
    expect((await syncData())['userIds:1400000001']).toBeUndefined();
    expect(unwrap(await store.list(APP))).toHaveLength(80);
  });

  it('writes a new list where the setting says; an existing list stays where it is', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'local-one' });
    await preferSync();
    await store.save({ sdkAppId: APP, userId: 'still-local' });
    await store.save({ sdkAppId: 'any', userId: 'new-list' });
    expect(Object.keys(await localData())).toContain('userIds:1400000001');
    expect(Object.keys(await syncData())).toContain('userIds:any');
  });

  it('a list found in both areas (another device synced, or a move was cut short) is merged, then kept in one', async () => {
    const entry = (userId: string) => ({ id: userId, userId, createdAt: 1, updatedAt: 1, useCount: 0, order: 1 });
    await fakeBrowser.storage.local.set({ 'userIds:any': { entries: [entry('from-local')] }, 'userIds:any$': { v: 4 } });
    await fakeBrowser.storage.sync.set({ 'userIds:any': { entries: [entry('from-sync')] }, 'userIds:any$': { v: 4 } });
    const store = tab();
    await preferSync();
    expect(unwrap(await store.list('any')).map((e) => e.userId).sort()).toEqual(['from-local', 'from-sync']);
    await store.save({ sdkAppId: 'any', userId: 'third' });
    expect((await localData())['userIds:any']).toBeUndefined();
    expect(unwrap(await store.list('any'))).toHaveLength(3);
  });

  it('setSyncEnabled turns the setting on and moves the lists', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice' });
    const report = unwrap(await store.setSyncEnabled(true));
    expect(report.lists).toMatchObject([{ scope: APP, area: 'sync' }]);
    expect(unwrap(await loadSettings()).settings.syncUserIds).toBe(true);
    await store.save({ sdkAppId: 'any', userId: 'new' });
    expect(Object.keys(await syncData())).toContain('userIds:any');
  });
});
