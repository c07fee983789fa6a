import { storedEntry, type StoredEntry } from './entry.ts';
import { storageError } from './errors.ts';
import { findLive, liveEntries, type ListState } from './list-state.ts';
import { fail, ok, type Result } from './result.ts';

/** Pure operations on one list. Inputs are already normalized (see userid.ts). */

export interface OpContext {
  readonly now: number;
  readonly newId: () => string;
}

export interface EntryFields {
  readonly userId: string;
  readonly label?: string;
  readonly note?: string;
}

/** `undefined` keeps a field, `null` clears it. */
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

function putEntry(state: ListState, entry: StoredEntry): ListState {
  return { entries: new Map(state.entries).set(entry.userId, entry) };
}

function dropEntry(state: ListState, entry: StoredEntry): ListState {
  const entries = new Map(state.entries);
  entries.delete(entry.userId);
  return { entries };
}

function endOrder(state: ListState): number {
  let max = 0;
  for (const entry of state.entries.values()) if (entry.order > max) max = entry.order;
  return Math.floor(max) + 1;
}

function notFound(id: string) {
  return fail(storageError('entry-not-found', { id }));
}

/** Add, or update the entry with the same UserID: label and note given replace, absent keep. */
export function upsertEntry(state: ListState, fields: EntryFields, ctx: OpContext): Changed & { action: SaveAction } {
  const current = state.entries.get(fields.userId);
  if (current) {
    const label = fields.label ?? current.label;
    const note = fields.note ?? current.note;
    if (label === current.label && note === current.note) return { state, entry: current, action: 'unchanged' };
    const entry = storedEntry({ ...current, label, note, updatedAt: ctx.now });
    return { state: putEntry(state, entry), entry, action: 'updated' };
  }
  const entry = storedEntry({
    id: ctx.newId(),
    userId: fields.userId,
    label: fields.label,
    note: fields.note,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    useCount: 0,
    order: endOrder(state),
  });
  return { state: putEntry(state, entry), entry, action: 'added' };
}

export function editEntry(state: ListState, id: string, patch: EntryPatch, ctx: OpContext): Result<Changed> {
  const current = findLive(state, id);
  if (!current) return notFound(id);
  const userId = patch.userId ?? current.userId;
  const pick = (next: string | null | undefined, was: string | undefined) => (next === undefined ? was : (next ?? undefined));
  const changes = { label: pick(patch.label, current.label), note: pick(patch.note, current.note) };
  if (userId === current.userId && changes.label === current.label && changes.note === current.note) {
    return ok({ state, entry: current });
  }
  let next = state;
  if (userId !== current.userId) {
    if (state.entries.has(userId)) return fail(storageError('userid-exists', { userId }));
    next = dropEntry(next, current);
  }
  const entry = storedEntry({ ...current, userId, ...changes, updatedAt: ctx.now });
  return ok({ state: putEntry(next, entry), entry });
}

export function removeEntry(state: ListState, id: string): Result<Changed> {
  const current = findLive(state, id);
  if (!current) return notFound(id);
  return ok({ state: dropEntry(state, current), entry: current });
}

/**
 * Puts an entry back as it was (undo of a delete), or brings one in from another list. Its id,
 * dates, usage and position are kept; it fails if the UserID is live in this list.
 */
export function placeEntry(
  state: ListState,
  entry: StoredEntry,
  ctx: OpContext,
  position: 'keep' | 'end' = 'keep',
): Result<Changed> {
  if (state.entries.has(entry.userId)) return fail(storageError('userid-exists', { userId: entry.userId }));
  const idTaken = liveEntries(state).some((other) => other.id === entry.id);
  const placed = storedEntry({
    ...entry,
    id: idTaken ? ctx.newId() : entry.id,
    order: position === 'end' ? endOrder(state) : entry.order,
  });
  return ok({ state: putEntry(state, placed), entry: placed });
}

export function markEntryUsed(state: ListState, id: string, ctx: OpContext): Result<Changed> {
  const current = findLive(state, id);
  if (!current) return notFound(id);
  const entry = storedEntry({
    ...current,
    lastUsedAt: ctx.now,
    useCount: current.useCount + 1,
  });
  return ok({ state: putEntry(state, entry), entry });
}

/** Moves one entry to `toIndex` of the list in manual order; the list is numbered 1, 2, 3… again. */
export function moveEntry(state: ListState, id: string, toIndex: number): Result<Changed> {
  const current = findLive(state, id);
  if (!current) return notFound(id);
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
}
