import type { SavedUserId } from './entry.ts';
import { matchesTerms, queryTerms, searchText } from './search.ts';

/**
 * The query behind the one-click picker next to a UserID field: the current app's UserIDs first,
 * then those saved for any app; inside each group the recently used on top (most recent first),
 * then the rest in manual order. Built once when the picker opens; each keystroke only filters.
 */

export type PickerGroup = 'app' | 'any';

export interface PickerItem {
  readonly entry: SavedUserId;
  readonly group: PickerGroup;
}

export interface PickerIndex {
  readonly items: readonly PickerItem[];
  /** Folded search text of items[i]. */
  readonly haystacks: readonly string[];
}

export function comparePickerOrder(a: SavedUserId, b: SavedUserId): number {
  const usedA = a.lastUsedAt ?? -1;
  const usedB = b.lastUsedAt ?? -1;
  if (usedA !== usedB) return usedB - usedA;
  return a.order - b.order || a.createdAt - b.createdAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

export function buildPickerIndex(lists: { readonly app?: readonly SavedUserId[]; readonly any: readonly SavedUserId[] }): PickerIndex {
  const group = (entries: readonly SavedUserId[] | undefined, name: PickerGroup): PickerItem[] =>
    [...(entries ?? [])].sort(comparePickerOrder).map((entry) => ({ entry, group: name }));
  const items = [...group(lists.app, 'app'), ...group(lists.any, 'any')];
  return { items, haystacks: items.map((item) => searchText(item.entry)) };
}

export function filterPicker(index: PickerIndex, query: string, limit = Number.POSITIVE_INFINITY): PickerItem[] {
  const terms = queryTerms(query);
  const out: PickerItem[] = [];
  for (let i = 0; i < index.items.length && out.length < limit; i++) {
    const haystack = index.haystacks[i];
    const item = index.items[i];
    if (item && haystack !== undefined && matchesTerms(haystack, terms)) out.push(item);
  }
  return out;
}
