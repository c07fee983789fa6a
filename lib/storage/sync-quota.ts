import { fail, ok, storageError, type Result } from './errors.ts';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM } from './limits.ts';

const encoder = new TextEncoder();

/** How the sync area counts an item: its name plus the JSON of its value, in UTF-8 bytes. */
export function syncItemBytes(key: string, value: unknown): number {
  return encoder.encode(key).byteLength + encoder.encode(JSON.stringify(value) ?? '').byteLength;
}

/**
 * Whether the sync area, holding `current`, can take `writes` (items set to values; `undefined`
 * removes). Says which quota would be exceeded, so the caller can keep the list local instead.
 */
export function checkSyncFit(current: Readonly<Record<string, unknown>>, writes: Readonly<Record<string, unknown>>): Result<{ bytes: number; items: number }> {
  const next = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(writes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  let bytes = 0;
  for (const [key, value] of next) {
    const size = syncItemBytes(key, value);
    if (key in writes && size > SYNC_QUOTA_BYTES_PER_ITEM) {
      return fail(storageError('sync-item-too-large', { key, bytes: size, limit: SYNC_QUOTA_BYTES_PER_ITEM }));
    }
    bytes += size;
  }
  if (next.size > SYNC_MAX_ITEMS) return fail(storageError('sync-too-many-items', { items: next.size, limit: SYNC_MAX_ITEMS }));
  if (bytes > SYNC_QUOTA_BYTES) return fail(storageError('sync-total-too-large', { bytes, limit: SYNC_QUOTA_BYTES }));
  return ok({ bytes, items: next.size });
}
