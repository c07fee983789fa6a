/**
 * The lint on tokens made by Tencent's own generators: tls-sig-api-v2 1.0.2 (Node) and the browser
 * generator lib-generate-test-usersig-es.min.js as shipped in @tencentcloud/chat-uikit-wechat 2.4.5.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
// @ts-expect-error: a minified ES module without types
import LibGenerateTestUserSig from '@tencentcloud/chat-uikit-wechat/debug/lib-generate-test-usersig-es.min.js';
import { decodeUserSig, describeLint, lintToken, type Lint, type LintCode } from '../../../lib/usersig/index.ts';
import { warningsBesideLints } from '../../../lib/usersig/lint.ts';
import { atClock, official } from './_helpers.ts';

const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const SDKAPPID = 1400000000;
const TIME = 1_700_000_000;

interface BrowserGenerator {
  genTestUserSig(userId: string): string;
}
const BrowserGen = LibGenerateTestUserSig as new (sdkAppId: number, key: string, expire: number) => BrowserGenerator;

/** The browser generator logs the key and its output; its clock is Math.round(Date.now() / 1000). */
function browserUserSig(userId: string, expire: number, time = TIME): string {
  return atClock(time * 1000, () => new BrowserGen(SDKAPPID, KEY, expire).genTestUserSig(userId));
}
const nodeUserSig = (userId: string, expire: number, time = TIME) => official.userSig({ sdkAppId: SDKAPPID, key: KEY, userId, expire, time });

async function lintsOf(token: string, now = TIME): Promise<Lint[]> {
  return lintToken(await decodeUserSig(token, { now }), { now });
}
const codes = (lints: Lint[]) => lints.map((l) => l.code);

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

const GENERATORS = [
  ['tls-sig-api-v2 (Node)', nodeUserSig],
  ['lib-generate-test-usersig (browser)', browserUserSig],
] as const;

describe.each(GENERATORS)('lint on UserSigs from %s', (_name, generate) => {
  it.each<[number, LintCode]>([
    [0, 'validity-zero'],
    [60, 'validity-very-short'],
    [299, 'validity-very-short'],
    [366 * 86_400, 'validity-over-year'],
    [86_400.5, 'validity-fractional'],
    [-1, 'validity-out-of-range'],
    [2 ** 53 + 2, 'validity-out-of-range'],
  ])('validity %s → %s', async (expire, code) => {
    const lints = await lintsOf(generate('alice', expire));
    expect(codes(lints)).toEqual([code]);
    expect(lints[0]!.field).toBe('TLS.expire');
  });

  it('a validity between 5 minutes and a year, a plain UserID: nothing', async () => {
    for (const expire of [300, 86_400, 604_800, 15_552_000, 365 * 86_400]) expect(await lintsOf(generate('alice_01-x', expire))).toEqual([]);
  });

  it.each([
    ['alice@example.com', '@.'],
    ['张三', '张三'],
    ['a b', ' '],
    ['a'.repeat(33), 'length'],
  ])('UserID %j is one the SDKs may refuse (%s)', async (userId, detail) => {
    const lints = await lintsOf(generate(userId, 86_400));
    expect(lints).toEqual([{ code: 'userid-not-allowed', field: 'TLS.identifier', actual: userId, detail }]);
  });

  it('a token issued an hour ahead of the clock', async () => {
    const lints = await lintsOf(generate('alice', 86_400, TIME + 3_600), TIME);
    expect(lints).toEqual([{ code: 'issued-in-future', field: 'TLS.time', seconds: 3_600 }]);
    expect(await lintsOf(generate('alice', 86_400, TIME + 60), TIME)).toEqual([]);
  });
});

describe('lint on PrivateMapKeys from tls-sig-api-v2 (Node)', () => {
  const base = { sdkAppId: SDKAPPID, key: KEY, expire: 86_400, time: TIME };

  it('every privilege (255), not 42', async () => {
    expect(codes(await lintsOf(official.privateMapKey({ ...base, userId: 'alice', roomId: 1234, privileges: 255 })))).toEqual(['all-privileges']);
    expect(await lintsOf(official.privateMapKey({ ...base, userId: 'alice', roomId: 1234, privileges: 42 }))).toEqual([]);
  });

  it('a Latin-1 account and room read back exactly: Zürich', async () => {
    const lints = await lintsOf(official.privateMapKeyWithRoomStr({ ...base, userId: 'Zürich', roomStr: 'Café', privileges: 42 }));
    const latin1 = lints.filter((l) => l.code === 'privatemapkey-latin1');
    expect(latin1.map((l) => [l.field, l.reading])).toEqual([
      ['account', 'Zürich'],
      ['roomStr', 'Café'],
    ]);
    // The server compares the stored low bytes with the UTF-8 bytes the client sends.
    expect(latin1[0]).toMatchObject({ actual: '5a fc 72 69 63 68', expected: '5a c3 bc 72 69 63 68' });
    expect(describeLint(latin1[0]!, 'en').cause).toContain('"Zürich"');
    expect(describeLint(latin1[0]!, 'zh').cause).toContain('「Zürich」');
  });

  it('张三 keeps only its low bytes: lossy, named as such', async () => {
    const lints = await lintsOf(official.privateMapKey({ ...base, userId: '张三', roomId: 1234, privileges: 42 }));
    expect(lints.find((l) => l.code === 'privatemapkey-lossy')).toMatchObject({ field: 'account', actual: '20 09', reading: ' \t', expected: 'e5 bc a0 e4 b8 89' });
  });

  it('ASCII accounts and rooms give no PrivateMapKey lint (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/), fc.stringMatching(/^[ -~]{1,64}$/), async (userId, roomStr) => {
        const lints = await lintsOf(official.privateMapKeyWithRoomStr({ ...base, userId, roomStr, privileges: 42 }));
        expect(lints).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('any account of Latin-1 characters comes back exactly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c < 0x7f || c > 0x9f).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }), async (userId) => {
        const lints = await lintsOf(official.privateMapKey({ ...base, userId, roomId: 7, privileges: 42 }));
        const found = lints.find((l) => l.code === 'privatemapkey-latin1');
        if (/[^\x00-\x7f]/.test(userId)) expect(found).toMatchObject({ field: 'account', reading: userId });
        else expect(found).toBeUndefined();
        expect(lints.some((l) => l.code === 'privatemapkey-lossy')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lint on any input', () => {
  it('never throws and every lint has texts in both languages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.oneof(fc.integer({ min: -10, max: 2 ** 40 }), fc.double({ noNaN: true, min: -1e20, max: 1e20 })), async (userId, expire) => {
        const lints = await lintsOf(nodeUserSig(userId, expire));
        for (const l of lints) for (const lang of ['en', 'zh'] as const) {
          const t = describeLint(l, lang);
          expect(t.title).not.toBe(l.code);
          expect(t.cause.length).toBeGreaterThan(0);
          expect(t.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a token that does not decode for another reason gives no lint', async () => {
    expect(lintToken(await decodeUserSig('not a token'))).toEqual([]);
  });
});

describe('warnings beside the lint: each fact once, in its fuller form', () => {
  async function shown(token: string, now = TIME) {
    const decoded = await decodeUserSig(token, { now });
    if (!decoded.ok) throw new Error('decode');
    const lints = lintToken(decoded, { now });
    return { lints: codes(lints), decodeWarnings: decoded.warnings.map((w) => w.code), beside: warningsBesideLints(decoded.warnings, lints).map((w) => w.code) };
  }

  it.each([
    ['a UserID the SDKs refuse (Zürich)', nodeUserSig('Zürich', 86_400), 'userid-not-allowed', 'identifier-not-sdk-safe'],
    ['a token issued an hour ahead', nodeUserSig('alice', 86_400, TIME + 3_600), 'issued-in-future', 'time-in-future'],
    ['a validity of 0', nodeUserSig('alice', 0), 'validity-zero', 'short-validity'],
    ['a validity of 4 minutes', nodeUserSig('alice', 240), 'validity-very-short', 'short-validity'],
  ])('%s: the lint says it, the warning is not shown beside it', async (_name, token, lint, warning) => {
    const { lints, decodeWarnings, beside } = await shown(token);
    expect(lints).toContain(lint);
    expect(decodeWarnings).toContain(warning);
    expect(beside).not.toContain(warning);
  });

  it('a warning no lint says again stays: a validity of one hour (short, but no lint), a validity past 50 years', async () => {
    expect(await shown(nodeUserSig('alice', 3_600))).toEqual({ lints: [], decodeWarnings: ['short-validity'], beside: ['short-validity'] });
    const long = await shown(nodeUserSig('alice', 60 * 365 * 86_400));
    expect(long.lints).toEqual(['validity-over-year']);
    expect(long.beside).toEqual(['long-validity']);
  });

  it('a warning is hidden only when a lint shown says it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 35 }), fc.integer({ min: -600, max: 7_200 }), async (userId, expire, ahead) => {
        const { lints, decodeWarnings, beside } = await shown(nodeUserSig(userId, expire, TIME + ahead));
        const said: Record<string, LintCode[]> = {
          'identifier-not-sdk-safe': ['userid-not-allowed'],
          'time-in-future': ['issued-in-future'],
          'short-validity': ['validity-zero', 'validity-very-short'],
        };
        for (const w of decodeWarnings) expect(beside.includes(w)).toBe(!(said[w] ?? []).some((l) => lints.includes(l)));
      }),
      { numRuns: 200 },
    );
  });
});
