import { browser } from 'wxt/browser';
import { scopeFromText, scopeToText, type AppScope } from './app-scope.ts';
import { storedEntry, storedEntrySchema, type StoredEntry } from './entry.ts';
import { describeThrown, fail, ok, storageError, type Result, type StorageErrorCode } from './errors.ts';
import { hash64 } from './ids.ts';
import { compareByOrder, EMPTY_LIST, type ListState } from './list-ops.ts';
import { z } from '../zod.ts';

/**
 * Each list is an item of its own, `userIds:<SDKAppID or any>`, in the local or the sync area; WXT
 * keeps its version in the `<key>$` meta key. v3 had revisions, tombstones and write tokens; v4
 * (one writer) is JSON text without them. Read by every page, written only by the background.
 */
export const LIST_SCHEMA_VERSION = 4;
const LIST_KEY_PREFIX = 'userIds:';
export type ListArea = 'local' | 'sync';
export const AREAS: readonly ListArea[] = ['local', 'sync'];

export const listKey = (scope: AppScope) => LIST_KEY_PREFIX + scopeToText(scope);
export const metaKey = (key: string) => `${key}$`;

/** The scope of a list key, or undefined for any other key (including meta keys `…$`). */
export function scopeOfListKey(key: string): AppScope | undefined {
  return key.startsWith(LIST_KEY_PREFIX) ? scopeFromText(key.slice(LIST_KEY_PREFIX.length)) : undefined;
}

/** Something found in storage that could not be used; it goes to quarantine, never to the bin. */
export interface SetAside {
  /** Where inside the stored value, e.g. `entries[3]`; empty for the whole value. */
  readonly path: string;
  readonly value: unknown;
  readonly reason: StorageErrorCode;
  /** Technical detail (zod issue paths and codes), English, for the curious. */
  readonly detail?: string;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): string {
  const described = issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code} ${issue.message}`);
  return described.join('; ').slice(0, 300);
}

/** v3 and v4 (v3's `rev`, `removed` and `w` are ignored); items are checked one by one so one bad item costs only itself. */
const storedListShape = z.object({ entries: z.array(z.unknown()) });

/**
 * Never trusts the stored value: checks the shape, then every item on its own. Reads v4 (JSON
 * text) and v3 (an object). Deterministic, so every reader sees the same ids.
 */
export function decodeStoredList(raw: unknown): { state: ListState; setAside: SetAside[] } {
  if (raw === undefined || raw === null) return { state: EMPTY_LIST, setAside: [] };
  let value = raw;
  try {
    if (typeof raw === 'string') value = JSON.parse(raw);
  } catch {
    return { state: EMPTY_LIST, setAside: [{ path: '', value: raw, reason: 'stored-value-invalid', detail: 'not JSON' }] };
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

export interface StoredRead {
  readonly scope: AppScope;
  /** Both areas together (a list is in both only after an interrupted move between them). */
  readonly state: ListState;
  readonly present: readonly ListArea[];
  /** Unreadable items, by the item they were found in (`local:userIds:any`). */
  readonly setAside: readonly { readonly source: string; readonly items: readonly SetAside[] }[];
  /** Set when a copy was written by a newer schema: the list is then read-only. */
  readonly newerVersion?: number;
  /** Set when a copy is of an older schema (the background migrates it when it starts). */
  readonly older?: true;
}

export const emptyRead = (scope: AppScope): StoredRead => ({ scope, state: EMPTY_LIST, present: [], setAside: [] });

/** The stored lists of `scopes` (or all of them), by scope text. */
export async function readLists(scopes?: readonly AppScope[]): Promise<Result<Map<string, StoredRead>>> {
  const keys = scopes?.flatMap((scope) => [listKey(scope), metaKey(listKey(scope))]) ?? null;
  const found = new Map<string, StoredRead>();
  try {
    const areas = await Promise.all(AREAS.map(async (area) => [area, (await browser.storage[area].get(keys)) as Record<string, unknown>] as const));
    for (const [area, data] of areas) {
      for (const [key, raw] of Object.entries(data)) {
        const scope = scopeOfListKey(key);
        if (scope === undefined || raw === null || raw === undefined) continue;
        const decoded = decodeStoredList(raw);
        const meta = data[metaKey(key)];
        const v = meta !== null && typeof meta === 'object' ? Reflect.get(meta, 'v') : undefined;
        const version = typeof v === 'number' ? v : LIST_SCHEMA_VERSION;
        const before = found.get(scopeToText(scope)) ?? emptyRead(scope);
        found.set(scopeToText(scope), {
          scope,
          state: before.present.length === 0 ? decoded.state : { entries: new Map([...decoded.state.entries, ...before.state.entries]) },
          present: [...before.present, area],
          setAside: decoded.setAside.length ? [...before.setAside, { source: `${area}:${key}`, items: decoded.setAside }] : before.setAside,
          ...(version > LIST_SCHEMA_VERSION ? { newerVersion: version } : before.newerVersion ? { newerVersion: before.newerVersion } : {}),
          ...(version < LIST_SCHEMA_VERSION || before.older ? { older: true as const } : {}),
        });
      }
    }
    return ok(found);
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}
