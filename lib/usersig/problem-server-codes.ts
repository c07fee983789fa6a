import type { Localized } from '../i18n.ts';

export type ServerCodeInfo = Localized & { constant: string };

/** The server (and SDK) codes our problems map to, with the official wording; † = our translation. */
export const PROBLEM_SERVER_CODE_TEXTS: Record<number, ServerCodeInfo> = {
  6206: { constant: 'ERR_USER_SIG_EXPIRED', zh: 'UserSig 过期，请重新获取有效的 UserSig 后再重新登录', en: 'UserSig expired; get a valid UserSig and log in again' },
  7003: { constant: 'ERR_INVALID_IDENTIFIER', zh: 'UserID 不合法：只能包含可打印 ASCII 字符，最长 32 字节', en: 'Invalid UserID: printable ASCII only, at most 32 bytes' },
  70001: { constant: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', zh: 'UserSig 已过期，请重新生成 UserSig，建议 UserSig 有效期不小于24小时', en: 'userSig has expired. Please generate again.' },
  70002: { constant: 'ERR_SVR_ACCOUNT_USERSIG_EMPTY', zh: 'UserSig 长度为0', en: 'The length of userSig is 0' },
  70003: { constant: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED', zh: 'UserSig 校验失败，请确认 UserSig 内容是否被截断', en: 'userSig verification failed; check whether it was truncated' },
  70005: { constant: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX', zh: 'UserSig 校验失败，可用工具自行验证生成的 UserSig 是否正确', en: 'UserSig check failed; verify it with the console tool' },
  70009: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY', zh: 'UserSig 验证失败，可能是用其他 SDKAppID 的密钥生成的', en: 'UserSig verification failed; it may have been generated with the key of another SDKAppID' },
  70013: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID', zh: '请求的 Identifier 与生成 UserSig 的 Identifier 不匹配', en: 'The requested UserID does not match the UserSig' },
  70014: { constant: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID', zh: '请求的 SDKAppID 与生成 UserSig 的 SDKAppID 不匹配', en: 'The SDKAppID in the request does not match the UserSig' },
};

export function describeProblemServerCode(code: number): ServerCodeInfo | undefined {
  return PROBLEM_SERVER_CODE_TEXTS[code];
}
