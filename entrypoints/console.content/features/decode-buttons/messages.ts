import type { Lang } from '../../../lib/i18n.ts';

/** The few words the always-loaded part of the content script shows; panels bring their own. */
export const CORE_MESSAGES: Record<Lang, { decode: string; decodeTitle: (summary: string) => string }> = {
  en: { decode: 'Decode', decodeTitle: (summary) => `Decode this UserSig: ${summary}` },
  zh: { decode: '解码', decodeTitle: (summary) => `解码此 UserSig：${summary}` },
};
