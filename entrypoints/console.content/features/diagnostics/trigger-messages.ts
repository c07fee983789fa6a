// The "Copy diagnostics" trigger's strings: on every console page, so apart from the panel's.
import type { Lang } from '../../../../lib/i18n.ts';

export const DIAGNOSTICS_TRIGGER_MESSAGES: Record<Lang, { trigger: string; triggerTitle: (tool: string) => string }> = {
  en: {
    trigger: 'Copy diagnostics',
    triggerTitle: (tool) => `Copy diagnostics: what the ${tool} shows, as a report`,
  },
  zh: {
    trigger: '复制诊断信息',
    triggerTitle: (tool) => `复制诊断信息：把${tool}当前显示的内容整理成报告`,
  },
};
