import type { Lang } from '../../../../lib/i18n.ts';

/**
 * The strings the content script shows beside the console's UserID fields (zh follows the
 * console); the picker's own strings are the frame page's (entrypoints/userid-picker-frame/messages.ts).
 */
const en = {
  trigger: 'IDs',
  triggerLabel: 'Saved UserIDs: pick or save',
  title: 'Saved UserIDs',
};

const zh: typeof en = {
  trigger: 'IDs',
  triggerLabel: '已保存的 UserID：选择或保存',
  title: '已保存的 UserID',
};

export type PickerTriggerMessages = typeof en;
export const PICKER_TRIGGER_MESSAGES: Record<Lang, PickerTriggerMessages> = { zh, en };
