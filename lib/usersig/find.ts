export interface FoundUserSig {
  /** The token text as it stands. */
  text: string;
  /** Offset of its first character. */
  index: number;
  /** Offset just past its last character. */
  end: number;
}

/**
 * Longest run of token characters looked at as one token. Real UserSigs and PrivateMapKeys stay
 * under 1,000 characters; a longer run is skipped in the same single pass, so no decoder is ever
 * handed a page-sized blob.
 */
export const MAX_USERSIG_LENGTH = 16_384;

/** Shortest token: a zlib header (`eA`, `eF`, `eJ`, `eN` in base64) and 38 more characters. */
export const MIN_USERSIG_LENGTH = 40;

const EQ = 0x3d;
const UNDERSCORE = 0x5f;
const LOWER_E = 0x65;

/** Both alphabets' characters, Tencent's `*-_` and standard `+/`; `=` padding is apart. */
export function isTokenChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2a || c === 0x2d || c === UNDERSCORE || c === 0x2b || c === 0x2f;
}

/** `A`, `F`, `J`, `N`: the second base64 character of a zlib header. */
const isZlibSecond = (c: number) => c === 0x41 || c === 0x46 || c === 0x4a || c === 0x4e;

/**
 * Every UserSig-shaped substring of free text (logs, pasted JSON, a page), with its position.
 *
 * One pass over maximal runs of token characters, so linear on any input. A token starts at the
 * start of a run, or just after a `_` (Tencent padding of something before it), with a zlib header;
 * it runs to the end of the run, and may end in one or two `=`. A run followed by more `=`, or by
 * `=` and more token characters, is no token: a match never starts or ends inside a longer word.
 */
export function findUserSigs(text: string): FoundUserSig[] {
  if (typeof text !== 'string') return [];
  const found: FoundUserSig[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    let start = -1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isTokenChar(c)) break;
      if (start < 0 && c === LOWER_E && (i === runStart || text.charCodeAt(i - 1) === UNDERSCORE) && isZlibSecond(text.charCodeAt(i + 1))) start = i;
    }
    const runEnd = i;
    while (i < n && text.charCodeAt(i) === EQ) i++;
    const padding = i - runEnd;
    if (start < 0 || padding > 2 || (i < n && isTokenChar(text.charCodeAt(i)))) continue;
    const length = runEnd - start;
    if (length < MIN_USERSIG_LENGTH || length > MAX_USERSIG_LENGTH) continue;
    found.push({ text: text.slice(start, i), index: start, end: i });
  }
  return found;
}
