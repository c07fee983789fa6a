import type { Lang } from '../../../../lib/i18n.ts';

/** The explanation panel's own words (with the console UI bundle); the entry's come with CodeExplanation. */
export const CODE_PANEL_MESSAGES: Record<Lang, { title: (code: number) => string; loading: string; failed: string; decodeRow: string; close: string }> = {
  en: { title: (code) => `Error code ${code}`, loading: 'Loading…', failed: 'The explanation could not be loaded. Reload the page to try again.', decodeRow: 'Decode this row’s UserSig', close: 'Close' },
  zh: { title: (code) => `错误码 ${code}`, loading: '加载中…', failed: '说明加载失败，请刷新页面后重试。', decodeRow: '解码此行的 UserSig', close: '关闭' },
};
