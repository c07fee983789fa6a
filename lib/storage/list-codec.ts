import { storedEntry, storedEntrySchema, storedListShape, type StoredEntry } from './entry.ts';
import type { StorageErrorCode } from './errors.ts';
import { hash64 } from './ids.ts';
import { compareByOrder, EMPTY_LIST, type ListState } from './list-state.ts';

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

/**
 * Never trusts the stored value: checks the shape, then every item on its own. Reads v4 (JSON
 * text) and v3 (an object; its revisions and tombstones are ignored). Deterministic, so every
 * reader sees the same ids.
 */
export function decodeStoredList(raw: unknown): DecodedList {
  if (raw === undefined || raw === null) return { state: EMPTY_LIST, setAside: [] };
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { state: EMPTY_LIST, setAside: [{ path: '', value: raw, reason: 'stored-value-invalid', detail: 'not JSON' }] };
    }
  }
  const shape = storedListShape.safeParse(value);
  if (!shape.success) {
    return { state: EMPTY_LIST, setAside: [{ path: '', value, reason: 'stored-value-invalid', detail: describeIssues(shape.error.issues) }] };
  }
  const setAside: SetAside[] = [];
  const entries = new Map<string, StoredEntry>();
  const ids = new Set<string>();
  shape.data.entries.forEach((item, index) => {
    const parsed = storedEntrySchema.safeParse(item);
    const path = `entries[${index}]`;
    if (!parsed.success) {
      setAside.push({ path, value: item, reason: 'stored-value-invalid', detail: describeIssues(parsed.error.issues) });
      return;
    }
    const entry = storedEntry(parsed.data);
    if (entries.has(entry.userId)) {
      setAside.push({ path, value: item, reason: 'stored-duplicate-userid' });
      return;
    }
    // Two tabs of an older version could give two UserIDs one id: the later gets a derived one.
    const id = ids.has(entry.id) ? `${entry.id}~${hash64(entry.userId).slice(0, 8)}` : entry.id;
    ids.add(id);
    entries.set(entry.userId, id === entry.id ? entry : { ...entry, id });
  });
  return { state: { entries }, setAside };
}

/**
 * A list as stored (v4): the JSON text of `{ entries: [...] }`. The browser stores and hands back
 * one string far faster than thousands of small objects (10,000 entries: tens of ms instead of
 * seconds in Chrome's service worker).
 */
export function encodeList(state: ListState): string {
  return JSON.stringify({ entries: [...state.entries.values()].sort(compareByOrder) });
}
