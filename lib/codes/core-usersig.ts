import type { CoreRow } from './schema.ts';

/**
 * The account and UserSig codes: the codec's problems map to them, so they are a small module of
 * their own that lib/usersig can import without loading the whole dictionary.
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
  [70016, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND'],
  [70020, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND'],
  [70050, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_FREQ_LIMIT'],
  [70051, 'chat-server', 'im', 'account', 'ERR_SVR_ACCOUNT_BLACKLIST'],
  [70052, 'chat-server', 'im', 'usersig', 'ERR_SVR_ACCOUNT_INVALID_USERSIG'],
  [70107, 'chat-server', 'im', 'account', 'ERR_SVR_ACCOUNT_NOT_FOUND'],
  [70114, 'chat-server', 'im', 'account', 'ERR_SVR_ACCOUNT_SEC_RSTR'],
  [70169, 'chat-server', 'im', 'internal', 'ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT'],
  [70206, 'chat-server', 'im', 'param', 'ERR_SVR_ACCOUNT_INVALID_COUNT'],
  [70398, 'chat-server', 'im', 'billing', 'ERR_SVR_ACCOUNT_COUNT_LIMIT'],
  [70402, 'chat-server', 'im', 'param', 'ERR_SVR_ACCOUNT_INVALID_PARAMETERS'],
  [70403, 'chat-server', 'im', 'permission', 'ERR_SVR_ACCOUNT_ADMIN_REQUIRED'],
  [70500, 'chat-server', 'im', 'internal', 'ERR_SVR_ACCOUNT_INTERNAL_ERROR'],
];
