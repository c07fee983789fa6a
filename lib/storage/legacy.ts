import { parseAppScope, scopeToText, type AppScope } from './app-scope.ts';
import { storedEntry, type StoredEntry } from './entry.ts';
import { migratedEntryId } from './ids.ts';
import { NOTE_MAX_LENGTH } from './limits.ts';
import type { SetAside } from './list-codec.ts';
import { normalizeOptionalText, normalizeUserId } from './userid.ts';
import { z } from '../zod.ts';

/**
 * The schemas before v3, all under `local:savedUserIds` (keys.ts LEGACY_KEY):
 *
 * v1 (no meta key): a flat array, no SDKAppID, no dates.
 *   [{ "userId": "alice", "label": "test account" }, …]
 * v2 (meta `{ v: 2 }`): lists per SDKAppID ("any" for any app), with a note and the time added.
 *   { "lists": { "any": [{ "userId": "alice", "label": "…", "note": "…", "addedAt": 1700000000000 }],
 *                "1400000001": […] } }
 *
 * Migrations never drop anything: what they cannot read is carried along and set aside later.
 */

export const LEGACY_VERSION = 2;

/** v1 → v2, run by WXT (storage.defineItem migrations). Total: any input gives a v2 value. */
export function migrateV1ToV2(old: unknown, now: number): unknown {
  if (old !== null && typeof old === 'object' && !Array.isArray(old) && 'lists' in old) return old;
  const items: unknown[] = Array.isArray(old) ? old : [old];
  return {
    lists: {
      any: items.map((item) => {
        if (item === null || typeof item !== 'object' || !('userId' in item)) return item;
        return { ...item, addedAt: now };
      }),
    },
  };
}

const v2Item = z.object({
  userId: z.string(),
  label: z.optional(z.nullable(z.string())),
  note: z.optional(z.nullable(z.string())),
  addedAt: z.optional(z.int().check(z.nonnegative())),
});
const v2Shape = z.object({ lists: z.record(z.string(), z.unknown()) });

export interface SplitResult {
  readonly lists: ReadonlyMap<AppScope, readonly StoredEntry[]>;
  readonly setAside: readonly SetAside[];
  /** Items folded into an earlier item with the same UserID (their texts kept in its note). */
  readonly mergedDuplicates: number;
  /** Items read: lists' entries + set aside + merged duplicates. */
  readonly total: number;
}

/** v2 → v3: one list per SDKAppID, entries with ids, dates, usage and positions. */
export function splitV2IntoLists(raw: unknown): SplitResult {
  const shape = v2Shape.safeParse(raw);
  if (!shape.success) {
    return { lists: new Map(), setAside: [{ path: '', value: raw, reason: 'stored-value-invalid' }], mergedDuplicates: 0, total: 1 };
  }
  const lists = new Map<AppScope, StoredEntry[]>();
  const setAside: SetAside[] = [];
  let mergedDuplicates = 0;
  let total = 0;
  for (const [scopeText, items] of Object.entries(shape.data.lists)) {
    const scope = parseAppScope(scopeText);
    if (!scope.ok || !Array.isArray(items)) {
      total += 1;
      setAside.push({ path: `lists.${scopeText}`, value: items, reason: scope.ok ? 'stored-value-invalid' : 'sdkappid-invalid' });
      continue;
    }
    const byUserId = new Map<string, StoredEntry>();
    items.forEach((item, index) => {
      total += 1;
      const path = `lists.${scopeText}[${index}]`;
      const entry = readV2Item(item, scopeToText(scope.value), byUserId.size + 1);
      if (!entry) {
        setAside.push({ path, value: item, reason: 'stored-value-invalid' });
        return;
      }
      const twin = byUserId.get(entry.userId);
      if (!twin) {
        byUserId.set(entry.userId, entry);
        return;
      }
      const folded = foldDuplicate(twin, entry);
      if (folded) {
        byUserId.set(entry.userId, folded);
        mergedDuplicates += 1;
      } else {
        setAside.push({ path, value: item, reason: 'stored-duplicate-userid' });
      }
    });
    const merged = lists.get(scope.value) ?? [];
    for (const entry of byUserId.values()) {
      if (merged.some((other) => other.userId === entry.userId)) {
        // Two spellings of one SDKAppID ("1400000001" and " 1400000001"): keep the first.
        setAside.push({ path: `lists.${scopeText}`, value: entry, reason: 'stored-duplicate-userid' });
      } else merged.push(entry);
    }
    lists.set(scope.value, merged);
  }
  return { lists, setAside, mergedDuplicates, total };
}

function readV2Item(item: unknown, scopeText: string, order: number): StoredEntry | undefined {
  const parsed = v2Item.safeParse(item);
  if (!parsed.success) return undefined;
  const userId = normalizeUserId(parsed.data.userId);
  const label = normalizeOptionalText('label', parsed.data.label);
  const note = normalizeOptionalText('note', parsed.data.note);
  if (!userId.ok || !label.ok || !note.ok) return undefined;
  const at = parsed.data.addedAt ?? 0;
  return storedEntry({
    id: migratedEntryId(scopeText, userId.value),
    userId: userId.value,
    label: label.value,
    note: note.value,
    createdAt: at,
    updatedAt: at,
    useCount: 0,
    order,
  });
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
