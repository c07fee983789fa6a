import { scopeToText, type AppScope } from './app-scope.ts';
import { storedEntry, toSavedUserId, type SavedUserId } from './entry.ts';
import type { ImportedEntry, ImportFormat, ImportLocation, ParsedImport } from './import-parse.ts';
import { EMPTY_LIST, liveEntries, type ListState } from './list-state.ts';
import type { OpContext } from './list-ops.ts';

/**
 * An import is shown before it is applied: what will be added, updated, and skipped and why.
 * Applying (in the background) replays the same decisions against the lists as they are then,
 * so a preview never overwrites blindly.
 *
 * Rules: an entry is matched by SDKAppID + exact UserID. A match is updated only with a label or
 * note the file gives and that differs; an empty cell never clears a value. Within the file the
 * first occurrence of a UserID wins; later ones are skipped.
 */

export type SkipReason = 'unchanged' | 'duplicate-in-file';

export interface ImportUpdate {
  readonly item: ImportedEntry;
  readonly before: SavedUserId;
}

export interface ImportSkip {
  readonly item: ImportedEntry;
  readonly reason: SkipReason;
  /** For duplicates: where the entry that wins is. */
  readonly firstAt?: ImportLocation;
}

export interface ImportPreview {
  readonly format: ImportFormat;
  readonly add: readonly ImportedEntry[];
  readonly update: readonly ImportUpdate[];
  readonly skip: readonly ImportSkip[];
  /** The scopes the import touches (what the store must read and write). */
  readonly scopes: readonly AppScope[];
  /** The entries to apply, duplicates removed, grouped by scope text. */
  readonly byScope: ReadonlyMap<string, readonly ImportedEntry[]>;
}

export interface ListImportResult {
  readonly state: ListState;
  readonly added: readonly ImportedEntry[];
  readonly updated: readonly ImportUpdate[];
  readonly unchanged: readonly ImportedEntry[];
}

/** Applies the import entries of one scope to that scope's list. */
export function importIntoList(state: ListState, scope: AppScope, items: readonly ImportedEntry[], ctx: OpContext): ListImportResult {
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
    if (current) {
      const label = item.label ?? current.label;
      const note = item.note ?? current.note;
      if (label === current.label && note === current.note) {
        unchanged.push(item);
        continue;
      }
      entries.set(item.userId, storedEntry({ ...current, label, note, updatedAt: ctx.now }));
      updated.push({ item, before: toSavedUserId(current, scope) });
      continue;
    }
    const { extras } = item;
    const id = extras.id !== undefined && !usedIds.has(extras.id) ? extras.id : ctx.newId();
    usedIds.add(id);
    const order = extras.order !== undefined ? extras.order + shift : ++lastOrder;
    entries.set(
      item.userId,
      storedEntry({
        id,
        userId: item.userId,
        label: item.label,
        note: item.note,
        createdAt: extras.createdAt ?? ctx.now,
        updatedAt: extras.updatedAt ?? ctx.now,
        lastUsedAt: extras.lastUsedAt,
        useCount: extras.useCount ?? 0,
        order,
      }),
    );
    added.push(item);
  }
  return { state: { entries }, added, updated, unchanged };
}

/** Splits off duplicates and groups by scope. */
export function groupImport(parsed: ParsedImport): { byScope: Map<string, ImportedEntry[]>; scopes: AppScope[]; duplicates: ImportSkip[] } {
  const byScope = new Map<string, ImportedEntry[]>();
  const scopes: AppScope[] = [];
  const first = new Map<string, ImportedEntry>();
  const duplicates: ImportSkip[] = [];
  for (const item of parsed.entries) {
    const scopeText = scopeToText(item.sdkAppId);
    const key = `${scopeText}\n${item.userId}`;
    const winner = first.get(key);
    if (winner) {
      duplicates.push({ item, reason: 'duplicate-in-file', firstAt: winner.at });
      continue;
    }
    first.set(key, item);
    let group = byScope.get(scopeText);
    if (!group) {
      group = [];
      byScope.set(scopeText, group);
      scopes.push(item.sdkAppId);
    }
    group.push(item);
  }
  return { byScope, scopes, duplicates };
}

/** The preview against the current lists (`lists` maps scope text to its state; absent = empty). */
export function planImport(parsed: ParsedImport, lists: ReadonlyMap<string, ListState>, ctx: OpContext): ImportPreview {
  const { byScope, scopes, duplicates } = groupImport(parsed);
  const add: ImportedEntry[] = [];
  const update: ImportUpdate[] = [];
  const skip: ImportSkip[] = [];
  for (const scope of scopes) {
    const scopeText = scopeToText(scope);
    const result = importIntoList(lists.get(scopeText) ?? EMPTY_LIST, scope, byScope.get(scopeText) ?? [], ctx);
    add.push(...result.added);
    update.push(...result.updated);
    skip.push(...result.unchanged.map((item) => ({ item, reason: 'unchanged' as const })));
  }
  skip.push(...duplicates);
  return { format: parsed.format, add, update, skip, scopes, byScope };
}
