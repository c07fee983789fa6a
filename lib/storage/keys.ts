import { scopeFromText, scopeToText, type AppScope } from './app-scope.ts';

/**
 * Names of the stored items (without the area prefix, local or sync).
 *
 * Schema v1 and v2 kept everything under LEGACY_KEY in the local area. Since v3 each list is an
 * item of its own, `userIds:<SDKAppID or any>`, in the local or the sync area; WXT keeps the version
 * in the `<key>$` meta key. Quarantined values are one key each, named by a hash of their content.
 */
export const LEGACY_KEY = 'savedUserIds';
export const LIST_KEY_PREFIX = 'userIds:';
export const QUARANTINE_KEY_PREFIX = 'userIds.quarantine:';

export type ListArea = 'local' | 'sync';

export function listKey(scope: AppScope): string {
  return LIST_KEY_PREFIX + scopeToText(scope);
}

/** The scope of a list key, or undefined for any other key (including meta keys `…$`). */
export function scopeOfListKey(key: string): AppScope | undefined {
  if (!key.startsWith(LIST_KEY_PREFIX)) return undefined;
  return scopeFromText(key.slice(LIST_KEY_PREFIX.length));
}

export function metaKey(key: string): string {
  return `${key}$`;
}
