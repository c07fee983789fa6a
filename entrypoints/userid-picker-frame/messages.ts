import type { Lang } from '../../lib/i18n.ts';
import { PICKER_TRIGGER_MESSAGES } from '../console.content/features/userid-picker/messages.ts';

/** Strings of the saved-UserID picker's frame: its list, filter and save form (zh follows the console). */
const en = {
  close: 'Close',
  filterLabel: 'Filter saved UserIDs',
  filterPlaceholder: 'Type to filter (UserID, label, note)',
  listLabel: 'Saved UserIDs',
  groupApp: (id: number) => `This app (${id})`,
  groupAny: 'Any app',
  loading: 'Loading…',
  empty: 'No saved UserIDs yet. Type a UserID in the field and save it below.',
  noMatch: 'No saved UserID matches.',
  more: (n: number) => `${n} more: type to narrow the list`,
  count: (shown: number, total: number) => (shown === total ? `${total} saved` : `${shown} of ${total}`),
  recent: 'recently used',
  filled: (id: string) => `Filled in ${id}`,
  saveTitle: 'Save the UserID in the field',
  saveButton: (id: string) => `Save “${id}”`,
  saveEmpty: 'Type a UserID in the field to save it',
  labelField: 'Label (optional)',
  noteField: 'Note (optional)',
  scopeField: 'Save for',
  scopeApp: (id: number) => `This app (${id})`,
  scopeAny: 'Any app',
  saved: (id: string) => `Saved ${id}`,
  updated: (id: string) => `Updated ${id}`,
  unchanged: (id: string) => `${id} is already saved`,
  fieldChanged: 'The field changed after the picker opened: nothing was saved. Open the picker again to save the new value.',
  keysHelp: '↑ ↓ choose · Enter fill in · Esc close',
};

const zh: typeof en = {
  close: '关闭',
  filterLabel: '筛选已保存的 UserID',
  filterPlaceholder: '输入以筛选（UserID、备注名、说明）',
  listLabel: '已保存的 UserID',
  groupApp: (id) => `当前应用（${id}）`,
  groupAny: '任意应用',
  loading: '加载中…',
  empty: '还没有保存的 UserID。在输入框中填写 UserID 后，可在下方保存。',
  noMatch: '没有匹配的 UserID。',
  more: (n) => `还有 ${n} 个：继续输入以缩小范围`,
  count: (shown, total) => (shown === total ? `共 ${total} 个` : `${shown} / ${total}`),
  recent: '最近使用',
  filled: (id) => `已填入 ${id}`,
  saveTitle: '保存输入框中的 UserID',
  saveButton: (id) => `保存“${id}”`,
  saveEmpty: '在输入框中填写 UserID 后即可保存',
  labelField: '备注名（可选）',
  noteField: '说明（可选）',
  scopeField: '保存到',
  scopeApp: (id) => `当前应用（${id}）`,
  scopeAny: '任意应用',
  saved: (id) => `已保存 ${id}`,
  updated: (id) => `已更新 ${id}`,
  unchanged: (id) => `${id} 已保存过`,
  fieldChanged: '打开选择器后输入框的内容已变化，未保存。请重新打开选择器后再保存。',
  keysHelp: '↑ ↓ 选择 · Enter 填入 · Esc 关闭',
};

export type PickerMessages = typeof en & (typeof PICKER_TRIGGER_MESSAGES)['en'];
export const PICKER_MESSAGES: Record<Lang, PickerMessages> = {
  zh: { ...PICKER_TRIGGER_MESSAGES.zh, ...zh },
  en: { ...PICKER_TRIGGER_MESSAGES.en, ...en },
};
