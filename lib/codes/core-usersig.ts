/**
 * The constants of the UserSig codes the codec's problems map to: a small module of their own, so
 * lib/usersig (and the popup at open) can import them without the dictionary, whose rows for these
 * codes (data-core.ts) are built from them.
 */
export const USERSIG_CONSTANTS: Record<number, string> = {
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
