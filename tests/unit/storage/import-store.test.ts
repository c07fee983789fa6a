import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXPORT_FORMAT } from '../../../lib/storage/export.ts';
import { localData, unwrap, useStores } from './store-harness.ts';
import { storeArb } from './arbitraries.ts';

const { tab } = useStores();
const APP = 1400000001;

describe('import through the store', () => {
  it('previews without writing, then applies', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice', label: 'old' });
    const before = await localData();
    const preview = unwrap(await store.previewImport('sdkAppId,userId,label,note\n1400000001,alice,new,\n1400000001,bob,,\nany,carol,,\n'));
    expect(await localData()).toEqual(before);
    expect([preview.add.length, preview.update.length, preview.skip.length]).toEqual([2, 1, 0]);
    const summary = unwrap(await store.applyImport(preview));
    expect(summary).toMatchObject({ added: 2, updated: 1, skipped: 0 });
    expect(unwrap(await store.listAll()).map((e) => [e.sdkAppId, e.userId, e.label])).toEqual([
      ['any', 'carol', undefined],
      [APP, 'alice', 'new'],
      [APP, 'bob', undefined],
    ]);
  });

  it('a rejected import changes nothing at all', async () => {
    const store = tab();
    await store.save({ sdkAppId: APP, userId: 'alice' });
    const before = await localData();
    const bad = 'sdkAppId,userId,label,note\n1400000001,bob,,\n1400000001,carol,"unclosed\n';
    expect(await store.previewImport(bad)).toMatchObject({ ok: false, error: { code: 'csv-unterminated-quote', params: { line: 3 } } });
    expect(await localData()).toEqual(before);
  });

  it('applying twice, or after another tab changed the list, never duplicates', async () => {
    const [a, b] = [tab(), tab()];
    const preview = unwrap(await a.previewImport('sdkAppId,userId,label,note\nany,x,,\nany,y,,\n'));
    await b.save({ sdkAppId: 'any', userId: 'x', label: 'saved meanwhile' });
    unwrap(await a.applyImport(preview));
    unwrap(await a.applyImport(preview));
    expect(unwrap(await a.list('any')).map((e) => [e.userId, e.label])).toEqual([
      ['x', 'saved meanwhile'],
      ['y', undefined],
    ]);
  });

  it('export then import into a fresh profile gives the same lists (JSON: every field; CSV: what CSV holds)', async () => {
    await fc.assert(
      fc.asyncProperty(storeArb, async (entries) => {
        fakeBrowser.reset();
        const source = tab();
        const json = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00.000Z', entries });
        unwrap(await source.applyImport(unwrap(await source.previewImport(json))));
        const original = unwrap(await source.listAll());
        const exportedJson = unwrap(await source.exportJson());
        const exportedCsv = unwrap(await source.exportCsv());

        fakeBrowser.reset();
        const fromJson = tab();
        unwrap(await fromJson.applyImport(unwrap(await fromJson.previewImport(exportedJson))));
        expect(unwrap(await fromJson.listAll())).toEqual(original);

        fakeBrowser.reset();
        const fromCsv = tab();
        unwrap(await fromCsv.applyImport(unwrap(await fromCsv.previewImport(exportedCsv))));
        const view = (list: typeof original) => list.map(({ sdkAppId, userId, label, note }) => ({ sdkAppId, userId, label, note }));
        expect(view(unwrap(await fromCsv.listAll()))).toEqual(view(original));
      }),
      { numRuns: 30 },
    );
  });
});
