// UI strings of the "Copy diagnostics" panel, loaded with the console UI (the trigger's are in
// trigger-messages.ts, the report's own words in lib/diagnostics/labels.ts).
import type { Lang } from '../../../../lib/i18n.ts';
import type { ReportFormat } from '../../../../lib/diagnostics/render.ts';

export interface CopiedInfo {
  tool: string;
  format: ReportFormat;
  masked: boolean;
  /** Log rows in the copy (troubleshooting logs only). */
  rows?: number;
  chars: number;
}

const en = {
  panelTitle: (tool: string) => `Diagnostics: ${tool}`,
  format: 'Format',
  formats: { markdown: 'Markdown', text: 'Text', json: 'JSON', csv: 'CSV' } satisfies Record<ReportFormat, string>,
  includeTokens: 'Include tokens in full',
  includeTokensHelp: 'Off: device tokens and UserSigs are shortened to their first and last characters. A key is never included.',
  fullWarning: 'The copy contains full device tokens and UserSigs: share it only with people you trust.',
  partial: (n: number) => `Partial report: ${n} part${n === 1 ? '' : 's'} not captured (listed in the report).`,
  complete: 'Everything the tool shows is in the report.',
  preview: 'Preview',
  previewMore: (n: number) => `… ${n.toLocaleString('en')} more line${n === 1 ? '' : 's'} in the copy`,
  copy: 'Copy',
  recapture: 'Capture again',
  close: 'Close',
  capturing: 'Reading the page…',
  captureFailed: 'Could not read this tool. The console still works; try again after the page has finished loading.',
  copied: (c: CopiedInfo) =>
    `Copied ${c.rows !== undefined ? `${c.rows.toLocaleString('en')} log row${c.rows === 1 ? '' : 's'} of the ${c.tool}` : `the ${c.tool} report`} as ${en.formats[c.format]}, ${c.masked ? 'tokens masked' : 'tokens in full'} (${c.chars.toLocaleString('en')} characters).`,
  copyFailed: 'Could not copy to the clipboard: select the preview and copy it by hand.',
};

export type DiagnosticsMessages = typeof en;

const zh: DiagnosticsMessages = {
  panelTitle: (tool) => `诊断信息：${tool}`,
  format: '格式',
  formats: { markdown: 'Markdown', text: '纯文本', json: 'JSON', csv: 'CSV' },
  includeTokens: '完整包含 Token',
  includeTokensHelp: '关闭时，设备 Token 和 UserSig 只保留首尾字符。报告从不包含密钥。',
  fullWarning: '复制内容包含完整的设备 Token 和 UserSig：请只发给可信任的人。',
  partial: (n) => `部分报告：有 ${n} 项未采集到（报告中已列出）。`,
  complete: '工具显示的内容已全部包含在报告中。',
  preview: '预览',
  previewMore: (n) => `…… 复制内容中还有 ${n} 行`,
  copy: '复制',
  recapture: '重新采集',
  close: '关闭',
  capturing: '正在读取页面……',
  captureFailed: '无法读取该工具。控制台不受影响；请在页面加载完成后重试。',
  copied: (c) =>
    `已复制${c.rows !== undefined ? `${c.tool}的 ${c.rows} 条日志` : `${c.tool}的诊断报告`}（${zh.formats[c.format]}，${c.masked ? 'Token 已掩码' : 'Token 完整'}，共 ${c.chars} 个字符）。`,
  copyFailed: '无法写入剪贴板：请选中预览内容手动复制。',
};

export const DIAGNOSTICS_MESSAGES: Record<Lang, DiagnosticsMessages> = { zh, en };
