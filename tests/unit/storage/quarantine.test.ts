import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listQuarantine, localData, unwrap, useStores } from './store-harness.ts';

/** Storage is never trusted: what does not validate is set aside and reported, never dropped. */
const { tab } = useStores();

const good = { id: 'g1', userId: 'good', createdAt: 1, updatedAt: 1, useCount: 0, order: 1 };

describe('lists found in storage when the background starts', () => {
  it('sets aside invalid entries, keeps the valid ones, and cleans the stored copy', async () => {
    const bad = [{ ...good, id: 'b1', userId: '' }, { userId: 'no-fields' }, 'text', { ...good, id: 'b2', userId: ' untrimmed ' }];
    await fakeBrowser.storage.local.set({ 'userIds:any': { entries: [good, ...bad], removed: [{ id: 'x' }] } });
    const store = tab();
    expect(unwrap(await store.list('any')).map((e) => e.userId)).toEqual(['good']);
    const quarantined = unwrap(await listQuarantine());
    expect(quarantined.map((q) => q.path).sort()).toEqual(['entries[1]', 'entries[2]', 'entries[3]', 'entries[4]']);
    expect(quarantined.map((q) => q.value)).toEqual(expect.arrayContaining(bad));
    expect(quarantined.every((q) => q.source === 'local:userIds:any' && q.reason === 'stored-value-invalid')).toBe(true);
    const stored = JSON.parse((await localData())['userIds:any'] as string) as { entries: unknown[] };
    expect(stored.entries).toHaveLength(1);
  });

  it('sets aside a list value that is not a list at all', async () => {
    await fakeBrowser.storage.local.set({ 'userIds:1400000001': ['not', 'the', 'shape'] });
    const store = tab();
    expect(unwrap(await store.list(1400000001))).toEqual([]);
    expect(unwrap(await listQuarantine())).toMatchObject([{ path: '', value: ['not', 'the', 'shape'], reason: 'stored-value-invalid' }]);
  });

  it('sets aside list text that is not JSON', async () => {
    await fakeBrowser.storage.local.set({ 'userIds:any': '{"entries":[', 'userIds:any$': { v: 4 } });
    const store = tab();
    expect(unwrap(await store.list('any'))).toEqual([]);
    expect(unwrap(await listQuarantine())).toMatchObject([{ path: '', value: '{"entries":[', reason: 'stored-value-invalid' }]);
  });

  it('keeps the first copy of a UserID and sets the second aside', async () => {
    const first = { ...good, id: 'first', label: 'first' };
    const second = { ...good, id: 'second', label: 'second' };
    await fakeBrowser.storage.local.set({ 'userIds:any': { entries: [first, second] } });
    const store = tab();
    expect(unwrap(await store.list('any')).map((e) => e.label)).toEqual(['first']);
    expect(unwrap(await listQuarantine())).toMatchObject([{ reason: 'stored-duplicate-userid', value: { label: 'second' } }]);
  });

  it('a page reading unreadable items written after the start skips them; the next write sets them aside', async () => {
    const store = tab();
    await store.ready();
    await fakeBrowser.storage.local.set({ 'userIds:any': { entries: [good, 'bad'] }, 'userIds:any$': { v: 4 } });
    expect(unwrap(await store.list('any')).map((e) => e.userId)).toEqual(['good']);
    expect(unwrap(await listQuarantine())).toEqual([]);
    unwrap(await store.save({ sdkAppId: 'any', userId: 'next' }));
    expect(unwrap(await listQuarantine()).map((q) => q.value)).toEqual(['bad']);
    expect(unwrap(await store.list('any')).map((e) => e.userId)).toEqual(['good', 'next']);
  });

  it('does not set the same thing aside twice', async () => {
    await fakeBrowser.storage.local.set({ 'userIds:any': { entries: [good, 'bad'] } });
    const [a, b] = [tab(), tab()];
    await Promise.all([a.list('any'), b.list('any'), a.list('any')]);
    expect(unwrap(await listQuarantine())).toHaveLength(1);
  });
});

describe('a list written by a newer version of the extension', () => {
  it('is read as far as possible but never written', async () => {
    const stored = { entries: [good, { ...good, id: 'v5', userId: 'v5-shaped', order: 'first' }], future: true };
    await fakeBrowser.storage.local.set({ 'userIds:any': stored, 'userIds:any$': { v: 5 } });
    const store = tab();
    expect(unwrap(await store.list('any')).map((e) => e.userId)).toEqual(['good']);
    expect(await store.save({ sdkAppId: 'any', userId: 'new' })).toMatchObject({ ok: false, error: { code: 'list-newer-version', params: { version: 5 } } });
    expect((await localData())['userIds:any']).toEqual(stored);
    expect(unwrap(await listQuarantine())).toEqual([]);
  });
});
