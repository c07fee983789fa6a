// One source for every limit (#15): the pages that take a label or a note cap it with the store's
// constant from lib/storage/limits.ts, never with a number of their own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../../lib/storage/limits.ts';
import { normalizeText } from '../../../lib/storage/entry.ts';

const ROOT = new URL('../../../', import.meta.url);
const source = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const PAGES = ['entrypoints/userid-picker-frame/panel.ts', 'entrypoints/options/App.tsx'];

describe('limits', () => {
  it.each(PAGES)('%s caps its inputs with the shared constants only', (path) => {
    const text = source(path);
    expect(text.match(/max[lL]ength(?:=\{|:\s*)\d/g) ?? [], 'a number written in place of a limit').toEqual([]);
    expect(text).toContain('LABEL_MAX_LENGTH');
    expect(text).toContain('NOTE_MAX_LENGTH');
  });

  it('the store accepts a note and a label exactly at the limit and refuses one more', () => {
    expect(normalizeText('note', 'n'.repeat(NOTE_MAX_LENGTH)).ok).toBe(true);
    expect(normalizeText('note', 'n'.repeat(NOTE_MAX_LENGTH + 1)).ok).toBe(false);
    expect(normalizeText('label', 'l'.repeat(LABEL_MAX_LENGTH)).ok).toBe(true);
    expect(normalizeText('label', 'l'.repeat(LABEL_MAX_LENGTH + 1)).ok).toBe(false);
  });
});
