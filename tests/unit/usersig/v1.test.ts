/** The legacy ECDSA (v1) tokens: the two real ones and their public keys (usersig-format.md §C). */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { decodeUserSig, describeProblem, verifyUserSig } from '../../../lib/usersig/index.ts';
import { SAMPLE_KEY, toBase64, tokenFromText } from '../../fixtures/usersig/hand-built.ts';
import { nodeInflate } from './_helpers.ts';

const require = createRequire(import.meta.url);
interface RealV1 { sdkAppId: number; identifier: string; token: string; publicKey: string }
const real = require('../../fixtures/usersig/v1-real-tokens.json') as { p256: RealV1; secp256k1: RealV1 };

async function otherP256PublicKey(): Promise<string> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  return `-----BEGIN PUBLIC KEY-----\n${spki.replace(/.{64}/g, '$&\n')}\n-----END PUBLIC KEY-----\n`;
}

describe('v1 (ECDSA) tokens', () => {
  for (const curve of ['p256', 'secp256k1'] as const) {
    const t = real[curve];
    it(`the real ${curve} token decodes to version v1 with its fields`, async () => {
      const r = await decodeUserSig(t.token, { now: 1_600_000_000 });
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      const doc = nodeInflate(t.token).doc;
      expect(r.token.version).toBe('v1');
      expect(r.token.alphabet).toBe('tencent');
      expect(r.token.sdkAppId).toBe(t.sdkAppId);
      expect(r.token.identifier).toBe(t.identifier);
      expect(r.token.time).toBe(Number(doc['TLS.time']));
      expect(r.token.expire).toBe(Number(doc['TLS.expire_after']));
      expect(r.token.expiresAt).toBe(r.token.time + r.token.expire);
      expect(r.token.sig).toBe(doc['TLS.sig']);
      expect(r.token.v1?.accountType).toBe(doc['TLS.account_type']);
      expect(r.token.v1?.appidAt3rd).toBe(doc['TLS.appid_at_3rd']);
      expect(r.token.v1?.apiVersion).toBe(doc['TLS.version']);
    });
  }

  it('the P-256 token: its fields as published (2018-04-09, admin, account_type 0, CRLF in the sig)', async () => {
    const r = await decodeUserSig(real.p256.token, { now: 1_600_000_000 });
    expect(r.ok && r.token).toMatchObject({ time: 1523240877, expire: 15552000, v1: { accountType: '0', appidAt3rd: '0', apiVersion: '201512300000' } });
    expect(r.ok && r.token.sig).toContain('\r\n');
  });

  it('the secp256k1 token: account_type 116 and no appid_at_3rd (2018-03-28)', async () => {
    const r = await decodeUserSig(real.secp256k1.token, { now: 1_600_000_000 });
    expect(r.ok && r.token).toMatchObject({ time: 1522227979, expire: 2592000, v1: { accountType: '116', appidAt3rd: undefined } });
  });

  it('the P-256 token verifies with its public key', async () => {
    const r = await verifyUserSig(real.p256.token, { key: real.p256.publicKey, sdkAppId: real.p256.sdkAppId, userId: 'admin', now: 1523240877 });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  });

  it('…also as bare base64, or with CRLF line ends', async () => {
    const bare = real.p256.publicKey.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    for (const key of [bare, real.p256.publicKey.replace(/\n/g, '\r\n')]) {
      const r = await verifyUserSig(real.p256.token, { key, now: 1523240877 });
      expect(r.checks[0]).toEqual({ check: 'signature', status: 'passed' });
    }
  });

  it('…and is expired now (180 days from 2018), like the C++ reference says', async () => {
    const r = await verifyUserSig(real.p256.token, { key: real.p256.publicKey });
    expect(r.problems.map((p) => p.code)).toEqual(['expired']);
  });

  it('the P-256 token fails with a different P-256 key (70009)', async () => {
    const r = await verifyUserSig(real.p256.token, { key: await otherP256PublicKey(), now: 1523240877 });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'signature-mismatch', serverCode: 70009, reason: 'wrong-key' });
    expect(r.checks[0]).toEqual({ check: 'signature', status: 'failed' });
  });

  it('the secp256k1 token is unsupported-version / secp256k1-key, signature skipped, fields still checked', async () => {
    const r = await verifyUserSig(real.secp256k1.token, { key: real.secp256k1.publicKey, sdkAppId: real.secp256k1.sdkAppId, userId: '10001', now: 1522227979 });
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'unsupported-version', reason: 'secp256k1-key' });
    expect(r.checks).toEqual([
      { check: 'signature', status: 'skipped' },
      { check: 'sdkappid', status: 'passed' },
      { check: 'identifier', status: 'passed' },
      { check: 'expiry', status: 'passed' },
    ]);
    for (const lang of ['zh', 'en'] as const) {
      const text = describeProblem(r.problems[0]!, lang);
      expect(text.title && text.cause && text.fix).toBeTruthy();
    }
  });

  it('a v1 token checked with a SecretKey says v1-needs-public-key', async () => {
    const r = await verifyUserSig(real.p256.token, { key: SAMPLE_KEY, now: 1523240877 });
    expect(r.problems[0]).toMatchObject({ code: 'unsupported-version', reason: 'v1-needs-public-key' });
    expect(r.checks[0]).toEqual({ check: 'signature', status: 'skipped' });
  });

  it('a v1 token checked with a private key, or nothing, says v1-needs-public-key', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const pkcs8 = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
    for (const key of [`-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----`, '']) {
      const r = await verifyUserSig(real.p256.token, { key, now: 1523240877 });
      expect(r.problems[0], key.slice(0, 20)).toMatchObject({ code: 'unsupported-version', reason: 'v1-needs-public-key' });
    }
  });

  it('a v1 token checked with an RSA public key is not a silent pass', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const spki = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
    const r = await verifyUserSig(real.p256.token, { key: spki, now: 1523240877 });
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toMatch(/unsupported-version|signature-mismatch/);
  });

  it('a changed v1 identifier breaks the signature', async () => {
    const { json } = nodeInflate(real.p256.token);
    const forged = tokenFromText(json.replace('"admin"', '"admim"'));
    const r = await verifyUserSig(forged, { key: real.p256.publicKey, now: 1523240877 });
    expect(r.problems[0]).toMatchObject({ code: 'signature-mismatch', serverCode: 70009 });
  });

  it('the oldest plaintext v1 form (raw JSON, ISO time) decodes as alphabet "plaintext"', async () => {
    const json = JSON.stringify({
      'TLS.account_type': '0',
      'TLS.identifier': 'admin',
      'TLS.appid_at_3rd': '0',
      'TLS.sdk_appid': '1400078997',
      'TLS.expire_after': '86400',
      'TLS.time': '2018-04-09T10:00:00-08:00',
      'TLS.sig': 'MEUCIQ==',
    });
    const r = await decodeUserSig(json, { now: 1_600_000_000 });
    expect(r.ok && r.token).toMatchObject({ version: 'v1', alphabet: 'plaintext', time: Date.parse('2018-04-09T18:00:00Z') / 1000, expire: 86400 });
  });
});
