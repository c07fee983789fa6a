import { PROBLEM_SERVER_CODES } from './problem-server-codes.ts';
import type { Problem, ProblemCode, ProblemReason } from './types.ts';

/** Reasons the server answers with another code than their problem's. */
const REASON_SERVER_CODES: Partial<Record<ProblemReason, number>> = {
  // An empty UserSig is 70002, not a malformed one.
  empty: 70002,
  // A v1 token checked without its public key fails as a key mismatch would.
  'v1-needs-public-key': 70009,
};

/** A problem with its server code from the one table (PROBLEM_SERVER_CODES). */
export function problemOf(code: ProblemCode, details: Omit<Problem, 'code' | 'serverCode'> = {}): Problem {
  const serverCode = (details.reason && REASON_SERVER_CODES[details.reason]) ?? PROBLEM_SERVER_CODES[code];
  return { code, serverCode, ...details };
}
