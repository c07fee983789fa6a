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

/** One character of either alphabet, Tencent's `*-_` or standard `+/` (`=` padding is apart). */
export const TOKEN_CHAR = /[A-Za-z0-9*\-_+/]/;
const RUNS = new RegExp(`${TOKEN_CHAR.source}+`, 'g');
/** Where a token may start in a run: its start, or just after a `_` (Tencent padding of something before it). */
const HEADER = /(?:^|_)(?=e[AFJN])/;

/**
 * Every UserSig-shaped substring of free text (logs, pasted JSON, a page), with its position.
 *
 * One pass over maximal runs of token characters, so linear on any input. A token starts at the
 * start of a run, or just after a `_`, with a zlib header (`eA`, `eF`, `eJ`, `eN` in base64); it
 * runs to the end of the run, and may end in one or two `=`. A run followed by more `=`, or by `=`
 * and more token characters, is no token: a match never starts or ends inside a longer word.
 */
export function findUserSigs(text: string): FoundUserSig[] {
  if (typeof text !== 'string') return [];
  const found: FoundUserSig[] = [];
  for (const { 0: run, index } of text.matchAll(RUNS)) {
    const runEnd = index + run.length;
    let end = runEnd;
    while (text[end] === '=') end++;
    const header = HEADER.exec(run);
    if (!header || end - runEnd > 2 || TOKEN_CHAR.test(text.charAt(end))) continue;
    const start = header.index + (run[header.index] === '_' ? 1 : 0);
    const length = run.length - start;
    if (length >= MIN_USERSIG_LENGTH && length <= MAX_USERSIG_LENGTH) found.push({ text: text.slice(index + start, end), index: index + start, end });
  }
  return found;
}

