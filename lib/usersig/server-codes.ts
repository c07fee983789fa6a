import type { Localized } from '../i18n.ts';

/** IM account and UserSig error codes (TIMCloudDef.h, the IM error-code pages); † = our translation. */
export const SERVER_CODES: Record<number, { constant: string; zh: string; en: string }> = {
  6206: { constant: 'ERR_USER_SIG_EXPIRED', zh: 'UserSig 过期，请重新获取有效的 UserSig 后再重新登录', en: 'UserSig expired; get a valid UserSig and log in again' },
  7003: { constant: 'ERR_INVALID_IDENTIFIER', zh: 'UserID 不合法：只能包含可打印 ASCII 字符，最长 32 字节', en: 'Invalid UserID: printable ASCII only, at most 32 bytes' },
  70001: { constant: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', zh: 'UserSig 已过期，请重新生成 UserSig，建议 UserSig 有效期不小于24小时', en: 'userSig has expired. Please generate again.' },
  70002: { constant: 'ERR_SVR_ACCOUNT_USERSIG_EMPTY', zh: 'UserSig 长度为0', en: 'The length of userSig is 0' },
  70003: { constant: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED', zh: 'UserSig 校验失败，请确认 UserSig 内容是否被截断', en: 'userSig verification failed; check whether it was truncated' },
  70005: { constant: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX', zh: 'UserSig 校验失败，可用工具自行验证生成的 UserSig 是否正确', en: 'UserSig check failed; verify it with the console tool' },
  70009: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY', zh: 'UserSig 验证失败，可能是用其他 SDKAppID 的密钥生成的', en: 'UserSig verification failed; it may have been generated with the key of another SDKAppID' },
  70013: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID', zh: '请求的 Identifier 与生成 UserSig 的 Identifier 不匹配', en: 'The requested UserID does not match the UserSig' },
  70014: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID', zh: '请求的 SDKAppID 与生成 UserSig 的 SDKAppID 不匹配', en: 'The SDKAppID in the request does not match the UserSig' },
  70016: { constant: 'ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND', zh: '密钥/公钥不存在，请检查 SDKAppID 和访问的 IM 数据中心是否一致', en: 'Key not found; check the SDKAppID and the data centre' },
  70020: { constant: 'ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', zh: 'SDKAppID 不存在，请检查 SDKAppID 和访问的 IM 数据中心是否一致', en: 'SDKAppID not found; check the SDKAppID and the data centre' },
  70050: { constant: 'ERR_SVR_ACCOUNT_FREQ_LIMIT', zh: '因失败且重试次数过多导致被限制，请检查 UserSig 是否正确，一分钟之后再试', en: 'Too many failed attempts; check the UserSig and retry after a minute' },
  70051: { constant: 'ERR_SVR_ACCOUNT_BLACKLIST', zh: '帐号被拉入黑名单', en: 'The account is blocklisted' },
  70052: { constant: 'ERR_SVR_ACCOUNT_INVALID_USERSIG', zh: 'UserSig 已经失效，请重新生成，再次尝试', en: 'The UserSig has been invalidated; regenerate it and retry' },
  70107: { constant: 'ERR_SVR_ACCOUNT_NOT_FOUND', zh: '请求的用户帐号不存在', en: 'The requested user account does not exist' },
  70169: { constant: 'ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT', zh: '服务端内部超时，请重试', en: 'An internal server timeout occurred; retry' },
  70398: { constant: 'ERR_SVR_ACCOUNT_COUNT_LIMIT', zh: '创建帐号数量超过免费体验版数量限制，请升级为专业版', en: 'Account count exceeds the free-trial limit; upgrade' },
  70402: { constant: 'ERR_SVR_ACCOUNT_INVALID_PARAMETERS', zh: '参数非法，请检查必填字段是否填充，或者字段的填充是否满足协议要求', en: 'Invalid parameters; check the required fields' },
  70403: { constant: 'ERR_SVR_ACCOUNT_ADMIN_REQUIRED', zh: '请求需要 App 管理员权限', en: 'The request needs the App administrator' },
  70500: { constant: 'ERR_SVR_ACCOUNT_INTERNAL_ERROR', zh: '服务端内部错误，请重试', en: 'Internal server error; retry' },
};

export function describeServerCode(code: number): (Localized & { constant: string }) | undefined {
  return SERVER_CODES[code];
}
