/**
 * The codec checks that must hold in real browsers, the same list for Chromium (Playwright,
 * tests/e2e/codec-in-chromium.spec.ts) and Firefox ESR (puppeteer-core,
 * tests/firefox/checks/codec.ts), in a page and in a Firefox content script.
 *
 * Self-contained: imports only lib/usersig and the fixtures, no test framework, no Node APIs.
 * Bundled at test time (tests/browser/bundle.ts, rolldown IIFE named `codecCases`).
 * Each case is a name and an async function that returns nothing (or a note) or throws.
 */
import {
  decodeUserSig,
  describeProblem,
  describeWarning,
  findUserSigs,
  generatePrivateMapKey,
  generateUserSig,
  privilegeNames,
  verifyUserSig,
} from '../../lib/usersig/index.ts';
import type { DecodeResult, Problem, VerifyResult, Warning } from '../../lib/usersig/index.ts';
import {
  BAD_TOKENS,
  SAMPLE_KEY,
  WORKED_EXAMPLE as W,
  fixedHuffmanBomb,
  privateMapKeyBytes,
  signedToken,
  toBase64,
  tokenFromBytes,
  tokenFromText,
  utf8,
  zlibStored,
} from '../fixtures/usersig/hand-built.ts';
import type { V2Fields } from '../fixtures/usersig/hand-built.ts';
import v1Tokens from '../fixtures/usersig/v1-real-tokens.json' with { type: 'json' };
import officialTokens from '../fixtures/usersig/official-node-tokens.json' with { type: 'json' };
import type { OfficialToken } from '../fixtures/usersig/official-node-tokens.ts';

export interface CodecCase {
  name: string;
  run: () => Promise<void | string>;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  error?: string;
  note?: string;
  ms: number;
}

// ---- tiny assertion kit --------------------------------------------------------------------

class CheckFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function equal(actual: unknown, expected: unknown, what: string): void {
  check(deepEqual(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function problemOf(r: DecodeResult | VerifyResult): Problem | undefined {
  return 'problems' in r ? r.problems[0] : r.ok ? undefined : r.problem;
}

const codes = (ws: Warning[]) => ws.map((w) => w.code);

function expectTexts(p: Problem): void {
  for (const lang of ['zh', 'en'] as const) {
    const t = describeProblem(p, lang);
    check(t.title.trim() && t.cause.trim() && t.fix.trim(), `describeProblem(${p.code}/${p.reason ?? '-'}, ${lang}) has an empty part`);
  }
}

const CODES = ['malformed-token', 'decompress-failed', 'decompressed-too-large', 'json-invalid', 'schema-invalid', 'unsupported-version', 'signature-mismatch', 'expired', 'identifier-mismatch', 'sdkappid-mismatch'];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_CHARS = [...'abcXYZ019_-@. ', '"', '\\', '<', '>', '&', "'", '\n', '张', '三', 'é', '😀', '👍🏽', '\u2028'];
function randomId(next: () => number, max = 24): string {
  const n = 1 + Math.floor(next() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += ID_CHARS[Math.floor(next() * ID_CHARS.length)];
  return s;
}

// ---- the cases -----------------------------------------------------------------------------

const cases: CodecCase[] = [];
const add = (name: string, run: () => Promise<void | string>) => cases.push({ name, run });

add('worked example (§A.3): decodes to exactly its fields', async () => {
  const r = await decodeUserSig(W.token, { now: W.time });
  check(r.ok, `decode failed: ${show(problemOf(r))}`);
  equal(
    { ...r.token, raw: undefined },
    { version: '2.0', sdkAppId: W.sdkAppId, identifier: W.identifier, time: W.time, expire: W.expire, expiresAt: W.time + W.expire, sig: W.sig, json: W.json, alphabet: 'tencent' },
    'fields',
  );
  equal(r.warnings, [], 'warnings');
});

add('worked example: our generator gives the same JSON and TLS.sig', async () => {
  const g = await generateUserSig({ sdkAppId: W.sdkAppId, key: W.key, userId: W.identifier, expire: W.expire, now: W.time });
  check(g.ok, 'generate failed');
  equal(g.json, W.json, 'JSON');
  equal(JSON.parse(g.json)['TLS.sig'], W.sig, 'TLS.sig');
  const back = await verifyUserSig(g.userSig, { key: W.key, now: W.time });
  check(back.ok, 'our token verifies');
  return g.userSig === W.token ? 'token identical to Node\'s, byte for byte' : 'token differs from Node\'s (this zlib compresses differently; JSON and sig are equal)';
});

add('worked example: verifies; every failing check is reported in order', async () => {
  const good = await verifyUserSig(W.token, { key: W.key, sdkAppId: W.sdkAppId, userId: W.identifier, now: W.time });
  check(good.ok, `verify: ${show(good.problems)}`);
  equal(good.checks.map((c) => c.status), ['passed', 'passed', 'passed', 'passed'], 'checks');
  const bad = await verifyUserSig(W.token, { key: 'nope', sdkAppId: 1, userId: 'someone', now: W.time + W.expire + 10 });
  equal(bad.problems.map((p) => [p.code, p.serverCode]), [['signature-mismatch', 70009], ['sdkappid-mismatch', 70014], ['identifier-mismatch', 70013], ['expired', 70001]], 'problems');
});

for (const c of BAD_TOKENS) {
  add(`bad token: ${c.name}`, async () => {
    const token = await c.token();
    const r = c.verify ? await verifyUserSig(token, c.verify) : await decodeUserSig(token, { now: c.now ?? W.time });
    const p = problemOf(r);
    check(p, `no problem reported (ok=${r.ok})`);
    equal(p.code, c.code, 'code');
    equal(p.serverCode, c.serverCode, 'serverCode');
    if (c.reason !== undefined) equal(p.reason, c.reason, 'reason');
    if (c.at !== undefined) equal(p.at, c.at, 'at');
    if (c.field !== undefined) equal(p.field, c.field, 'field');
    if (c.actual !== undefined) equal(p.actual, c.actual, 'actual');
    expectTexts(p);
    if (c.trailingJunk) return `browser says: ${p.detail ?? '(no detail)'}`;
  });
}

// That it stops at the cap (bytes counted) is tests/unit/usersig/bad-tokens.test.ts's; here, that
// the browser's streams give the same answer. The time is a note, never a verdict.
add('inflate bomb: 100 MiB of spaces (660 KB hand-built) is decompressed-too-large', async () => {
  const token = tokenFromBytes(fixedHuffmanBomb(100 * 2 ** 20));
  await decodeUserSig(W.token);
  const t = performance.now();
  const r = await decodeUserSig(token);
  const ms = performance.now() - t;
  equal(problemOf(r)?.code, 'decompressed-too-large', 'code');
  return `${ms.toFixed(1)} ms for a ${(token.length / 1024).toFixed(0)} KB token`;
});

add('zlib forms: stored blocks (Go HEAD, "eAE…"), standard alphabet, other libraries\' JSON layouts', async () => {
  const stored = tokenFromBytes(zlibStored(utf8(W.json)));
  check(stored.startsWith('eAE'), 'stored token starts eAE');
  check((await verifyUserSig(stored, { key: W.key, now: W.time })).ok, 'stored blocks verify');
  const python = `{"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000, "TLS.expire": 15552000, "TLS.time": 1700000000, "TLS.sig": "${W.sig}"}`;
  const php = W.json.replace(/\//g, '\\/');
  const go = `${W.json}\n`;
  for (const json of [python, php, go]) check((await verifyUserSig(tokenFromText(json), { key: W.key, now: W.time })).ok, `layout ${json.slice(0, 40)}`);
});

// -- warnings

const fields: V2Fields = { identifier: W.identifier, sdkAppId: W.sdkAppId, time: W.time, expire: W.expire };
const withFields = (patch: Partial<V2Fields>) => signedToken({ ...fields, ...patch }, SAMPLE_KEY);

add('warnings: missing-padding, trimmed-whitespace, standard-base64', async () => {
  const bare = await decodeUserSig(W.token.replace(/_+$/, ''), { now: W.time });
  check(bare.ok && bare.token.json === W.json, 'unpadded decodes');
  equal(codes(bare.warnings), ['missing-padding'], 'unpadded');
  const wrapped = await decodeUserSig(` ${W.token.slice(0, 50)}\n${W.token.slice(50)}\t`, { now: W.time });
  check(wrapped.ok && wrapped.token.json === W.json, 'wrapped decodes');
  equal(codes(wrapped.warnings), ['trimmed-whitespace'], 'wrapped');
  const std = await decodeUserSig(W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), { now: W.time });
  check(std.ok && std.token.alphabet === 'standard', 'standard alphabet');
  equal(codes(std.warnings), ['standard-base64'], 'standard');
});

add('warnings: time-in-future, short-validity, long-validity, identifier-not-sdk-safe, userbuf-unrecognised, key-format', async () => {
  equal((await decodeUserSig(W.token, { now: W.time - 301 })).warnings, [{ code: 'time-in-future', seconds: 301 }], 'future');
  equal(codes((await decodeUserSig(W.token, { now: W.time - 300 })).warnings), [], 'future at 300 s');
  const short = await verifyUserSig(await withFields({ expire: 86_399 }), { key: SAMPLE_KEY, now: W.time });
  check(short.ok, 'short verifies');
  equal(codes(short.warnings), ['short-validity'], 'short');
  const long = await verifyUserSig(await withFields({ expire: 50 * 365 * 86_400 + 1 }), { key: SAMPLE_KEY, now: W.time });
  equal(codes(long.warnings), ['long-validity'], 'long');
  const unsafe = await verifyUserSig(await withFields({ identifier: '张三' }), { key: SAMPLE_KEY, now: W.time });
  equal(codes(unsafe.warnings), ['identifier-not-sdk-safe'], 'unsafe id');
  const odd = await verifyUserSig(await withFields({ userbuf: toBase64(utf8('hello')) }), { key: SAMPLE_KEY, now: W.time });
  check(odd.ok, 'arbitrary userbuf verifies');
  equal(codes(odd.warnings), ['userbuf-unrecognised'], 'userbuf');
  const pmk = privateMapKeyBytes({ account: W.identifier, sdkAppId: 1400000001, roomId: 1, expiresAt: W.time + W.expire, privileges: 255 });
  const mismatch = await verifyUserSig(await withFields({ userbuf: toBase64(pmk) }), { key: SAMPLE_KEY, now: W.time });
  equal(mismatch.warnings.map((w) => [w.code, w.field]), [['userbuf-mismatch', 'sdkAppId']], 'userbuf-mismatch');
  for (const w of [...short.warnings, ...odd.warnings, ...mismatch.warnings]) {
    for (const lang of ['zh', 'en'] as const) check(describeWarning(w, lang).trim() !== '', `text for ${w.code}`);
  }
});

// -- v1

add('v1: both real tokens decode as v1 with their fields', async () => {
  const p = await decodeUserSig(v1Tokens.p256.token, { now: 1_600_000_000 });
  check(p.ok, 'p256 decodes');
  equal([p.token.version, p.token.sdkAppId, p.token.identifier, p.token.time, p.token.expire], ['v1', 1400078997, 'admin', 1523240877, 15552000], 'p256 fields');
  const k = await decodeUserSig(v1Tokens.secp256k1.token, { now: 1_600_000_000 });
  check(k.ok, 'secp256k1 decodes');
  equal([k.token.version, k.token.sdkAppId, k.token.identifier, k.token.time, k.token.expire, k.token.v1?.accountType], ['v1', 1400000226, '10001', 1522227979, 2592000, '116'], 'secp256k1 fields');
});

add('v1: the P-256 token verifies with its public key (Web Crypto ECDSA)', async () => {
  const r = await verifyUserSig(v1Tokens.p256.token, { key: v1Tokens.p256.publicKey, sdkAppId: 1400078997, userId: 'admin', now: 1523240877 });
  check(r.ok, `verify: ${show(r.problems)}`);
});

add('v1: the P-256 token fails with another P-256 key (70009)', async () => {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  const r = await verifyUserSig(v1Tokens.p256.token, { key: `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----`, now: 1523240877 });
  equal([r.problems[0]?.code, r.problems[0]?.serverCode, r.checks[0]?.status], ['signature-mismatch', 70009, 'failed'], 'problem');
});

add('v1: the secp256k1 token is unsupported-version / secp256k1-key', async () => {
  const r = await verifyUserSig(v1Tokens.secp256k1.token, { key: v1Tokens.secp256k1.publicKey, now: 1522227979 });
  equal([r.problems[0]?.code, r.problems[0]?.reason, r.checks[0]?.status], ['unsupported-version', 'secp256k1-key', 'skipped'], 'problem');
  equal(r.problems.length, 1, 'only that problem');
});

add('v1: checked with a SecretKey it says v1-needs-public-key', async () => {
  const r = await verifyUserSig(v1Tokens.p256.token, { key: SAMPLE_KEY, now: 1523240877 });
  equal([r.problems[0]?.code, r.problems[0]?.reason], ['unsupported-version', 'v1-needs-public-key'], 'problem');
});

// -- the official Node library's tokens

const official = officialTokens as OfficialToken[];
const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

add(`official Node tokens: all ${official.length} decode to their fields and verify; a wrong key is 70009`, async () => {
  for (const t of official) {
    const label = `${t.kind} ${show(t.userId).slice(0, 24)}`;
    const r = await verifyUserSig(t.token, { key: t.key, sdkAppId: t.sdkAppId, userId: t.userId, now: t.time });
    check(r.ok, `${label}: ${show(r.problems)}`);
    equal([r.token?.identifier, r.token?.sdkAppId, r.token?.time, r.token?.expire], [t.userId, t.sdkAppId, t.time, t.expire], `${label} fields`);
    check(!codes(r.warnings).includes('userbuf-mismatch'), `${label}: userbuf-mismatch`);
    if (t.kind !== 'userSig') {
      const u = r.token?.userbuf;
      check(u, `${label}: PrivateMapKey not parsed`);
      equal([u.sdkAppId, u.roomId, u.privileges, u.expiresAt, u.privilegeNames], [t.sdkAppId, t.roomId ?? 0, t.privileges, (t.time + t.expire) % 2 ** 32, privilegeNames(t.privileges!)], `${label} userbuf`);
      if (t.roomStr !== undefined && isAscii(t.roomStr)) equal(u.roomStr, t.roomStr, `${label} roomStr`);
    }
    const wrong = await verifyUserSig(t.token, { key: `${t.key}x`, now: t.time });
    equal(wrong.problems[0]?.serverCode, 70009, `${label} wrong key`);
  }
});

add('official Node tokens: our generator gives the same JSON and TLS.sig for the same inputs', async () => {
  let compared = 0;
  for (const t of official) {
    if (t.userId === '') continue;
    if (t.kind !== 'userSig' && !(isAscii(t.userId) && isAscii(t.roomStr ?? ''))) continue; // Node writes low bytes, we UTF-8
    const input = { sdkAppId: t.sdkAppId, key: t.key, userId: t.userId, expire: t.expire, now: t.time };
    const g =
      t.kind === 'userSig'
        ? await generateUserSig(input)
        : await generatePrivateMapKey({ ...input, privileges: t.privileges!, ...(t.roomStr !== undefined ? { roomStr: t.roomStr } : { roomId: t.roomId! }) });
    check(g.ok, `generate ${t.kind} ${show(t.userId)}`);
    const theirs = await decodeUserSig(t.token, { now: t.time });
    check(theirs.ok, 'theirs decodes');
    equal(g.json, theirs.token.json, `${t.kind} ${show(t.userId).slice(0, 24)} JSON`);
    compared++;
  }
  return `${compared} tokens compared`;
});

// -- properties with a seeded generator

async function makeToken(next: () => number) {
  const userId = randomId(next);
  const sdkAppId = 1 + Math.floor(next() * 0xffff_fffe);
  const time = Math.floor(next() * 2 ** 32);
  const expire = Math.floor(next() * 2 ** 31);
  const key = next() < 0.8 ? SAMPLE_KEY : randomId(next, 70);
  const kind = next();
  const privileges = Math.floor(next() * 256);
  const g =
    kind < 0.5
      ? await generateUserSig({ sdkAppId, key, userId, expire, now: time })
      : kind < 0.75
        ? await generatePrivateMapKey({ sdkAppId, key, userId, expire, now: time, privileges, roomId: 1 + Math.floor(next() * 4294967293) })
        : await generatePrivateMapKey({ sdkAppId, key, userId, expire, now: time, privileges, roomStr: randomId(next, 30) });
  check(g.ok, `generate ${show({ userId, sdkAppId, time, expire })}`);
  return { token: g.userSig, json: g.json, userId, sdkAppId, time, expire, key };
}

add('round trips: 150 random generate → verify (Chinese, emoji, quotes, HTML; PrivateMapKeys)', async () => {
  const next = rng(20240501);
  for (let i = 0; i < 150; i++) {
    const m = await makeToken(next);
    const now = m.time + Math.floor(next() * m.expire);
    const r = await verifyUserSig(m.token, { key: m.key, sdkAppId: m.sdkAppId, userId: m.userId, now });
    check(r.ok, `#${i} ${show(m.userId)}: ${show(r.problems)}`);
    equal([r.token?.identifier, r.token?.sdkAppId, r.token?.time, r.token?.expire, r.token?.json], [m.userId, m.sdkAppId, m.time, m.expire, m.json], `#${i} fields`);
    check(!codes(r.warnings).includes('userbuf-mismatch'), `#${i} userbuf-mismatch`);
  }
});

const MUTATION_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_+/=', ' ', '\n', '!', '%', 'é'];
const bytesOf = (t: string) => Uint8Array.from(atob(t.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')), (c) => c.charCodeAt(0));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

add('single-character changes: 300 random substitutions, deletions, insertions are caught', async () => {
  const next = rng(777);
  const harmless: string[] = [];
  for (let i = 0; i < 300; i++) {
    const m = await makeToken(next);
    const kind = Math.floor(next() * 3);
    const char = MUTATION_CHARS[Math.floor(next() * MUTATION_CHARS.length)]!;
    const at = Math.floor(next() * (m.token.length + (kind === 2 ? 1 : 0)));
    let text: string;
    if (kind === 0) text = m.token.slice(0, at) + (char === m.token[at] ? (char === 'A' ? 'B' : 'A') : char) + m.token.slice(at + 1);
    else if (kind === 1) text = m.token.slice(0, at) + m.token.slice(at + 1);
    else text = m.token.slice(0, at) + char + m.token.slice(at);
    const r = await verifyUserSig(text, { key: m.key, sdkAppId: m.sdkAppId, userId: m.userId, now: m.time });
    if (!r.ok) {
      check(CODES.includes(r.problems[0]!.code), `#${i} code ${r.problems[0]!.code}`);
      continue;
    }
    equal(r.token?.json, m.json, `#${i} a changed token verified with other content`);
    const w = codes(r.warnings);
    if (kind === 1 && m.token[at] === '_' && w.includes('missing-padding')) continue;
    if (kind === 2 && /\s/.test(char) && w.includes('trimmed-whitespace')) continue;
    // Known and explained (tests/unit/usersig/codec-bugs.test.ts, properties.test.ts): the last
    // character's spare base64 bits (a codec bug), or bits zlib itself ignores.
    if (kind === 0 && /^[A-Za-z0-9*\-_]+$/.test(text)) {
      harmless.push(sameBytes(bytesOf(text), bytesOf(m.token)) ? 'spare-bits' : 'zlib-ignored-bits');
      continue;
    }
    throw new CheckFailed(`#${i}: ${show(text)} verifies clean after a ${['substitution', 'deletion', 'insertion'][kind]} at ${at}`);
  }
  return harmless.length ? `undetectable by design or known bug: ${harmless.join(', ')}` : undefined;
});

add('hostile input: 400 random strings and byte strings never throw, always a defined code', async () => {
  const next = rng(4242);
  for (let i = 0; i < 400; i++) {
    const n = Math.floor(next() * 200);
    const bytes = Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
    const pick = i % 5;
    const text =
      pick === 0
        ? String.fromCharCode(...Array.from({ length: n }, () => Math.floor(next() * 0x3000)))
        : pick === 1
          ? tokenFromBytes(bytes)
          : pick === 2
            ? tokenFromBytes(Uint8Array.from([0x78, 0x9c, ...bytes]))
            : pick === 3
              ? tokenFromBytes(zlibStored(bytes))
              : tokenFromText(JSON.stringify({ 'TLS.ver': next() < 0.5 ? '2.0' : 1, 'TLS.identifier': randomId(next), 'TLS.sdkappid': next() < 0.5 ? 1 : '1', 'TLS.time': next() * 1e10, 'TLS.expire': Math.floor(next() * 1e6), 'TLS.sig': toBase64(bytes) }));
    let r: DecodeResult;
    let v: VerifyResult;
    try {
      r = await decodeUserSig(text, { now: W.time });
      v = await verifyUserSig(text, { key: SAMPLE_KEY, now: W.time });
    } catch (e) {
      throw new CheckFailed(`#${i} threw ${String(e)} for ${show(text.slice(0, 80))}`);
    }
    if (!r.ok) {
      check(CODES.includes(r.problem.code), `#${i} decode code ${r.problem.code}`);
      expectTexts(r.problem);
    }
    for (const p of v.problems) check(CODES.includes(p.code), `#${i} verify code ${p.code}`);
  }
});

add('expiry: valid at exactly time + expire, expired one second later; BigInt past 2^53', async () => {
  const next = rng(99);
  for (let i = 0; i < 50; i++) {
    const time = Math.floor(next() * 2 ** 32);
    const expire = Math.floor(next() * 2 ** 40);
    const g = await generateUserSig({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: 'u', expire, now: time });
    check(g.ok, 'generate');
    check((await verifyUserSig(g.userSig, { key: SAMPLE_KEY, now: time + expire })).ok, `#${i} valid at the last second`);
    const late = await verifyUserSig(g.userSig, { key: SAMPLE_KEY, now: time + expire + 1 });
    equal(late.problems, [{ code: 'expired', serverCode: 70001, seconds: 1 }], `#${i} one second late`);
  }
  const big = await generateUserSig({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: 'u', expire: 2 ** 53 - 2, now: 1_700_000_001 });
  check(big.ok, 'generate big');
  check((await verifyUserSig(big.userSig, { key: SAMPLE_KEY, now: 9007200954740990 })).ok, 'valid before 9007200954740991');
  equal((await verifyUserSig(big.userSig, { key: SAMPLE_KEY, now: 9007200954740992 })).problems, [{ code: 'expired', serverCode: 70001, seconds: 1 }], 'expired after');
});

// -- findUserSigs

add('findUserSigs: logs, JSON, URLs, HTML attributes, both alphabets, exact positions', async () => {
  const std = W.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  const text = [
    `2024-05-01 10:00:00 [INFO] login(userSig: ${W.token})`,
    JSON.stringify({ userSig: std }),
    `https://x.test/?sdkappid=1400000000&usersig=${v1Tokens.p256.token}&roomid=1`,
    `<input value="${v1Tokens.secp256k1.token}" data-x='y'>`,
  ].join('\n');
  const found = findUserSigs(text);
  equal(found.map((f) => f.text), [W.token, std, v1Tokens.p256.token, v1Tokens.secp256k1.token], 'found');
  for (const f of found) equal(text.slice(f.index, f.end), f.text, 'position');
  equal(findUserSigs(`The quick brown fox; eJect eNable; sig ${W.sig}; key ${SAMPLE_KEY}; eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc`), [], 'false positives');
});

// ---- the 1,000-token log ---------------------------------------------------------------------

export interface LogFigures {
  tokens: number;
  logChars: number;
  found: number;
  decodedOk: number;
  findMs: number;
  /** findUserSigs + decodeUserSig of every token, one after another. */
  sequentialMs: number;
  /** findUserSigs + all decodes started at once (Promise.all). */
  concurrentMs: number;
}

/** Builds a log with `count` distinct tokens (plain and PrivateMapKeys), then finds and decodes them. */
export async function decodeLog(count = 1000): Promise<LogFigures> {
  const next = rng(31337);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = await makeToken(next);
    lines.push(`2024-05-01 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')} [DEBUG] TIM: login(userID: ${JSON.stringify(m.userId)}, userSig: ${m.token}) sdkAppId=${m.sdkAppId}`);
  }
  const log = lines.join('\n');
  await decodeUserSig(W.token); // warm
  let t = performance.now();
  const found = findUserSigs(log);
  const findMs = performance.now() - t;
  let decodedOk = 0;
  for (const f of found) if ((await decodeUserSig(f.text)).ok) decodedOk++;
  const sequentialMs = performance.now() - t;
  t = performance.now();
  const all = await Promise.all(findUserSigs(log).map((f) => decodeUserSig(f.text)));
  const concurrentMs = performance.now() - t;
  check(all.every((r) => r.ok), 'every token decodes (concurrent)');
  return { tokens: count, logChars: log.length, found: found.length, decodedOk, findMs, sequentialMs, concurrentMs };
}

// ---- running ---------------------------------------------------------------------------------

export const names = cases.map((c) => c.name);

export async function runOne(name: string): Promise<CaseResult> {
  const c = cases.find((x) => x.name === name);
  if (!c) return { name, ok: false, error: 'no such case', ms: 0 };
  const t = performance.now();
  try {
    const note = await c.run();
    return { name, ok: true, ms: performance.now() - t, ...(note ? { note } : {}) };
  } catch (e) {
    const error = e instanceof CheckFailed ? e.message : e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
    return { name, ok: false, error, ms: performance.now() - t };
  }
}

export async function runAll(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const name of names) results.push(await runOne(name));
  return results;
}

/** Where the cases run: for the reports. */
export function env(): { userAgent: string; href: string; secure: boolean; cloneInto: boolean } {
  const g = globalThis as { cloneInto?: unknown; isSecureContext?: boolean; location?: { href: string }; navigator?: { userAgent: string } };
  return { userAgent: g.navigator?.userAgent ?? '?', href: g.location?.href ?? '?', secure: g.isSecureContext === true, cloneInto: typeof g.cloneInto === 'function' };
}
