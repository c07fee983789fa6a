// A heading's text as the detector compares it: NFKC-folded, lower-cased, without whitespace,
// plus where the console put a word break (whitespace, or the end of a text node: TEA renders a
// card's description in its own element right after the title, with no space between).
const SHOW_TEXT = 0x4;

export interface HeadingText {
  /** Normalized text of the whole heading. */
  norm: string;
  /** Offsets in `norm` where a word ended in the raw text. */
  breaks: ReadonlySet<number>;
  /** Normalized text of the first non-empty text node (the title before any description or badge). */
  lead: string;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

export function headingText(heading: Element, maxChars: number): HeadingText | undefined {
  const walker = heading.ownerDocument.createTreeWalker(heading, SHOW_TEXT);
  let norm = '';
  let lead = '';
  let raw = 0;
  const breaks = new Set<number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    raw += value.length;
    if (raw > maxChars * 4) return undefined;
    for (const part of fold(value).split(/(\s+)/)) {
      if (!part) continue;
      if (/^\s/.test(part)) breaks.add(norm.length);
      else norm += part;
    }
    if (!lead) lead = fold(value).replace(/\s+/g, '');
    breaks.add(norm.length);
  }
  return norm.length > maxChars ? undefined : { norm, breaks, lead };
}

const WORD_CHAR = /[a-z0-9]/;

/** Does `text` begin with the normalized `name`, ending on a word boundary? */
export function leadsWith(text: HeadingText, name: string): boolean {
  if (!text.norm.startsWith(name)) return false;
  const end = name.length;
  if (end === text.norm.length || text.breaks.has(end)) return true;
  return !WORD_CHAR.test(text.norm[end] ?? '') || !WORD_CHAR.test(text.norm[end - 1] ?? '');
}
