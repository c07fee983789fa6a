import { browser } from 'wxt/browser';
import { scopeToText, type AppScope } from './app-scope.ts';
import { describeThrown, storageError } from './errors.ts';
import { listKey, metaKey, scopeOfListKey, type ListArea } from './keys.ts';
import { decodeStoredList, type SetAside } from './list-codec.ts';
import { EMPTY_LIST, type ListState } from './list-state.ts';
import { fail, ok, type Result } from './result.ts';

/** Schema version of a list key: v3 had revisions, tombstones and write tokens; v4 (one writer) is JSON text without them. */
export const LIST_SCHEMA_VERSION = 4;
export const AREAS: readonly ListArea[] = ['local', 'sync'];

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

function versionOf(meta: unknown): number {
  const v = meta !== null && typeof meta === 'object' ? Reflect.get(meta, 'v') : undefined;
  return typeof v === 'number' ? v : LIST_SCHEMA_VERSION;
}

/** The stored lists of `scopes` (or all of them), by scope text; read by every page, written only by the background. */
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
        const version = versionOf(data[metaKey(key)]);
        const text = scopeToText(scope);
        const before = found.get(text) ?? emptyRead(scope);
        found.set(text, {
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

export function emptyRead(scope: AppScope): StoredRead {
  return { scope, state: EMPTY_LIST, present: [], setAside: [] };
}
