import type { Localized } from '../i18n.ts';
import { PROBLEM_SERVER_CONSTANTS } from './problem-server-codes.ts';
import { EN_TEXTS } from './problem-texts-en.ts';
import { ZH_TEXTS } from './problem-texts-zh.ts';

export type ServerCodeInfo = Localized & { constant: string };

const problemCodes: Record<number, ServerCodeInfo> = Object.fromEntries(
  Object.entries(PROBLEM_SERVER_CONSTANTS).map(([code, constant]) => [
    code,
    { constant, en: EN_TEXTS.serverCodes[Number(code)] ?? '', zh: ZH_TEXTS.serverCodes[Number(code)] ?? '' },
  ]),
);

/**
 * IM account and UserSig error codes (TIMCloudDef.h, the IM error-code pages); † = our translation.
 * The codes our problems produce have their wording with the problem texts of each language.
 */
export const SERVER_CODES: Record<number, ServerCodeInfo> = {
  ...problemCodes,
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

export function describeServerCode(code: number): ServerCodeInfo | undefined {
  return SERVER_CODES[code];
}
