import { storageError } from './errors.ts';
import { IM_SDK_USERID_MAX_BYTES, LABEL_MAX_LENGTH, NOTE_MAX_LENGTH, USERID_MAX_LENGTH } from './limits.ts';
import { fail, ok, type Result } from './result.ts';

/** Trimmed, non-empty, at most USERID_MAX_LENGTH code units. Matching is exact (case-sensitive). */
export function normalizeUserId(raw: unknown): Result<string> {
  if (typeof raw !== 'string') return fail(storageError('value-not-text', { field: 'userId' }));
  const userId = raw.trim();
  if (userId === '') return fail(storageError('userid-empty'));
  if (userId.length > USERID_MAX_LENGTH) {
    return fail(storageError('userid-too-long', { max: USERID_MAX_LENGTH, length: userId.length }));
  }
  return ok(userId);
}

const IM_SDK_USERID = new RegExp(`^[\\x20-\\x7e]{1,${IM_SDK_USERID_MAX_BYTES}}$`);

/**
 * Whether the IM SDK will accept this UserID at login: printable ASCII (0x20–0x7E), 1 to 32
 * bytes (ASCII, so bytes = characters). The REST API and the signers accept more, so older apps
 * may have UserIDs that fail this; we still store them.
 */
export function isImSdkUserId(userId: string): boolean {
  return IM_SDK_USERID.test(userId);
}

type TextField = 'label' | 'note';

const TEXT_LIMITS: Record<TextField, { max: number; code: 'label-too-long' | 'note-too-long' }> = {
  label: { max: LABEL_MAX_LENGTH, code: 'label-too-long' },
  note: { max: NOTE_MAX_LENGTH, code: 'note-too-long' },
};

/** Optional free text: trimmed; empty, null and undefined all mean "none". */
export function normalizeOptionalText(field: TextField, raw: unknown): Result<string | undefined> {
  if (raw === undefined || raw === null) return ok(undefined);
  if (typeof raw !== 'string') return fail(storageError('value-not-text', { field }));
  const text = raw.trim();
  if (text === '') return ok(undefined);
  const { max, code } = TEXT_LIMITS[field];
  if (text.length > max) return fail(storageError(code, { max, length: text.length }));
  return ok(text);
}
