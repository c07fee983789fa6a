import { fail, ok, storageError, type Result } from './errors.ts';

/** The SDKAppID a saved UserID belongs to, or `'any'` for UserIDs usable with any app. */
export type AppScope = number | 'any';

export const ANY_APP = 'any' as const;

/**
 * The text form used in storage keys and exports: the decimal SDKAppID or `any`. SDKAppIDs are
 * unsigned 32-bit integers (1400000000, 1600000000, 20000…).
 */
export function scopeToText(scope: AppScope): string {
  return String(scope);
}

/** Inverse of scopeToText; strict (no spaces, no leading zeros) because it reads storage keys. */
export function scopeFromText(text: string): AppScope | undefined {
  if (text === ANY_APP) return ANY_APP;
  const value = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : 0;
  return value > 0 && value <= 0xffff_ffff ? value : undefined;
}

/** Accepts a SDKAppID as a number or decimal text, and `'any'` / empty text for "any app". */
export function parseAppScope(raw: unknown): Result<AppScope> {
  let scope: AppScope | undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) scope = scopeFromText(String(raw));
  else if (typeof raw === 'string') scope = scopeFromText(raw.trim().toLowerCase() || ANY_APP);
  return scope === undefined ? fail(storageError('sdkappid-invalid', { value: String(raw).slice(0, 40) })) : ok(scope);
}
