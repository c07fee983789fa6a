import type { SavedUserId } from './entry.ts';
import { compareByOrder } from './list-ops.ts';

/**
 * Case-insensitive matching on UserID, label and note. Text is NFKC-folded so full-width letters
 * typed with a Chinese input method (ａｌｉｃｅ) match too. Every whitespace-separated term must
 * appear in one of the fields.
 */

const FIELD_SEPARATOR = '\u0001';
const NON_ASCII = /[^\x00-\x7f]/;

function fold(text: string): string {
  // NFKC leaves ASCII as it is; skipping it halves the cost of opening a big picker.
  return (NON_ASCII.test(text) ? text.normalize('NFKC') : text).toLowerCase();
}

export function searchText(entry: Pick<SavedUserId, 'userId' | 'label' | 'note'>): string {
  return fold(`${entry.userId}${FIELD_SEPARATOR}${entry.label ?? ''}${FIELD_SEPARATOR}${entry.note ?? ''}`);
}

export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[\s\u0001]+/)
    .filter((term) => term !== '');
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/** Filters a list, keeping its order. An empty query keeps everything. */
export function searchEntries(entries: readonly SavedUserId[], query: string): SavedUserId[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...entries];
  return entries.filter((entry) => matchesTerms(searchText(entry), terms));
}

/**
 * The one-click picker next to a UserID field: the current app's UserIDs first, then those saved
 * for any app; inside each group the recently used on top (most recent first), then the rest in
 * manual order. Built once when the picker opens; each keystroke only filters.
 */
export interface PickerItem {
  readonly entry: SavedUserId;
  readonly group: 'app' | 'any';
}

export interface PickerIndex {
  readonly items: readonly PickerItem[];
  /** Folded search text of items[i]. */
  readonly haystacks: readonly string[];
}

function comparePickerOrder(a: SavedUserId, b: SavedUserId): number {
  return (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || compareByOrder(a, b);
}

export function buildPickerIndex(lists: { readonly app?: readonly SavedUserId[]; readonly any: readonly SavedUserId[] }): PickerIndex {
  const group = (entries: readonly SavedUserId[] | undefined, name: PickerItem['group']): PickerItem[] =>
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
