import type { Lang } from '../../../../lib/i18n.ts';

/** The trigger's words (always loaded, so few); the panel's come with the console UI bundle. */
export const CODE_TRIGGER_MESSAGES: Record<Lang, { text: string; title: (code: number) => string }> = {
  en: { text: '?', title: (code) => `Explain error code ${code}` },
  zh: { text: '?', title: (code) => `解释错误码 ${code}` },
};
