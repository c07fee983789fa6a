/**
 * Codec bugs found by the tests, each pinned to its smallest input. These tests state the
 * behaviour the issue asks for and FAIL against lib/usersig as of 90e27bd; they pass once
 * the codec is fixed (the fix belongs to lib/usersig, not here).
 */
import { describe, expect, it } from 'vitest';
import { decodeUserSig, generatePrivateMapKey, verifyUserSig } from '../../../lib/usersig/index.ts';
import { SAMPLE_KEY, WORKED_EXAMPLE as W, signedToken } from '../../fixtures/usersig/hand-built.ts';

describe('codec bugs (fail until lib/usersig is fixed)', () => {
  it('a single-character change in the spare bits of the last base64 character is caught', async () => {
    // The worked example ends "…8g__": two padding characters, so the 'g' (100000) carries
    // 4 spare bits. 'h' (100001) differs only there: the bytes are identical, and the changed
    // token decodes and verifies without a word. tencent-base64.ts hands the body to atob,
    // which ignores spare bits; real encoders always leave them zero.
    const changed = `${W.token.slice(0, -3)}h__`;
    expect(changed).not.toBe(W.token);
    const result = await verifyUserSig(changed, { key: SAMPLE_KEY, now: W.time });
    const flagged = !result.ok || result.warnings.length > 0;
    expect(flagged, `"${changed}" verifies as the original with no problem or warning`).toBe(true);
  });

  it('JSON text that starts with a byte-order mark is rejected, as JSON.parse, Go and PHP do', async () => {
    // decode.ts decodes with TextDecoder('utf-8', { fatal: true }), which strips a leading
    // U+FEFF, so the token is accepted here while the servers' JSON parsers reject it.
    const fields = { identifier: W.identifier, sdkAppId: W.sdkAppId, time: W.time, expire: W.expire };
    const token = await signedToken(fields, SAMPLE_KEY, (doc) => `\ufeff${JSON.stringify(doc)}`);
    expect(() => JSON.parse(`\ufeff${W.json}`)).toThrow();
    const result = await decodeUserSig(token, { now: W.time });
    expect(result.ok ? 'ok' : result.problem.code).toBe('json-invalid');
  });

  it('our own PrivateMapKey for a UserID with a leading U+FEFF reads back without userbuf-mismatch', async () => {
    // userbuf.ts reads the account with new TextDecoder('utf-8'), which drops a leading
    // U+FEFF as a BOM (ignoreBOM defaults to false): account "\ufeffa" comes back as "a".
    const g = await generatePrivateMapKey({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: '\ufeffa', roomId: 1234, privileges: 255, now: W.time, expire: 86400 });
    if (!g.ok) throw new Error(g.problem.code);
    const result = await verifyUserSig(g.userSig, { key: SAMPLE_KEY, userId: '\ufeffa', now: W.time });
    expect(result.token?.userbuf?.account).toBe('\ufeffa');
    expect(result.warnings.filter((w) => w.code === 'userbuf-mismatch')).toEqual([]);
  });

  it('our own PrivateMapKey keeps a room string that starts with U+FEFF', async () => {
    const g = await generatePrivateMapKey({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: 'a', roomStr: '\ufeffroom', privileges: 255, now: W.time, expire: 86400 });
    if (!g.ok) throw new Error(g.problem.code);
    const result = await decodeUserSig(g.userSig, { now: W.time });
    expect(result.ok && result.token.userbuf?.roomStr).toBe('\ufeffroom');
  });

  it('our own PrivateMapKey for a UserID with a lone surrogate reads back without userbuf-mismatch', async () => {
    // The generator writes the UserID as UTF-8 (a lone surrogate becomes EF BF BD, U+FFFD);
    // token.ts compares the decoded account with the identifier and with the Node low-byte
    // form, never with the identifier's own UTF-8 bytes, so it flags its own output.
    const userId = 'a\ud83d';
    const g = await generatePrivateMapKey({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId, roomId: 1234, privileges: 255, now: W.time, expire: 86400 });
    if (!g.ok) throw new Error(g.problem.code);
    const result = await verifyUserSig(g.userSig, { key: SAMPLE_KEY, userId, now: W.time });
    expect(result.ok).toBe(true);
    expect(result.warnings.filter((w) => w.code === 'userbuf-mismatch')).toEqual([]);
  });

  it('verifyUserSig with a fractional clock (now: Date.now() / 1000) returns a result instead of throwing', async () => {
    // verify.ts checkClaims does BigInt(now), which throws RangeError for a non-integer, and
    // nothing catches it: the promise rejects. decodeUserSig accepts the same `now` fine.
    for (const now of [W.time + 0.5, Number.NaN]) {
      const result = await verifyUserSig(W.token, { key: SAMPLE_KEY, now }).catch((e: unknown) => e);
      expect(result, String(now)).not.toBeInstanceOf(Error);
    }
  });
});
