import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../lib/storage/csv.ts';
import { text } from './arbitraries.ts';

const rows = (input: string) => {
  const parsed = parseCsv(input);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.value;
};

describe('parseCsv (RFC 4180)', () => {
  it('reads plain and quoted fields, doubled quotes, commas and line breaks inside quotes', () => {
    const input = 'a,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\r\n';
    expect(rows(input).map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\r\nline2'],
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const input = 'h1,h2\n"multi\nline\nvalue",2\n\nlast,3';
    expect(rows(input).map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('tolerates a BOM, LF or CR line ends, blank lines and no final line break', () => {
    expect(rows('\uFEFFa,b\nc,d').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('a\rb\r\n\r\n\nc').map((r) => r.fields)).toEqual([['a'], ['b'], ['c']]);
  });

  it('keeps empty fields and a quoted empty field on its own line', () => {
    expect(rows(',,\n""\n').map((r) => r.fields)).toEqual([['', '', ''], ['']]);
  });

  it('keeps spaces and non-ASCII as they are', () => {
    expect(rows(' a , 张三 ,😀\n')[0]?.fields).toEqual([' a ', ' 张三 ', '😀']);
  });

  it.each([
    ['"never closed', 'csv-unterminated-quote', 1],
    ['ok\n"open\nstill open', 'csv-unterminated-quote', 2],
    ['ab"c,d', 'csv-stray-quote', 1],
    ['x\n"quoted"tail,d', 'csv-stray-quote', 2],
    ['"a" ,b', 'csv-stray-quote', 1],
  ])('refuses %j with %s on line %i', (input, code, line) => {
    expect(parseCsv(input)).toEqual({ ok: false, error: { code, params: { line } } });
  });
});

describe('formatCsv', () => {
  it('quotes only what needs it and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "x"', 'l1\nl2', '']])).toBe('a,"b,c","say ""x""","l1\nl2",\r\n');
  });
  it('quotes a leading U+FEFF so that it is not read as a BOM', () => {
    for (const bom of [false, true]) {
      const parsed = parseCsv(formatCsv([['\uFEFFx', 'y']], { bom }));
      expect(parsed.ok && parsed.value[0]?.fields).toEqual(['\uFEFFx', 'y']);
    }
  });
  it('writes a BOM on request', () => {
    expect(formatCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n');
  });
});

describe('CSV quoting round-trips arbitrary strings', () => {
  it('parse(format(rows)) === rows, commas, quotes, line breaks, Chinese and emoji included', () => {
    const rowArb = fc.array(text(30), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 10 }), fc.boolean(), (table, bom) => {
        const parsed = parseCsv(formatCsv(table, { bom }));
        expect(parsed.ok && parsed.value.map((r) => r.fields)).toEqual(table);
      }),
      { numRuns: 500 },
    );
  });
});
