import { z } from '../zod.ts';
import { base64ToBytes, isCanonicalBase64 } from './tencent-base64.ts';
import { findDuplicateTopLevelKey } from './json-keys.ts';
import { lowByteEncoding, parsePrivateMapKey } from './userbuf.ts';
import type { DecodedToken, Problem, Warning } from './types.ts';
import { problemOf } from './problem.ts';

const uint = z.int().check(z.gte(0));
const digits = z.string().check(z.regex(/^\d{1,15}$/));
const canonicalBase64 = z.string().check(z.refine(isCanonicalBase64));

const v2Schema = z.looseObject({
  'TLS.ver': z.literal('2.0'),
  'TLS.identifier': z.string(),
  'TLS.sdkappid': uint,
  'TLS.time': uint,
  'TLS.expire': z.int(),
  'TLS.sig': z.string().check(z.minLength(1)),
  'TLS.userbuf': z.optional(canonicalBase64),
});

// The oldest plaintext tokens carry an ISO time such as 2018-04-09T10:00:00-08:00.
const v1Time = z.string().check(z.regex(/^(?:\d{1,15}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d))$/));

const v1Schema = z.looseObject({
  'TLS.account_type': z.string(),
  'TLS.identifier': z.string(),
  'TLS.appid_at_3rd': z.optional(z.string()),
  'TLS.sdk_appid': digits,
  'TLS.expire_after': digits,
  'TLS.time': v1Time,
  'TLS.version': z.optional(z.string()),
  'TLS.sig': z.string().check(z.minLength(1)),
  'TLS.userbuf': z.optional(z.string()),
});

export const ONE_DAY = 86_400;
/** The IM docs' longest allowed validity: 50 years. */
export const LONGEST_VALIDITY = 50 * 365 * ONE_DAY;
export const CLOCK_SKEW_TOLERANCE = 300;

export type ParsedToken =
  | { ok: true; token: Omit<DecodedToken, 'alphabet'>; warnings: Warning[] }
  | { ok: false; problem: Problem };

function schemaProblem(issues: ReadonlyArray<{ path: PropertyKey[] }>, object: Record<string, unknown>): Problem {
  const field = issues[0]?.path[0];
  const value = typeof field === 'string' ? object[field] : undefined;
  // A number that is not a safe integer (86400.5, 2^53 + 2) is kept for the lint to name.
  const actual = typeof value === 'number' ? { actual: String(value) } : {};
  return problemOf('schema-invalid', { reason: 'bad-field', field: typeof field === 'string' ? field : undefined, ...actual });
}

function parseV1Time(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Math.floor(Date.parse(text) / 1000);
}

/** Turns the inflated JSON text into a typed token. */
export function parseTokenJson(json: string, now: number): ParsedToken {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: problemOf('json-invalid', { detail: String(error) }) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: problemOf('schema-invalid', { reason: 'not-object' }) };
  }
  const duplicate = findDuplicateTopLevelKey(json);
  if (duplicate !== undefined) {
    return { ok: false, problem: problemOf('json-invalid', { reason: 'duplicate-key', field: duplicate }) };
  }
  const object = raw as Record<string, unknown>;
  const version = object['TLS.ver'];
  if (version === undefined && 'TLS.sdk_appid' in object) return parseV1(object, json, now);
  if (version !== undefined && version !== '2.0') {
    return {
      ok: false,
      problem: problemOf('unsupported-version', { field: 'TLS.ver', actual: String(version) }),
    };
  }
  const parsed = v2Schema.safeParse(object);
  if (!parsed.success) return { ok: false, problem: schemaProblem(parsed.error.issues, object) };
  const fields = parsed.data;
  const token: Omit<DecodedToken, 'alphabet'> = {
    version: '2.0',
    sdkAppId: fields['TLS.sdkappid'],
    identifier: fields['TLS.identifier'],
    time: fields['TLS.time'],
    expire: fields['TLS.expire'],
    expiresAt: fields['TLS.time'] + fields['TLS.expire'],
    sig: fields['TLS.sig'],
    raw: object,
    json,
  };
  const warnings = timingWarnings(token, now);
  const userbuf = fields['TLS.userbuf'];
  if (userbuf !== undefined) {
    token.userbufBase64 = userbuf;
    warnings.push(...attachPrivateMapKey(token, userbuf));
  }
  return { ok: true, token, warnings };
}

function parseV1(object: Record<string, unknown>, json: string, now: number): ParsedToken {
  const parsed = v1Schema.safeParse(object);
  if (!parsed.success) return { ok: false, problem: schemaProblem(parsed.error.issues, object) };
  const fields = parsed.data;
  const time = parseV1Time(fields['TLS.time']);
  const expire = Number(fields['TLS.expire_after']);
  const token: Omit<DecodedToken, 'alphabet'> = {
    version: 'v1',
    sdkAppId: Number(fields['TLS.sdk_appid']),
    identifier: fields['TLS.identifier'],
    time,
    expire,
    expiresAt: time + expire,
    sig: fields['TLS.sig'],
    raw: object,
    json,
    v1: {
      accountType: fields['TLS.account_type'],
      appidAt3rd: fields['TLS.appid_at_3rd'],
      apiVersion: fields['TLS.version'],
    },
  };
  if (fields['TLS.userbuf'] !== undefined) token.userbufBase64 = fields['TLS.userbuf'];
  return { ok: true, token, warnings: timingWarnings(token, now) };
}

/** The longest UserID the SDKs accept, in bytes (IM and TRTC alike). */
export const USERID_MAX_BYTES = 32;
const SDK_SAFE_IDENTIFIER = new RegExp(`^[\\x20-\\x7e]{1,${USERID_MAX_BYTES}}$`);

function timingWarnings(token: Omit<DecodedToken, 'alphabet'>, now: number): Warning[] {
  const warnings: Warning[] = [];
  if (token.time > now + CLOCK_SKEW_TOLERANCE) {
    warnings.push({ code: 'time-in-future', seconds: token.time - now });
  }
  if (token.expire < ONE_DAY) warnings.push({ code: 'short-validity', seconds: token.expire, serverCode: 70001 });
  else if (token.expire > LONGEST_VALIDITY) warnings.push({ code: 'long-validity', seconds: token.expire });
  if (!SDK_SAFE_IDENTIFIER.test(token.identifier)) {
    warnings.push({ code: 'identifier-not-sdk-safe', actual: token.identifier, serverCode: 7003 });
  }
  return warnings;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function attachPrivateMapKey(token: Omit<DecodedToken, 'alphabet'>, userbuf: string): Warning[] {
  const bytes = base64ToBytes(userbuf);
  const key = parsePrivateMapKey(bytes);
  if (!key) return [{ code: 'userbuf-unrecognised', field: 'TLS.userbuf' }];
  token.userbuf = key;
  const warnings: Warning[] = [];
  const mismatch = (field: string, expected: string | number, actual: string | number) =>
    warnings.push({ code: 'userbuf-mismatch', field, expected: String(expected), actual: String(actual) });
  if (key.sdkAppId !== token.sdkAppId) mismatch('sdkAppId', token.sdkAppId, key.sdkAppId);
  if (key.account !== token.identifier) {
    // Node and Java store the low byte of each UTF-16 unit; that is their normal form, not a mismatch.
    const accountBytes = bytes.subarray(3, 3 + (((bytes[1] ?? 0) << 8) | (bytes[2] ?? 0)));
    const matches =
      sameBytes(new TextEncoder().encode(token.identifier), accountBytes) ||
      sameBytes(lowByteEncoding(token.identifier), accountBytes);
    if (!matches) mismatch('account', token.identifier, key.account);
  }
  // The libraries read the clock twice, so the two expiries may differ by a second.
  const expected = token.expiresAt % 2 ** 32;
  if (Math.abs(key.expiresAt - expected) > 1) mismatch('expiresAt', expected, key.expiresAt);
  return warnings;
}
