/** Warnings: the token is usable, but something about it deserves a word. */
import { describe, expect, it } from 'vitest';
import { decodeUserSig, describeWarning, generatePrivateMapKey, generateUserSig, verifyUserSig } from '../../../lib/usersig/index.ts';
import type { Warning, WarningCode } from '../../../lib/usersig/index.ts';
import { SAMPLE_KEY, WORKED_EXAMPLE as W, privateMapKeyBytes, signedToken, toBase64 } from '../../fixtures/usersig/hand-built.ts';
import type { V2Fields } from '../../fixtures/usersig/hand-built.ts';

const codes = (ws: Warning[]) => ws.map((w) => w.code);
const fields: V2Fields = { identifier: W.identifier, sdkAppId: W.sdkAppId, time: W.time, expire: W.expire };

async function tokenWith(patch: Partial<V2Fields>): Promise<string> {
  return signedToken({ ...fields, ...patch }, SAMPLE_KEY);
}

async function warningsOf(token: string, now: number = W.time): Promise<Warning[]> {
  const r = await verifyUserSig(token, { key: SAMPLE_KEY, now });
  expect(r.checks[0], 'signature still verifies').toEqual({ check: 'signature', status: 'passed' });
  return r.warnings;
}

describe('warnings', () => {
  it('none for the worked example', async () => {
    expect(await warningsOf(W.token)).toEqual([]);
  });

  it('time-in-future: more than 300 s ahead of the clock, with the seconds', async () => {
    expect(codes(await warningsOf(W.token, W.time - 300))).not.toContain('time-in-future');
    const ws = await warningsOf(W.token, W.time - 301);
    expect(ws).toContainEqual({ code: 'time-in-future', seconds: 301 });
  });

  it('missing-padding: the trailing "_" removed, still decodes to the same token', async () => {
    const r = await decodeUserSig(W.token.replace(/_+$/, ''), { now: W.time });
    expect(r.ok && r.token.json).toBe(W.json);
    expect(codes(r.warnings)).toEqual(['missing-padding']);
  });

  it('trimmed-whitespace: line breaks inside and spaces around (a wrapped log line)', async () => {
    const wrapped = `  ${W.token.slice(0, 60)}\n${W.token.slice(60, 120)}\r\n\t${W.token.slice(120)}  \n`;
    const r = await decodeUserSig(wrapped, { now: W.time });
    expect(r.ok && r.token.json).toBe(W.json);
    expect(codes(r.warnings)).toEqual(['trimmed-whitespace']);
    const outer = await decodeUserSig(` ${W.token}\n`, { now: W.time });
    expect(codes(outer.warnings)).toEqual(['trimmed-whitespace']);
  });

  it('standard-base64: + / = instead of * - _, decoded the same, alphabet "standard"', async () => {
    const std = W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
    const r = await decodeUserSig(std, { now: W.time });
    expect(r.ok && r.token.alphabet).toBe('standard');
    expect(r.ok && r.token.json).toBe(W.json);
    expect(codes(r.warnings)).toEqual(['standard-base64']);
    // …and without its "=" padding, both warnings
    const bare = await decodeUserSig(std.replace(/=+$/, ''), { now: W.time });
    expect(codes(bare.warnings).sort()).toEqual(['missing-padding', 'standard-base64']);
  });

  it('short-validity under 24 h (server code 70001), none at exactly 24 h', async () => {
    expect(await warningsOf(await tokenWith({ expire: 86_399 }))).toContainEqual({ code: 'short-validity', seconds: 86_399, serverCode: 70001 });
    expect(codes(await warningsOf(await tokenWith({ expire: 86_400 })))).not.toContain('short-validity');
    expect(codes(await warningsOf(await tokenWith({ expire: 0 })))).toContain('short-validity');
    expect(codes(await warningsOf(await tokenWith({ expire: -5 })))).toContain('short-validity');
  });

  it('long-validity past 50 years, none at exactly 50 years', async () => {
    const fifty = 50 * 365 * 86_400;
    expect(codes(await warningsOf(await tokenWith({ expire: fifty })))).not.toContain('long-validity');
    expect(await warningsOf(await tokenWith({ expire: fifty + 1 }))).toContainEqual({ code: 'long-validity', seconds: fifty + 1 });
  });

  it('identifier-not-sdk-safe (7003): non-ASCII, controls, over 32 bytes, empty; none for 32 printable ASCII', async () => {
    for (const identifier of ['张三', 'a\tb', 'x'.repeat(33), '', 'é', 'emoji😀']) {
      const ws = await warningsOf(await tokenWith({ identifier }));
      expect(ws, JSON.stringify(identifier)).toContainEqual({ code: 'identifier-not-sdk-safe', actual: identifier, serverCode: 7003 });
    }
    for (const identifier of ['x'.repeat(32), ' ~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',.', 'user_01-A']) {
      expect(codes(await warningsOf(await tokenWith({ identifier }))), identifier).not.toContain('identifier-not-sdk-safe');
    }
  });

  it('userbuf-unrecognised: arbitrary userbuf bytes (genSig accepts any), signature still fine', async () => {
    for (const userbuf of [toBase64(new TextEncoder().encode('hello')), '', toBase64(new Uint8Array(23).fill(7))]) {
      const r = await verifyUserSig(await tokenWith({ userbuf }), { key: SAMPLE_KEY, now: W.time });
      expect(r.ok, userbuf).toBe(true);
      expect(r.warnings, userbuf).toContainEqual({ code: 'userbuf-unrecognised', field: 'TLS.userbuf' });
      expect(r.token?.userbuf).toBeUndefined();
      expect(r.token?.userbufBase64).toBe(userbuf);
    }
  });

  it('userbuf-unrecognised: a PrivateMapKey layout with trailing bytes or a bad version', async () => {
    const good = privateMapKeyBytes({ account: W.identifier, sdkAppId: W.sdkAppId, roomId: 1, expiresAt: W.time + W.expire, privileges: 255 });
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    const badVersion = good.slice();
    badVersion[0] = 2;
    for (const bytes of [longer, badVersion, good.subarray(0, -1)]) {
      const ws = await warningsOf(await tokenWith({ userbuf: toBase64(bytes) }));
      expect(codes(ws)).toContain('userbuf-unrecognised');
    }
    expect(codes(await warningsOf(await tokenWith({ userbuf: toBase64(good) })))).toEqual([]);
  });

  it('userbuf-mismatch: the PrivateMapKey names another app, account or expiry', async () => {
    const base: Parameters<typeof privateMapKeyBytes>[0] = { account: W.identifier, sdkAppId: W.sdkAppId, roomId: 1, expiresAt: W.time + W.expire, privileges: 255 };
    const cases: Array<[Partial<typeof base>, string]> = [
      [{ sdkAppId: 1400000001 }, 'sdkAppId'],
      [{ account: 'xiaojun2' }, 'account'],
      [{ expiresAt: W.time + W.expire + 2 }, 'expiresAt'],
    ];
    for (const [patch, field] of cases) {
      const ws = await warningsOf(await tokenWith({ userbuf: toBase64(privateMapKeyBytes({ ...base, ...patch })) }));
      expect(ws.filter((w) => w.code === 'userbuf-mismatch').map((w) => w.field)).toEqual([field]);
    }
    // One second apart is normal (the libraries read the clock twice).
    const ws = await warningsOf(await tokenWith({ userbuf: toBase64(privateMapKeyBytes({ ...base, expiresAt: W.time + W.expire + 1 })) }));
    expect(codes(ws)).toEqual([]);
  });

  it('key-format: a key that is not 64 lower-case hex characters', async () => {
    const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: 'my-own-secret', userId: 'u', now: W.time, expire: 86400 });
    if (!g.ok) throw new Error(g.problem.code);
    const r = await verifyUserSig(g.userSig, { key: 'my-own-secret', now: W.time });
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['key-format']);
    expect(codes((await verifyUserSig(W.token, { key: SAMPLE_KEY, now: W.time })).warnings)).toEqual([]);
  });

  it('a PrivateMapKey past the 32-bit wrap of dwExpTime reads back without mismatch', async () => {
    const now = 2 ** 32 - 100;
    const g = await generatePrivateMapKey({ sdkAppId: W.sdkAppId, key: SAMPLE_KEY, userId: 'u', roomId: 9, privileges: 255, now, expire: 86_400 });
    if (!g.ok) throw new Error(g.problem.code);
    const r = await verifyUserSig(g.userSig, { key: SAMPLE_KEY, now });
    expect(r.ok).toBe(true);
    expect(r.token?.userbuf?.expiresAt).toBe((now + 86_400) % 2 ** 32);
    expect(codes(r.warnings)).toEqual([]);
  });

  it('every warning code has text in zh and en', () => {
    const all: WarningCode[] = ['time-in-future', 'missing-padding', 'trimmed-whitespace', 'standard-base64', 'short-validity', 'long-validity', 'identifier-not-sdk-safe', 'userbuf-unrecognised', 'userbuf-mismatch', 'key-format'];
    for (const code of all) {
      for (const lang of ['zh', 'en'] as const) {
        const text = describeWarning({ code, seconds: 90_000, field: 'sdkAppId', expected: '1', actual: '2' }, lang);
        expect(text.trim(), `${code}/${lang}`).not.toBe('');
        expect(text).not.toBe(code);
        expect(text).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
