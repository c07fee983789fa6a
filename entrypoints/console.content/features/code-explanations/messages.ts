import type { Lang } from '../../../../lib/i18n.ts';

/** The code control's words (the panel's are in panel-messages.ts; the entry's come with CodeExplanation). */
export const CODE_TRIGGER_MESSAGES: Record<Lang, { text: string; title: (code: number) => string }> = {
  en: { text: '?', title: (code) => `Explain error code ${code}` },
  zh: { text: '?', title: (code) => `解释错误码 ${code}` },
};
