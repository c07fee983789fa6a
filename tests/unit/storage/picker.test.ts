import { describe, expect, it } from 'vitest';
import type { SavedUserId } from '../../../lib/storage/entry.ts';
import { buildPickerIndex, filterPicker, searchEntries } from '../../../lib/storage/search.ts';

function entry(userId: string, fields: Partial<SavedUserId> = {}): SavedUserId {
  return { id: userId, sdkAppId: 1400000001, userId, createdAt: 0, updatedAt: 0, useCount: 0, order: 0, ...fields };
}

const app = [
  entry('app-b', { order: 2 }),
  entry('app-a', { order: 1 }),
  entry('app-used-long-ago', { order: 3, lastUsedAt: 100 }),
  entry('app-used-now', { order: 4, lastUsedAt: 900 }),
];
const any = [entry('any-x', { sdkAppId: 'any', order: 1 }), entry('any-used', { sdkAppId: 'any', order: 2, lastUsedAt: 5000, label: '测试账号', note: 'Android device' })];

describe('the picker', () => {
  it('lists the current app first, then "any app"; in each, recently used on top, then manual order', () => {
    const index = buildPickerIndex({ app, any });
    expect(index.items.map((i) => [i.group, i.entry.userId])).toEqual([
      ['app', 'app-used-now'],
      ['app', 'app-used-long-ago'],
      ['app', 'app-a'],
      ['app', 'app-b'],
      ['any', 'any-used'],
      ['any', 'any-x'],
    ]);
  });

  it('filters case-insensitively on UserID, label and note, keeping that order', () => {
    const index = buildPickerIndex({ app, any });
    expect(filterPicker(index, 'APP-A').map((i) => i.entry.userId)).toEqual(['app-a']);
    expect(filterPicker(index, '测试').map((i) => i.entry.userId)).toEqual(['any-used']);
    expect(filterPicker(index, 'android').map((i) => i.entry.userId)).toEqual(['any-used']);
    expect(filterPicker(index, 'used').map((i) => i.entry.userId)).toEqual(['app-used-now', 'app-used-long-ago', 'any-used']);
    expect(filterPicker(index, '')).toHaveLength(6);
    expect(filterPicker(index, 'nothing like this')).toEqual([]);
  });

  it('needs every typed word, in any field, but a word never spans two fields', () => {
    const index = buildPickerIndex({ any });
    expect(filterPicker(index, 'android 测试').map((i) => i.entry.userId)).toEqual(['any-used']);
    expect(filterPicker(index, 'android x')).toHaveLength(0);
    expect(filterPicker(index, 'any-used测试')).toHaveLength(0);
  });

  it('matches full-width letters typed with a Chinese input method', () => {
    expect(filterPicker(buildPickerIndex({ app, any: [] }), 'ＡＰＰ－Ａ').map((i) => i.entry.userId)).toEqual(['app-a']);
  });

  it('stops at the limit', () => {
    expect(filterPicker(buildPickerIndex({ app, any }), 'app', 2)).toHaveLength(2);
  });

  it('without a known app shows only "any app"', () => {
    expect(buildPickerIndex({ any }).items.every((i) => i.group === 'any')).toBe(true);
  });

  it('opens and filters 10,000 UserIDs, narrowing as you type (figures: tests/bench)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      entry(`user_${i}`, { sdkAppId: i % 2 ? 1400000001 : 'any', order: i, label: `标签 ${i}`, ...(i % 7 ? {} : { lastUsedAt: i }) }),
    );
    const index = buildPickerIndex({ app: many.filter((e) => e.sdkAppId !== 'any'), any: many.filter((e) => e.sdkAppId === 'any') });
    expect(index.items).toHaveLength(10_000);
    const counts = ['u', 'user_9', 'user_99', 'user_999', 'user_9999'].map((typed) => filterPicker(index, typed).length);
    expect(counts).toEqual([10_000, 1111, 111, 11, 1]);
  });
});

describe('searchEntries', () => {
  it('keeps the list order and matches every field', () => {
    expect(searchEntries([...app, ...any], 'A').map((e) => e.userId)).toEqual(['app-b', 'app-a', 'app-used-long-ago', 'app-used-now', 'any-x', 'any-used']);
    expect(searchEntries(any, 'DEVICE').map((e) => e.userId)).toEqual(['any-used']);
  });
});
