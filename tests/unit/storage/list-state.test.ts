import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedEntry, type StoredEntry, type Tombstone } from '../../../lib/storage/entry.ts';
import { TOMBSTONE_TTL_MS } from '../../../lib/storage/limits.ts';
import {
  dominates,
  EMPTY_LIST,
  liveEntries,
  mergeLists,
  sameList,
  withoutExpiredTombstones,
  type ListState,
} from '../../../lib/storage/list-state.ts';

const NOW = 1_800_000_000_000;

function entry(userId: string, rev: number, extra: Partial<StoredEntry> = {}): StoredEntry {
  return storedEntry({ id: `id-${userId}`, userId, createdAt: 1, updatedAt: rev, useCount: 0, order: 1, rev, ...extra });
}
function list(entries: StoredEntry[], removed: Tombstone[] = []): ListState {
  return { entries: new Map(entries.map((e) => [e.userId, e])), removed: new Map(removed.map((t) => [t.userId, t])) };
}

// Small alphabet of UserIDs so that copies collide often.
const recordArb = fc.record({
  userId: fc.constantFrom('a', 'b', 'c', 'd'),
  rev: fc.integer({ min: NOW - 10, max: NOW + 10 }),
  deleted: fc.boolean(),
  label: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
});
const listArb = fc.array(recordArb, { maxLength: 8 }).map((records) =>
  records.reduce<ListState>((state, r) => {
    const one = r.deleted ? list([], [{ id: `id-${r.userId}`, userId: r.userId, rev: r.rev }]) : list([entry(r.userId, r.rev, r.label ? { label: r.label } : {})]);
    return mergeLists(state, one);
  }, EMPTY_LIST),
);

describe('mergeLists: copies written by different tabs combine without loss', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(listArb, listArb, listArb, (a, b, c) => {
        expect(sameList(mergeLists(a, b), mergeLists(b, a), NOW)).toBe(true);
        expect(sameList(mergeLists(mergeLists(a, b), c), mergeLists(a, mergeLists(b, c)), NOW)).toBe(true);
        expect(sameList(mergeLists(a, a), a, NOW)).toBe(true);
      }),
    );
  });

  it('the merge dominates both inputs, and a list dominates what it was merged from', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const m = mergeLists(a, b);
        expect(dominates(m, a, NOW) && dominates(m, b, NOW)).toBe(true);
        // Never both an entry and a tombstone for one UserID.
        for (const userId of m.entries.keys()) expect(m.removed.has(userId)).toBe(false);
      }),
    );
  });

  it('keeps the newer record per UserID: a later delete wins over an older entry, and vice versa', () => {
    const deleted = list([], [{ id: 'id-a', userId: 'a', rev: 20 }]);
    expect([...mergeLists(list([entry('a', 10)]), deleted).entries.keys()]).toEqual([]);
    expect([...mergeLists(list([entry('a', 30)]), deleted).entries.keys()]).toEqual(['a']);
  });

  it('an entry missing from the newer copy is a loss; one covered by a tombstone is not', () => {
    const old = list([entry('a', 10), entry('b', 10)]);
    expect(dominates(list([entry('a', 10)]), old, NOW)).toBe(false);
    expect(dominates(list([entry('a', 10)], [{ id: 'id-b', userId: 'b', rev: 11 }]), old, NOW)).toBe(true);
    expect(dominates(list([entry('a', 9), entry('b', 10)]), old, NOW)).toBe(false);
  });
});

describe('tombstones', () => {
  it('are collected after their time, and collected ones do not count as lost', () => {
    const oldTomb = { id: 'x', userId: 'gone', rev: NOW - TOMBSTONE_TTL_MS - 1 };
    const freshTomb = { id: 'y', userId: 'recent', rev: NOW - 1000 };
    const state = list([], [oldTomb, freshTomb]);
    const collected = withoutExpiredTombstones(state, NOW);
    expect([...collected.removed.keys()]).toEqual(['recent']);
    expect(dominates(collected, state, NOW)).toBe(true);
  });
});

describe('liveEntries', () => {
  it('sorts by manual order', () => {
    const state = list([entry('c', 1, { order: 3 }), entry('a', 1, { order: 1 }), entry('b', 1, { order: 2 })]);
    expect(liveEntries(state).map((e) => e.userId)).toEqual(['a', 'b', 'c']);
  });
  it('gives unique ids when a rename raced an edit and two UserIDs share an id', () => {
    const state = list([entry('old', 5, { id: 'same', order: 1 }), entry('new', 6, { id: 'same', order: 2 })]);
    const ids = liveEntries(state).map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
    expect(liveEntries(state).find((e) => e.userId === 'new')?.id).toBe('same');
  });
});
