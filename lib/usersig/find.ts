export interface FoundUserSig {
  /** The token text as it stands. */
  text: string;
  /** Offset of its first character. */
  index: number;
  /** Offset just past its last character. */
  end: number;
}

// A zlib header (78 01 / 5E / 9C / DA) in base64 reads eA, eF, eJ or eN; real tokens run past
// 100 characters. The look-arounds keep a match from starting or ending inside a longer word.
const USERSIG = /(?<![A-Za-z0-9*\-+/])e[AFJN][A-Za-z0-9*\-_+/]{38,}(?:==?|__?)?(?![A-Za-z0-9*\-_+/=])/g;

/** Every UserSig-shaped substring of free text (logs, pasted JSON, a page), with its position. */
export function findUserSigs(text: string): FoundUserSig[] {
  if (typeof text !== 'string') return [];
  const found: FoundUserSig[] = [];
  for (const match of text.matchAll(USERSIG)) {
    found.push({ text: match[0], index: match.index, end: match.index + match[0].length });
  }
  return found;
}
