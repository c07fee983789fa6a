import { describe, expect, it } from 'vitest';
import { parseAppScope, scopeFromText, scopeToText } from '../../../lib/storage/app-scope.ts';
import { normalizeText } from '../../../lib/storage/entry.ts';

describe('normalizeText: UserID', () => {
  it('trims and keeps the rest exactly (case-sensitive)', () => {
    expect(normalizeText('userId', '  Alice_01 \n')).toEqual({ ok: true, value: 'Alice_01' });
    expect(normalizeText('userId', '张 三')).toEqual({ ok: true, value: '张 三' });
  });
  it('refuses empty, blank and non-text', () => {
    expect(normalizeText('userId', '')).toMatchObject({ ok: false, error: { code: 'userid-empty' } });
    expect(normalizeText('userId', ' \t ')).toMatchObject({ ok: false, error: { code: 'userid-empty' } });
    expect(normalizeText('userId', 42)).toMatchObject({ ok: false, error: { code: 'value-not-text' } });
  });
  it('stores up to 256 characters, not more', () => {
    expect(normalizeText('userId', 'a'.repeat(256)).ok).toBe(true);
    expect(normalizeText('userId', 'a'.repeat(257))).toMatchObject({ ok: false, error: { code: 'userid-too-long', params: { max: 256 } } });
  });
});

describe('normalizeText: label and note', () => {
  it('treats blank, null and undefined as none', () => {
    for (const raw of ['', '  ', null, undefined]) expect(normalizeText('label', raw)).toEqual({ ok: true, value: undefined });
  });
  it('applies the limit of the field', () => {
    expect(normalizeText('label', 'x'.repeat(100)).ok).toBe(true);
    expect(normalizeText('label', 'x'.repeat(101))).toMatchObject({ ok: false, error: { code: 'label-too-long' } });
    expect(normalizeText('note', 'x'.repeat(1000)).ok).toBe(true);
    expect(normalizeText('note', 'x'.repeat(1001))).toMatchObject({ ok: false, error: { code: 'note-too-long' } });
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
