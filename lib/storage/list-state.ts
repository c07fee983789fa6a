import type { StoredEntry } from './entry.ts';

/** One list (the UserIDs of one SDKAppID, or of "any app"), keyed by UserID. */
export interface ListState {
  readonly entries: ReadonlyMap<string, StoredEntry>;
}

export const EMPTY_LIST: ListState = { entries: new Map() };

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
