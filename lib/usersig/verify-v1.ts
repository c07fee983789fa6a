import { derToP1363, readPublicKey, verifyEcdsaP256 } from './ecdsa.ts';
import { base64ToBytes } from './tencent-base64.ts';
import type { DecodedToken, Problem } from './types.ts';
import { problemOf } from './problem.ts';

/** The v1 (ECDSA) signed text, as the C++ reference builds it; all fields are the JSON strings. */
export function v1Content(raw: Record<string, unknown>): string {
  const field = (name: string) => `TLS.${name}:${String(raw[`TLS.${name}`] ?? '')}\n`;
  const withUserbuf = raw['TLS.userbuf'] !== undefined;
  let content = withUserbuf || raw['TLS.appid_at_3rd'] !== undefined ? field('appid_at_3rd') : '';
  content += field('account_type') + field('identifier') + field('sdk_appid') + field('time') + field('expire_after');
  if (withUserbuf) content += field('userbuf');
  return content;
}

export async function checkV1Signature(token: DecodedToken, key: string): Promise<Problem | undefined> {
  const mismatch = problemOf('signature-mismatch');
  const publicKey = readPublicKey(key);
  if (!publicKey.ok) {
    return problemOf('unsupported-version', { reason: 'v1-needs-public-key', detail: publicKey.detail });
  }
  if (publicKey.curve === 'secp256k1') return { code: 'unsupported-version', reason: 'secp256k1-key' };
  const der = base64ToBytes(token.sig.replace(/\s+/g, '').replace(/=+$/, ''));
  const signature = derToP1363(der);
  if (!signature) return { ...mismatch, reason: 'corrupt', field: 'TLS.sig' };
  const valid = await verifyEcdsaP256(publicKey.spki, signature, v1Content(token.raw));
  return valid ? undefined : { ...mismatch, reason: 'wrong-key' };
}
