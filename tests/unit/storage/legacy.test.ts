import { describe, expect, it } from 'vitest';
import { migrateV1ToV2, splitV2IntoLists } from '../../../lib/storage/legacy.ts';
import v1Basic from './fixtures/v1-basic.json';
import v1Messy from './fixtures/v1-messy.json';
import v2Basic from './fixtures/v2-basic.json';
import v2Messy from './fixtures/v2-messy.json';

const MIGRATED_AT = 1_750_000_000_000;

function summary(raw: unknown) {
  const split = splitV2IntoLists(raw);
  const kept = [...split.lists.values()].reduce((n, list) => n + list.length, 0);
  return { split, kept };
}

describe('v1 → v2 (pure)', () => {
  it('puts every item of the flat array into the "any app" list, dated now', () => {
    const v2 = migrateV1ToV2(v1Basic.savedUserIds, MIGRATED_AT) as { lists: Record<string, unknown[]> };
    expect(Object.keys(v2.lists)).toEqual(['any']);
    expect(v2.lists.any).toHaveLength(v1Basic.savedUserIds.length);
    expect(v2.lists.any?.[0]).toEqual({ userId: 'administrator', label: 'App admin', addedAt: MIGRATED_AT });
  });

  it('is total: any value gives a v2 value that still holds it', () => {
    for (const odd of [null, 'text', 42, { some: 'object' }, []]) {
      const v2 = migrateV1ToV2(odd, MIGRATED_AT) as { lists: Record<string, unknown[]> };
      expect(v2.lists.any).toEqual(Array.isArray(odd) ? odd : [odd]);
    }
  });
});

describe('v2 → v3 lists (pure): nothing lost', () => {
  it('v1 basic: every entry, trimmed, in "any app", in its original order', () => {
    const { split, kept } = summary(migrateV1ToV2(v1Basic.savedUserIds, MIGRATED_AT));
    expect(split.setAside).toEqual([]);
    expect(kept).toBe(10);
    const list = split.lists.get('any') ?? [];
    expect(list.map((e) => e.userId)).toEqual(v1Basic.savedUserIds.map((item) => item.userId.trim()));
    expect(list.map((e) => e.label)).toEqual(v1Basic.savedUserIds.map((item) => item.label?.trim()));
    expect(list.map((e) => e.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('v1 messy: duplicates folded with their labels kept, unreadable items set aside, all accounted for', () => {
    const { split, kept } = summary(migrateV1ToV2(v1Messy.savedUserIds, MIGRATED_AT));
    expect(kept + split.setAside.length + split.mergedDuplicates).toBe(v1Messy.savedUserIds.length);
    expect(split.lists.get('any')?.map((e) => [e.userId, e.label, e.note])).toEqual([
      ['dave', 'first label', 'second label'],
      ['erin', undefined, undefined],
    ]);
    expect(split.mergedDuplicates).toBe(2);
    expect(split.setAside.map((s) => s.path)).toEqual(['lists.any[4]', 'lists.any[5]', 'lists.any[6]', 'lists.any[7]', 'lists.any[8]', 'lists.any[9]', 'lists.any[10]', 'lists.any[11]']);
    expect(split.setAside[5]?.value).toBe('frank');
  });

  it('v2 basic: one list per SDKAppID with notes and dates', () => {
    const { split, kept } = summary(v2Basic.savedUserIds);
    expect(split.setAside).toEqual([]);
    expect(kept).toBe(7);
    expect(new Set(split.lists.keys())).toEqual(new Set(['any', 1400000001, 1600000002]));
    expect(split.lists.get(1400000001)?.[0]).toMatchObject({ userId: 'alice', label: 'Alice', note: 'iOS 17, 华为推送未配置', createdAt: 1700000000000, useCount: 0 });
    expect(split.lists.get(1600000002)?.[0]?.label).toBe('Alice on the other app');
  });

  it('v2 messy: bad lists and items set aside whole, with where they were', () => {
    const { split, kept } = summary(v2Messy.savedUserIds);
    expect(kept + split.setAside.length + split.mergedDuplicates).toBe(split.total);
    expect(split.total).toBe(8);
    expect(split.lists.get('any')?.map((e) => [e.userId, e.label, e.note])).toEqual([
      ['ok-one', 'dup label', 'dup note'],
      ['no-date', undefined, undefined],
    ]);
    expect(split.setAside.map((s) => [s.path, s.reason]).sort()).toEqual([
      ['lists.1400000001', 'stored-value-invalid'],
      ['lists.any[2]', 'stored-value-invalid'],
      ['lists.any[3]', 'stored-value-invalid'],
      ['lists.not-an-app', 'sdkappid-invalid'],
    ]);
  });

  it('gives the same ids every time, so two tabs migrating at once agree', () => {
    const a = splitV2IntoLists(v2Basic.savedUserIds);
    const b = splitV2IntoLists(structuredClone(v2Basic.savedUserIds));
    expect([...a.lists.values()].flat().map((e) => e.id)).toEqual([...b.lists.values()].flat().map((e) => e.id));
  });
});
