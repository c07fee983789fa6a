/** findUserSigsInSlices: the streamed search of a big text finds exactly what the one-pass search finds. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUserSigs, findUserSigsInSlices } from '../../../lib/usersig/index.ts';
import { WORKED_EXAMPLE as W } from '../../fixtures/usersig/hand-built.ts';

const pieces = fc.oneof(
  fc.constant(W.token),
  fc.constant(`_${W.token}`),
  fc.constant(W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')),
  fc.constantFrom(' ', '\n', '=', '==', 'userSig=', '"', '_', 'eJ', '*-_', 'x'),
  fc.string({ maxLength: 12 }),
);

describe('findUserSigsInSlices', () => {
  it('the batches together equal findUserSigs, for any text and slice size (property)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (parts, size) => {
        const text = parts.join('');
        expect([...findUserSigsInSlices(text, size)].flat()).toEqual(findUserSigs(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('streams a 10,000-token log in slices, never cutting a token', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `[${i}] login userSig=${W.token} ret=0`).join('\n');
    const batches = [...findUserSigsInSlices(text, 64 * 1024)];
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.flat().length).toBe(10_000);
    expect(batches.flat().every((f) => f.text === W.token && text.slice(f.index, f.end) === f.text)).toBe(true);
  });

  it('nothing for an empty or non-string input', () => {
    expect([...findUserSigsInSlices('')]).toEqual([]);
    expect([...findUserSigsInSlices(undefined as unknown as string)]).toEqual([]);
  });
});
