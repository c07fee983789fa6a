import type { StoredEntry, Tombstone } from './entry.ts';
import { hash64 } from './ids.ts';
import { TOMBSTONE_TTL_MS } from './limits.ts';

/**
 * One list (the UserIDs of one SDKAppID, or of "any app") as a last-writer-wins map keyed by
 * UserID: each UserID has either a live entry or a tombstone. Merging two copies keeps, per
 * UserID, the record with the higher `rev`, so merge is commutative, associative and idempotent:
 * copies written concurrently by two tabs can always be combined without losing either.
 */
export interface ListState {
  readonly entries: ReadonlyMap<string, StoredEntry>;
  readonly removed: ReadonlyMap<string, Tombstone>;
}

export const EMPTY_LIST: ListState = { entries: new Map(), removed: new Map() };

type ListRecord = { readonly kind: 'entry'; readonly value: StoredEntry } | { readonly kind: 'removed'; readonly value: Tombstone };

function recordOf(state: ListState, userId: string): ListRecord | undefined {
  const entry = state.entries.get(userId);
  if (entry) return { kind: 'entry', value: entry };
  const tomb = state.removed.get(userId);
  return tomb ? { kind: 'removed', value: tomb } : undefined;
}

/** A total order on records of one UserID: higher rev, then tombstone over entry, then by content. */
function compareRecords(a: ListRecord, b: ListRecord): number {
  if (a.value === b.value) return 0;
  if (a.value.rev !== b.value.rev) return a.value.rev - b.value.rev;
  if (a.kind !== b.kind) return a.kind === 'removed' ? 1 : -1;
  const ja = JSON.stringify(a.value);
  const jb = JSON.stringify(b.value);
  return ja === jb ? 0 : ja > jb ? 1 : -1;
}

export function mergeLists(a: ListState, b: ListState): ListState {
  if (a === b) return a;
  const entries = new Map(a.entries);
  const removed = new Map(a.removed);
  const put = (userId: string, incoming: ListRecord) => {
    const current = recordOf({ entries, removed }, userId);
    if (current && compareRecords(current, incoming) >= 0) return;
    if (incoming.kind === 'entry') {
      removed.delete(userId);
      entries.set(userId, incoming.value);
    } else {
      entries.delete(userId);
      removed.set(userId, incoming.value);
    }
  };
  for (const [userId, value] of b.entries) put(userId, { kind: 'entry', value });
  for (const [userId, value] of b.removed) put(userId, { kind: 'removed', value });
  return { entries, removed };
}

function isExpired(tomb: Tombstone, now: number): boolean {
  return tomb.rev < now - TOMBSTONE_TTL_MS;
}

/** An hour of slack, so that tabs whose clocks differ a little agree on what may be collected. */
const EXPIRY_SLACK_MS = 60 * 60 * 1000;

function isExpendable(tomb: Tombstone, now: number): boolean {
  return tomb.rev < now - TOMBSTONE_TTL_MS + EXPIRY_SLACK_MS;
}

/** True when `newer` already contains everything in `older` (tombstones about to expire aside). */
export function dominates(newer: ListState, older: ListState, now: number): boolean {
  const covers = (userId: string, record: ListRecord) => {
    const mine = recordOf(newer, userId);
    return mine !== undefined && compareRecords(mine, record) >= 0;
  };
  for (const [userId, value] of older.entries) {
    if (!covers(userId, { kind: 'entry', value })) return false;
  }
  for (const [userId, value] of older.removed) {
    if (!isExpendable(value, now) && !covers(userId, { kind: 'removed', value })) return false;
  }
  return true;
}

export function sameList(a: ListState, b: ListState, now: number): boolean {
  return dominates(a, b, now) && dominates(b, a, now);
}

export function withoutExpiredTombstones(state: ListState, now: number): ListState {
  let expired = false;
  for (const tomb of state.removed.values()) if (isExpired(tomb, now)) expired = true;
  if (!expired) return state;
  const removed = new Map([...state.removed].filter(([, tomb]) => !isExpired(tomb, now)));
  return { entries: state.entries, removed };
}

/** The rev for a new write to this UserID: now, or just above what is there if the clock is behind. */
export function nextRev(state: ListState, userId: string, now: number): number {
  const current = recordOf(state, userId);
  return current ? Math.max(now, current.value.rev + 1) : now;
}

export function compareByOrder(a: StoredEntry, b: StoredEntry): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/**
 * Live entries in manual order. Ids are made unique: a rename in one tab racing an edit in
 * another can leave two UserIDs with one id; the older one gets a derived id (persisted on its
 * next write).
 */
export function liveEntries(state: ListState): StoredEntry[] {
  const sorted = [...state.entries.values()].sort(compareByOrder);
  const byId = new Map<string, StoredEntry>();
  for (const entry of sorted) {
    const other = byId.get(entry.id);
    if (!other || entry.rev > other.rev) byId.set(entry.id, entry);
  }
  if (byId.size === sorted.length) return sorted;
  return sorted.map((entry) =>
    byId.get(entry.id) === entry ? entry : { ...entry, id: `${entry.id}~${hash64(entry.userId).slice(0, 8)}` },
  );
}

export function findLive(state: ListState, id: string): StoredEntry | undefined {
  return liveEntries(state).find((entry) => entry.id === id);
}
