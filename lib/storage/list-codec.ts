import { storedEntry, storedEntrySchema, storedListShape, tombstoneSchema, type StoredEntry, type Tombstone } from './entry.ts';
import type { StorageErrorCode } from './errors.ts';
import { EMPTY_LIST, mergeLists, type ListState } from './list-state.ts';

/** Something found in storage that could not be used; it goes to quarantine, never to the bin. */
export interface SetAside {
  /** Where inside the stored value, e.g. `entries[3]`; empty for the whole value. */
  readonly path: string;
  readonly value: unknown;
  readonly reason: StorageErrorCode;
  /** Technical detail (zod issue paths and codes), English, for the curious. */
  readonly detail?: string;
}

export interface DecodedList {
  readonly state: ListState;
  readonly setAside: readonly SetAside[];
  /** The write token of the stored copy, if any (see list-io.ts). */
  readonly token?: string;
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

export function describeIssues(issues: readonly IssueLike[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code} ${issue.message}`)
    .join('; ')
    .slice(0, 300);
}

/** Never trusts the stored value: checks the shape, then every item on its own. */
export function decodeStoredList(raw: unknown): DecodedList {
  if (raw === undefined || raw === null) return { state: EMPTY_LIST, setAside: [] };
  const shape = storedListShape.safeParse(raw);
  if (!shape.success) {
    return {
      state: EMPTY_LIST,
      setAside: [{ path: '', value: raw, reason: 'stored-value-invalid', detail: describeIssues(shape.error.issues) }],
    };
  }
  const setAside: SetAside[] = [];
  const entries = new Map<string, StoredEntry>();
  shape.data.entries.forEach((item, index) => {
    const parsed = storedEntrySchema.safeParse(item);
    const path = `entries[${index}]`;
    if (!parsed.success) {
      setAside.push({ path, value: item, reason: 'stored-value-invalid', detail: describeIssues(parsed.error.issues) });
      return;
    }
    const entry = storedEntry(parsed.data);
    const twin = entries.get(entry.userId);
    if (twin) {
      const [kept, extra] = twin.rev >= entry.rev ? [twin, entry] : [entry, twin];
      entries.set(entry.userId, kept);
      setAside.push({ path, value: extra, reason: 'stored-duplicate-userid' });
      return;
    }
    entries.set(entry.userId, entry);
  });
  const removed = new Map<string, Tombstone>();
  (shape.data.removed ?? []).forEach((item, index) => {
    const parsed = tombstoneSchema.safeParse(item);
    if (!parsed.success) {
      setAside.push({ path: `removed[${index}]`, value: item, reason: 'stored-value-invalid', detail: describeIssues(parsed.error.issues) });
      return;
    }
    const { id, userId, rev } = parsed.data;
    const twin = removed.get(userId);
    if (!twin || twin.rev < rev) removed.set(userId, { id, userId, rev });
  });
  // A value we wrote never has an entry and a tombstone for one UserID; if one does, the newer wins.
  const state = mergeLists({ entries, removed: new Map() }, { entries: new Map(), removed });
  return { state, setAside, ...(shape.data.w === undefined ? {} : { token: shape.data.w }) };
}

export interface StoredList {
  readonly entries: StoredEntry[];
  readonly removed: Tombstone[];
  /** A fresh token per write, so the writer recognizes its own change event. */
  readonly w: string;
}

export function encodeList(state: ListState, token: string): StoredList {
  const entries = [...state.entries.values()].sort((a, b) => a.order - b.order);
  return { entries, removed: [...state.removed.values()], w: token };
}
