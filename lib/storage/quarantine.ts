import { storage } from 'wxt/utils/storage';
import { describeThrown, fail, ok, storageError, type Result } from './errors.ts';
import { hash64 } from './ids.ts';
import type { SetAside } from './list-read.ts';

/**
 * Values found in storage that could not be used are moved here by the background, always in
 * storage.local, one key per value named by a hash of its content (the same value set aside twice
 * is one key; different values never overwrite each other). Nothing reads them back: they are
 * kept so that nothing a user saved is ever deleted by this code, and can be recovered by hand.
 */
export const QUARANTINE_KEY_PREFIX = 'userIds.quarantine:';

export async function setAside(source: string, items: readonly SetAside[], now: number): Promise<Result<number>> {
  if (items.length === 0) return ok(0);
  try {
    await storage.setItems(
      items.map(({ path, value, reason, detail }) => ({
        key: `local:${QUARANTINE_KEY_PREFIX}${hash64(`${source}\n${path}\n${JSON.stringify(value) ?? 'undefined'}`)}` as const,
        value: { source, path, value: value ?? null, reason, ...(detail === undefined ? {} : { detail }), at: now },
      })),
    );
    return ok(items.length);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}
