import type { AppScope } from './app-scope.ts';
import { fail, ok, storageError, type Result, type StorageError } from './errors.ts';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH, USERID_MAX_LENGTH } from './limits.ts';
import { z } from '../zod.ts';

/** A saved UserID as the rest of the extension sees it. */
export interface SavedUserId {
  /** Stable across edits, moves and export/import. */
  readonly id: string;
  readonly sdkAppId: AppScope;
  /** Trimmed, 1–256 code units, matched exactly (case-sensitive). */
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

const TEXT_LIMITS = {
  userId: { max: USERID_MAX_LENGTH, code: 'userid-too-long' },
  label: { max: LABEL_MAX_LENGTH, code: 'label-too-long' },
  note: { max: NOTE_MAX_LENGTH, code: 'note-too-long' },
} as const;

export type EntryFieldName = keyof typeof TEXT_LIMITS;

/**
 * A UserID, label or note as stored: trimmed, at most the field's limit. A UserID must not be
 * empty; for a label or note, empty, null and undefined all mean "none" (undefined).
 */
export function normalizeText(field: EntryFieldName, raw: unknown): Result<string | undefined> {
  if ((raw === undefined || raw === null) && field !== 'userId') return ok(undefined);
  if (typeof raw !== 'string') return fail(storageError('value-not-text', { field }));
  const text = raw.trim();
  const { max, code } = TEXT_LIMITS[field];
  if (text.length > max) return fail(storageError(code, { max, length: text.length }));
  if (text === '' && field === 'userId') return fail(storageError('userid-empty'));
  return ok(text || undefined);
}

type NormalizedFields = { userId?: string; label?: string | null; note?: string | null };

/**
 * The fields given, normalized: absent ones stay absent, a blank label or note reads as `null`
 * (none, or "clear" in an edit). A problem names its field.
 */
export function normalizeFields(input: Partial<Record<EntryFieldName, unknown>>): Result<NormalizedFields, { field: EntryFieldName; error: StorageError }> {
  const out: Record<string, string | null> = {};
  for (const field of ['userId', 'label', 'note'] as const) {
    if (input[field] === undefined) continue;
    const text = normalizeText(field, input[field]);
    if (!text.ok) return fail({ field, error: text.error });
    out[field] = text.value ?? null;
  }
  return ok(out as NormalizedFields);
}

/** Stored text is what the normalizer gives back unchanged: one rule for input and storage. */
const normalized = (field: EntryFieldName) =>
  z.string().check(
    z.refine((text) => {
      const read = normalizeText(field, text);
      return read.ok && read.value === text;
    }, 'not normalized'),
  );
const timestamp = z.int().check(z.nonnegative());

export const storedEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  userId: normalized('userId'),
  label: z.optional(normalized('label')),
  note: z.optional(normalized('note')),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastUsedAt: z.optional(timestamp),
  useCount: z.int().check(z.nonnegative()),
  order: z.number(),
});

export function toSavedUserId(entry: StoredEntry, sdkAppId: AppScope): SavedUserId {
  return { ...storedEntry(entry), sdkAppId };
}

/** Builds a StoredEntry with a fixed key order and without undefined fields (stable JSON). */
export function storedEntry(fields: StoredEntry): StoredEntry {
  const { id, userId, createdAt, updatedAt, useCount, order, label, note, lastUsedAt } = fields;
  return {
    id, userId, createdAt, updatedAt, useCount, order,
    ...(label === undefined ? {} : { label }),
    ...(note === undefined ? {} : { note }),
    ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
  };
}
