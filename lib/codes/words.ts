import type { Lang } from '../i18n.ts';

/**
 * The words around an explained error code, both languages, for the UI and the reports: they load
 * with the dictionary (never with the popup at open), and the console's bundles can show either
 * language at once.
 */
export const CODE_MESSAGES: Record<Lang, {
  codesFound: (n: number) => string;
  products: Record<string, string>;
  meaning: string;
  alsoNamed: string;
  source: string;
  unknown: (code: number) => string;
  usersigHint: string;
}> = {
  en: {
    codesFound: (n) => (n === 1 ? '1 error code found' : `${n} error codes found`),
    products: { 'chat-server': 'Chat server', 'chat-sdk': 'Chat SDK', trtc: 'TRTC' },
    meaning: 'Meaning',
    alsoNamed: 'Also named',
    source: 'Official error-code page',
    unknown: (code) => `${code}: not in the dictionary. Check the official error-code page:`,
    usersigHint: 'A UserSig or login code: paste the UserSig here to see what is wrong with it.',
  },
  zh: {
    codesFound: (n) => `找到 ${n} 个错误码`,
    products: { 'chat-server': 'Chat 服务端', 'chat-sdk': 'Chat SDK', trtc: 'TRTC' },
    meaning: '含义',
    alsoNamed: '其他名称',
    source: '官方错误码页面',
    unknown: (code) => `${code}：词典中没有这个错误码。请查看官方错误码页面：`,
    usersigHint: '这是 UserSig 或登录相关的错误码：把 UserSig 粘贴到这里，即可看到它的问题所在。',
  },
};
