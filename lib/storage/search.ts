import type { SavedUserId } from './entry.ts';

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
