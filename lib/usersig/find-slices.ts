import { findUserSigs, TOKEN_CHAR, type FoundUserSig } from './find.ts';

/**
 * `findUserSigs` over a big text in slices of about `sliceChars`, for a caller that shows results
 * as they come and yields between slices. A slice ends just before a character that is neither a
 * token character nor `=`, so no token is ever cut; the batches together equal `findUserSigs(text)`.
 */
export function* findUserSigsInSlices(text: string, sliceChars = 1 << 18): Generator<FoundUserSig[]> {
  if (typeof text !== 'string') return;
  const size = Math.max(1, Math.floor(sliceChars));
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    while (end < text.length && (TOKEN_CHAR.test(text[end]!) || text[end] === '=')) end++;
    const offset = start;
    yield findUserSigs(text.slice(start, end)).map((f) => ({ text: f.text, index: f.index + offset, end: f.end + offset }));
    start = end;
  }
}
