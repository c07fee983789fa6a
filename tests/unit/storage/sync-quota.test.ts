import { describe, expect, it } from 'vitest';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM } from '../../../lib/storage/limits.ts';
import { checkSyncFit, syncItemBytes } from '../../../lib/storage/sync-quota.ts';

describe('syncItemBytes', () => {
  it('counts the key plus the JSON of the value, in UTF-8 bytes', () => {
    expect(syncItemBytes('k', 'ab')).toBe(1 + 4);
    expect(syncItemBytes('k', '中')).toBe(1 + 2 + 3);
  });
});

describe('checkSyncFit', () => {
  const itemOf = (bytes: number) => 'x'.repeat(bytes - 3); // key "k" + two quotes

  it('accepts an item of exactly 8,192 bytes and refuses one byte more', () => {
    expect(checkSyncFit({}, { k: itemOf(SYNC_QUOTA_BYTES_PER_ITEM) })).toMatchObject({ ok: true, value: { bytes: SYNC_QUOTA_BYTES_PER_ITEM, items: 1 } });
    expect(checkSyncFit({}, { k: itemOf(SYNC_QUOTA_BYTES_PER_ITEM + 1) })).toMatchObject({
      ok: false,
      error: { code: 'sync-item-too-large', params: { key: 'k', bytes: SYNC_QUOTA_BYTES_PER_ITEM + 1, limit: SYNC_QUOTA_BYTES_PER_ITEM } },
    });
  });

  it('counts what is already there, and replaces the key being written', () => {
    const current = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`a${i}`, 'x'.repeat(8000)]));
    expect(checkSyncFit(current, { new: 'x'.repeat(8000) })).toMatchObject({ ok: false, error: { code: 'sync-total-too-large', params: { limit: SYNC_QUOTA_BYTES } } });
    expect(checkSyncFit(current, { a0: 'small' }).ok).toBe(true);
    expect(checkSyncFit(current, { a0: undefined, a1: undefined, new: 'x'.repeat(8000) }).ok).toBe(true);
  });

  it('counts items', () => {
    const current = Object.fromEntries(Array.from({ length: SYNC_MAX_ITEMS }, (_, i) => [`k${i}`, 1]));
    expect(checkSyncFit(current, { k0: 2 }).ok).toBe(true);
    expect(checkSyncFit(current, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'sync-too-many-items', params: { items: SYNC_MAX_ITEMS + 1 } } });
  });
});
