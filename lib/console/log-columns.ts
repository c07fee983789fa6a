// The troubleshooting-log table's column headers, zh and en: read by the page model
// (troubleshooting-log.ts) and by the content script's code-cell finder, which must stay small.

/** The header words of each column of the log's result table. */
export const LOG_COLUMNS = {
  time: ['时间', 'Time'],
  event: ['事件名', '事件', 'Event name', 'Event'],
  userId: ['用户ID', '用户 ID', 'UserID', 'User ID'],
  peerId: ['接收方/群 ID', '接收方/群ID', 'Receiver/Group ID'],
  errorCode: ['错误码', 'Error code'],
  errorInfo: ['错误信息', 'Error information', 'Error info', 'Error message'],
  detail: ['请求详情', '详情', 'Request details', 'Details', 'Request'],
};

/** A header row names at least this many known columns before we take it for the log table. */
export const LOG_MIN_COLUMNS = 3;
