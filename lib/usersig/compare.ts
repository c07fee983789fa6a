import type { Assessment } from './assess.ts';
import type { DecodedToken } from './types.ts';

export type CompareField =
  | 'sdkAppId'
  | 'identifier'
  | 'time'
  | 'expire'
  | 'expiresAt'
  | 'version'
  | 'alphabet'
  | 'sig'
  | 'room'
  | 'privileges';

export interface CompareRow {
  field: CompareField;
  /** The field's value in each token; undefined where the token has none (or did not decode). */
  values: [a: string | number | undefined, b: string | number | undefined];
  differs: boolean;
}

/**
 * What the server would say to a token: `rejects` (a problem found, the token's problems say
 * why); `accepts` (the signature checked with the key, nothing wrong); `unchecked` (no key:
 * nothing wrong found without one, but a token signed with another key is still refused, 70009).
 */
export type ServerVerdict = 'accepts' | 'rejects' | 'unchecked';

export interface Comparison {
  rows: CompareRow[];
  server: [ServerVerdict, ServerVerdict];
}

function serverVerdict(a: Assessment): ServerVerdict {
  if (a.problems.length > 0) return 'rejects';
  return a.keyed ? 'accepts' : 'unchecked';
}

function valueOf(token: DecodedToken | undefined, field: CompareField): string | number | undefined {
  if (!token) return undefined;
  switch (field) {
    case 'room':
      return token.userbuf ? (token.userbuf.version === 1 ? (token.userbuf.roomStr ?? '') : token.userbuf.roomId) : undefined;
    case 'privileges':
      return token.userbuf?.privileges;
    default:
      return token[field];
  }
}

const FIELDS: readonly CompareField[] = ['sdkAppId', 'identifier', 'time', 'expire', 'expiresAt', 'version', 'alphabet', 'sig', 'room', 'privileges'];

/** Two judged tokens field by field, as the server sees them (assess() is the judgement). */
export function compareTokens(a: Assessment, b: Assessment): Comparison {
  const rows = FIELDS.map((field): CompareRow => {
    const values: CompareRow['values'] = [valueOf(a.token, field), valueOf(b.token, field)];
    return { field, values, differs: values[0] !== values[1] };
  }).filter((row) => row.values[0] !== undefined || row.values[1] !== undefined);
  return { rows, server: [serverVerdict(a), serverVerdict(b)] };
}
