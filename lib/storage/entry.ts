import type { AppScope } from './app-scope.ts';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH, USERID_MAX_LENGTH } from './limits.ts';
import { z } from '../zod.ts';

/** A saved UserID as the rest of the extension sees it. */
export interface SavedUserId {
  /** Stable across edits, moves and export/import. */
  readonly id: string;
  readonly sdkAppId: AppScope;
  /** Trimmed, 1–256 code units, matched exactly. See isImSdkUserId for what the SDK accepts. */
  readonly userId: string;
  readonly label?: string;
  readonly note?: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastUsedAt?: number;
  readonly useCount: number;
  /** Manual position inside its list: ascending; any finite number. */
  readonly order: number;
}

/** Points at one entry: the UI always has the entry it acts on. */
export type EntryRef = Pick<SavedUserId, 'id' | 'sdkAppId'>;

/** An entry inside a stored list (schema v4): the list's key gives the SDKAppID. */
export type StoredEntry = Omit<SavedUserId, 'sdkAppId'>;

const timestamp = z.int().check(z.nonnegative());
const storedUserId = z.string().check(
  z.minLength(1),
  z.maxLength(USERID_MAX_LENGTH),
  z.refine((s) => s.trim() === s, 'not trimmed'),
);
const storedText = (max: number) =>
  z.optional(z.string().check(z.minLength(1), z.maxLength(max), z.refine((s) => s.trim() === s, 'not trimmed')));
const entryId = z.string().check(z.minLength(1), z.maxLength(64));

export const storedEntrySchema = z.object({
  id: entryId,
  userId: storedUserId,
  label: storedText(LABEL_MAX_LENGTH),
  note: storedText(NOTE_MAX_LENGTH),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastUsedAt: z.optional(timestamp),
  useCount: z.int().check(z.nonnegative()),
  order: z.number(),
});

/**
 * The outer shape of a stored list (v3 and v4; v3's `rev`, `removed` and `w` are ignored); items
 * are checked one by one so one bad item costs only itself.
 */
export const storedListShape = z.object({ entries: z.array(z.unknown()) });

export function toSavedUserId(entry: StoredEntry, sdkAppId: AppScope): SavedUserId {
  return { ...storedEntry(entry), sdkAppId };
}

/** Builds a StoredEntry with a fixed key order and without undefined fields (stable JSON). */
export function storedEntry(fields: StoredEntry): StoredEntry {
  const out: { -readonly [K in keyof StoredEntry]: StoredEntry[K] } = {
    id: fields.id,
    userId: fields.userId,
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt,
    useCount: fields.useCount,
    order: fields.order,
  };
  if (fields.label !== undefined) out.label = fields.label;
  if (fields.note !== undefined) out.note = fields.note;
  if (fields.lastUsedAt !== undefined) out.lastUsedAt = fields.lastUsedAt;
  return out;
}
