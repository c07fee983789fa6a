import { storage } from 'wxt/utils/storage';
import { describeThrown, STORAGE_ERROR_CODES, storageError, type StorageErrorCode } from './errors.ts';
import { hash64 } from './ids.ts';
import { QUARANTINE_KEY_PREFIX } from './keys.ts';
import type { SetAside } from './list-codec.ts';
import { fail, ok, type Result } from './result.ts';
import { z } from '../zod.ts';

/**
 * Values found in storage that could not be used are moved here, always in storage.local, one
 * key per value named by a hash of its content: concurrent tabs setting aside the same value
 * write the same key, and different values never overwrite each other.
 */
export interface QuarantineRecord {
  readonly id: string;
  /** The stored item it came from, e.g. `sync:userIds:1400000001`. */
  readonly source: string;
  readonly path: string;
  readonly value: unknown;
  readonly reason: StorageErrorCode;
  readonly detail?: string;
  readonly at: number;
}

const recordSchema = z.object({
  source: z.string(),
  path: z.string(),
  value: z.unknown(),
  reason: z.enum(STORAGE_ERROR_CODES),
  detail: z.optional(z.string()),
  at: z.number(),
});

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

export async function listQuarantine(): Promise<Result<QuarantineRecord[]>> {
  try {
    const all = await storage.snapshot('local');
    const records: QuarantineRecord[] = [];
    for (const [key, raw] of Object.entries(all)) {
      if (!key.startsWith(QUARANTINE_KEY_PREFIX)) continue;
      const id = key.slice(QUARANTINE_KEY_PREFIX.length);
      const parsed = recordSchema.safeParse(raw);
      // A quarantine record is itself untrusted: show what is there even if it is not ours.
      records.push(
        parsed.success
          ? { id, ...parsed.data }
          : { id, source: key, path: '', value: raw, reason: 'stored-value-invalid', at: 0 },
      );
    }
    return ok(records.sort((a, b) => a.at - b.at));
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}

export async function discardQuarantined(ids: readonly string[]): Promise<Result<void>> {
  try {
    await storage.removeItems(ids.map((id) => `local:${QUARANTINE_KEY_PREFIX}${id}` as const));
    return ok(undefined);
  } catch (thrown) {
    return fail(storageError('storage-write-failed', { detail: describeThrown(thrown) }));
  }
}
