import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess, decodeUserSig, generatePrivateMapKey, generateUserSig } from '../../../lib/usersig/index.ts';
import { compareTokens } from '../../../lib/usersig/compare.ts';

const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const NOW = 1_735_689_600;

async function judged(token: string, options: { key?: string; sdkAppId?: number } = {}) {
  return assess(await decodeUserSig(token, { now: NOW }), { ...options, now: NOW });
}
async function userSig(userId: string, expire: number, time = NOW, sdkAppId = 1400000001) {
  const g = await generateUserSig({ sdkAppId, key: KEY, userId, expire, now: time });
  if (!g.ok) throw new Error('generate');
  return g.userSig;
}

describe('compareTokens', () => {
  it('marks the fields that differ and says which token the server rejects, and why', async () => {
    const a = await judged(await userSig('alice', 86_400));
    const b = await judged(await userSig('alice', 60, NOW - 3_600));
    const { rows, server } = compareTokens(a, b);
    const differs = Object.fromEntries(rows.map((r) => [r.field, r.differs]));
    expect(differs).toEqual({ sdkAppId: false, identifier: false, time: true, expire: true, expiresAt: true, version: false, alphabet: false, sig: true });
    expect(server).toEqual(['unchecked', 'rejects']);
    expect(b.problems.map((p) => p.serverCode)).toEqual([70001]);
  });

  it('with the key and an expected SDKAppID, the other app is rejected (70014)', async () => {
    const a = await judged(await userSig('alice', 86_400), { key: KEY, sdkAppId: 1400000001 });
    const b = await judged(await userSig('alice', 86_400, NOW, 1400000002), { key: KEY, sdkAppId: 1400000001 });
    expect(compareTokens(a, b).server).toEqual(['accepts', 'rejects']);
    expect(b.problems.map((p) => p.code)).toEqual(['sdkappid-mismatch']);
  });

  it('without the key, a token signed with another key is not accepted: its signature is unchecked; with the key, 70009', async () => {
    const other = await generateUserSig({ sdkAppId: 1400000001, key: KEY.replace(/^5/, '6'), userId: 'alice', expire: 86_400, now: NOW });
    if (!other.ok) throw new Error('generate');
    const good = await userSig('alice', 86_400);
    expect(compareTokens(await judged(good), await judged(other.userSig)).server).toEqual(['unchecked', 'unchecked']);
    const keyed = await judged(other.userSig, { key: KEY });
    expect(compareTokens(await judged(good, { key: KEY }), keyed).server).toEqual(['accepts', 'rejects']);
    expect(keyed.problems.map((p) => p.serverCode)).toEqual([70009]);
  });

  it('shows the PrivateMapKey room and privileges, absent on a plain UserSig', async () => {
    const g = await generatePrivateMapKey({ sdkAppId: 1400000001, key: KEY, userId: 'alice', expire: 86_400, now: NOW, roomStr: 'lobby', privileges: 42 });
    if (!g.ok) throw new Error('generate');
    const { rows } = compareTokens(await judged(g.userSig), await judged(await userSig('alice', 86_400)));
    expect(rows.filter((r) => r.field === 'room' || r.field === 'privileges').map((r) => [r.field, ...r.values])).toEqual([
      ['room', 'lobby', undefined],
      ['privileges', 42, undefined],
    ]);
  });

  it('a token compared with itself differs nowhere; a token that does not decode has no values (property)', async () => {
    const broken = await judged('not a token');
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 31 }), async (userId, expire) => {
        const a = await judged(await userSig(userId, expire));
        expect(compareTokens(a, a).rows.every((r) => !r.differs)).toBe(true);
        const rows = compareTokens(a, broken).rows;
        expect(rows.every((r) => r.values[1] === undefined && r.differs)).toBe(true);
        expect(compareTokens(a, broken).server[1]).toBe('rejects');
      }),
      { numRuns: 100 },
    );
  });
});
