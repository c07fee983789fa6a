import { browser, type Browser } from 'wxt/browser';
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import type { AppScope } from './app-scope.ts';
import { describeThrown, storageError, type StorageError } from './errors.ts';
import { newEntryId } from './ids.ts';
import { listKey, metaKey, scopeOfListKey, type ListArea } from './keys.ts';
import { decodeStoredList, encodeList, type DecodedList, type SetAside } from './list-codec.ts';
import { dominates, EMPTY_LIST, mergeLists, sameList, withoutExpiredTombstones, type ListState } from './list-state.ts';
import { setAside } from './quarantine.ts';
import { fail, ok, type Result } from './result.ts';
import { checkSyncFit, type SyncUsage } from './sync-quota.ts';

/**
 * Reading and writing one stored list per SDKAppID, in the local or the sync area, safely when
 * several tabs write at once.
 *
 * browser.storage has no transaction, but every change event carries the value it replaced. Each
 * write carries a fresh token; the writer waits for the event of its own write and looks at what
 * it overwrote. If that copy holds something the written one lacks (another tab wrote between
 * our read and our write), the writer merges it back in and writes again, until what it
 * overwrote is covered. Lists merge without loss (list-state.ts), so this converges. Writers that
 * do not follow this protocol (a WXT migration, a tab closed mid-repair) are caught by every
 * other open store, which merges the overwritten copy back after a short delay.
 */

/** Schema version of a list key (v1 and v2 were the single legacy key, see legacy.ts). */
export const LIST_SCHEMA_VERSION = 3;
/**
 * WXT runs these when a list item is defined. v3 is the first per-list version, so there is
 * nothing to run yet; passing the object makes WXT record `{ v: 3 }` in the meta key.
 */
const LIST_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

const AREAS: readonly ListArea[] = ['local', 'sync'];
const MAX_REPAIR_ROUNDS = 16;
/** Random backoff between repair rounds, doubling up to this cap, so busy writers stop colliding. */
const MAX_BACKOFF_MS = 100;

export interface AreaCopy {
  readonly area: ListArea;
  readonly exists: boolean;
  readonly version: number;
  readonly decoded: DecodedList;
}

export interface ListRead {
  readonly scope: AppScope;
  /** Both areas merged. */
  readonly state: ListState;
  readonly copies: readonly AreaCopy[];
  /** Set when a copy was written by a newer schema: the list is then read-only. */
  readonly newerVersion?: number;
  /** How many unreadable items were moved to quarantine by this read. */
  readonly setAside: number;
}

export interface WriteReport {
  /** Where the list is stored now. */
  readonly area: ListArea;
  /** Why it is not where it was asked to be (sync quotas), if so. */
  readonly fallback?: StorageError;
}

export type ListChange<T> = Result<{ readonly state: ListState; readonly value: T }>;

export interface ListIoOptions {
  readonly now: () => number;
  /** Where a list that exists nowhere yet is created. */
  readonly preferredArea: () => Promise<ListArea>;
  /** How long to wait for the change event of our own write (it normally comes at once). */
  readonly confirmTimeoutMs?: number;
  /** How long other stores wait before repairing an overwrite they observed. */
  readonly observerRepairDelayMs?: number;
}

export interface ListIo {
  read(scope: AppScope): Promise<Result<ListRead>>;
  /** Read, change, write, repair: the change runs on the merged list of both areas. */
  update<T>(scope: AppScope, change: (state: ListState) => ListChange<T>, options?: { area?: ListArea }): Promise<Result<{ value: T } & WriteReport>>;
  /** The scopes that have a list key in either area. */
  scopes(): Promise<Result<AppScope[]>>;
  /** Whether the list, as it is, would fit in storage.sync next to what is there. */
  syncFit(scope: AppScope): Promise<Result<SyncUsage>>;
  /** Called (once per burst) when a list key changes in either area, from any tab. */
  onChange(listener: (scope: AppScope) => void): () => void;
  dispose(): void;
}

type Change = Browser.storage.StorageChange;

interface Waiter {
  readonly key: string;
  readonly match: (change: Change) => boolean;
  readonly resolve: (change: Change | undefined) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tokenOf(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' && 'w' in value && typeof value.w === 'string' ? value.w : undefined;
}

function compareScopes(a: AppScope, b: AppScope): number {
  return (a === 'any' ? -1 : a) - (b === 'any' ? -1 : b);
}

export function createListIo(options: ListIoOptions): ListIo {
  const instance = newEntryId().slice(1);
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 2000;
  const observerRepairDelayMs = options.observerRepairDelayMs ?? 250;
  let sequence = 0;
  let disposed = false;
  const items = new Map<string, WxtStorageItem<unknown, { v: number }>>();
  const decoded = new Map<string, { token: string; value: DecodedList }>();
  const waiters = new Set<Waiter>();
  const changeListeners = new Set<(scope: AppScope) => void>();
  const pendingNotifications = new Set<AppScope>();
  const locks = new Map<string, Promise<unknown>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const fullKey = (area: ListArea, scope: AppScope): StorageItemKey => `${area}:${listKey(scope)}`;

  function item(area: ListArea, scope: AppScope): WxtStorageItem<unknown, { v: number }> {
    const key = fullKey(area, scope);
    let found = items.get(key);
    if (!found) {
      found = storage.defineItem<unknown, { v: number }>(key, { version: LIST_SCHEMA_VERSION, migrations: LIST_MIGRATIONS });
      items.set(key, found);
    }
    return found;
  }

  /** Decoding a big list costs; a value carrying a token we already decoded is reused. */
  function decode(key: string, raw: unknown): DecodedList {
    const token = tokenOf(raw);
    const cached = decoded.get(key);
    if (token !== undefined && cached?.token === token) return cached.value;
    const value = decodeStoredList(raw);
    if (token !== undefined && value.setAside.length === 0) decoded.set(key, { token, value });
    return value;
  }

  function waitFor(key: string, match: (change: Change) => boolean, timeoutMs: number) {
    let waiter: Waiter | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const promise = new Promise<Change | undefined>((resolve) => {
      const done = (change: Change | undefined) => {
        if (timer !== undefined) {
          clearTimeout(timer);
          timers.delete(timer);
        }
        if (waiter) waiters.delete(waiter);
        resolve(change);
      };
      waiter = { key, match, resolve: done };
      waiters.add(waiter);
      timer = setTimeout(() => done(undefined), timeoutMs);
      timers.add(timer);
    });
    return { promise, cancel: () => waiter?.resolve(undefined) };
  }

  async function readCopy(area: ListArea, scope: AppScope): Promise<AreaCopy> {
    const stored = item(area, scope);
    const raw = await stored.getValue();
    const meta = await stored.getMeta();
    const exists = raw !== null && raw !== undefined;
    const version = exists && typeof meta.v === 'number' ? meta.v : LIST_SCHEMA_VERSION;
    return { area, exists, version, decoded: decode(fullKey(area, scope), raw) };
  }

  async function quarantine(source: string, found: readonly SetAside[]): Promise<Result<number>> {
    return setAside(source, found, options.now());
  }

  async function readBoth(scope: AppScope): Promise<Result<ListRead>> {
    try {
      const copies = await Promise.all(AREAS.map((area) => readCopy(area, scope)));
      const newer = copies.find((copy) => copy.version > LIST_SCHEMA_VERSION);
      let count = 0;
      // Items of a newer schema are not invalid, only unknown to us: they stay where they are.
      if (!newer) {
        for (const copy of copies) {
          const moved = await quarantine(fullKey(copy.area, scope), copy.decoded.setAside);
          if (!moved.ok) return moved;
          count += moved.value;
        }
      }
      const state = copies.reduce((merged, copy) => mergeLists(merged, copy.decoded.state), EMPTY_LIST);
      return ok({ scope, state, copies, setAside: count, ...(newer ? { newerVersion: newer.version } : {}) });
    } catch (thrown) {
      return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
    }
  }

  /** Writes and reports the copy it replaced (undefined if the change event never came). */
  async function confirmedWrite(area: ListArea, scope: AppScope, state: ListState): Promise<Result<DecodedList | undefined>> {
    if (disposed) return fail(storageError('storage-write-failed', { detail: 'store disposed' }));
    const key = fullKey(area, scope);
    const token = `${instance}.${++sequence}`;
    const wait = waitFor(key, (change) => tokenOf(change.newValue) === token, confirmTimeoutMs);
    try {
      await item(area, scope).setValue(encodeList(state, token));
    } catch (thrown) {
      wait.cancel();
      return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
    }
    decoded.set(key, { token, value: { state, setAside: [], token } });
    const change = await wait.promise;
    if (!change) return ok(undefined);
    const overwritten = decodeStoredList(change.oldValue ?? null);
    const moved = await quarantine(key, overwritten.setAside);
    if (!moved.ok) return moved;
    return ok(overwritten);
  }

  async function confirmedRemove(area: ListArea, scope: AppScope): Promise<Result<DecodedList | undefined>> {
    if (disposed) return fail(storageError('storage-write-failed', { detail: 'store disposed' }));
    const key = fullKey(area, scope);
    const wait = waitFor(key, (change) => change.newValue === undefined || change.newValue === null, confirmTimeoutMs);
    try {
      await storage.removeItem(key, { removeMeta: true });
    } catch (thrown) {
      wait.cancel();
      return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
    }
    decoded.delete(key);
    const change = await wait.promise;
    if (!change) return ok(undefined);
    const overwritten = decodeStoredList(change.oldValue ?? null);
    const moved = await quarantine(key, overwritten.setAside);
    if (!moved.ok) return moved;
    return ok(overwritten);
  }

  /** Puts copies we overwrote back into the list at `area`, until our writes overwrite nothing new. */
  async function repair(area: ListArea, scope: AppScope, lost: readonly ListState[]): Promise<Result<void>> {
    let pending = lost;
    for (let round = 0; round < MAX_REPAIR_ROUNDS && pending.length > 0; round++) {
      if (round > 0) await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** round));
      if (disposed) return fail(storageError('storage-write-failed', { detail: 'store disposed' }));
      const now = options.now();
      const current = await readCopy(area, scope);
      const moved = await quarantine(fullKey(area, scope), current.decoded.setAside);
      if (!moved.ok) return moved;
      const merged = withoutExpiredTombstones(pending.reduce(mergeLists, current.decoded.state), now);
      if (dominates(current.decoded.state, merged, now)) return ok(undefined);
      const written = await confirmedWrite(area, scope, merged);
      if (!written.ok) return written;
      pending = written.value && !dominates(merged, written.value.state, now) ? [written.value.state] : [];
    }
    if (pending.length === 0) return ok(undefined);
    // Out of rounds (tabs writing non-stop): keep the copies aside rather than lose them.
    await quarantine(
      fullKey(area, scope),
      pending.map((state, index) => ({ path: `repair[${index}]`, value: encodeList(state, ''), reason: 'write-conflict' })),
    );
    return fail(storageError('write-conflict', { scope: String(scope) }));
  }

  async function checkFit(scope: AppScope, state: ListState): Promise<Result<SyncUsage>> {
    const key = listKey(scope);
    const current = await storage.snapshot('sync');
    const token = `${instance}.${sequence + 1}`;
    return checkSyncFit(current, { [key]: encodeList(state, token), [metaKey(key)]: { v: LIST_SCHEMA_VERSION } });
  }

  async function updateLocked<T>(
    scope: AppScope,
    change: (state: ListState) => ListChange<T>,
    requestedArea: ListArea | undefined,
  ): Promise<Result<{ value: T } & WriteReport>> {
    const current = await readBoth(scope);
    if (!current.ok) return current;
    const { state, copies, newerVersion } = current.value;
    if (newerVersion !== undefined) return fail(storageError('list-newer-version', { version: newerVersion }));
    const changed = change(state);
    if (!changed.ok) return changed;
    const now = options.now();
    const next = withoutExpiredTombstones(changed.value.state, now);
    const present = copies.filter((copy) => copy.exists).map((copy) => copy.area);
    let target: ListArea = requestedArea ?? (present.length === 1 && present[0] ? present[0] : await options.preferredArea());
    let fallback: StorageError | undefined;
    const report = (): Result<{ value: T } & WriteReport> =>
      ok({ value: changed.value.value, area: target, ...(fallback ? { fallback } : {}) });

    const hadUnreadable = copies.some((copy) => copy.decoded.setAside.length > 0);
    if (sameList(next, state, now) && present.every((area) => area === target) && !hadUnreadable) return report();

    if (target === 'sync') {
      const fit = await checkFit(scope, next);
      if (!fit.ok) {
        fallback = fit.error;
        target = 'local';
      }
    }
    let written = await confirmedWrite(target, scope, next);
    if (!written.ok && target === 'sync') {
      fallback = written.error;
      target = 'local';
      written = await confirmedWrite(target, scope, next);
    }
    if (!written.ok) return written;
    // WXT records the version on an item's first write only; a list re-created here (moved back
    // from the other area) needs it again.
    if (!present.includes(target)) await item(target, scope).setMeta({ v: LIST_SCHEMA_VERSION });
    const lost: ListState[] = [];
    if (written.value && !dominates(next, written.value.state, now)) lost.push(written.value.state);
    for (const area of present) {
      if (area === target) continue;
      const removed = await confirmedRemove(area, scope);
      if (!removed.ok) return removed;
      if (removed.value && !dominates(next, removed.value.state, now)) lost.push(removed.value.state);
    }
    if (lost.length > 0) {
      const repaired = await repair(target, scope, lost);
      if (!repaired.ok) return repaired;
    }
    return report();
  }

  function withLock<T>(scope: AppScope, run: () => Promise<T>): Promise<T> {
    const key = listKey(scope);
    const previous = locks.get(key) ?? Promise.resolve();
    const result = previous.then(run, run);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    locks.set(key, tail);
    void tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return result;
  }

  function update<T>(
    scope: AppScope,
    change: (state: ListState) => ListChange<T>,
    updateOptions: { area?: ListArea } = {},
  ): Promise<Result<{ value: T } & WriteReport>> {
    return withLock(scope, async () => {
      try {
        return await updateLocked(scope, change, updateOptions.area);
      } catch (thrown) {
        return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
      }
    });
  }

  /** Another writer replaced a copy without keeping all of it: merge the old copy back, later. */
  function watchForOverwrite(area: ListArea, scope: AppScope, change: Change) {
    if (change.newValue === undefined || change.newValue === null) return; // removals are moves or resets
    if (change.oldValue === undefined || change.oldValue === null) return;
    const before = decodeStoredList(change.oldValue);
    const after = decode(fullKey(area, scope), change.newValue);
    if (dominates(after.state, before.state, options.now())) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (disposed) return;
      void update(scope, (state) => ok({ state: mergeLists(state, before.state), value: undefined }));
    }, observerRepairDelayMs);
    timers.add(timer);
  }

  function notify(scope: AppScope) {
    if (pendingNotifications.size === 0) {
      queueMicrotask(() => {
        const scopes = [...pendingNotifications];
        pendingNotifications.clear();
        if (disposed) return;
        for (const changed of scopes) for (const listener of changeListeners) listener(changed);
      });
    }
    pendingNotifications.add(scope);
  }

  const onStorageChanged = (changes: Record<string, Change>, areaName: string) => {
    if (disposed || (areaName !== 'local' && areaName !== 'sync')) return;
    for (const [key, change] of Object.entries(changes)) {
      const scope = scopeOfListKey(key);
      if (scope === undefined) continue;
      const full = `${areaName}:${key}`;
      let ours = false;
      for (const waiter of [...waiters]) {
        if (waiter.key === full && waiter.match(change)) {
          waiter.resolve(change);
          ours = true;
        }
      }
      try {
        // Our own writes repair themselves (see update); others are watched.
        if (!ours) watchForOverwrite(areaName, scope, change);
      } catch {
        // An undecodable event must not break the listener; the next read sets the value aside.
      }
      notify(scope);
    }
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  /** Reads; unreadable items found are quarantined, then cleaned out of the stored copy. */
  async function read(scope: AppScope): Promise<Result<ListRead>> {
    const found = await readBoth(scope);
    if (!found.ok || found.value.setAside === 0) return found;
    const cleaned = await update(scope, (state) => ok({ state, value: undefined }));
    return cleaned.ok ? readBoth(scope) : cleaned;
  }

  return {
    read,
    update,
    async scopes() {
      try {
        const found = new Map<string, AppScope>();
        for (const area of AREAS) {
          for (const key of Object.keys(await storage.snapshot(area))) {
            const scope = scopeOfListKey(key);
            if (scope !== undefined) found.set(key, scope);
          }
        }
        return ok([...found.values()].sort(compareScopes));
      } catch (thrown) {
        return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
      }
    },
    async syncFit(scope) {
      const listed = await read(scope);
      if (!listed.ok) return listed;
      try {
        return await checkFit(scope, withoutExpiredTombstones(listed.value.state, options.now()));
      } catch (thrown) {
        return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
      }
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      browser.storage.onChanged.removeListener(onStorageChanged);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const waiter of [...waiters]) waiter.resolve(undefined);
      changeListeners.clear();
    },
  };
}
