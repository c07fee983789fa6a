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

export interface Comparison {
  rows: CompareRow[];
  /** Per token: the server would reject it (any problem), and which problems say why. */
  rejected: [boolean, boolean];
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
  return { rows, rejected: [a.problems.length > 0, b.problems.length > 0] };
}
