import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeToText, type AppScope } from '../../../lib/storage/app-scope.ts';
import { toSavedUserId, type SavedUserId } from '../../../lib/storage/entry.ts';
import { STORAGE_ERROR_CODES } from '../../../lib/storage/messages.ts';
import { EXPORT_FORMAT, exportOrder, toCsvExport, toJsonExport } from '../../../lib/storage/export.ts';
import { parseImport, type ParsedImport } from '../../../lib/storage/import-parse.ts';
import { importIntoList, planImport } from '../../../lib/storage/import-plan.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES } from '../../../lib/storage/limits.ts';
import { EMPTY_LIST, liveEntries, upsertEntry, type ListState, type OpContext } from '../../../lib/storage/list-ops.ts';
import type { Result } from '../../../lib/storage/errors.ts';
import { storeArb } from './arbitraries.ts';

const NOW = 1_750_000_000_000;
let ids = 0;
const ctx: OpContext = { now: NOW, newId: () => `new${++ids}` };

function parsed(text: string): ParsedImport {
  const result = parseImport(text);
  if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result.value;
}

/** Imports into empty lists, the way a fresh store would, and reads the lists back. */
function importIntoEmpty(text: string): SavedUserId[] {
  const preview = planImport(parsed(text), new Map(), ctx);
  const out: SavedUserId[] = [];
  for (const scope of preview.scopes) {
    const state = preview.changed.get(scopeToText(scope)) ?? EMPTY_LIST;
    out.push(...liveEntries(state).map((entry) => toSavedUserId(entry, scope)));
  }
  return exportOrder(out);
}

const csvView = (entries: readonly SavedUserId[]) =>
  exportOrder(entries).map(({ sdkAppId, userId, label, note }) => ({ sdkAppId, userId, label, note }));

describe('export then import is the identity', () => {
  it('JSON keeps every field', () => {
    fc.assert(
      fc.property(storeArb, (store) => {
        expect(importIntoEmpty(toJsonExport(store, NOW))).toEqual(exportOrder(store));
      }),
      { numRuns: 300 },
    );
  });

  it('CSV keeps SDKAppID, UserID, label, note and the order of each list', () => {
    fc.assert(
      fc.property(storeArb, fc.boolean(), (store, bom) => {
        expect(csvView(importIntoEmpty(toCsvExport(store, { bom })))).toEqual(csvView(store));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the JSON envelope', () => {
  it('is versioned and dated', () => {
    const envelope = JSON.parse(toJsonExport([], NOW));
    expect(envelope).toEqual({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-06-15T15:06:40.000Z', entries: [] });
  });
});

function rejection(text: string, format?: 'json' | 'csv') {
  const result = parseImport(text, format);
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

const envelope = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00Z', entries, ...extra }, null, 2);

describe('imports are rejected whole, with the reason and where', () => {
  it.each([
    ['{"format": "im-console-helper/userids", ', 'json-syntax', { line: 1, column: 41 }],
    ['{\n  "format": "x",\n  oops\n}', 'json-syntax', { line: 3, column: 3 }],
    ['[1,2]', 'json-wrong-format', { path: 'format', found: 'array' }],
    ['{"format": "something-else", "version": 1, "entries": []}', 'json-wrong-format', { found: 'something-else' }],
    ['{"format": "im-console-helper/userids", "version": 2, "entries": []}', 'json-unsupported-version', { version: '2' }],
    ['{"format": "im-console-helper/userids", "version": 1, "entries": {}}', 'json-invalid-structure', { path: 'entries' }],
  ])('JSON %#: %s', (text, code, params) => {
    expect(rejection(text)).toMatchObject({ code, params });
  });

  it('names the JSON path of a bad entry and the finer cause', () => {
    const text = envelope([
      { sdkAppId: 1400000001, userId: 'ok' },
      { sdkAppId: 'any', userId: 'x'.repeat(257) },
    ]);
    expect(rejection(text)).toEqual({
      code: 'json-invalid-entry',
      params: { path: 'entries[1].userId' },
      cause: { code: 'userid-too-long', params: { max: 256, length: 257 } },
    });
    expect(rejection(envelope([{ sdkAppId: -3, userId: 'a' }]))).toMatchObject({ params: { path: 'entries[0].sdkAppId' }, cause: { code: 'sdkappid-invalid' } });
    expect(rejection(envelope([{ sdkAppId: 'any', userId: 'a', useCount: -1 }]))).toMatchObject({ params: { path: 'entries[0].useCount' } });
    expect(rejection(envelope(['not an object']))).toMatchObject({ code: 'json-invalid-structure', params: { path: 'entries[0]' } });
  });

  it.each([
    ['', 'import-empty', {}],
    ['\uFEFF  \n', 'import-empty', {}],
    ['userId,label\nalice,x', 'csv-bad-header', { line: 1 }],
    ['sdkAppId,userId,label,note,extra\n', 'csv-bad-header', { line: 1 }],
    ['sdkAppId,userId,label,note\nany,alice,,\nany,bob,x\n', 'csv-field-count', { line: 3, expected: 4, found: 3 }],
    ['sdkAppId,userId,label,note\nany,"multi\nline",,\n1400000001,,,\n', 'csv-invalid-entry', { line: 4, field: 'userId' }],
    ['sdkAppId,userId,label,note\nabc,alice,,\n', 'csv-invalid-entry', { line: 2, field: 'sdkAppId' }],
    ['sdkAppId,userId,label,note\nany,"alice\n', 'csv-unterminated-quote', { line: 2 }],
  ])('CSV %#: %s', (text, code, params) => {
    expect(rejection(text)).toMatchObject({ code, params });
  });

  it('refuses files over 1 MiB and over 20,000 entries', () => {
    const big = `sdkAppId,userId,label,note\n${'any,a,,\n'.repeat(IMPORT_MAX_BYTES / 8)}`;
    expect(rejection(big).code).toBe('import-too-large');
    const wide = `sdkAppId,userId,label,note\n${Array.from({ length: IMPORT_MAX_ENTRIES + 1 }, (_, i) => `any,u${i},,`).join('\n')}`;
    expect(rejection(wide)).toMatchObject({ code: 'import-too-many-entries', params: { count: IMPORT_MAX_ENTRIES + 1 } });
    const wideJson = JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: Array.from({ length: IMPORT_MAX_ENTRIES + 1 }, (_, i) => ({ sdkAppId: 0, userId: i })) });
    expect(wideJson.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(rejection(wideJson).code).toBe('import-too-many-entries');
  });

  it('counts bytes, not characters: 1 MiB of Chinese is 3 MiB', () => {
    const chinese = `sdkAppId,userId,label,note\nany,a,${'中'.repeat(IMPORT_MAX_BYTES / 3)},\n`;
    expect(chinese.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(rejection(chinese).code).toBe('import-too-large');
  });
});

describe('reading valid imports', () => {
  it('CSV: header in any order and case, BOM, "any" or empty for any app, cells trimmed', () => {
    const text = '\uFEFFuserId,SDKAPPID,note,label\r\n alice ,1400000001,, Alice \r\nbob,,"multi\nline",\r\ncarol,any,,\r\n';
    expect(parsed(text).entries.map(({ at, sdkAppId, userId, label, note }) => ({ at, sdkAppId, userId, label, note }))).toEqual([
      { at: { line: 2 }, sdkAppId: 1400000001, userId: 'alice', label: 'Alice', note: undefined },
      { at: { line: 3 }, sdkAppId: 'any', userId: 'bob', label: undefined, note: 'multi\nline' },
      { at: { line: 5 }, sdkAppId: 'any', userId: 'carol', label: undefined, note: undefined },
    ]);
  });

  it('JSON: accepts SDKAppIDs as numbers or decimal text', () => {
    const text = envelope([{ sdkAppId: '1400000001', userId: 'a' }]);
    expect(parsed(text).entries[0]).toMatchObject({ sdkAppId: 1400000001, at: { path: 'entries[0]' } });
  });
});

describe('the preview', () => {
  function listOf(...fields: { userId: string; label?: string; note?: string }[]): ListState {
    return fields.reduce((state, f) => upsertEntry(state, f, ctx).state, EMPTY_LIST);
  }

  it('says what is added, updated and skipped, and why', () => {
    const lists = new Map([['1400000001', listOf({ userId: 'same', label: 'L' }, { userId: 'changed', label: 'old' }, { userId: 'kept', label: 'K' })]]);
    const text = [
      'sdkAppId,userId,label,note',
      '1400000001,same,L,',
      '1400000001,changed,new,',
      '1400000001,kept,,',
      '1400000001,fresh,,',
      'any,fresh,,',
      '1400000001,fresh,again,',
    ].join('\n');
    const preview = planImport(parsed(text), lists, ctx);
    expect(preview.add.map((i) => [i.sdkAppId, i.userId])).toEqual([
      [1400000001, 'fresh'],
      ['any', 'fresh'],
    ]);
    expect(preview.update.map((u) => [u.item.userId, u.before.label, u.item.label])).toEqual([['changed', 'old', 'new']]);
    expect(preview.skip.map((s) => [s.item.userId, s.reason, s.firstAt])).toEqual([
      ['same', 'unchanged', undefined],
      ['kept', 'unchanged', undefined],
      ['fresh', 'duplicate-in-file', { line: 5 }],
    ]);
  });

  it('puts imported entries after the ones a list already has, in file order', () => {
    const existing = listOf({ userId: 'x' }, { userId: 'y' });
    const items = parsed('sdkAppId,userId,label,note\nany,b,,\nany,a,,\n').entries;
    const result = importIntoList(existing, 'any', items, ctx);
    expect(liveEntries(result.state).map((e) => e.userId)).toEqual(['x', 'y', 'b', 'a']);
  });
});

describe('random and mutated import text never throws', () => {
  const codes = new Set<string>(STORAGE_ERROR_CODES);
  function isTyped(result: Result<ParsedImport>): boolean {
    if (result.ok) return Array.isArray(result.value.entries);
    return codes.has(result.error.code) && result.error.code !== 'import-unreadable';
  }
  const sample: SavedUserId[] = [
    { id: 'a', sdkAppId: 1400000001, userId: 'alice', label: '测试, "quoted"', note: 'line1\nline2 😀', createdAt: 1, updatedAt: 2, useCount: 3, order: 1, lastUsedAt: 4 },
    { id: 'b', sdkAppId: 'any', userId: 'bob', createdAt: 1, updatedAt: 1, useCount: 0, order: 2 },
  ];
  const mutate = (text: string) =>
    fc
      .array(
        fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', ',', '\n', '{', '}', '[', ']', ':', '\\', '\uFEFF', '-1', '1e999', 'null'))),
        { minLength: 1, maxLength: 6 },
      )
      .map((edits) =>
        edits.reduce((t, [at, cut, insert]) => {
          const i = t.length === 0 ? 0 : at % (t.length + 1);
          return t.slice(0, i) + insert + t.slice(i + cut);
        }, text),
      );

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(undefined, 'json' as const, 'csv' as const), (text, format) => {
        expect(isTyped(parseImport(text, format))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['JSON', toJsonExport(sample, NOW)],
    ['CSV', toCsvExport(sample)],
  ])('mutations of a valid %s export, through to the preview', (_name, valid) => {
    fc.assert(
      fc.property(mutate(valid), (text) => {
        const result = parseImport(text);
        expect(isTyped(result)).toBe(true);
        if (result.ok) planImport(result.value, new Map<string, ListState>(), ctx);
      }),
      { numRuns: 1000 },
    );
  });

  it('a valid JSON that is not an object or has hostile keys', () => {
    for (const text of ['null', '1', '"x"', 'true', '{"__proto__": {"format": "im-console-helper/userids"}}', '{"format": "im-console-helper/userids", "version": 1, "entries": [{"__proto__": {}}]}']) {
      expect(isTyped(parseImport(text, 'json'))).toBe(true);
    }
  });
});

// Used by the type checker only: AppScope is what exports carry.
export type _Scope = AppScope;
