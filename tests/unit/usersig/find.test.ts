/** findUserSigs: tokens in free text, with exact positions, and nothing else. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { decodeUserSig, findUserSigs, generatePrivateMapKey } from '../../../lib/usersig/index.ts';
import { MAX_USERSIG_LENGTH } from '../../../lib/usersig/find.ts';
import { SAMPLE_KEY, WORKED_EXAMPLE as W, tokenFromBytes, zlibStored, utf8 } from '../../fixtures/usersig/hand-built.ts';

const require = createRequire(import.meta.url);
const v1 = require('../../fixtures/usersig/v1-real-tokens.json') as Record<'p256' | 'secp256k1', { token: string }>;

const STD = W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
const STORED = tokenFromBytes(zlibStored(utf8(W.json))); // "eAE…"
const pmk = await generatePrivateMapKey({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: 'anchor', roomStr: 'live-1', privileges: 255, now: W.time });
if (!pmk.ok) throw new Error('fixture');
const PMK = pmk.userSig;

/** Every token of `tokens` must be found exactly where it is, and nothing else. */
function expectFinds(text: string, tokens: string[]) {
  const found = findUserSigs(text);
  expect(found.map((f) => f.text)).toEqual(tokens);
  let from = 0;
  for (const f of found) {
    const index = text.indexOf(f.text, from);
    expect(f.index).toBe(index);
    expect(f.end).toBe(index + f.text.length);
    expect(text.slice(f.index, f.end)).toBe(f.text);
    from = f.end;
  }
}

describe('findUserSigs', () => {
  it('in a log', () => {
    const log = [
      '2024-05-01 10:00:00.123 [INFO] TIM: login start, userID=xiaojun',
      `2024-05-01 10:00:00.124 [DEBUG] TIM: login(userID: xiaojun, userSig: ${W.token})`,
      `2024-05-01 10:00:01.000 [ERROR] TRTC enterRoom failed: -100018 privateMapKey=${PMK}; retry`,
      `[v1] ${v1.p256.token}`,
      `${v1.secp256k1.token}`,
    ].join('\n');
    expectFinds(log, [W.token, PMK, v1.p256.token, v1.secp256k1.token]);
  });

  it('in JSON', () => {
    const json = JSON.stringify({ sdkAppId: 1400000000, userId: 'xiaojun', userSig: W.token, nested: { sig: STD, list: [PMK, STORED] } }, null, 2);
    expectFinds(json, [W.token, STD, PMK, STORED]);
  });

  it('in URLs: usersig=…& and at the end', () => {
    const url = `https://web.sdk.qcloud.com/trtc/demo?sdkAppId=1400000000&userId=xiaojun&userSig=${W.token}&roomId=8888#x`;
    expectFinds(url, [W.token]);
    expectFinds(`https://x.test/?usersig=${PMK}`, [PMK]);
    expectFinds(`https://x.test/?a=1&usersig=${STD}&b=2`, [STD]);
  });

  it('in HTML attribute text and element text', () => {
    const html = `<input name="userSig" value="${W.token}"><div data-sig='${STD}' title=${PMK}>${STORED}</div>`;
    expectFinds(html, [W.token, STD, PMK, STORED]);
  });

  it('both alphabets, with and without padding, next to punctuation', () => {
    const bareTencent = W.token.replace(/_+$/, '');
    const bareStd = STD.replace(/=+$/, '');
    const text = `(${W.token}), "${STD}". ${bareTencent}; [${bareStd}]\t${PMK}!`;
    expectFinds(text, [W.token, STD, bareTencent, bareStd, PMK]);
  });

  it('every found token decodes', async () => {
    const text = `a ${W.token} b ${STD} c ${PMK} d ${STORED} e ${v1.p256.token}`;
    for (const f of findUserSigs(text)) {
      expect((await decodeUserSig(f.text, { now: W.time })).ok, f.text.slice(0, 10)).toBe(true);
    }
  });

  it('no false positives in ordinary text and base64-looking words', () => {
    const noise = [
      'The quick brown fox jumps over the lazy dog. eJect, eNable, eAsy, eFfective.',
      'SecretKey 5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
      `TLS.sig ${W.sig}`, // base64, but no zlib header
      'JWT eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'uuid 123e4567-e89b-12d3-a456-426614174000, sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
      'path /usr/lib/x86_64-linux-gnu/libeJemalloc.so.2 and eJ-short',
      'an eJ token too short: eJyrVgrxCdYrSy1SslIy0jNQ',
      // a token glued to a longer word (no boundary before it) is not a token
      `X${W.token}`,
      `abc/${W.token.slice(0, 60)}`,
    ].join('\n');
    expect(findUserSigs(noise)).toEqual([]);
  });

  it('a token inside a longer base64 run is not cut out of it: found whole, and decode says why', async () => {
    expect(findUserSigs(`AAAA${W.token}`)).toEqual([]);
    const glued = `${W.token}AAAA`;
    expect(findUserSigs(glued)).toEqual([{ text: glued, index: 0, end: glued.length }]);
    const r = await decodeUserSig(glued);
    expect(r.ok ? 'ok' : r.problem).toMatchObject({ code: 'malformed-token', reason: 'bad-padding' });
  });

  it('non-strings and empty text give nothing', () => {
    expect(findUserSigs('')).toEqual([]);
    expect(findUserSigs(undefined as unknown as string)).toEqual([]);
    expect(findUserSigs(42 as unknown as string)).toEqual([]);
  });

  it('property: tokens dropped into random prose are found at their positions (200 cases)', () => {
    const prose = fc.string({ unit: fc.constantFrom(' ', '\n', 'a', 'b', 'z', '.', ',', ':', '"', '<', '>', '(', ')', '张', 'é', '😀', '?', '#'), maxLength: 30 });
    const tok = fc.constantFrom(W.token, STD, PMK, STORED, v1.p256.token, v1.secp256k1.token);
    fc.assert(
      fc.property(fc.array(fc.tuple(prose, tok), { maxLength: 6 }), prose, (pieces, tail) => {
        const text = pieces.map(([p, t]) => `${p} ${t} `).join('') + tail;
        expectFinds(text, pieces.map(([, t]) => t));
      }),
      { numRuns: 200 },
    );
  });
});

/** The search as it was: a regex with look-arounds, kept as the oracle for ordinary inputs. */
const OLD_USERSIG = /(?<![A-Za-z0-9*\-+/])e[AFJN][A-Za-z0-9*\-_+/]{38,}(?:==?|__?)?(?![A-Za-z0-9*\-_+/=])/g;
const oldFind = (text: string) => [...text.matchAll(OLD_USERSIG)].map((m) => ({ text: m[0], index: m.index, end: m.index + m[0].length }));

const TOKEN_CHAR = /[A-Za-z0-9*\-_+/]/;
/** Pieces that make and break tokens: headers, alphabet runs, padding, separators, real tokens. */
const piece = fc.oneof(
  fc.constantFrom('eJ', 'eA', 'eN', 'eF', 'e', 'J', '_', '__', '=', '==', '===', ' ', '.', '"', '%22', 'sig=', '\n', '张', '-', '+', '/', '*'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019*-_+/'), minLength: 1, maxLength: 50 }),
  fc.constantFrom(W.token, STD, PMK, STORED).map((t) => t.slice(0, 60)),
  fc.constantFrom(W.token, STD, PMK, STORED),
);
const mixed = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));


describe('findUserSigs on hostile and random input', () => {
  // No clock: the old regex needed 11 s for 90 kB of this; at 3 MB a quadratic search would need
  // hours, far past the test's timeout, while a linear one is done at once.
  it("'_eJ'.repeat(N) + '===' at 3 MB finishes (a quadratic search would not, within the test timeout)", () => {
    const hostile = '_eJ'.repeat(1_000_000) + '===';
    expect(findUserSigs(hostile)).toEqual([]);
    expect(findUserSigs(`${hostile} eJ${'A'.repeat(120)} `).map((f) => f.text.length)).toEqual([122]);
  });

  it('a run longer than MAX_USERSIG_LENGTH is not a token; one just under it is', () => {
    const under = `eJ${'A'.repeat(MAX_USERSIG_LENGTH - 2)}`;
    expect(findUserSigs(` ${under} `).map((f) => f.text.length)).toEqual([MAX_USERSIG_LENGTH]);
    expect(findUserSigs(` ${under}A `)).toEqual([]);
  });

  it('property: same results as the old regex on ordinary mixed text (500 cases)', () => {
    fc.assert(fc.property(mixed, (text) => { expect(findUserSigs(text)).toEqual(oldFind(text)); }), { numRuns: 500 });
  });

  it('property: every token is a maximal run (nothing of the alphabet glued on either side), and none overlap', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        let last = 0;
        for (const f of findUserSigs(text)) {
          expect(f.index).toBeGreaterThanOrEqual(last);
          last = f.end;
          const body = f.text.replace(/=+$/, '');
          expect([...body].every((c) => TOKEN_CHAR.test(c))).toBe(true);
          expect(f.text.length - body.length).toBeLessThanOrEqual(2);
          const before = text[f.index - 1];
          expect(before === undefined || before === '_' || !TOKEN_CHAR.test(before)).toBe(true);
          const after = text[f.end];
          expect(after === undefined || (after !== '=' && !TOKEN_CHAR.test(after))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
