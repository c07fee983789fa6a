import type { ProblemCode } from './types.ts';

/** The SDK constants of the UserSig codes: the error-code dictionary (lib/codes) is their one source. */
export { USERSIG_CONSTANTS as PROBLEM_SERVER_CONSTANTS } from '../codes/core-usersig.ts';

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
