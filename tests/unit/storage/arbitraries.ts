import fc from 'fast-check';
import type { AppScope } from '../../../lib/storage/app-scope.ts';
import type { SavedUserId } from '../../../lib/storage/entry.ts';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH, USERID_MAX_LENGTH } from '../../../lib/storage/limits.ts';

/**
 * Text people type: Latin, punctuation that matters to CSV and JSON, Chinese, emoji, line breaks,
 * and what a spreadsheet runs as a formula (also full-width) or hides (a leading apostrophe).
 */
const tricky = fc.constantFrom(',', '"', '\r\n', '\n', '\r', ' ', '\t', '，', '张', '伟', '测试', '账号', '😀', '👩‍💻', '\\', "'", '=', 'é', 'ａ', '+', '-', '@', '＝', '＋', '－', '＠', "'=", '=HYPERLINK("x")', '-1', '@TGS#1AB');
export const text = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), tricky), maxLength }).map((s) => s.slice(0, maxLength));

/** Normalized, as the store keeps them: trimmed, non-empty, within limits. */
const normalized = (max: number) =>
  text(Math.min(max, 60))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max);

export const userIdArb = normalized(USERID_MAX_LENGTH);
export const labelArb = fc.option(normalized(LABEL_MAX_LENGTH), { nil: undefined });
export const noteArb = fc.option(normalized(NOTE_MAX_LENGTH), { nil: undefined });
export const scopeArb: fc.Arbitrary<AppScope> = fc.oneof(
  fc.constant<AppScope>('any'),
  fc.constantFrom<AppScope>(1400000001, 1600000002, 20000001),
  fc.integer({ min: 1, max: 0xffff_ffff }),
);
const timestampArb = fc.integer({ min: 0, max: 4_000_000_000_000 });

const entryArb = fc.record({
  sdkAppId: scopeArb,
  userId: userIdArb,
  label: labelArb,
  note: noteArb,
  id: fc.stringMatching(/^[a-z0-9~-]{1,20}$/),
  createdAt: timestampArb,
  updatedAt: timestampArb,
  lastUsedAt: fc.option(timestampArb, { nil: undefined }),
  useCount: fc.nat({ max: 100_000 }),
  order: fc.integer({ min: -1000, max: 1_000_000 }).map((n) => n / 4),
});

function withoutUndefined(entry: SavedUserId): SavedUserId {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as SavedUserId;
}

/** A valid store: UserIDs and ids unique per list, orders distinct per list. */
export const storeArb: fc.Arbitrary<SavedUserId[]> = fc.array(entryArb, { maxLength: 40 }).map((entries) => {
  const seen = new Set<string>();
  return entries
    .filter((entry) => {
      const keys = [`u:${entry.sdkAppId}:${entry.userId}`, `i:${entry.sdkAppId}:${entry.id}`, `o:${entry.sdkAppId}:${entry.order}`];
      if (keys.some((key) => seen.has(key))) return false;
      keys.forEach((key) => seen.add(key));
      return true;
    })
    .map(withoutUndefined);
});
