/** Look-alike UserIDs: found, and shown escaped so two rows never read the same. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectUserId } from '../../../lib/storage/lookalike.ts';

describe('inspectUserId', () => {
  it.each([
    ['adm\u200Bin', ['invisible'], 'adm\\u200Bin'],
    ['support\u202Etset', ['bidi'], 'support\\u202Etset'],
    ['a\u200Cb\u200Dc\u2060d\uFEFFe', ['invisible'], 'a\\u200Cb\\u200Dc\\u2060d\\uFEFFe'],
    ['x\u2066y\u2069', ['bidi'], 'x\\u2066y\\u2069'],
    ['tab\there', ['control'], 'tab\\u0009here'],
    ['\u0430dmin', ['mixed-script'], '\\u0430dmin'], // Cyrillic а
    ['p\u03BFst', ['mixed-script'], 'p\\u03BFst'], // Greek ο
  ])('%j → %j, shown as %j', (userId, reasons, display) => {
    const r = inspectUserId(userId);
    expect(r.reasons).toEqual(reasons);
    expect(r.display).toBe(display);
  });

  it('in a mostly Cyrillic UserID the Latin letter is the look-alike', () => {
    expect(inspectUserId('\u0441\u0430\u0448\u0430x').display).toBe('\u0441\u0430\u0448\u0430\\u0078');
  });

  it('ordinary UserIDs pass untouched: ASCII, Chinese, all-Cyrillic, all-Greek, emoji', () => {
    for (const id of ['admin', 'alice_ops', 'user-01@example.com', '张伟', 'иван', 'αβγ', 'bob 😀', 'a\\u200Bb']) {
      expect(inspectUserId(id)).toEqual({ reasons: [], display: id });
      expect(inspectUserId(id).reasons.length > 0).toBe(false);
    }
  });

  it('a literal backslash is doubled once the UserID is shown escaped, so escapes stay unambiguous', () => {
    expect(inspectUserId('a\\u200B\u200B').display).toBe('a\\\\u200B\\u200B');
  });

  it('property: the display form of a flagged UserID is printable and holds no invisible, bidi or control character', () => {
    const unit = fc.oneof(fc.constantFrom('a', 'b', '\\', '\u0430', '\u03BF', '\u200B', '\u202E', '\u2066', '\t', '\u0000', '\u00A0', '\uFE0F', '张'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }).map((u) => u.join('')), (id) => {
        const r = inspectUserId(id);
        if (r.reasons.length === 0) {
          expect(r.display).toBe(id);
          return;
        }
        expect(r.display).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\u200B-\u200D\u2060\uFEFF\u00A0\uFE00-\uFE0F]/u);
      }),
      { numRuns: 200 },
    );
  });
});
