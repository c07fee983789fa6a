import { storageError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

/** The SDKAppID a saved UserID belongs to, or `'any'` for UserIDs usable with any app. */
export type AppScope = number | 'any';

export const ANY_APP = 'any' as const;

const MAX_SDKAPPID = 0xffff_ffff;

export function isSdkAppId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_SDKAPPID;
}

/**
 * Accepts a SDKAppID as a number or decimal text, and `'any'` / empty text for "any app".
 * SDKAppIDs are unsigned 32-bit integers (1400000000, 1600000000, 20000…).
 */
export function parseAppScope(raw: unknown): Result<AppScope> {
  if (raw === ANY_APP) return ok(ANY_APP);
  if (isSdkAppId(raw)) return ok(raw);
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '' || text.toLowerCase() === ANY_APP) return ok(ANY_APP);
    if (/^[1-9][0-9]{0,9}$/.test(text)) {
      const value = Number(text);
      if (isSdkAppId(value)) return ok(value);
    }
  }
  return fail(storageError('sdkappid-invalid', { value: String(raw).slice(0, 40) }));
}

/** The text form used in storage keys and exports: the decimal SDKAppID or `any`. */
export function scopeToText(scope: AppScope): string {
  return scope === ANY_APP ? ANY_APP : String(scope);
}

/** Inverse of scopeToText; strict (no spaces, no leading zeros) because it reads storage keys. */
export function scopeFromText(text: string): AppScope | undefined {
  if (text === ANY_APP) return ANY_APP;
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  const value = Number(text);
  return isSdkAppId(value) ? value : undefined;
}
