import { scopeToText, type AppScope } from './app-scope.ts';
import { storedEntry, toSavedUserId, type SavedUserId } from './entry.ts';
import type { ImportedEntry, ImportFormat, ImportLocation, ParsedImport } from './import-parse.ts';
import { EMPTY_LIST, liveEntries, type ListState, type OpContext } from './list-ops.ts';

/**
 * An import is shown before it is applied: what will be added, updated, and skipped and why.
 * Applying (in the background) plans again against the lists as they are then and writes the
 * lists it changes, so a preview never overwrites blindly.
 *
 * Rules: an entry is matched by SDKAppID + exact UserID. A match is updated only with a label or
 * note the file gives and that differs; an empty cell never clears a value. Within the file the
 * first occurrence of a UserID wins; later ones are skipped.
 */

export interface ImportUpdate {
  readonly item: ImportedEntry;
  readonly before: SavedUserId;
}

export interface ImportSkip {
  readonly item: ImportedEntry;
  readonly reason: 'unchanged' | 'duplicate-in-file';
  /** For duplicates: where the entry that wins is. */
  readonly firstAt?: ImportLocation;
}

export interface ImportPreview {
  readonly format: ImportFormat;
  readonly add: readonly ImportedEntry[];
  readonly update: readonly ImportUpdate[];
  readonly skip: readonly ImportSkip[];
  /** The scopes the import touches. */
  readonly scopes: readonly AppScope[];
  /** The lists the import changes, as they will be, by scope text. */
  readonly changed: ReadonlyMap<string, ListState>;
}

/** Applies the import entries of one scope to that scope's list. */
export function importIntoList(state: ListState, scope: AppScope, items: readonly ImportedEntry[], ctx: OpContext) {
  const entries = new Map(state.entries);
  const added: ImportedEntry[] = [];
  const updated: ImportUpdate[] = [];
  const unchanged: ImportedEntry[] = [];
  const live = liveEntries(state);
  const usedIds = new Set(live.map((entry) => entry.id));
  const adds = items.filter((item) => !entries.has(item.userId));
  // Keep the file's relative order, after what the list already holds.
  const givenOrders = adds.map((item) => item.extras.order).filter((order): order is number => order !== undefined);
  const maxExisting = live.reduce((max, entry) => Math.max(max, entry.order), Number.NEGATIVE_INFINITY);
  const minGiven = givenOrders.reduce((min, order) => Math.min(min, order), Number.POSITIVE_INFINITY);
  const maxGiven = givenOrders.reduce((max, order) => Math.max(max, order), Number.NEGATIVE_INFINITY);
  const shift = live.length === 0 || givenOrders.length === 0 ? 0 : Math.floor(maxExisting - minGiven) + 1;
  // Entries without a given order go after everything else.
  let lastOrder = Math.max(live.length === 0 ? 0 : Math.floor(maxExisting), Math.floor(maxGiven + shift));
  for (const item of items) {
    const current = entries.get(item.userId);
    const { userId, label = current?.label, note = current?.note, extras } = item;
    if (current && label === current.label && note === current.note) {
      unchanged.push(item);
    } else if (current) {
      entries.set(userId, storedEntry({ ...current, label, note, updatedAt: ctx.now }));
      updated.push({ item, before: toSavedUserId(current, scope) });
    } else {
      const id = extras.id !== undefined && !usedIds.has(extras.id) ? extras.id : ctx.newId();
      usedIds.add(id);
      const order = extras.order !== undefined ? extras.order + shift : ++lastOrder;
      const { createdAt = ctx.now, updatedAt = ctx.now, lastUsedAt, useCount = 0 } = extras;
      entries.set(userId, storedEntry({ id, userId, label, note, createdAt, updatedAt, lastUsedAt, useCount, order }));
      added.push(item);
    }
  }
  return { state: { entries } as ListState, added, updated, unchanged };
}

/** The preview against the current lists (`lists` maps scope text to its state; absent = empty). */
export function planImport(parsed: ParsedImport, lists: ReadonlyMap<string, ListState>, ctx: OpContext): ImportPreview {
  // Per list, the file's entries in order, the first occurrence of each UserID only.
  const byScope = new Map<string, { scope: AppScope; items: Map<string, ImportedEntry> }>();
  const duplicates: ImportSkip[] = [];
  for (const item of parsed.entries) {
    const scopeText = scopeToText(item.sdkAppId);
    let group = byScope.get(scopeText);
    if (!group) byScope.set(scopeText, (group = { scope: item.sdkAppId, items: new Map() }));
    const winner = group.items.get(item.userId);
    if (winner) duplicates.push({ item, reason: 'duplicate-in-file', firstAt: winner.at });
    else group.items.set(item.userId, item);
  }
  const add: ImportedEntry[] = [];
  const update: ImportUpdate[] = [];
  const skip: ImportSkip[] = [];
  const changed = new Map<string, ListState>();
  for (const [scopeText, { scope, items }] of byScope) {
    const result = importIntoList(lists.get(scopeText) ?? EMPTY_LIST, scope, [...items.values()], ctx);
    add.push(...result.added);
    update.push(...result.updated);
    skip.push(...result.unchanged.map((item) => ({ item, reason: 'unchanged' as const })));
    if (result.added.length + result.updated.length > 0) changed.set(scopeText, result.state);
  }
  const scopes = [...byScope.values()].map((group) => group.scope);
  return { format: parsed.format, add, update, skip: [...skip, ...duplicates], scopes, changed };
}
