import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
import { normalizeFields, storedEntrySchema, toSavedUserId, type SavedUserId } from './entry.ts';
import { describeThrown, fail, ok, storageError, type Result, type StorageError } from './errors.ts';
import { newEntryId } from './ids.ts';
import { parseImport } from './import-parse.ts';
import { planImport } from './import-plan.ts';
import { upgradeLegacyData, type UpgradeReport } from './legacy.ts';
import { AREAS, emptyRead, encodeList, LIST_SCHEMA_VERSION, listKey, metaKey, readLists, type ListArea, type StoredRead } from './list-read.ts';
import * as ops from './list-ops.ts';
import type { Changed, EntryPatch, ListState, OpContext, SaveAction } from './list-ops.ts';
import { setAside } from './quarantine.ts';
import { loadSettings, writeSettings } from './settings.ts';
import { checkSyncFit } from './sync-quota.ts';
import type { UserIdOp } from './userid-message.ts';

/**
 * The background's side of saved UserIDs: the only code that writes them. Every operation reads
 * the list, changes it (list-ops.ts) and writes it once; the caller (writer.ts) runs one
 * operation at a time, so no write can overwrite another's.
 */

/**
 * v3 → v4: one writer needs no revisions, tombstones or write tokens, and the list is stored as
 * JSON text (list-read.ts). What is not a list is kept as it is (set aside on read).
 */
function migrateListV3ToV4(old: unknown): unknown {
  if (old === null || typeof old !== 'object' || !('entries' in old) || !Array.isArray(old.entries)) return old;
  const entries: unknown[] = old.entries.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || !('rev' in item)) return item;
    const { rev: _rev, ...rest } = item as Record<string, unknown>;
    return rest;
  });
  return JSON.stringify({ entries });
}

/** Where a list is stored now, and why it is not where it was asked to be (sync quotas), if so. */
export type WriteReport = { readonly area: ListArea; readonly fallback?: StorageError };
export type EntryOutcome = WriteReport & { readonly entry: SavedUserId; readonly action?: SaveAction };
export type MoveReport = { readonly lists: readonly ({ readonly scope: AppScope } & WriteReport)[] };
export type ImportSummary = MoveReport & { readonly added: number; readonly updated: number; readonly skipped: number };
export type ListWriterOptions = { readonly now?: () => number; readonly newId?: () => string };

export function createListWriter(options: ListWriterOptions = {}) {
  const now = options.now ?? Date.now;
  const ctx = (): OpContext => ({ now: now(), newId: options.newId ?? newEntryId });
  let upgraded: Promise<Result<UpgradeReport>> | undefined;

  async function readOne(scope: AppScope): Promise<Result<StoredRead>> {
    const read = await readLists([scope]);
    if (!read.ok) return read;
    const found = read.value.get(scopeToText(scope)) ?? emptyRead(scope);
    return found.newerVersion === undefined ? ok(found) : fail(storageError('list-newer-version', { version: found.newerVersion }));
  }

  /** Writes a list where it belongs (sync if asked and it fits), removes other copies, sets unreadable items aside. */
  async function write(read: StoredRead, state: ListState, requested?: ListArea): Promise<Result<WriteReport>> {
    const { scope, present } = read;
    let area: ListArea = requested ?? (present.length === 1 && present[0] ? present[0] : (await syncWanted()) ? 'sync' : 'local');
    let fallback: StorageError | undefined;
    const key = listKey(scope);
    // The list and its version in one write: WXT's setValue records the version on a first write only.
    const writes = { [key]: encodeList(state), [metaKey(key)]: { v: LIST_SCHEMA_VERSION } };
    try {
      for (const { source, items: found } of read.setAside) {
        const moved = await setAside(source, found, now());
        if (!moved.ok) return moved;
      }
      if (area === 'sync') {
        const fit = checkSyncFit(await storage.snapshot('sync'), writes);
        if (!fit.ok) [fallback, area] = [fit.error, 'local'];
      }
      try {
        await browser.storage[area].set(writes);
      } catch (thrown) {
        if (area !== 'sync') throw thrown;
        [fallback, area] = [storageError('storage-write-failed', { detail: describeThrown(thrown) }), 'local'];
        await browser.storage.local.set(writes);
      }
      for (const other of AREAS) if (other !== area && present.includes(other)) await browser.storage[other].remove(Object.keys(writes));
      return ok({ area, ...(fallback ? { fallback } : {}) });
    } catch (thrown) {
      return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
    }
  }

  async function syncWanted(): Promise<boolean> {
    const settings = await loadSettings();
    return settings.ok && settings.value.settings.syncUserIds;
  }

  /** Writes a changed list, or nothing when it is stored as it is. */
  async function writeIfChanged(read: StoredRead, state: ListState): Promise<Result<WriteReport>> {
    const same = state === read.state && read.setAside.length === 0 && read.present.length > 0;
    return same ? ok({ area: read.present[0]! }) : write(read, state);
  }

  /** Read, change, write one list. */
  async function change(rawScope: unknown, op: (state: ListState, context: OpContext) => Result<Changed & { action?: SaveAction }>): Promise<Result<EntryOutcome>> {
    const scope = parseAppScope(rawScope);
    if (!scope.ok) return scope;
    const read = await readOne(scope.value);
    if (!read.ok) return read;
    const changed = op(read.value.state, ctx());
    if (!changed.ok) return changed;
    const { state, entry, action } = changed.value;
    const written = await writeIfChanged(read.value, state);
    if (!written.ok) return written;
    return ok({ ...written.value, entry: toSavedUserId(entry, scope.value), ...(action ? { action } : {}) });
  }

  async function edit(ref: { id: string; sdkAppId: unknown }, input: EntryPatch & { sdkAppId?: unknown }): Promise<Result<EntryOutcome>> {
    const from = parseAppScope(ref.sdkAppId);
    if (!from.ok) return from;
    const patch = normalizeFields(input);
    if (!patch.ok) return fail(patch.error.error);
    const to = input.sdkAppId === undefined ? from : parseAppScope(input.sdkAppId);
    if (!to.ok) return to;
    if (scopeToText(to.value) === scopeToText(from.value)) return change(from.value, (state, c) => ops.editEntry(state, ref.id, patch.value, c));
    // Into another list: target first, then source (an interruption leaves a copy in both, never in neither).
    const source = await readOne(from.value);
    if (!source.ok) return source;
    const current = ops.findLive(source.value.state, ref.id);
    if (!current) return fail(storageError('entry-not-found', { id: ref.id }));
    const moved = ops.patchEntry(current, patch.value);
    const placed = await change(to.value, (state, c) => ops.placeEntry(state, { ...moved, updatedAt: c.now }, c, 'end'));
    if (!placed.ok) return placed;
    const removed = await change(from.value, (state) => ops.removeEntry(state, ref.id));
    return !removed.ok && removed.error.code !== 'entry-not-found' ? removed : placed;
  }

  async function applyImport(text: string, format?: 'json' | 'csv'): Promise<Result<ImportSummary>> {
    const parsed = parseImport(text, format);
    if (!parsed.ok) return parsed;
    const read = await readLists([...new Set(parsed.value.entries.map((entry) => entry.sdkAppId))]);
    if (!read.ok) return read;
    const newer = [...read.value.values()].find((list) => list.newerVersion !== undefined);
    if (newer) return fail(storageError('list-newer-version', { version: newer.newerVersion! }));
    const plan = planImport(parsed.value, new Map([...read.value].map(([key, list]) => [key, list.state])), ctx());
    const lists: ({ scope: AppScope } & WriteReport)[] = [];
    for (const scope of plan.scopes) {
      // Lists written so far stay written: each is whole, and applying the import again is harmless.
      const current = read.value.get(scopeToText(scope)) ?? emptyRead(scope);
      const written = await writeIfChanged(current, plan.changed.get(scopeToText(scope)) ?? current.state);
      if (!written.ok) return written;
      lists.push({ scope, ...written.value });
    }
    return ok({ added: plan.add.length, updated: plan.update.length, skipped: plan.skip.length, lists });
  }

  async function moveLists(to: ListArea): Promise<Result<MoveReport>> {
    const all = await readLists();
    if (!all.ok) return all;
    const lists: ({ scope: AppScope } & WriteReport)[] = [];
    const rank = (scope: AppScope) => (scope === 'any' ? -1 : scope);
    for (const read of [...all.value.values()].sort((a, b) => rank(a.scope) - rank(b.scope))) {
      if (read.newerVersion !== undefined) continue;
      const written = await write(read, read.state, to);
      if (!written.ok) return written;
      lists.push({ scope: read.scope, ...written.value });
    }
    return ok({ lists });
  }

  /** Legacy data (v1/v2) into lists, and every list to the current version, once per background start. */
  function ready(): Promise<Result<UpgradeReport>> {
    return (upgraded ??= (async () => {
      // Each list of an older schema is a WXT item, versioned, with the migrations from v3: defining
      // it runs them. Then unreadable items are set aside.
      let found = await readLists();
      const older = found.ok ? [...found.value.values()].filter((read) => read.older) : [];
      for (const { scope, present } of older) {
        for (const area of present) await storage.defineItem(`${area}:${listKey(scope)}`, { version: LIST_SCHEMA_VERSION, migrations: { 4: migrateListV3ToV4 } }).getMeta();
      }
      if (older.length > 0) found = await readLists();
      if (found.ok) for (const read of found.value.values()) if (read.setAside.length && read.newerVersion === undefined) await write(read, read.state);
      const report = await upgradeLegacyData(async (scope, entries) => {
        const read = await readOne(scope);
        if (!read.ok) return read;
        const merged = new Map(read.value.state.entries);
        for (const entry of entries) if (!merged.has(entry.userId)) merged.set(entry.userId, entry);
        return write(read.value, { entries: merged });
      }, now);
      if (!report.ok) upgraded = undefined; // tried again on the next operation
      return report;
    })().catch((thrown: unknown) => {
      upgraded = undefined;
      return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
    }));
  }

  /** One operation, as the messages carry them (userid-message.ts). */
  async function apply(op: UserIdOp): Promise<Result<unknown>> {
    const upgrade = await ready();
    switch (op.kind) {
      case 'ready':
        return upgrade;
      case 'save': {
        const fields = normalizeFields(op.input);
        if (!fields.ok) return fail(fields.error.error);
        const { userId = '', label, note } = fields.value;
        return change(op.input.sdkAppId, (state, c) => ok(ops.upsertEntry(state, { userId, label: label ?? undefined, note: note ?? undefined }, c)));
      }
      case 'edit':
        return edit(op.ref, op.input);
      case 'remove':
        return change(op.ref.sdkAppId, (state) => ops.removeEntry(state, op.ref.id));
      case 'markUsed':
        return change(op.ref.sdkAppId, (state, c) => ops.markEntryUsed(state, op.ref.id, c));
      case 'move':
        return change(op.ref.sdkAppId, (state) => ops.moveEntry(state, op.ref.id, op.toIndex));
      case 'restore': {
        // The undo token may have been kept by the page for a while: check it like anything stored.
        const entry = storedEntrySchema.safeParse(op.entry);
        if (!entry.success) return fail(storageError('value-invalid', { field: String(entry.error.issues[0]?.path[0] ?? 'entry') }));
        return change(op.entry.sdkAppId, (state, c) => ops.placeEntry(state, entry.data, c, 'keep'));
      }
      case 'import':
        return applyImport(op.text, op.format);
      case 'setSync': {
        const saved = await writeSettings({ syncUserIds: op.enabled });
        return saved.ok ? moveLists(op.enabled ? 'sync' : 'local') : saved;
      }
    }
  }

  return { ready, apply };
}
