import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../../../lib/storage/entry.ts';
import { editEntry, EMPTY_LIST, liveEntries, markEntryUsed, moveEntry, placeEntry, removeEntry, upsertEntry, type ListState, type OpContext } from '../../../lib/storage/list-ops.ts';
import type { Result } from '../../../lib/storage/errors.ts';

let clock = 1_000;
let ids = 0;
const ctx = (): OpContext => ({ now: (clock += 10), newId: () => `id${++ids}` });

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}
function withUsers(...userIds: string[]): ListState {
  return userIds.reduce((state, userId) => upsertEntry(state, { userId }, ctx()).state, EMPTY_LIST);
}
const order = (state: ListState) => liveEntries(state).map((e) => e.userId);
const find = (state: ListState, userId: string) => liveEntries(state).find((e) => e.userId === userId) as StoredEntry;

describe('upsertEntry', () => {
  it('adds at the end with dates, zero usage and a fresh id', () => {
    const state = withUsers('alice', 'bob');
    const bob = find(state, 'bob');
    expect(order(state)).toEqual(['alice', 'bob']);
    expect(bob).toMatchObject({ useCount: 0, createdAt: bob.updatedAt });
    expect(bob.lastUsedAt).toBeUndefined();
    expect(bob.order).toBeGreaterThan(find(state, 'alice').order);
  });

  it('updates the entry with the same UserID instead of adding another', () => {
    const first = upsertEntry(EMPTY_LIST, { userId: 'alice', label: 'old' }, ctx());
    const second = upsertEntry(first.state, { userId: 'alice', label: 'new', note: 'n' }, ctx());
    expect(second.action).toBe('updated');
    expect(liveEntries(second.state)).toHaveLength(1);
    expect(second.entry).toMatchObject({ id: first.entry.id, createdAt: first.entry.createdAt, label: 'new', note: 'n' });
    expect(second.entry.updatedAt).toBeGreaterThan(first.entry.updatedAt);
  });

  it('keeps label and note that a save does not give, and reports an identical save as unchanged', () => {
    const first = upsertEntry(EMPTY_LIST, { userId: 'alice', label: 'kept', note: 'also kept' }, ctx());
    const again = upsertEntry(first.state, { userId: 'alice' }, ctx());
    expect(again.action).toBe('unchanged');
    expect(again.state).toBe(first.state);
  });

  it('matches UserIDs exactly: case and inner spaces make a different UserID', () => {
    expect(order(withUsers('alice', 'Alice', 'al ice'))).toEqual(['alice', 'Alice', 'al ice']);
  });
});

describe('editEntry', () => {
  it('changes label and note, null clears', () => {
    const state = upsertEntry(EMPTY_LIST, { userId: 'a', label: 'L', note: 'N' }, ctx()).state;
    const edited = unwrap(editEntry(state, find(state, 'a').id, { label: null, note: 'M' }, ctx()));
    expect(edited.entry.label).toBeUndefined();
    expect(edited.entry.note).toBe('M');
  });

  it('renames, keeping id, position and usage; the old UserID is gone', () => {
    let state = withUsers('a', 'b', 'c');
    state = unwrap(markEntryUsed(state, find(state, 'b').id, ctx())).state;
    const before = find(state, 'b');
    const renamed = unwrap(editEntry(state, before.id, { userId: 'bee' }, ctx()));
    expect(order(renamed.state)).toEqual(['a', 'bee', 'c']);
    expect(renamed.entry).toMatchObject({ id: before.id, order: before.order, useCount: 1, createdAt: before.createdAt });
    expect(renamed.state.entries.has('b')).toBe(false);
  });

  it('refuses a rename onto a UserID the list already has', () => {
    const state = withUsers('a', 'b');
    expect(editEntry(state, find(state, 'a').id, { userId: 'b' }, ctx())).toMatchObject({ ok: false, error: { code: 'userid-exists' } });
  });

  it('says when the entry is gone', () => {
    expect(editEntry(EMPTY_LIST, 'nope', { label: 'x' }, ctx())).toMatchObject({ ok: false, error: { code: 'entry-not-found' } });
  });
});

describe('remove and restore (undo)', () => {
  it('restores the entry exactly as it was: id, dates, usage, position', () => {
    let state = withUsers('a', 'b', 'c');
    state = unwrap(markEntryUsed(state, find(state, 'b').id, ctx())).state;
    const b = find(state, 'b');
    const removed = unwrap(removeEntry(state, b.id));
    expect(order(removed.state)).toEqual(['a', 'c']);
    const restored = unwrap(placeEntry(removed.state, removed.entry, ctx()));
    expect(order(restored.state)).toEqual(['a', 'b', 'c']);
    expect(find(restored.state, 'b')).toEqual(b);
  });

  it('refuses to restore over a UserID saved again meanwhile', () => {
    const state = withUsers('a');
    const removed = unwrap(removeEntry(state, find(state, 'a').id));
    const again = upsertEntry(removed.state, { userId: 'a' }, ctx()).state;
    expect(placeEntry(again, removed.entry, ctx())).toMatchObject({ ok: false, error: { code: 'userid-exists' } });
  });
});

describe('markEntryUsed', () => {
  it('counts uses and records the time', () => {
    const state = withUsers('a');
    const once = unwrap(markEntryUsed(state, find(state, 'a').id, ctx()));
    const twice = unwrap(markEntryUsed(once.state, once.entry.id, ctx()));
    expect(twice.entry.useCount).toBe(2);
    expect(twice.entry.lastUsedAt).toBeGreaterThan(once.entry.lastUsedAt ?? Infinity);
  });
});

describe('moveEntry', () => {
  it.each([
    ['d', 0, ['d', 'a', 'b', 'c']],
    ['a', 3, ['b', 'c', 'd', 'a']],
    ['a', 99, ['b', 'c', 'd', 'a']],
    ['d', 1, ['a', 'd', 'b', 'c']],
    ['b', 2, ['a', 'c', 'b', 'd']],
    ['b', -5, ['b', 'a', 'c', 'd']],
  ] as const)('moves %s to %i', (userId, to, expected) => {
    const state = withUsers('a', 'b', 'c', 'd');
    const moved = unwrap(moveEntry(state, find(state, userId).id, to));
    expect(order(moved.state)).toEqual(expected);
    expect(liveEntries(moved.state).map((e) => e.order)).toEqual([1, 2, 3, 4]);
    expect(moved.entry).toMatchObject({ userId, order: expected.indexOf(userId) + 1 });
  });

  it('keeps positions apart however often entries move', () => {
    let state = withUsers('a', 'b', 'c');
    for (let i = 0; i < 80; i++) {
      const mover = i % 2 === 0 ? 'c' : 'b';
      state = unwrap(moveEntry(state, find(state, mover).id, 1)).state;
    }
    const orders = liveEntries(state).map((e) => e.order);
    expect(new Set(orders).size).toBe(3);
    expect(order(state)).toEqual(['a', 'b', 'c']);
  });
});
