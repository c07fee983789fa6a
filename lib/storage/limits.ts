/** Stored UserIDs: any non-empty string up to this many UTF-16 code units (older apps have odd ones). */
export const USERID_MAX_LENGTH = 256;
export const LABEL_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 1000;

export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ENTRIES = 20_000;

/** chrome.storage.sync quotas (the same numbers in Firefox). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_MAX_ITEMS = 512;
