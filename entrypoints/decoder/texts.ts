import type { Lang } from '../../lib/i18n.ts';

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

export const TEXTS = {
  en: {
    title: 'Decode a big log',
    paste: 'Paste a log, JSON or any text',
    file: 'Or open a log file',
    loaded: (n: number) => `${fmt(n, 'en')} characters loaded`,
    searching: (n: number) => `Searching… ${fmt(n, 'en')} UserSigs found so far`,
    done: (n: number) => `${fmt(n, 'en')} UserSigs found`,
    list: 'UserSigs found',
    token: (n: number) => `UserSig ${fmt(n, 'en')}`,
    at: (n: number) => `at character ${fmt(n, 'en')}`,
    choose: 'Choose a UserSig in the list to see it decoded.',
    unreadable: (name: string) => `“${name}” could not be read as text (moved, deleted or not allowed). Choose it again or paste its text.`,
  },
  zh: {
    title: '解码大日志',
    paste: '粘贴日志、JSON 或任意文本',
    file: '或打开日志文件',
    loaded: (n: number) => `已载入 ${fmt(n, 'zh')} 个字符`,
    searching: (n: number) => `正在查找… 已找到 ${fmt(n, 'zh')} 个 UserSig`,
    done: (n: number) => `找到 ${fmt(n, 'zh')} 个 UserSig`,
    list: '找到的 UserSig',
    token: (n: number) => `UserSig ${fmt(n, 'zh')}`,
    at: (n: number) => `位于第 ${fmt(n, 'zh')} 个字符`,
    choose: '在列表中选择一个 UserSig 查看解码结果。',
    unreadable: (name: string) => `无法以文本读取“${name}”（已移动、已删除或无权读取）。请重新选择，或粘贴其文本。`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
