import { base64ToBytes, bytesToBase64 } from './tencent-base64.ts';

const utf8 = new TextEncoder();

/**
 * In a Firefox content script Web Crypto hands back the page's ArrayBuffers, whose views refuse
 * `subarray` ("Permission denied to access property constructor"); a copy made here is ours.
 */
function copyOut(buffer: ArrayBuffer): Uint8Array {
  return Uint8Array.from(new Uint8Array(buffer));
}

const KEY_CACHE_SIZE = 8;
// Imported keys are non-extractable CryptoKeys; caching a few keeps repeated verification cheap.
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function importHmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (hmacKeys.size >= KEY_CACHE_SIZE) hmacKeys.delete(hmacKeys.keys().next().value as string);
    hmacKeys.set(secret, key);
  }
  return key;
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return copyOut(await crypto.subtle.digest('SHA-256', joined));
}

/** RFC 2104 by hand, for the empty key that Web Crypto refuses to import. */
async function hmacWithEmptyKey(message: Uint8Array): Promise<Uint8Array> {
  const inner = new Uint8Array(64).fill(0x36);
  const outer = new Uint8Array(64).fill(0x5c);
  return sha256(outer, await sha256(inner, message));
}

/** HMAC-SHA256 of the UTF-8 text under the UTF-8 key string (never hex-decoded), in standard base64. */
export async function hmacSha256Base64(secret: string, content: string): Promise<string> {
  const message = utf8.encode(content);
  if (secret.length === 0) return bytesToBase64(await hmacWithEmptyKey(message));
  const key = await importHmacKey(secret);
  return bytesToBase64(copyOut(await crypto.subtle.sign('HMAC', key, message)));
}

/** Compares without an early exit, so timing does not tell how much of a guess was right. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
