import { USERSIG_ROWS } from '../codes/core-usersig.ts';
import type { ProblemCode } from './types.ts';

/**
 * The SDK constants of the account and UserSig codes; the error-code dictionary (lib/codes) is
 * their one source, and texts are per language (lib/codes/usersig-texts-*.ts).
 */
export const PROBLEM_SERVER_CONSTANTS: Record<number, string> = Object.fromEntries(
  USERSIG_ROWS.filter((row) => row[4] !== undefined).map((row) => [row[0], row[4]!]),
);

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
