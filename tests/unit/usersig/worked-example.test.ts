/** usersig-format.md §A.3, byte for byte, and the generator's input checks. */
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  ALL_PRIVILEGES,
  AUDIENCE_PRIVILEGES,
  DEFAULT_EXPIRE,
  decodeUserSig,
  generatePrivateMapKey,
  generateUserSig,
  privilegeBits,
  privilegeNames,
  verifyUserSig,
} from '../../../lib/usersig/index.ts';
import { WORKED_EXAMPLE as W, signedContent, zlibStored, utf8, tokenFromBytes } from '../../fixtures/usersig/hand-built.ts';
import { nodeInflate, official } from './_helpers.ts';

describe('the worked example of usersig-format.md §A.3', () => {
  it('the content string and TLS.sig (Node crypto, independently)', () => {
    const content = signedContent({ identifier: W.identifier, sdkAppId: W.sdkAppId, time: W.time, expire: W.expire });
    expect(content).toBe(W.content);
    expect(createHmac('sha256', W.key).update(content).digest('base64')).toBe(W.sig);
  });

  it('the official library gives exactly the token', () => {
    expect(official.userSig({ sdkAppId: W.sdkAppId, key: W.key, userId: W.identifier, expire: W.expire, time: W.time })).toBe(W.token);
    expect(nodeInflate(W.token).json).toBe(W.json);
  });

  it('our generator gives exactly the token, JSON and sig', async () => {
    const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: W.key, userId: W.identifier, expire: W.expire, now: W.time });
    expect(g).toEqual({ ok: true, userSig: W.token, json: W.json });
  });

  it('decodes to exactly its fields', async () => {
    const r = await decodeUserSig(W.token, { now: W.time });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.token).toEqual({
      version: '2.0',
      sdkAppId: W.sdkAppId,
      identifier: W.identifier,
      time: W.time,
      expire: W.expire,
      expiresAt: W.time + W.expire,
      sig: W.sig,
      raw: JSON.parse(W.json),
      json: W.json,
      alphabet: 'tencent',
    });
  });

  it('verifies with every check passed', async () => {
    const r = await verifyUserSig(W.token, { key: W.key, sdkAppId: W.sdkAppId, userId: W.identifier, now: W.time + 1000 });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.checks).toEqual([
      { check: 'signature', status: 'passed' },
      { check: 'sdkappid', status: 'passed' },
      { check: 'identifier', status: 'passed' },
      { check: 'expiry', status: 'passed' },
    ]);
  });

  it('sdkAppId may be given as text (trimmed), as typed in a form', async () => {
    const r = await verifyUserSig(W.token, { key: W.key, sdkAppId: ' 1400000000 ', now: W.time });
    expect(r.checks[1]).toEqual({ check: 'sdkappid', status: 'passed' });
  });

  it('reports every failing check, in the server order', async () => {
    const r = await verifyUserSig(W.token, { key: 'nope', sdkAppId: 1, userId: 'someone', now: W.time + W.expire + 10 });
    expect(r.problems.map((p) => [p.code, p.serverCode])).toEqual([
      ['signature-mismatch', 70009],
      ['sdkappid-mismatch', 70014],
      ['identifier-mismatch', 70013],
      ['expired', 70001],
    ]);
    expect(r.problems[3]?.seconds).toBe(10);
    expect(r.checks.map((c) => c.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
  });

  it('the same JSON as stored zlib blocks (the Go HEAD form, "eAE…") decodes and verifies the same', async () => {
    const stored = tokenFromBytes(zlibStored(utf8(W.json)));
    expect(stored.startsWith('eAE')).toBe(true);
    const r = await verifyUserSig(stored, { key: W.key, now: W.time });
    expect(r.ok).toBe(true);
    expect(r.token?.json).toBe(W.json);
  });

  it('other libraries\' JSON layouts verify (key order, spacing, escapes, trailing newline)', async () => {
    const layouts = [
      // Python: ", " and ": " separators, expire before time
      `{"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000, "TLS.expire": 15552000, "TLS.time": 1700000000, "TLS.sig": "${W.sig}"}`,
      // PHP: "/" escaped as "\/" inside the sig
      `{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"${W.sig.replace(/\//g, '\\/')}"}`,
      // Go HEAD: json.Encoder's trailing newline
      `{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"${W.sig}"}\n`,
      // C++: sdkappid first; identifier spelled with \\u escapes
      `{"TLS.ver":"2.0","TLS.sdkappid":1400000000,"TLS.identifier":"\\u0078iaojun","TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"${W.sig}"}`,
    ];
    for (const json of layouts) {
      const r = await verifyUserSig(tokenFromBytes(zlibStored(utf8(json))), { key: W.key, userId: 'xiaojun', now: W.time });
      expect(r.ok, json).toBe(true);
    }
  });
});

describe('generation', () => {
  it('defaults: 180 days, the clock', async () => {
    const before = Math.floor(Date.now() / 1000);
    const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: W.key, userId: 'u' });
    const after = Math.floor(Date.now() / 1000);
    expect(DEFAULT_EXPIRE).toBe(15_552_000);
    if (!g.ok) throw new Error(g.problem.code);
    const doc = JSON.parse(g.json);
    expect(doc['TLS.expire']).toBe(DEFAULT_EXPIRE);
    expect(doc['TLS.time']).toBeGreaterThanOrEqual(before);
    expect(doc['TLS.time']).toBeLessThanOrEqual(after);
  });

  it('privileges as names give the same mask', async () => {
    const base = { sdkAppId: W.sdkAppId, key: W.key, userId: 'u', roomId: 1234, now: W.time };
    const byBits = await generatePrivateMapKey({ ...base, privileges: AUDIENCE_PRIVILEGES });
    const byNames = await generatePrivateMapKey({ ...base, privileges: ['enterRoom', 'receiveAudio', 'receiveVideo'] });
    expect(byNames).toEqual(byBits);
    expect(privilegeBits(privilegeNames(ALL_PRIVILEGES))).toBe(255);
    expect(privilegeNames(128)).toEqual(['receiveSubVideo']); // not the libraries' "200" typo
  });

  it.each([
    ['sdkAppId 0', { sdkAppId: 0 }, 'TLS.sdkappid'],
    ['sdkAppId over 32 bits', { sdkAppId: 2 ** 32 }, 'TLS.sdkappid'],
    ['sdkAppId fractional', { sdkAppId: 1.5 }, 'TLS.sdkappid'],
    ['empty UserID', { userId: '' }, 'TLS.identifier'],
    ['expire not whole', { expire: 1.5 }, 'TLS.expire'],
    ['expire past 2^53', { expire: 2 ** 53 }, 'TLS.expire'],
    ['negative clock', { now: -1 }, 'TLS.time'],
  ] as const)('rejects %s', async (_name, patch, field) => {
    const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: W.key, userId: 'u', now: W.time, ...patch });
    expect(g.ok ? 'ok' : g.problem).toMatchObject({ code: 'schema-invalid', serverCode: 70005, field });
  });

  it.each([
    ['room 0', { roomId: 0 }, 'roomId'],
    ['room past the documented range', { roomId: 4294967295 }, 'roomId'],
    ['no room at all', {}, 'roomId'],
    ['privileges past 255', { roomId: 1, privileges: 256 }, 'privileges'],
    ['negative privileges', { roomId: 1, privileges: -1 }, 'privileges'],
  ] as const)('PrivateMapKey rejects %s', async (_name, patch, field) => {
    const g = await generatePrivateMapKey({ sdkAppId: W.sdkAppId, key: W.key, userId: 'u', now: W.time, privileges: 255, ...patch });
    expect(g.ok ? 'ok' : g.problem).toMatchObject({ code: 'schema-invalid', field });
  });

  it('the empty SecretKey signs like Node (RFC 2104 fallback; Web Crypto refuses empty HMAC keys)', async () => {
    const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: '', userId: 'u', now: W.time, expire: 86400 });
    if (!g.ok) throw new Error(g.problem.code);
    expect(g.userSig).toBe(official.userSig({ sdkAppId: W.sdkAppId, key: '', userId: 'u', time: W.time, expire: 86400 }));
    expect((await verifyUserSig(g.userSig, { key: '', now: W.time })).ok).toBe(true);
  });
});
