import type { StorageError } from './errors.ts';

/** Every public operation of this module returns one of these; nothing throws. */
export type Result<T, E = StorageError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E = StorageError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
