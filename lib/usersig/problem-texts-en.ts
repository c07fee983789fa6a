import { USERSIG_MEANINGS_EN } from '../codes/usersig-texts-en.ts';
import { registerTexts, type LanguageTexts } from './problem-texts.ts';
import type { Problem } from './types.ts';
import { formatDuration } from './duration.ts';

const d = (seconds: number | undefined) => formatDuration(seconds ?? 0, 'en');

function malformedCause(p: Problem): string {
  const at = p.at === undefined ? '' : String(p.at + 1);
  switch (p.reason) {
    case 'empty':
      return 'The UserSig is empty.';
    case 'invalid-character':
      return `Character ${at} ("${p.actual}") is not part of the UserSig alphabet (A–Z a–z 0–9 * - _).`;
    case 'mixed-alphabet':
      return 'It mixes * - _ with + / =: part of it was re-encoded (URL-encoded or edited by hand).';
    case 'non-canonical':
      return 'The last character carries bits that are not data: the UserSig was altered.';
    case 'bad-padding':
      return `The padding (_ or =) at character ${at} is misplaced: the UserSig was cut or joined.`;
    default:
      return `A length of ${p.actual} cannot be a whole UserSig: characters are missing at the end, most likely it was cut off.`;
  }
}

const KEY_HINTS: Record<string, string> = {
  'key-case': 'The same key with its letter case changed matches: the key is case-sensitive text, use it exactly as shown (no hex decoding, no case change).',
  'key-whitespace': 'The key matches once surrounding spaces are removed: it was copied with whitespace or a line break.',
  corrupt: 'The signature field itself is damaged.',
};

function sameButFor(expected: string, actual: string): string {
  if (expected.trim() === actual.trim()) return ' They differ only in surrounding whitespace.';
  if (expected.toLowerCase() === actual.toLowerCase()) return ' They differ only in letter case: UserIDs are case-sensitive.';
  return '';
}

export const EN_TEXTS: LanguageTexts = {
  // The meanings of the codes our problems map to: the error-code dictionary is their one source.
  serverCodes: USERSIG_MEANINGS_EN,
  problems: {
    'malformed-token': (p) => ({
      title: 'Malformed UserSig',
      cause: malformedCause(p),
      fix: 'Copy the whole UserSig again from where it was generated, and check that buffers and columns that store it are long enough.',
    }),
    'decompress-failed': (p) => ({
      title: 'UserSig does not decompress',
      cause:
        p.reason === 'bad-header'
          ? 'The decoded bytes are not zlib data: this is not a UserSig, or its start was changed.'
          : 'The zlib data is damaged or incomplete: the UserSig was cut off or altered.',
      fix: 'Copy the whole UserSig again; if your server generates it, make sure it returns the full string unchanged (the old Java library truncates long signatures at 2,048 bytes).',
    }),
    'decompressed-too-large': (p) => ({
      title: 'UserSig inflates too large',
      cause: `It inflates past ${Math.round((p.limit ?? 0) / 1024)} KiB while real UserSigs stay under 20 KiB: hostile or broken data, so decoding stopped.`,
      fix: 'Do not use this UserSig; check where it came from.',
    }),
    'json-invalid': (p) => ({
      title: 'UserSig content is not valid JSON',
      cause:
        p.reason === 'duplicate-key'
          ? `The field ${p.field} appears twice; servers disagree on which one counts.`
          : p.reason === 'not-utf8'
            ? 'The inflated content is not UTF-8 text.'
            : 'The inflated content is not JSON.',
      fix: 'Regenerate the UserSig with an official tls-sig-api-v2 library instead of building the JSON by hand.',
    }),
    'schema-invalid': (p) => ({
      title: 'UserSig fields are wrong',
      cause:
        p.reason === 'not-object'
          ? 'The content is JSON but not an object.'
          : `The field ${p.field ?? '?'} is missing or of the wrong type${p.expected ? ` (expected ${p.expected})` : ''}, e.g. an SDKAppID written as a string.`,
      fix: 'Generate it with an official library; in your own code TLS.sdkappid, TLS.time and TLS.expire must be integers.',
    }),
    'unsupported-version': (p) =>
      p.reason === 'secp256k1-key'
        ? {
            title: 'Cannot be verified here',
            cause: 'This legacy (v1) ECDSA UserSig uses a secp256k1 key, a curve Web Crypto does not support. The signature was not checked; the other fields are decoded.',
            fix: 'Upgrade the app to an HMAC-SHA256 key in the console and regenerate UserSigs with tls-sig-api-v2.',
          }
        : p.reason === 'v1-needs-public-key'
          ? {
              title: 'Legacy UserSig needs the public key',
              cause: "This is a legacy (v1) ECDSA UserSig: it verifies with the app's public key, not a SecretKey.",
              fix: "Paste the app's public key (PEM, starting -----BEGIN PUBLIC KEY-----); if the app has moved to a SecretKey, regenerate the UserSig with tls-sig-api-v2.",
            }
          : {
              title: 'Unsupported UserSig version',
              cause: `TLS.ver is "${p.actual}"; only 2.0 and the legacy v1 exist.`,
              fix: 'Regenerate the UserSig with an official tls-sig-api-v2 library.',
            },
    'signature-mismatch': (p) => ({
      title: 'Signature does not match',
      cause:
        (p.reason && KEY_HINTS[p.reason]) ??
        "The UserSig was signed with a different key: another app's SecretKey, an old key that was reset, or a mistyped key.",
      fix: 'Copy the key of this very SDKAppID from the console (Application Configuration › Basic Information) and regenerate the UserSig.',
    }),
    expired: (p) => ({
      title: 'UserSig has expired',
      cause: `It expired ${d(p.seconds)} ago. If it expired right after generation, the validity is too short or 0, or the generating machine's clock is wrong.`,
      fix: 'Generate a new UserSig, valid for at least 24 hours; on 6206/70001 fetch a fresh one and log in again.',
    }),
    'identifier-mismatch': (p) => ({
      title: 'UserID does not match',
      cause: `The UserSig was issued for "${p.actual ?? ''}" but the login uses "${p.expected ?? ''}".${sameButFor(p.expected ?? '', p.actual ?? '')}`,
      fix: 'Generate the UserSig for the UserID you log in with, or log in with the UserID it was issued for.',
    }),
    'sdkappid-mismatch': (p) => ({
      title: 'SDKAppID does not match',
      cause: `The UserSig belongs to app ${p.actual} but the request is for app ${p.expected}.`,
      fix: `Regenerate the UserSig with the key of app ${p.expected}, or initialise the SDK with SDKAppID ${p.actual}.`,
    }),
  },
  warnings: {
    'time-in-future': (w) => `Issued ${d(w.seconds)} in the future: the generating machine's clock or this one is off.`,
    'missing-padding': () => 'The trailing padding (_) is missing: it may have been cut, and strict servers reject it.',
    'trimmed-whitespace': () => 'Spaces or line breaks were removed from the UserSig; strip them before sending it too.',
    'standard-base64': () => 'Written in standard base64 (+ / =) rather than the UserSig alphabet (* - _): it decodes, but something converted it.',
    'short-validity': (w) => `Valid for only ${d(w.seconds)}; at least 24 hours is recommended.`,
    'long-validity': (w) => `Valid for ${d(w.seconds)}, past the documented maximum of 50 years.`,
    'identifier-not-sdk-safe': () => 'The UserID has characters outside printable ASCII or is over 32 bytes; the IM SDK rejects it at login (7003).',
    'userbuf-unrecognised': () => 'TLS.userbuf is not in the PrivateMapKey layout; shown as it is.',
    'userbuf-mismatch': (w) => `The PrivateMapKey's ${w.field} is ${w.actual}, not ${w.expected} as in the UserSig.`,
    'key-format': () => 'Console keys are 64 lower-case hex characters; this key is not.',
  },
};

registerTexts('en', EN_TEXTS);
