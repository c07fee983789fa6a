/** Formula escape for every CSV we write, and the import's exact reverse. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeCsvFormula, unescapeCsvFormula } from '../../../lib/storage/csv-formula.ts';
import { csvField } from '../../../lib/diagnostics/render.ts';
import { toCsvExport } from '../../../lib/storage/export.ts';
import { parseImport } from '../../../lib/storage/import-parse.ts';
import { parseCsv } from '../../../lib/storage/csv.ts';
import type { SavedUserId } from '../../../lib/storage/entry.ts';

const LEADS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

describe('escapeCsvFormula', () => {
  it.each(LEADS)('escapes a cell led by %j', (lead) => {
    expect(escapeCsvFormula(`${lead}HYPERLINK("https://evil.test","x")`)).toBe(`'${lead}HYPERLINK("https://evil.test","x")`);
  });
  it('leaves plain text, negative numbers and IM group IDs as they are; doubles a leading apostrophe', () => {
    expect(escapeCsvFormula('alice')).toBe('alice');
    expect(escapeCsvFormula('a=b')).toBe('a=b');
    expect(escapeCsvFormula('-100018')).toBe('-100018');
    expect(escapeCsvFormula('@TGS#1NVTZEAZA')).toBe('@TGS#1NVTZEAZA');
    expect(escapeCsvFormula('@TGS#1+cmd|calc')).toBe("'@TGS#1+cmd|calc");
    expect(escapeCsvFormula("'quoted")).toBe("''quoted");
  });
  it('the diagnostics CSV follows the same rule', () => {
    for (const lead of LEADS) expect(csvField(`${lead}x`)).toContain(`'${lead}x`);
    expect(csvField("'x")).toBe("''x");
  });
  it('property: unescape(escape(v)) is v, and an escaped cell never starts a formula', () => {
    const unit = fc.oneof(fc.constantFrom(...LEADS, "'", 'a', '1', '#', 'TGS', ' '), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }).map((p) => p.join('')), (v) => {
        const cell = escapeCsvFormula(v);
        expect(unescapeCsvFormula(cell)).toBe(v);
        if (cell === v && v !== '') expect(LEADS.includes(v.charAt(0)) && !/^(-\d+(\.\d+)?|@TGS#\w+)$/.test(v)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('saved-UserID CSV', () => {
  const entry = (userId: string, label?: string, note?: string): SavedUserId =>
    ({ id: userId, sdkAppId: 1400000001, userId, ...(label ? { label } : {}), ...(note ? { note } : {}), createdAt: 1, updatedAt: 1, useCount: 0, order: 1 }) as SavedUserId;

  it('export escapes =HYPERLINK and full-width ＝; import gives back the same values', () => {
    const csv = toCsvExport([entry('=HYPERLINK("https://evil.test","alice_ops")', '＝1+1', "@SUM(A1)")], { bom: false });
    const cells = parseCsv(csv);
    if (!cells.ok) throw new Error('csv');
    expect(cells.value[1]!.fields).toEqual(['1400000001', `'=HYPERLINK("https://evil.test","alice_ops")`, "'＝1+1", "'@SUM(A1)"]);
    const back = parseImport(csv);
    if (!back.ok) throw new Error('import');
    expect(back.value.entries[0]).toMatchObject({ userId: '=HYPERLINK("https://evil.test","alice_ops")', label: '＝1+1', note: '@SUM(A1)' });
  });
});
