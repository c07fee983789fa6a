import { describe, expect, it } from 'vitest';
import { LIST_SCHEMA_VERSION } from '../../../lib/storage/list-read.ts';
import type { ListChangeEvent } from '../../../lib/storage/userid-store.ts';
import { searchEntries } from '../../../lib/storage/search.ts';
import { localData, settle, unwrap, useStores } from './store-harness.ts';

const { tab } = useStores();
const APP = 1400000001;
const OTHER = 1600000002;

describe('saving', () => {
  it('adds, then updates the same UserID instead of duplicating it', async () => {
    const store = tab();
    const first = unwrap(await store.save({ sdkAppId: APP, userId: ' alice ', label: 'Alice' }));
    expect(first).toMatchObject({ action: 'added', area: 'local', entry: { sdkAppId: APP, userId: 'alice', label: 'Alice', useCount: 0 } });
    const second = unwrap(await store.save({ sdkAppId: APP, userId: 'alice', note: 'iOS' }));
    expect(second).toMatchObject({ action: 'updated', entry: { id: first.entry.id, label: 'Alice', note: 'iOS' } });
    expect(unwrap(await store.list(APP))).toHaveLength(1);
  });

  it('keeps one list per SDKAppID and one for any app', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice' });
    await store.save({ sdkAppId: OTHER, userId: 'alice' });
    await store.save({ sdkAppId: 'any', userId: 'admin' });
    expect(unwrap(await store.listAll()).map((e) => [e.sdkAppId, e.userId])).toEqual([
      ['any', 'admin'],
      [APP, 'alice'],
      [OTHER, 'alice'],
    ]);
  });

  it('stores each list under its own versioned key', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice' });
    const data = await localData();
    expect(Object.keys(data).sort()).toEqual([`userIds:${APP}`, `userIds:${APP}$`]);
    expect(data[`userIds:${APP}$`]).toEqual({ v: LIST_SCHEMA_VERSION });
    expect(JSON.parse(data[`userIds:${APP}`] as string)).toEqual({ entries: [expect.objectContaining({ userId: 'alice' })] });
  });

  it.each([
    [{ sdkAppId: APP, userId: '  ' }, 'userid-empty'],
    [{ sdkAppId: APP, userId: 'x'.repeat(257) }, 'userid-too-long'],
    [{ sdkAppId: 0, userId: 'a' }, 'sdkappid-invalid'],
    [{ sdkAppId: APP, userId: 'a', label: 'x'.repeat(101) }, 'label-too-long'],
  ])('refuses %j with %s and writes nothing', async (input, code) => {
    const store = tab();
    expect(await store.save(input)).toMatchObject({ ok: false, error: { code } });
    expect(await localData()).toEqual({});
  });
});

describe('editing, deleting, undo, reordering, usage', () => {
  it('edits label and note, and renames', async () => {
    const store = tab();
    const { entry } = unwrap(await store.save({ sdkAppId: APP, userId: 'alice', label: 'A', note: 'N' }));
    const edited = unwrap(await store.edit(entry, { userId: 'alice2', label: '', note: 'new' }));
    expect(edited.entry).toMatchObject({ id: entry.id, userId: 'alice2', note: 'new' });
    expect(edited.entry.label).toBeUndefined();
    expect(unwrap(await store.list(APP)).map((e) => e.userId)).toEqual(['alice2']);
  });

  it('moves an entry to another app, keeping its id and usage', async () => {
    const store = tab();
    const { entry } = unwrap(await store.save({ sdkAppId: APP, userId: 'alice' }));
    await store.markUsed(entry);
    const moved = unwrap(await store.edit(entry, { sdkAppId: 'any' }));
    expect(moved.entry).toMatchObject({ id: entry.id, sdkAppId: 'any', useCount: 1 });
    expect(unwrap(await store.list(APP))).toEqual([]);
    expect(unwrap(await store.list('any')).map((e) => e.userId)).toEqual(['alice']);
  });

  it('refuses to move onto a UserID the other list has, and changes nothing', async () => {
    const store = tab();
    const { entry } = unwrap(await store.save({ sdkAppId: APP, userId: 'alice', label: 'here' }));
    await store.save({ sdkAppId: 'any', userId: 'alice', label: 'there' });
    expect(await store.edit(entry, { sdkAppId: 'any' })).toMatchObject({ ok: false, error: { code: 'userid-exists' } });
    expect(unwrap(await store.list(APP))[0]?.label).toBe('here');
    expect(unwrap(await store.list('any'))[0]?.label).toBe('there');
  });

  it('deletes with undo: restore puts it back exactly', async () => {
    const store = tab();
    for (const userId of ['a', 'b', 'c']) await store.save({ sdkAppId: APP, userId });
    const b = unwrap(await store.list(APP))[1];
    if (!b) throw new Error('missing');
    const removed = unwrap(await store.remove(b));
    expect(unwrap(await store.list(APP)).map((e) => e.userId)).toEqual(['a', 'c']);
    const restored = unwrap(await store.restore(removed.entry));
    expect(restored.entry).toEqual(b);
    expect(unwrap(await store.list(APP))).toContainEqual(b);
    expect(unwrap(await store.list(APP)).map((e) => e.userId)).toEqual(['a', 'b', 'c']);
  });

  it('reports a deleted entry as not found', async () => {
    const store = tab();
    const { entry } = unwrap(await store.save({ sdkAppId: APP, userId: 'a' }));
    await store.remove(entry);
    expect(await store.markUsed(entry)).toMatchObject({ ok: false, error: { code: 'entry-not-found' } });
    expect(await store.remove(entry)).toMatchObject({ ok: false, error: { code: 'entry-not-found' } });
  });

  it('reorders', async () => {
    const store = tab();
    for (const userId of ['a', 'b', 'c']) await store.save({ sdkAppId: APP, userId });
    const c = unwrap(await store.list(APP))[2];
    if (!c) throw new Error('missing');
    await store.move(c, 0);
    expect(unwrap(await store.list(APP)).map((e) => e.userId)).toEqual(['c', 'a', 'b']);
  });

  it('marks used: the picker shows the recently used first, current app before any app', async () => {
    const store = tab();
    for (const userId of ['a', 'b', 'c']) await store.save({ sdkAppId: APP, userId });
    await store.save({ sdkAppId: 'any', userId: 'shared' });
    await store.save({ sdkAppId: OTHER, userId: 'elsewhere' });
    const [, b, c] = unwrap(await store.list(APP));
    if (!b || !c) throw new Error('missing');
    await store.markUsed(b);
    await store.markUsed(c);
    const picker = unwrap(await store.openPicker(APP));
    expect(picker.items.map((i) => i.entry.userId)).toEqual(['c', 'b', 'a', 'shared']);
    expect(unwrap(await store.openPicker(undefined)).items.map((i) => i.entry.userId)).toEqual(['shared']);
    expect(unwrap(await store.list(APP)).find((e) => e.userId === 'c')).toMatchObject({ useCount: 1 });
  });

  it('searches every list, as the options page does', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice', label: '测试' });
    await store.save({ sdkAppId: 'any', userId: 'bob', note: 'ALICE backup' });
    const all = unwrap(await store.listAll());
    expect(searchEntries(all, 'alice').map((e) => e.userId)).toEqual(['bob', 'alice']);
    expect(searchEntries(all, '测试').map((e) => e.userId)).toEqual(['alice']);
  });
});

describe('watch: changes show up everywhere', () => {
  it('tells every page, this one or another, which lists changed', async () => {
    const options = tab();
    const content = tab();
    const seen: ListChangeEvent[] = [];
    const unwatch = options.watch((change) => seen.push(change));
    await content.save({ sdkAppId: APP, userId: 'alice' });
    await settle();
    expect(seen).toEqual([{ scopes: [APP] }]);
    expect(unwrap(await options.list(APP)).map((e) => e.userId)).toEqual(['alice']);
    await content.save({ sdkAppId: 'any', userId: 'carol' });
    await settle();
    expect(seen.at(-1)).toEqual({ scopes: ['any'] });
    unwatch();
    await content.save({ sdkAppId: APP, userId: 'bob' });
    await settle();
    expect(seen).toHaveLength(2);
  });
});

describe('inputs from outside are checked', () => {
  it('refuses an invalid scope and a tampered undo token', async () => {
    const store = tab();
    expect(await store.list(Number.NaN)).toMatchObject({ ok: false, error: { code: 'sdkappid-invalid' } });
    const { entry } = unwrap(await store.save({ sdkAppId: APP, userId: 'a' }));
    const removed = unwrap(await store.remove(entry));
    expect(await store.restore({ ...removed.entry, userId: '' })).toMatchObject({ ok: false, error: { code: 'value-invalid', params: { field: 'userId' } } });
    expect(unwrap(await store.list(APP))).toEqual([]);
  });
});
