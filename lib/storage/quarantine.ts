import { storage } from 'wxt/utils/storage';
import { describeThrown, storageError } from './errors.ts';
import { hash64 } from './ids.ts';
import { QUARANTINE_KEY_PREFIX } from './keys.ts';
import type { SetAside } from './list-codec.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * Values found in storage that could not be used are moved here by the background, always in
 * storage.local, one key per value named by a hash of its content (the same value set aside twice
 * is one key; different values never overwrite each other). Nothing reads them back: they are
 * kept so that nothing a user saved is ever deleted by this code, and can be recovered by hand.
 */
function recordId(source: string, item: SetAside): string {
  return hash64(`${source}\n${item.path}\n${JSON.stringify(item.value) ?? 'undefined'}`);
}

export async function setAside(source: string, items: readonly SetAside[], now: number): Promise<Result<number>> {
  if (items.length === 0) return ok(0);
  try {
    await storage.setItems(
      items.map((item) => ({
        key: `local:${QUARANTINE_KEY_PREFIX}${recordId(source, item)}` as const,
        value: {
          source,
          path: item.path,
          value: item.value ?? null,
          reason: item.reason,
          ...(item.detail === undefined ? {} : { detail: item.detail }),
          at: now,
        },
      })),
    );
    return ok(items.length);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}
