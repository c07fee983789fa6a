import type { STORAGE_MESSAGES } from './messages.ts';

/**
 * Errors of the storage layer: a code and params, so the UI can word them in Chinese or English
 * (messages.ts, where each code is defined by its texts). Codes are part of the public contract:
 * extend, never rename.
 */
export type StorageErrorCode = keyof typeof STORAGE_MESSAGES;

export interface StorageError {
  readonly code: StorageErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** The finer reason, e.g. `userid-too-long` inside `csv-invalid-entry` at a line. */
  readonly cause?: StorageError;
}

export function storageError(code: StorageErrorCode, params: StorageError['params'] = {}, cause?: StorageError): StorageError {
  return cause ? { code, params, cause } : { code, params };
}

/** For messages from caught exceptions (browser storage rejects with Error or a string). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return typeof thrown === 'string' ? thrown : 'unknown error';
}

/** Every public operation of this module returns one of these; nothing throws. */
export type Result<T, E = StorageError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E = StorageError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

