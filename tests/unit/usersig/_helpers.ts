/**
 * Node-side helpers for the codec tests: the official `tls-sig-api-v2` library with a frozen
 * clock, an independent Node decoder (Buffer + zlib) and the fast-check arbitraries.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import fc from 'fast-check';
import type { Problem, ProblemCode } from '../../../lib/usersig/index.ts';

const require = createRequire(import.meta.url);

interface OfficialApi {
  genSig(userid: string, expire: number, userBuf?: Buffer | null): string;
  genUserSig(userid: string, expire: number): string;
  genPrivateMapKey(userid: string, expire: number, roomid: number, privilegeMap: number): string;
  genPrivateMapKeyWithStringRoomID(userid: string, expire: number, roomstr: string, privilegeMap: number): string;
}
const TLSSigAPIv2 = require('tls-sig-api-v2') as { Api: new (sdkappid: number, key: string) => OfficialApi };

/**
 * Runs `fn` with `Date.now()` frozen at `ms`. The official library reads the clock in genSig
 * (`Math.floor(Date.now() / 1000)`) and again in `_genUserbuf` (`Date.now() / 1000 + expire`).
 */
export function atClock<T>(ms: number, fn: () => T): T {
  const real = Date.now;
  Date.now = () => ms;
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}

export interface OfficialInput {
  sdkAppId: number;
  key: string;
  userId: string;
  expire: number;
  /** Unix seconds. */
  time: number;
  /** Milliseconds past `time` the frozen clock shows (the library floors them away). */
  ms?: number;
}

const clock = (i: OfficialInput) => i.time * 1000 + (i.ms ?? 0);

export const official = {
  userSig: (i: OfficialInput): string =>
    atClock(clock(i), () => new TLSSigAPIv2.Api(i.sdkAppId, i.key).genUserSig(i.userId, i.expire)),
  privateMapKey: (i: OfficialInput & { roomId: number; privileges: number }): string =>
    atClock(clock(i), () => new TLSSigAPIv2.Api(i.sdkAppId, i.key).genPrivateMapKey(i.userId, i.expire, i.roomId, i.privileges)),
  privateMapKeyWithRoomStr: (i: OfficialInput & { roomStr: string; privileges: number }): string =>
    atClock(clock(i), () =>
      new TLSSigAPIv2.Api(i.sdkAppId, i.key).genPrivateMapKeyWithStringRoomID(i.userId, i.expire, i.roomStr, i.privileges),
    ),
};

/** Node's reading of a token: un-swap, lenient Buffer base64, zlib.inflateSync. */
export function nodeInflate(token: string): { bytes: Buffer; json: string; doc: Record<string, unknown> } {
  const bytes = Buffer.from(token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
  const json = zlib.inflateSync(bytes).toString('utf8');
  return { bytes, json, doc: JSON.parse(json) as Record<string, unknown> };
}

export function nodeDeflateToken(json: string | Uint8Array, options?: zlib.ZlibOptions): string {
  return zlib
    .deflateSync(typeof json === 'string' ? Buffer.from(json, 'utf8') : json, options)
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}

export const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

export const PROBLEM_CODES: readonly ProblemCode[] = [
  'malformed-token',
  'decompress-failed',
  'decompressed-too-large',
  'json-invalid',
  'schema-invalid',
  'unsupported-version',
  'signature-mismatch',
  'expired',
  'identifier-mismatch',
  'sdkappid-mismatch',
];

/** The server code each problem may carry (see the report: the v1 key problems differ). */
export function allowedServerCodes(p: Problem): Array<number | undefined> {
  switch (p.code) {
    case 'malformed-token':
      return p.reason === 'empty' ? [70002] : [70003];
    case 'decompress-failed':
    case 'decompressed-too-large':
    case 'json-invalid':
      return [70003];
    case 'schema-invalid':
      return [70005];
    case 'unsupported-version':
      // secp256k1-key: nothing the server would reject; v1-needs-public-key: 70009 (verify.ts).
      return p.reason === 'secp256k1-key' ? [undefined] : p.reason === 'v1-needs-public-key' ? [70009] : [70005];
    case 'signature-mismatch':
      return [70009];
    case 'expired':
      return [70001];
    case 'identifier-mismatch':
      return [70013];
    case 'sdkappid-mismatch':
      return [70014];
  }
}

// ---- arbitraries ---------------------------------------------------------------------------

/** Characters that break naive encoders: quotes, backslashes, HTML, controls, CJK, emoji, lone surrogates. */
const tricky = fc.constantFrom(
  '"', '\\', "'", '<', '>', '&', '/', '`', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0080',
  '\u2028', '\u2029', '\ufeff', '张', '三', '測', '試', 'é', 'ß', '\u00ff', '\u0100', '😀', '👍🏽', '👨‍👩‍👧',
  '\ud83d', '\ude00', '\ud800', '\udfff', ' ', '=', '+', '*', '-', '_', ':', '%', '{', '}',
);
const oneChar = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** UserIDs: mostly short, sometimes long (hundreds to thousands of UTF-16 units). */
export const userIdArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: oneChar, minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/) },
  { weight: 1, arbitrary: fc.string({ unit: oneChar, minLength: 100, maxLength: 2000 }) },
);
export const asciiUserIdArb = fc.string({ unit: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), minLength: 1, maxLength: 64 });
export const roomStrArb = fc.string({ unit: oneChar, minLength: 1, maxLength: 64 });
export const asciiRoomStrArb = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 64 });

export const sdkAppIdArb = fc.oneof(
  fc.integer({ min: 1_400_000_000, max: 1_699_999_999 }),
  fc.integer({ min: 1, max: 0xffff_ffff }),
  fc.constantFrom(1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff),
);
/** Issue times from 1970 to past the 32-bit wrap. */
export const timeArb = fc.oneof(fc.integer({ min: 1_500_000_000, max: 1_900_000_000 }), fc.integer({ min: 0, max: 2 ** 33 }));
/** Validity: ordinary values, the boundaries the codec warns at, and huge ones. */
export const expireArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 * 365 * 86_400 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 300, 86_399, 86_400, 15_552_000, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32) },
  { weight: 1, arbitrary: fc.integer({ min: 2 ** 32, max: 2 ** 40 }) },
);
/** Only for plain UserSigs: negative and up to 2^53 - 2^34 (time + expire stays a safe integer). */
export const wideExpireArb = fc.oneof(expireArb, fc.integer({ min: -1_000_000, max: -1 }), fc.integer({ min: 2 ** 40, max: 2 ** 53 - 2 ** 34 }));
export const msArb = fc.integer({ min: 0, max: 999 });
export const roomIdArb = fc.oneof(fc.integer({ min: 1, max: 4_294_967_294 }), fc.constantFrom(1, 1234, 2 ** 31, 4_294_967_294));
export const privilegesArb = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 42, 171, 255));
/** Console keys (64 lower-case hex) mostly; any text sometimes, the empty key included. */
export const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  { weight: 1, arbitrary: fc.string({ unit: oneChar, maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
