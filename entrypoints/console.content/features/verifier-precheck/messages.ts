import type { Lang } from '../../../../lib/i18n.ts';

/** The pre-check's words (they come with the console UI bundle, which renders the panel). */
export const PRECHECK_MESSAGES: Record<Lang, { precheckTitle: string; precheckHint: string; precheckEmpty: string; precheckPass: string }> = {
  en: {
    precheckTitle: 'Local pre-check (no key needed)',
    precheckHint: 'Checked in your browser against the UserID and SDKAppID on this page, before the console verifies it.',
    precheckEmpty: 'Paste a UserSig to pre-check it.',
    precheckPass: 'No problem found locally. The console checks the signature.',
  },
  zh: {
    precheckTitle: '本地预检（无需密钥）',
    precheckHint: '在校验前，用本页填写的 UserID 和 SDKAppID 在浏览器本地检查。',
    precheckEmpty: '粘贴 UserSig 后自动预检。',
    precheckPass: '本地未发现问题，签名由控制台校验。',
  },
};
