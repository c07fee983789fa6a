/**
 * Compares labels the way a reader does: NFKC folds full-width forms (（）：＆) to ASCII, case and
 * all whitespace are ignored, and trailing colons or required-field asterisks are dropped.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[:*]+$/, '');
}

/** Untrusted page text → trimmed, single-spaced, capped. */
export function cleanText(text: string | null | undefined, max = 4000): string {
  if (!text) return '';
  // Most cells need no collapsing; skipping the replace matters over 35,000 cells.
  const collapsed = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return collapsed.length > max ? collapsed.slice(0, max) : collapsed;
}

/** Does the normalized text contain any of the normalized needles? */
export function containsAny(text: string, needles: readonly string[]): boolean {
  const hay = normalizeLabel(text);
  return needles.some((n) => hay.includes(normalizeLabel(n)));
}
