import type { DecodedToken } from './types.ts';

export interface V2Fields {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
  userbuf?: string;
}

/** The exact text the v2 HMAC covers: LF-terminated lines, in this order, `TLS.ver` unsigned. */
export function v2Content({ identifier, sdkAppId, time, expire, userbuf }: V2Fields): string {
  let content =
    `TLS.identifier:${identifier}\n` +
    `TLS.sdkappid:${sdkAppId}\n` +
    `TLS.time:${time}\n` +
    `TLS.expire:${expire}\n`;
  if (userbuf !== undefined) content += `TLS.userbuf:${userbuf}\n`;
  return content;
}

/** The v1 (ECDSA) signed text, as the C++ reference builds it; all fields are the JSON strings. */
export function v1Content(raw: Record<string, unknown>): string {
  const field = (name: string) => `TLS.${name}:${String(raw[`TLS.${name}`] ?? '')}\n`;
  const withUserbuf = raw['TLS.userbuf'] !== undefined;
  let content = withUserbuf || raw['TLS.appid_at_3rd'] !== undefined ? field('appid_at_3rd') : '';
  content += field('account_type') + field('identifier') + field('sdk_appid') + field('time') + field('expire_after');
  if (withUserbuf) content += field('userbuf');
  return content;
}

export function tokenContent(token: DecodedToken): string {
  return token.version === 'v1'
    ? v1Content(token.raw)
    : v2Content({ ...token, userbuf: token.userbufBase64 });
}
