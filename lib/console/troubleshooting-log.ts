// Self-service troubleshooting logs (自助排障日志): filters → result table (up to thousands of rows).
import type * as z from 'zod/mini';
import { displayedValue } from './dom.ts';
import { findButton, findControl } from './fields.ts';
import type { Reading } from './reading.ts';
import { LOG_COLUMNS, LOG_MIN_COLUMNS } from './log-columns.ts';
import { readTable } from './table.ts';
import { normalizeLabel } from './text.ts';
import { ErrorCodeSchema, LongTextSchema, ShortTextSchema, UserIdSchema, accept, acceptIntText } from './values.ts';

import type { LogEvent } from './enums.ts';

export { LOG_EVENTS, type LogEvent } from './enums.ts';

export interface LogFilters {
  /** The event as shown, e.g. "登录". */
  eventLabel?: string;
  event?: LogEvent;
  userId?: string;
  peerId?: string;
  errorCode?: number;
  /** The time range as shown, e.g. "2026-11-19 10:00:00 ~ 2026-11-22 10:00:00". */
  timeRange?: string;
}

export interface LogRow {
  time: string;
  eventLabel: string;
  event?: LogEvent;
  userId?: string;
  peerId?: string;
  errorCode?: number;
  errorInfo?: string;
  /** The request detail cell (may contain a UserSig for login events). */
  detail?: string;
}

export interface TroubleshootingLogSnapshot {
  filters: LogFilters;
  /** Absent when no result table can be read; [] for an empty result. */
  rows?: LogRow[];
  /** Rows present on the page but dropped as invalid. */
  skippedRows: number;
}

export interface TroubleshootingLogLocators {
  eventSelect?: Element;
  userIdInput?: Element;
  peerIdInput?: Element;
  errorCodeInput?: Element;
  timeRange?: Element;
  queryButton?: HTMLElement;
}

const FILTERS = {
  event: ['事件名', '事件', 'Event name', 'Event'],
  userId: ['用户ID', '用户 ID', 'UserID', 'User ID'],
  peerId: ['接收方/群 ID', '接收方/群ID', '接收方/群组 ID', 'Receiver/Group ID', 'Receiver/Group'],
  errorCode: ['错误码', 'Error code'],
  timeRange: ['时间范围', 'Time range'],
};

const COLUMNS = LOG_COLUMNS;

const EVENT_WORDS = new Map<string, LogEvent>(
  (
    [
      ['全部', 'all'],
      ['All', 'all'],
      ['登录', 'login'],
      ['Login', 'login'],
      ['发单聊消息', 'c2c-message'],
      ['Send one-to-one message', 'c2c-message'],
      ['发群消息', 'group-message'],
      ['Send group message', 'group-message'],
      ['离线推送', 'offline-push'],
      ['Offline push', 'offline-push'],
    ] as const
  ).map(([label, id]) => [normalizeLabel(label), id]),
);

export function logEventOf(label: string): LogEvent | undefined {
  return EVENT_WORDS.get(normalizeLabel(label));
}

const EMPTY = new Set(['', '-', '--', '—']);

function optionalText<T>(schema: z.ZodMiniType<T>, text: string | undefined): T | undefined {
  return text === undefined || EMPTY.has(text) ? undefined : accept(schema, text);
}

export function locateTroubleshootingLog(root: Element): TroubleshootingLogLocators {
  return {
    eventSelect: findControl(root, FILTERS.event),
    userIdInput: findControl(root, FILTERS.userId),
    peerIdInput: findControl(root, FILTERS.peerId),
    errorCodeInput: findControl(root, FILTERS.errorCode),
    timeRange: findControl(root, FILTERS.timeRange),
    queryButton: findButton(root, ['查询', 'Query', 'Search']),
  };
}

/** A date range drawn as two inputs (TEA's RangePicker) reads as "start ~ end". */
function rangeText(control: Element): string {
  const inputs = control.tagName === 'INPUT' ? control.parentElement?.querySelectorAll('input') : undefined;
  if (!inputs || inputs.length < 2) return displayedValue(control);
  return [...inputs].map(displayedValue).filter(Boolean).join(' ~ ');
}

function readFilters(at: TroubleshootingLogLocators, missing: string[]): LogFilters {
  const filters: LogFilters = {};
  if (!at.eventSelect) missing.push('eventSelect');
  else {
    const eventLabel = optionalText(ShortTextSchema, displayedValue(at.eventSelect));
    if (eventLabel) {
      filters.eventLabel = eventLabel;
      const event = logEventOf(eventLabel);
      if (event) filters.event = event;
    }
  }
  if (!at.userIdInput) missing.push('userIdInput');
  else {
    const userId = optionalText(UserIdSchema, displayedValue(at.userIdInput));
    if (userId) filters.userId = userId;
  }
  if (!at.peerIdInput) missing.push('peerIdInput');
  else {
    const peerId = optionalText(UserIdSchema, displayedValue(at.peerIdInput));
    if (peerId) filters.peerId = peerId;
  }
  if (!at.errorCodeInput) missing.push('errorCodeInput');
  else {
    const errorCode = acceptIntText(ErrorCodeSchema, displayedValue(at.errorCodeInput));
    if (errorCode !== undefined) filters.errorCode = errorCode;
  }
  if (!at.timeRange) missing.push('timeRange');
  else {
    const timeRange = optionalText(ShortTextSchema, rangeText(at.timeRange));
    if (timeRange) filters.timeRange = timeRange;
  }
  if (!at.queryButton) missing.push('queryButton');
  return filters;
}

function toRow(cells: Partial<Record<keyof typeof COLUMNS, string>>): LogRow | undefined {
  const time = optionalText(ShortTextSchema, cells.time);
  const eventLabel = optionalText(ShortTextSchema, cells.event);
  if (!time || !eventLabel) return undefined;
  const row: LogRow = { time, eventLabel };
  const event = logEventOf(eventLabel);
  if (event) row.event = event;
  const userId = optionalText(UserIdSchema, cells.userId);
  if (userId) row.userId = userId;
  const peerId = optionalText(UserIdSchema, cells.peerId);
  if (peerId) row.peerId = peerId;
  const errorCode = acceptIntText(ErrorCodeSchema, cells.errorCode);
  if (errorCode !== undefined) row.errorCode = errorCode;
  const errorInfo = optionalText(LongTextSchema, cells.errorInfo);
  if (errorInfo) row.errorInfo = errorInfo;
  const detail = optionalText(LongTextSchema, cells.detail);
  if (detail) row.detail = detail;
  return row;
}

export function readTroubleshootingLog(root: Element): Reading<TroubleshootingLogSnapshot> {
  const missing: string[] = [];
  const filters = readFilters(locateTroubleshootingLog(root), missing);
  const table = readTable(root, COLUMNS, LOG_MIN_COLUMNS);
  if (!table) {
    // No table yet (TEA's console shows it after the first query) is not a markup change; a table we cannot read is.
    if (root.querySelector('table, [role="grid"], [role="table"]')) missing.push('resultTable');
    return { data: { filters, skippedRows: 0 }, missing };
  }
  const rows: LogRow[] = [];
  let skippedRows = 0;
  for (const cells of table.rows) {
    const row = toRow(cells);
    if (row) rows.push(row);
    else skippedRows++;
  }
  return { data: { filters, rows, skippedRows }, missing };
}
