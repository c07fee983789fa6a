import { useLayoutEffect, useState } from 'preact/hooks';
import { decodeUserSig } from '../../lib/usersig/decode.ts';
import { findUserSigs } from '../../lib/usersig/find.ts';
import type { DecodeResult } from '../../lib/usersig/types.ts';

export interface DecodedEntry {
  text: string;
  index: number;
  result: DecodeResult;
}

/**
 * What the pasted text holds: one token (decoded whole, so a damaged one gets its exact error)
 * or every UserSig found in a log or JSON blob.
 */
export function tokensIn(text: string): Array<{ text: string; index: number }> {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!/\s/.test(trimmed) || trimmed.startsWith('{"TLS.')) return [{ text: trimmed, index: text.indexOf(trimmed) }];
  const found = findUserSigs(text);
  return found.length > 0 ? found.map((f) => ({ text: f.text, index: f.index })) : [];
}

export function useDecoded(text: string): { entries: DecodedEntry[]; pending: boolean } {
  const [state, setState] = useState<{ for: string; entries: DecodedEntry[] }>({ for: '', entries: [] });
  // Layout effect: start decoding in the same task as the paste, not after the next paint.
  useLayoutEffect(() => {
    let current = true;
    const tokens = tokensIn(text);
    Promise.all(tokens.map(async (t) => ({ ...t, result: await decodeUserSig(t.text) }))).then((entries) => {
      if (current) setState({ for: text, entries });
    });
    return () => {
      current = false;
    };
  }, [text]);
  return { entries: state.for === text ? state.entries : [], pending: state.for !== text };
}
