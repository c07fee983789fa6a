import type { CoreRow } from './schema.ts';

/**
 * The UserSig codes the codec's problems map to: a small module of their own, so lib/usersig (and the
 * popup at open) can import them without loading the whole dictionary.
 */
export const USERSIG_ROWS: readonly CoreRow[] = [
  [6206, 'chat-sdk', 'im', 'usersig', 'ERR_USER_SIG_EXPIRED'],
  [7003, 'chat-sdk', 'im', 'param', 'ERR_INVALID_IDENTIFIER', 'ERR_SDK_COMM_INVALID_IDENTIFIER'],
  [70001, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', 'ACCOUNT_A2KEY_EXPIRED'],
  [70002, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_EMPTY'],
  [70003, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED'],
  [70005, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX'],
  [70009, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY'],
  [70013, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID'],
  [70014, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID'],
];
