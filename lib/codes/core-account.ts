import type { CoreRow } from './schema.ts';

/** The other account codes (70xxx) that lib/usersig's SERVER_CODES lists beside the UserSig codes. */
export const ACCOUNT_ROWS: readonly CoreRow[] = [
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
