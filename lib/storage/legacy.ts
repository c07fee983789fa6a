import { storage } from 'wxt/utils/storage';
import { parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
import { normalizeFields, storedEntry, type StoredEntry } from './entry.ts';
import { describeThrown, fail, ok, storageError, type Result } from './errors.ts';
import { hash64 } from './ids.ts';
import { NOTE_MAX_LENGTH } from './limits.ts';
import type { SetAside } from './list-read.ts';
import { setAside } from './quarantine.ts';
import { z } from '../zod.ts';

/**
 * The schemas before v3, all under `local:savedUserIds`:
 *
 * v1 (no meta key): a flat array, no SDKAppID, no dates.
 *   [{ "userId": "alice", "label": "test account" }, …]
 * v2 (meta `{ v: 2 }`): lists per SDKAppID ("any" for any app), with a note and the time added.
 *   { "lists": { "any": [{ "userId": "alice", "label": "…", "note": "…", "addedAt": 1700000000000 }],
 *                "1400000001": […] } }
 *
 * Migrations never drop anything: what they cannot read is carried along and set aside later.
 */

const LEGACY_VERSION = 2;
const LEGACY_ITEM_KEY = 'local:savedUserIds';

/** v1 → v2, run by WXT (storage.defineItem migrations). Total: any input gives a v2 value. */
export function migrateV1ToV2(old: unknown, now: number): unknown {
  if (old !== null && typeof old === 'object' && !Array.isArray(old) && 'lists' in old) return old;
  const items: unknown[] = Array.isArray(old) ? old : [old];
  const dated = (item: unknown) => (item !== null && typeof item === 'object' && 'userId' in item ? { ...item, addedAt: now } : item);
  return { lists: { any: items.map(dated) } };
}

const v2Item = z.object({
  userId: z.string(),
  label: z.optional(z.nullable(z.string())),
  note: z.optional(z.nullable(z.string())),
  addedAt: z.optional(z.int().check(z.nonnegative())),
});
const v2Shape = z.object({ lists: z.record(z.string(), z.unknown()) });

/**
 * v2 → v3: one list per SDKAppID, entries with ids, dates, usage and positions. `mergedDuplicates`:
 * items folded into an earlier item with the same UserID (their texts kept in its note); `total`:
 * items read (lists' entries + set aside + merged duplicates).
 */
export function splitV2IntoLists(raw: unknown): { lists: Map<AppScope, StoredEntry[]>; setAside: SetAside[]; mergedDuplicates: number; total: number } {
  const shape = v2Shape.safeParse(raw);
  if (!shape.success) {
    return { lists: new Map(), setAside: [{ path: '', value: raw, reason: 'stored-value-invalid' }], mergedDuplicates: 0, total: 1 };
  }
  const lists = new Map<AppScope, StoredEntry[]>();
  const aside: SetAside[] = [];
  let mergedDuplicates = 0;
  let total = 0;
  for (const [scopeText, items] of Object.entries(shape.data.lists)) {
    const scope = parseAppScope(scopeText);
    if (!scope.ok || !Array.isArray(items)) {
      total += 1;
      aside.push({ path: `lists.${scopeText}`, value: items, reason: scope.ok ? 'stored-value-invalid' : 'sdkappid-invalid' });
      continue;
    }
    const byUserId = new Map<string, StoredEntry>();
    items.forEach((item, index) => {
      total += 1;
      const entry = readV2Item(item, scopeToText(scope.value), byUserId.size + 1);
      const twin = entry && byUserId.get(entry.userId);
      const kept = entry && twin ? foldDuplicate(twin, entry) : entry;
      if (kept) byUserId.set(kept.userId, kept);
      if (kept && twin) mergedDuplicates += 1;
      if (!kept) aside.push({ path: `lists.${scopeText}[${index}]`, value: item, reason: entry ? 'stored-duplicate-userid' : 'stored-value-invalid' });
    });
    const merged = lists.get(scope.value) ?? [];
    for (const entry of byUserId.values()) {
      // Two spellings of one SDKAppID ("1400000001" and " 1400000001"): keep the first.
      if (merged.some((other) => other.userId === entry.userId)) aside.push({ path: `lists.${scopeText}`, value: entry, reason: 'stored-duplicate-userid' });
      else merged.push(entry);
    }
    lists.set(scope.value, merged);
  }
  return { lists, setAside: aside, mergedDuplicates, total };
}

function readV2Item(item: unknown, scopeText: string, order: number): StoredEntry | undefined {
  const parsed = v2Item.safeParse(item);
  if (!parsed.success) return undefined;
  const fields = normalizeFields({ userId: parsed.data.userId, label: parsed.data.label, note: parsed.data.note });
  if (!fields.ok) return undefined;
  const { userId = '', label, note } = fields.value;
  const at = parsed.data.addedAt ?? 0;
  // Deterministic, so an upgrade run again after an interruption gives the same ids.
  const id = `m${hash64(`${scopeText}\n${userId}`)}`;
  return storedEntry({ id, userId, label: label ?? undefined, note: note ?? undefined, createdAt: at, updatedAt: at, useCount: 0, order });
}

/** The first label stays; a different label or note of the duplicate is appended to the note. */
function foldDuplicate(kept: StoredEntry, dup: StoredEntry): StoredEntry | undefined {
  const label = kept.label ?? dup.label;
  const extras = [dup.label !== label ? dup.label : undefined, dup.note !== kept.note ? dup.note : undefined];
  const texts = [kept.note, ...extras].filter((text): text is string => text !== undefined);
  const note = texts.length ? texts.join('\n') : undefined;
  if (note !== undefined && note.length > NOTE_MAX_LENGTH) return undefined;
  return storedEntry({ ...kept, label, note, createdAt: Math.min(kept.createdAt, dup.createdAt) });
}

export interface UpgradeReport {
  /** The schema found under the legacy key (1 or 2), or undefined when there was none. */
  readonly from?: number;
  /** Entries now in the lists. */
  readonly migrated: number;
  /** Items folded into an earlier item with the same UserID. */
  readonly mergedDuplicates: number;
  /** Items moved to quarantine. */
  readonly setAside: number;
}

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
  try {
    const found = await storage.getItem<unknown>(LEGACY_ITEM_KEY);
    if (found === null || found === undefined) return ok({ migrated: 0, mergedDuplicates: 0, setAside: 0 });
    const foundMeta = await storage.getMeta<{ v?: unknown }>(LEGACY_ITEM_KEY);
    const from = typeof foundMeta.v === 'number' ? foundMeta.v : 1;

    const legacy = storage.defineItem<unknown, { v: number }>(LEGACY_ITEM_KEY, {
      version: LEGACY_VERSION,
      migrations: { 2: (old: unknown) => migrateV1ToV2(old, now()) },
    });
    const value = await legacy.getValue();
    // When WXT could not migrate it (it logs why), the whole value is kept aside, untouched.
    const split =
      (await legacy.getMeta()).v === LEGACY_VERSION
        ? splitV2IntoLists(value)
        : { lists: new Map(), setAside: [{ path: '', value, reason: 'legacy-migration-failed' as const }], mergedDuplicates: 0 };
    const moved = await setAside(LEGACY_ITEM_KEY, split.setAside, now());
    if (!moved.ok) return moved;
    let migrated = 0;
    for (const [scope, entries] of split.lists) {
      const written = await mergeInto(scope, entries);
      if (!written.ok) return written; // the legacy key stays; the next start retries
      migrated += entries.length;
    }
    await storage.removeItem(LEGACY_ITEM_KEY, { removeMeta: true });
    return ok({ from, migrated, mergedDuplicates: split.mergedDuplicates, setAside: split.setAside.length });
  } catch (thrown) {
    return fail(storageError('storage-read-failed', { detail: describeThrown(thrown) }));
  }
}
