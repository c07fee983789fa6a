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

/** The signed text of a v2 token (v1's is in verify-v1.ts). */
export function v2TokenContent(token: DecodedToken): string {
  return v2Content({ ...token, userbuf: token.userbufBase64 });
}
