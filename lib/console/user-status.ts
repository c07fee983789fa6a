// User client status checker (用户状态检查工具): UserID → status, client type, verdict.
import { findButton, readLabelledText } from './fields.ts';
import { findResultBox, messageBoxes } from './result-box.ts';
import type { Reading } from './reading.ts';
import { containsAny, normalizeLabel } from './text.ts';
import { findUserIdInputs } from './user-id-inputs.ts';
import { LongTextSchema, ShortTextSchema, UserIdSchema, accept } from './values.ts';
import { spacedText, textOf } from './dom.ts';

import type { ClientStatus } from './enums.ts';

export { CLIENT_STATUSES, type ClientStatus } from './enums.ts';

export interface UserStatusSnapshot {
  userId?: string;
  status?: ClientStatus;
  /** The status as the console wrote it, e.g. "推送在线". */
  statusLabel?: string;
  clientType?: string;
  sdkVersion?: string;
  lastLoginTime?: string;
  /** The console's conclusion text (also shown when the UserID is unknown). */
  conclusion?: string;
  /** Whether the conclusion says the user can receive offline pushes; absent when it says neither. */
  canReceivePush?: boolean;
}

export interface UserStatusLocators {
  userIdInput?: HTMLInputElement;
  getStatusButton?: HTMLElement;
  conclusion?: Element;
}

const TEXT = {
  getStatus: ['获取状态', 'Get status'],
  status: ['当前状态', '状态', 'Current status', 'Status'],
  clientType: ['客户端类型', '登录的客户端类型', 'Client type', 'Client'],
  sdkVersion: ['SDK 版本', 'SDK version'],
  lastLogin: ['最近登录时间', '最后登录时间', '登录时间', 'Last login time', 'Last login'],
  conclusion: ['检查结论', '检查结果', '结论', 'Conclusion', 'Result', 'Check result'],
  canReceivePush: [
    '是否可接收离线推送',
    '是否可以接收离线推送',
    '能否接收离线推送',
    '可接收离线推送',
    'Can receive offline push',
    'Can receive offline push notifications',
    'Ready to receive offline push',
  ],
};

const YES = new Set(['是', '可以', '能', '可接收', 'yes', 'true', 'y']);
const NO = new Set(['否', '不可以', '不能', '不可接收', 'no', 'false', 'n']);

/** A yes/no answer as the console writes it ("是", "Yes"), or a sentence saying it. */
function yesNoOf(text: string): boolean | undefined {
  const norm = normalizeLabel(text).replace(/[.。!！]+$/, '');
  if (YES.has(norm)) return true;
  if (NO.has(norm)) return false;
  return canReceivePushFrom(text);
}

const STATUS_WORDS = new Map<string, ClientStatus>([
  ['在线', 'online'],
  ['online', 'online'],
  ['推送在线', 'push-online'],
  ['pushonline', 'push-online'],
  ['push-online', 'push-online'],
  ['离线', 'offline'],
  ['offline', 'offline'],
]);

const CANNOT = ['无法接收离线推送', '不能接收离线推送', '不会触发离线推送', 'cannotreceiveofflinepush', 'notreadytoreceiveofflinepush', 'noofflinepushissent'];
const CAN = ['可以接收离线推送', '可接收离线推送', 'readytoreceiveofflinepush', 'canreceiveofflinepush'];

export function statusOf(label: string): ClientStatus | undefined {
  return STATUS_WORDS.get(normalizeLabel(label));
}

export function canReceivePushFrom(conclusion: string): boolean | undefined {
  if (containsAny(conclusion, CANNOT)) return false;
  if (containsAny(conclusion, CAN)) return true;
  return undefined;
}

/** The last message box after the button (a "no login information" warning says nothing about pushes). */
function lastBoxAfter(root: Element, button: Element | undefined): Element | undefined {
  if (!button) return undefined;
  return messageBoxes(root).filter((box) => button.compareDocumentPosition(box) & 4).at(-1);
}

export function locateUserStatus(root: Element): UserStatusLocators {
  const getStatusButton = findButton(root, TEXT.getStatus);
  return {
    userIdInput: findUserIdInputs(root)[0],
    getStatusButton,
    // Labelled, or a message box that says whether offline pushes can reach the user, or what the query found.
    conclusion:
      findResultBox(root, TEXT.conclusion, (box) => canReceivePushFrom(textOf(box)) !== undefined) ?? lastBoxAfter(root, getStatusButton),
  };
}

export function readUserStatus(root: Element): Reading<UserStatusSnapshot> {
  const at = locateUserStatus(root);
  const missing: string[] = [];
  const data: UserStatusSnapshot = {};
  if (!at.userIdInput) missing.push('userIdInput');
  else {
    const userId = accept(UserIdSchema, at.userIdInput.value.trim());
    if (userId) data.userId = userId;
  }
  if (!at.getStatusButton) missing.push('getStatusButton');

  const statusLabel = accept(ShortTextSchema, readLabelledText(root, TEXT.status, 200));
  if (statusLabel) {
    data.statusLabel = statusLabel;
    const status = statusOf(statusLabel);
    if (status) data.status = status;
    else missing.push('status');
  }
  const clientType = accept(ShortTextSchema, readLabelledText(root, TEXT.clientType, 200));
  if (clientType) data.clientType = clientType;
  const sdkVersion = accept(ShortTextSchema, readLabelledText(root, TEXT.sdkVersion, 200));
  if (sdkVersion) data.sdkVersion = sdkVersion;
  const lastLoginTime = accept(ShortTextSchema, readLabelledText(root, TEXT.lastLogin, 200));
  if (lastLoginTime) data.lastLoginTime = lastLoginTime;
  const conclusion = at.conclusion ? accept(LongTextSchema, spacedText(at.conclusion)) : undefined;
  if (conclusion) data.conclusion = conclusion;
  const answer = accept(ShortTextSchema, readLabelledText(root, TEXT.canReceivePush, 200));
  const can = (answer === undefined ? undefined : yesNoOf(answer)) ?? (conclusion === undefined ? undefined : canReceivePushFrom(conclusion));
  if (can !== undefined) data.canReceivePush = can;
  return { data, missing };
}
