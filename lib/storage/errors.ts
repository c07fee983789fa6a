/**
 * Error codes of the storage layer. Messages are codes plus params so the UI can word them in
 * Chinese or English (see messages.ts). Part of the public contract: extend, never rename.
 */
export const STORAGE_ERROR_CODES = [
  // a single field
  'userid-empty',
  'userid-too-long',
  'label-too-long',
  'note-too-long',
  'sdkappid-invalid',
  'value-not-text',
  'value-invalid',
  // operations
  'entry-not-found',
  'userid-exists',
  'list-newer-version',
  'write-conflict',
  'storage-read-failed',
  'storage-write-failed',
  // storage.sync quotas
  'sync-item-too-large',
  'sync-total-too-large',
  'sync-too-many-items',
  // what was found in storage and set aside
  'stored-value-invalid',
  'stored-duplicate-userid',
  'legacy-migration-failed',
  // imports
  'import-too-large',
  'import-too-many-entries',
  'import-empty',
  'import-unreadable',
  'json-syntax',
  'json-wrong-format',
  'json-unsupported-version',
  'json-invalid-structure',
  'json-invalid-entry',
  'csv-bad-header',
  'csv-unterminated-quote',
  'csv-stray-quote',
  'csv-field-count',
  'csv-invalid-entry',
] as const;

export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

export type ErrorParams = Readonly<Record<string, string | number>>;

export interface StorageError {
  readonly code: StorageErrorCode;
  readonly params: ErrorParams;
  /** The finer reason, e.g. `userid-too-long` inside `csv-invalid-entry` at a line. */
  readonly cause?: StorageError;
}

export function storageError(code: StorageErrorCode, params: ErrorParams = {}, cause?: StorageError): StorageError {
  return cause ? { code, params, cause } : { code, params };
}

/** For messages from caught exceptions (browser storage rejects with Error or a string). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return typeof thrown === 'string' ? thrown : 'unknown error';
}
