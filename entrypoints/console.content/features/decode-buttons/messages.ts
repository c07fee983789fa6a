import type { Lang } from '../../../../lib/i18n.ts';

/** The decode control's words (always loaded, so few); the decoded view brings the popup's own. */
export const DECODE_MESSAGES: Record<Lang, { decode: string; decodeTitle: (summary: string) => string; close: string }> = {
  en: { decode: 'Decode', decodeTitle: (summary) => `Decode this UserSig: ${summary}`, close: 'Close' },
  zh: { decode: '解码', decodeTitle: (summary) => `解码此 UserSig：${summary}`, close: '关闭' },
};
