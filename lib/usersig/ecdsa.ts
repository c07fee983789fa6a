// Legacy v1 (ECDSA P-256) signatures: the public key's curve, the DER signature, Web Crypto.
import { base64ToBytes } from './tencent-base64.ts';

const P256_OID = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const SECP256K1_OID = [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a];

function contains(haystack: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type PublicKeyInfo =
  | { ok: true; curve: 'P-256' | 'secp256k1'; spki: Uint8Array<ArrayBuffer> }
  | { ok: false; detail: string };

/** Reads a PEM or bare base64 SubjectPublicKeyInfo and names its curve. */
export function readPublicKey(text: string): PublicKeyInfo {
  if (/PRIVATE KEY/.test(text)) return { ok: false, detail: 'private key given; paste the public key' };
  const body = text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 === 1) return { ok: false, detail: 'not base64' };
  const spki = base64ToBytes(body.replace(/=+$/, ''));
  if (spki[0] !== 0x30) return { ok: false, detail: 'not a DER SubjectPublicKeyInfo' };
  if (contains(spki, P256_OID)) return { ok: true, curve: 'P-256', spki };
  if (contains(spki, SECP256K1_OID)) return { ok: true, curve: 'secp256k1', spki };
  return { ok: false, detail: 'not an elliptic-curve key on P-256 or secp256k1' };
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` to the 64-byte r‖s form Web Crypto expects. */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  let at = 0;
  const readLength = (): number | undefined => {
    const first = der[at++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined;
    return der[at++];
  };
  if (der[at++] !== 0x30 || readLength() === undefined) return undefined;
  const out = new Uint8Array(64);
  for (const offset of [0, 32]) {
    if (der[at++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || at + length > der.length) return undefined;
    let integer = der.subarray(at, at + length);
    at += length;
    while (integer.length > 32 && integer[0] === 0) integer = integer.subarray(1);
    if (integer.length > 32) return undefined;
    out.set(integer, offset + 32 - integer.length);
  }
  return out;
}

export async function verifyEcdsaP256(spki: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>, content: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(content));
}
