import { storage } from 'wxt/utils/storage';
import type { AppScope } from './app-scope.ts';
import type { StoredEntry } from './entry.ts';
import { describeThrown, storageError } from './errors.ts';
import { LEGACY_KEY } from './keys.ts';
import { LEGACY_VERSION, migrateV1ToV2, splitV2IntoLists } from './legacy.ts';
import { setAside } from './quarantine.ts';
import { fail, ok, type Result } from './result.ts';

export interface UpgradeReport {
  /** The schema found under the legacy key (1 or 2), or undefined when there was none. */
  readonly from?: number;
  /** Entries now in the lists. */
  readonly migrated: number;
  /** Items folded into an earlier item with the same UserID. */
  readonly mergedDuplicates: number;
  /** Items moved to quarantine. */
  readonly setAside: number;
  readonly scopes: readonly AppScope[];
}

const LEGACY_ITEM_KEY = `local:${LEGACY_KEY}` as const;

/**
 * Brings v1/v2 data (one key) into the lists (one key per SDKAppID); run by the background, the
 * one writer. WXT migrates v1 → v2 in place; `mergeInto` adds the entries a list lacks, so a
 * second run after an interruption changes nothing. The legacy key is removed only after every
 * list is written.
 */
export async function upgradeLegacyData(
  mergeInto: (scope: AppScope, entries: readonly StoredEntry[]) => Promise<Result<unknown>>,
  now: () => number,
): Promise<Result<UpgradeReport>> {
  const none: UpgradeReport = { migrated: 0, mergedDuplicates: 0, setAside: 0, scopes: [] };
  try {
    const found = await storage.getItem<unknown>(LEGACY_ITEM_KEY);
    if (found === null || found === undefined) return ok(none);
    const foundMeta = await storage.getMeta<{ v?: unknown }>(LEGACY_ITEM_KEY);
    const from = typeof foundMeta.v === 'number' ? foundMeta.v : 1;

    const legacy = storage.defineItem<unknown, { v: number }>(LEGACY_ITEM_KEY, {
      version: LEGACY_VERSION,
      migrations: { 2: (old: unknown) => migrateV1ToV2(old, now()) },
    });
    const value = await legacy.getValue();
    const meta = await legacy.getMeta();
    if (meta.v !== LEGACY_VERSION) {
      // WXT could not migrate it (it logs why): keep the whole value aside, untouched.
      const moved = await setAside(LEGACY_ITEM_KEY, [{ path: '', value, reason: 'legacy-migration-failed' }], now());
      if (!moved.ok) return moved;
      await storage.removeItem(LEGACY_ITEM_KEY, { removeMeta: true });
      return ok({ ...none, from, setAside: 1 });
    }

    const split = splitV2IntoLists(value);
    const moved = await setAside(LEGACY_ITEM_KEY, split.setAside, now());
    if (!moved.ok) return moved;
    let migrated = 0;
    for (const [scope, entries] of split.lists) {
      const written = await mergeInto(scope, entries);
      if (!written.ok) return written; // the legacy key stays; the next start retries
      migrated += entries.length;
    }
    await storage.removeItem(LEGACY_ITEM_KEY, { removeMeta: true });
    return ok({ from, migrated, mergedDuplicates: split.mergedDuplicates, setAside: split.setAside.length, scopes: [...split.lists.keys()] });
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}
