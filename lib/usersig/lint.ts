import { unixNow } from './decode.ts';
import { base64ToBytes } from './tencent-base64.ts';
import { CLOCK_SKEW_TOLERANCE, ONE_DAY, USERID_MAX_BYTES } from './token.ts';
import { ALL_PRIVILEGES, lowByteEncoding } from './userbuf.ts';
import type { DecodeResult, DecodedToken, Warning, WarningCode } from './types.ts';

/**
 * Risky but signed tokens: what Tencent's own generators write without a word and our generator
 * refuses or warns about. Part of the public contract: extend, never rename.
 */
export type LintCode =
  | 'validity-zero'
  | 'validity-very-short'
  | 'validity-over-year'
  | 'validity-fractional'
  | 'validity-out-of-range'
  | 'userid-not-allowed'
  | 'issued-in-future'
  | 'all-privileges'
  | 'privatemapkey-latin1'
  | 'privatemapkey-lossy';

export interface Lint {
  code: LintCode;
  /** `TLS.expire`, `TLS.identifier`, `TLS.time`, or the PrivateMapKey's `account` / `roomStr`. */
  field?: string;
  /** The validity, or how far in the future the token was issued. */
  seconds?: number;
  /** The value as found: the validity's text, the UserID, or the PrivateMapKey's bytes in hex. */
  actual?: string;
  /** What the server compares the PrivateMapKey's bytes with: the UTF-8 bytes, in hex, of `reading`. */
  expected?: string;
  /** The PrivateMapKey's string as Latin-1 (one byte, one character). */
  reading?: string;
  /** The offending characters of a UserID, or `length` when it is too long. */
  detail?: string;
}

export const SHORTEST_SAFE_VALIDITY = 300;
export const LONGEST_SAFE_VALIDITY = 365 * ONE_DAY;
/**
 * TRTC's UserID rule, the stricter of the SDKs': up to 32 bytes of letters, digits, underscores
 * and hyphens (TRTCParams.userId, https://pub.dev/documentation/tencent_trtc_cloud/2.1.2/trtc_cloud_def/TRTCParams/userId.html,
 * the same text as trtc.io's TRTCParams reference). The IM SDK alone accepts printable ASCII.
 */
const TRTC_USERID_CHAR = /[A-Za-z0-9_-]/;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

function validityLints(expire: number, field = 'TLS.expire'): Lint[] {
  if (!Number.isFinite(expire) || expire < 0 || !Number.isSafeInteger(Math.floor(expire))) {
    return [{ code: 'validity-out-of-range', field, actual: String(expire) }];
  }
  if (!Number.isInteger(expire)) return [{ code: 'validity-fractional', field, actual: String(expire), seconds: expire }];
  if (expire === 0) return [{ code: 'validity-zero', field, seconds: 0 }];
  if (expire < SHORTEST_SAFE_VALIDITY) return [{ code: 'validity-very-short', field, seconds: expire }];
  if (expire > LONGEST_SAFE_VALIDITY) return [{ code: 'validity-over-year', field, seconds: expire }];
  return [];
}

function userIdLints(identifier: string): Lint[] {
  const bad = [...new Set([...identifier].filter((c) => !TRTC_USERID_CHAR.test(c)))];
  const tooLong = utf8.encode(identifier).length > USERID_MAX_BYTES;
  if (bad.length === 0 && !tooLong && identifier !== '') return [];
  const detail = bad.length > 0 ? bad.slice(0, 8).join('') : tooLong ? 'length' : 'empty';
  return [{ code: 'userid-not-allowed', field: 'TLS.identifier', actual: identifier, detail }];
}

/** The account and room-string bytes of a PrivateMapKey, as stored (parsePrivateMapKey has checked the layout). */
function storedStrings(token: DecodedToken): Array<[field: 'account' | 'roomStr', bytes: Uint8Array]> {
  if (!token.userbuf || token.userbufBase64 === undefined) return [];
  const bytes = base64ToBytes(token.userbufBase64);
  const accountLength = ((bytes[1] ?? 0) << 8) | (bytes[2] ?? 0);
  const strings: Array<['account' | 'roomStr', Uint8Array]> = [['account', bytes.subarray(3, 3 + accountLength)]];
  if (token.userbuf.version === 1) strings.push(['roomStr', bytes.subarray(3 + accountLength + 22)]);
  return strings;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function privateMapKeyLints(token: DecodedToken): Lint[] {
  const lints: Lint[] = [];
  if (token.userbuf && (token.userbuf.privileges & ALL_PRIVILEGES) === ALL_PRIVILEGES) {
    lints.push({ code: 'all-privileges', field: 'privileges', actual: String(token.userbuf.privileges) });
  }
  for (const [field, bytes] of storedStrings(token)) {
    const reading = latin1(bytes);
    const expected = field === 'account' ? token.identifier : reading;
    const found = { field, reading, actual: hex(bytes), expected: hex(utf8.encode(expected)) };
    // Written by a low-byte generator: lossless up to U+00FF (even where the bytes happen to be
    // UTF-8, as `Â` + NBSP), lossy past it. A room string has no reference, so only non-UTF-8 tells.
    const lowBytes = field === 'account' && sameBytes(lowByteEncoding(token.identifier), bytes) && !sameBytes(utf8.encode(token.identifier), bytes);
    if (lowBytes) {
      lints.push({ code: reading === token.identifier ? 'privatemapkey-latin1' : 'privatemapkey-lossy', ...found });
    } else if (!isUtf8(bytes)) {
      lints.push({ code: 'privatemapkey-latin1', ...found });
    }
  }
  return lints;
}

/** Lints of a decode result; a token that did not decode is linted for what its problem names. */
export function lintToken(decoded: DecodeResult, options: { now?: number } = {}): Lint[] {
  if (!decoded.ok) {
    const p = decoded.problem;
    return p.code === 'schema-invalid' && p.field === 'TLS.expire' && p.actual !== undefined ? validityLints(Number(p.actual)) : [];
  }
  const token = decoded.token;
  const now = typeof options.now === 'number' && Number.isFinite(options.now) ? Math.floor(options.now) : unixNow();
  const lints = [...validityLints(token.expire, token.version === 'v1' ? 'TLS.expire_after' : 'TLS.expire'), ...userIdLints(token.identifier)];
  if (token.time > now + CLOCK_SKEW_TOLERANCE) lints.push({ code: 'issued-in-future', field: 'TLS.time', seconds: token.time - now });
  return [...lints, ...privateMapKeyLints(token)];
}

/** The decode warnings a lint says again, with cause and fix: where a lint is shown, its warnings are not. */
const SAID_BY_LINT: Partial<Record<LintCode, WarningCode>> = {
  'issued-in-future': 'time-in-future',
  'userid-not-allowed': 'identifier-not-sdk-safe',
  'validity-zero': 'short-validity',
  'validity-very-short': 'short-validity',
};

/** The warnings none of `lints` says again (each fact shown once, in its fuller form). */
export function warningsBesideLints(warnings: readonly Warning[], lints: readonly Lint[]): Warning[] {
  const said = new Set(lints.map((l) => SAID_BY_LINT[l.code]));
  return warnings.filter((w) => !said.has(w.code));
}
