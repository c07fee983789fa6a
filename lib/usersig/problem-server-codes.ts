import type { ProblemCode } from './types.ts';

/** The SDK constants of the server (and SDK) codes our problems map to; texts are per language. */
export const PROBLEM_SERVER_CONSTANTS: Record<number, string> = {
  6206: 'ERR_USER_SIG_EXPIRED',
  7003: 'ERR_INVALID_IDENTIFIER',
  70001: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED',
  70002: 'ERR_SVR_ACCOUNT_USERSIG_EMPTY',
  70003: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED',
  70005: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX',
  70009: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY',
  70013: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID',
  70014: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID',
};

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
