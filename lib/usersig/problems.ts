// Problem and warning texts in both languages, and the server codes problems map to. Importing
// this module registers Chinese too; a page that needs only one language at a time imports
// problem-texts.ts and loads problem-texts-zh.ts when it must.
import './problem-texts-zh.ts';
import type { ProblemCode } from './types.ts';

export { describeProblem, describeProblemServerCode, describeWarning, hasTexts, type ProblemText } from './problem-texts.ts';
export { formatDuration } from './duration.ts';
export { SERVER_CODES, describeServerCode } from './server-codes.ts';

/** The server code each problem produces (70002 for an empty token is set where it is found). */
export const PROBLEM_SERVER_CODES: Record<ProblemCode, number> = {
  'malformed-token': 70003,
  'decompress-failed': 70003,
  'decompressed-too-large': 70003,
  'json-invalid': 70003,
  'schema-invalid': 70005,
  'unsupported-version': 70005,
  'signature-mismatch': 70009,
  expired: 70001,
  'identifier-mismatch': 70013,
  'sdkappid-mismatch': 70014,
};
