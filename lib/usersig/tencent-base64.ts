import type { Problem, Warning } from './types.ts';
import { problemOf } from './problem.ts';

const STANDARD_ONLY = /[+/=]/;
const TENCENT_ONLY = /[*\-_]/;
const WHITESPACE = /\s+/g;
const HAS_WHITESPACE = /\s/;
const INVALID_CHAR = /[^A-Za-z0-9*\-_+/=]/;

export type Base64Decoded =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; alphabet: 'tencent' | 'standard'; warnings: Warning[] }
  | { ok: false; problem: Problem; warnings: Warning[] };

function malformed(reason: Problem['reason'], extra: Partial<Problem> = {}): Problem {
  return problemOf('malformed-token', { reason, ...extra });
}

/**
 * Strictly decodes the outer encoding of a UserSig: standard base64 with `+/=` swapped for `*-_`
 * (padding kept). Plain standard base64 is accepted too, as every official decoder does.
 */
export function decodeTokenBase64(input: string): Base64Decoded {
  const warnings: Warning[] = [];
  let text = input.trim();
  if (HAS_WHITESPACE.test(text)) text = text.replace(WHITESPACE, '');
  if (text.length !== input.length) warnings.push({ code: 'trimmed-whitespace' });
  if (text.length === 0) return { ok: false, problem: malformed('empty'), warnings };

  const bad = INVALID_CHAR.exec(text);
  if (bad) {
    return {
      ok: false,
      problem: malformed('invalid-character', { at: bad.index, actual: bad[0] }),
      warnings,
    };
  }
  const standard = STANDARD_ONLY.test(text);
  if (standard && TENCENT_ONLY.test(text)) return { ok: false, problem: malformed('mixed-alphabet'), warnings };
  if (standard) warnings.push({ code: 'standard-base64' });
  const std = standard ? text : text.replace(/[*\-_]/g, toStandardChar);

  const firstPad = std.indexOf('=');
  const body = firstPad === -1 ? std : std.slice(0, firstPad);
  const padding = std.length - body.length;
  if (firstPad !== -1 && (padding > 2 || /[^=]/.test(std.slice(firstPad)))) {
    return { ok: false, problem: malformed('bad-padding', { at: firstPad }), warnings };
  }
  if (body.length % 4 === 1) {
    return { ok: false, problem: malformed('bad-length', { actual: String(text.length) }), warnings };
  }
  const wantPadding = (4 - (body.length % 4)) % 4;
  if (padding === 0 && wantPadding > 0) warnings.push({ code: 'missing-padding' });
  else if (padding !== wantPadding) return { ok: false, problem: malformed('bad-padding', { at: firstPad }), warnings };

  const bytes = base64ToBytes(body);
  // atob ignores the spare bits of the last character, so a changed last character could decode
  // to the same bytes: only the canonical encoding is the token as it was issued.
  if (bytesToBase64(bytes).replace(/=+$/, '') !== body) {
    return { ok: false, problem: malformed('non-canonical', { at: body.length - 1 }), warnings };
  }
  return { ok: true, bytes, alphabet: standard ? 'standard' : 'tencent', warnings };
}

function toStandardChar(c: string): string {
  return c === '*' ? '+' : c === '-' ? '/' : '=';
}

function toTencentChar(c: string): string {
  return c === '+' ? '*' : c === '/' ? '-' : '_';
}

/** Standard base64 (unpadded input accepted) to bytes. The caller has checked the alphabet. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function encodeTencentBase64(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/[+/=]/g, toTencentChar);
}

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Padded standard base64 whose spare bits are zero, so that it re-encodes to the same text. */
export function isCanonicalBase64(text: string): boolean {
  if (!CANONICAL_BASE64.test(text)) return false;
  return bytesToBase64(base64ToBytes(text)) === text;
}
