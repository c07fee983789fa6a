import { storedEntry, type StoredEntry } from './entry.ts';
import { fail, ok, storageError, type Result } from './errors.ts';

/** Pure operations on one list (the UserIDs of one SDKAppID, or of "any app"), keyed by UserID. Inputs are normalized. */
export interface ListState {
  readonly entries: ReadonlyMap<string, StoredEntry>;
}

export const EMPTY_LIST: ListState = { entries: new Map() };

export interface OpContext {
  readonly now: number;
  readonly newId: () => string;
}

/** `undefined` keeps a field, `null` clears label and note. */
export interface EntryPatch {
  readonly userId?: string;
  readonly label?: string | null;
  readonly note?: string | null;
}

export type SaveAction = 'added' | 'updated' | 'unchanged';

export interface Changed {
  readonly state: ListState;
  readonly entry: StoredEntry;
}

export function compareByOrder(a: StoredEntry, b: StoredEntry): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/** Entries in manual order. */
export function liveEntries(state: ListState): StoredEntry[] {
  return [...state.entries.values()].sort(compareByOrder);
}

export function findLive(state: ListState, id: string): StoredEntry | undefined {
  for (const entry of state.entries.values()) if (entry.id === id) return entry;
  return undefined;
}

/** The entry with the patch applied (its dates untouched). */
export function patchEntry(current: StoredEntry, patch: EntryPatch): StoredEntry {
  const pick = (next: string | null | undefined, was: string | undefined) => (next === undefined ? was : (next ?? undefined));
  return storedEntry({ ...current, userId: patch.userId ?? current.userId, label: pick(patch.label, current.label), note: pick(patch.note, current.note) });
}

function putEntry(state: ListState, entry: StoredEntry, replacing = entry): ListState {
  const entries = new Map(state.entries);
  if (replacing.userId !== entry.userId) entries.delete(replacing.userId);
  return { entries: entries.set(entry.userId, entry) };
}

function endOrder(state: ListState): number {
  let max = 0;
  for (const entry of state.entries.values()) if (entry.order > max) max = entry.order;
  return Math.floor(max) + 1;
}

/** Runs `change` on the entry with this id, or fails with entry-not-found. */
function withEntry(state: ListState, id: string, change: (current: StoredEntry) => Result<Changed>): Result<Changed> {
  const current = findLive(state, id);
  return current ? change(current) : fail(storageError('entry-not-found', { id }));
}

/** Add, or update the entry with the same UserID: label and note given replace, absent keep. */
export function upsertEntry(state: ListState, fields: { userId: string; label?: string; note?: string }, ctx: OpContext): Changed & { action: SaveAction } {
  const current = state.entries.get(fields.userId);
  if (current) {
    const label = fields.label ?? current.label;
    const note = fields.note ?? current.note;
    if (label === current.label && note === current.note) return { state, entry: current, action: 'unchanged' };
    const entry = storedEntry({ ...current, label, note, updatedAt: ctx.now });
    return { state: putEntry(state, entry), entry, action: 'updated' };
  }
  const { userId, label, note } = fields;
  const entry = storedEntry({ id: ctx.newId(), userId, label, note, createdAt: ctx.now, updatedAt: ctx.now, useCount: 0, order: endOrder(state) });
  return { state: putEntry(state, entry), entry, action: 'added' };
}

export function editEntry(state: ListState, id: string, patch: EntryPatch, ctx: OpContext): Result<Changed> {
  return withEntry(state, id, (current) => {
    const next = patchEntry(current, patch);
    if (next.userId === current.userId && next.label === current.label && next.note === current.note) return ok({ state, entry: current });
    if (next.userId !== current.userId && state.entries.has(next.userId)) return fail(storageError('userid-exists', { userId: next.userId }));
    const entry = storedEntry({ ...next, updatedAt: ctx.now });
    return ok({ state: putEntry(state, entry, current), entry });
  });
}

export function removeEntry(state: ListState, id: string): Result<Changed> {
  return withEntry(state, id, (current) => {
    const entries = new Map(state.entries);
    entries.delete(current.userId);
    return ok({ state: { entries }, entry: current });
  });
}

/**
 * Puts an entry back as it was (undo of a delete), or brings one in from another list. Its id,
 * dates, usage and position are kept; it fails if the UserID is live in this list.
 */
export function placeEntry(state: ListState, entry: StoredEntry, ctx: OpContext, position: 'keep' | 'end' = 'keep'): Result<Changed> {
  if (state.entries.has(entry.userId)) return fail(storageError('userid-exists', { userId: entry.userId }));
  const idTaken = findLive(state, entry.id) !== undefined;
  const placed = storedEntry({ ...entry, id: idTaken ? ctx.newId() : entry.id, order: position === 'end' ? endOrder(state) : entry.order });
  return ok({ state: putEntry(state, placed), entry: placed });
}

export function markEntryUsed(state: ListState, id: string, ctx: OpContext): Result<Changed> {
  return withEntry(state, id, (current) => {
    const entry = storedEntry({ ...current, lastUsedAt: ctx.now, useCount: current.useCount + 1 });
    return ok({ state: putEntry(state, entry), entry });
  });
}

/** Moves one entry to `toIndex` of the list in manual order; the list is numbered 1, 2, 3… again. */
export function moveEntry(state: ListState, id: string, toIndex: number): Result<Changed> {
  return withEntry(state, id, (current) => {
    const others = liveEntries(state).filter((entry) => entry.userId !== current.userId);
    const index = Math.max(0, Math.min(others.length, Math.trunc(Number.isFinite(toIndex) ? toIndex : others.length)));
    const entries = new Map<string, StoredEntry>();
    let moved = current;
    [...others.slice(0, index), current, ...others.slice(index)].forEach((entry, i) => {
      const placed = entry.order === i + 1 ? entry : storedEntry({ ...entry, order: i + 1 });
      entries.set(entry.userId, placed);
      if (entry === current) moved = placed;
    });
    return ok({ state: { entries }, entry: moved });
  });
}
