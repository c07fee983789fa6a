import { describe, expect, it } from 'vitest';
import { storageError } from '../../../lib/storage/errors.ts';
import { formatStorageError, STORAGE_ERROR_CODES, STORAGE_MESSAGES } from '../../../lib/storage/messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('STORAGE_MESSAGES', () => {
  it.each(STORAGE_ERROR_CODES)('%s has Chinese and English with the same placeholders', (code) => {
    const { zh, en } = STORAGE_MESSAGES[code];
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^[\x20-\x7e]+$/);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it('has no message for a code that does not exist', () => {
    expect(Object.keys(STORAGE_MESSAGES).sort()).toEqual([...STORAGE_ERROR_CODES].sort());
  });
});

describe('formatStorageError', () => {
  it('fills params and appends the cause', () => {
    const error = storageError('csv-invalid-entry', { line: 7, field: 'userId' }, storageError('userid-too-long', { max: 256 }));
    expect(formatStorageError(error, 'en')).toBe('Problem with userId on line 7: The UserID is longer than 256 characters');
    expect(formatStorageError(error, 'zh')).toBe('第 7 行的 userId 有误：UserID 超过 256 个字符');
  });
});
