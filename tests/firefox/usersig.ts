import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * A real-format v2 UserSig (zlib-deflated JSON in Tencent's base64 alphabet, HMAC-SHA256 over
 * the documented fields), made here so checks need no fixture files. Test-only key.
 */
export function makeUserSig({
  sdkAppId = 1400000001,
  identifier = 'firefox_check_user',
  key = 'firefox-check-only-key',
  expire = 86_400,
  time = Math.floor(Date.now() / 1000),
}: { sdkAppId?: number; identifier?: string; key?: string; expire?: number; time?: number } = {}): string {
  const content =
    `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\n` + `TLS.time:${time}\nTLS.expire:${expire}\n`;
  const sig = createHmac('sha256', key).update(content).digest('base64');
  const json = JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.expire': expire,
    'TLS.time': time,
    'TLS.sig': sig,
  });
  return deflateSync(Buffer.from(json)).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}
