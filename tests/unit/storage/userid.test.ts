import { describe, expect, it } from 'vitest';
import { parseAppScope, scopeFromText, scopeToText } from '../../../lib/storage/app-scope.ts';
import { normalizeOptionalText, normalizeUserId } from '../../../lib/storage/entry.ts';

describe('normalizeUserId', () => {
  it('trims and keeps the rest exactly (case-sensitive)', () => {
    expect(normalizeUserId('  Alice_01 \n')).toEqual({ ok: true, value: 'Alice_01' });
    expect(normalizeUserId('张 三')).toEqual({ ok: true, value: '张 三' });
  });
  it('refuses empty, blank and non-text', () => {
    expect(normalizeUserId('')).toMatchObject({ ok: false, error: { code: 'userid-empty' } });
    expect(normalizeUserId(' \t ')).toMatchObject({ ok: false, error: { code: 'userid-empty' } });
    expect(normalizeUserId(42)).toMatchObject({ ok: false, error: { code: 'value-not-text' } });
  });
  it('stores up to 256 characters, not more', () => {
    expect(normalizeUserId('a'.repeat(256)).ok).toBe(true);
    expect(normalizeUserId('a'.repeat(257))).toMatchObject({ ok: false, error: { code: 'userid-too-long', params: { max: 256 } } });
  });
});

describe('normalizeOptionalText', () => {
  it('treats blank, null and undefined as none', () => {
    for (const raw of ['', '  ', null, undefined]) expect(normalizeOptionalText('label', raw)).toEqual({ ok: true, value: undefined });
  });
  it('applies the limit of the field', () => {
    expect(normalizeOptionalText('label', 'x'.repeat(100)).ok).toBe(true);
    expect(normalizeOptionalText('label', 'x'.repeat(101))).toMatchObject({ ok: false, error: { code: 'label-too-long' } });
    expect(normalizeOptionalText('note', 'x'.repeat(1000)).ok).toBe(true);
    expect(normalizeOptionalText('note', 'x'.repeat(1001))).toMatchObject({ ok: false, error: { code: 'note-too-long' } });
  });
});

describe('parseAppScope', () => {
  it.each([
    [1400000001, 1400000001],
    ['1400000001', 1400000001],
    [' 1600000002 ', 1600000002],
    [4294967295, 4294967295],
    ['any', 'any'],
    ['ANY', 'any'],
    ['', 'any'],
  ])('reads %j', (raw, expected) => {
    expect(parseAppScope(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([0, -1, 1.5, 4294967296, '0140', '1e9', 'abc', null, undefined, {}, Number.NaN])('refuses %j', (raw) => {
    expect(parseAppScope(raw)).toMatchObject({ ok: false, error: { code: 'sdkappid-invalid' } });
  });
  it('round-trips through the key text strictly', () => {
    expect(scopeFromText(scopeToText(1400000001))).toBe(1400000001);
    expect(scopeFromText(scopeToText('any'))).toBe('any');
    expect(scopeFromText('any$')).toBeUndefined();
    expect(scopeFromText(' 1')).toBeUndefined();
  });
});
