import { unixNow } from './decode.ts';
import { hmacSha256Base64 } from './crypto.ts';
import { v2Content } from './content.ts';
import { deflateZlib } from './zlib.ts';
import { bytesToBase64, encodeTencentBase64 } from './tencent-base64.ts';
import { buildPrivateMapKey, MAX_ROOM_ID, privilegeBits } from './userbuf.ts';
import type { GenerateResult, PrivilegeName, Problem } from './types.ts';
import { problemOf } from './problem.ts';

/** 180 days, the console's and the official libraries' default. */
export const DEFAULT_EXPIRE = 180 * 86_400;

export interface GenerateUserSigInput {
  sdkAppId: number;
  key: string;
  userId: string;
  /** Seconds; default 180 days. */
  expire?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

export interface GeneratePrivateMapKeyInput extends GenerateUserSigInput {
  roomId?: number;
  roomStr?: string;
  /** A bit mask (255 = everything) or privilege names. */
  privileges: number | readonly PrivilegeName[];
}

const utf8 = new TextEncoder();

function invalid(field: string, expected: string): Problem {
  return problemOf('schema-invalid', { reason: 'bad-field', field, expected });
}

function checkInput(input: GenerateUserSigInput, expire: number, now: number): Problem | undefined {
  if (!Number.isSafeInteger(input.sdkAppId) || input.sdkAppId <= 0 || input.sdkAppId > 0xffffffff) {
    return invalid('TLS.sdkappid', 'a positive 32-bit integer');
  }
  if (typeof input.userId !== 'string' || input.userId.length === 0) return invalid('TLS.identifier', 'a UserID');
  if (typeof input.key !== 'string') return invalid('key', 'the SecretKey text');
  if (!Number.isSafeInteger(expire)) return invalid('TLS.expire', 'whole seconds');
  if (!Number.isSafeInteger(now) || now < 0) return invalid('TLS.time', 'unix seconds');
  return undefined;
}

async function sign(fields: { sdkAppId: number; key: string; userId: string; expire: number; now: number; userbuf?: string }): Promise<GenerateResult> {
  const { sdkAppId, key, userId, expire, now, userbuf } = fields;
  const sig = await hmacSha256Base64(key, v2Content({ identifier: userId, sdkAppId, time: now, expire, userbuf }));
  // The official Node library's key order; any order verifies the same.
  const json = JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': userId,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': now,
    'TLS.expire': expire,
    ...(userbuf === undefined ? {} : { 'TLS.userbuf': userbuf }),
    'TLS.sig': sig,
  });
  return { ok: true, userSig: encodeTencentBase64(await deflateZlib(utf8.encode(json))), json };
}

export async function generateUserSig(input: GenerateUserSigInput): Promise<GenerateResult> {
  try {
    const expire = input.expire ?? DEFAULT_EXPIRE;
    const now = input.now ?? unixNow();
    const problem = checkInput(input, expire, now);
    if (problem) return { ok: false, problem };
    return await sign({ ...input, expire, now });
  } catch (error) {
    return { ok: false, problem: problemOf('schema-invalid', { detail: String(error) }) };
  }
}

export async function generatePrivateMapKey(input: GeneratePrivateMapKeyInput): Promise<GenerateResult> {
  try {
    const expire = input.expire ?? DEFAULT_EXPIRE;
    const now = input.now ?? unixNow();
    const problem = checkInput(input, expire, now) ?? checkRoom(input);
    if (problem) return { ok: false, problem };
    const privileges = typeof input.privileges === 'number' ? input.privileges : privilegeBits(input.privileges);
    if (!Number.isInteger(privileges) || privileges < 0 || privileges > 255) {
      return { ok: false, problem: invalid('privileges', 'a bit mask from 0 to 255') };
    }
    const userbuf = buildPrivateMapKey({
      account: input.userId,
      sdkAppId: input.sdkAppId,
      roomId: input.roomId,
      roomStr: input.roomStr,
      expiresAt: now + expire,
      privileges,
    });
    return await sign({ ...input, expire, now, userbuf: bytesToBase64(userbuf) });
  } catch (error) {
    return { ok: false, problem: problemOf('schema-invalid', { detail: String(error) }) };
  }
}

function checkRoom(input: GeneratePrivateMapKeyInput): Problem | undefined {
  if (utf8.encode(input.userId).length > 0xffff) return invalid('TLS.identifier', 'at most 65,535 bytes');
  if (input.roomStr) {
    return utf8.encode(input.roomStr).length > 0xffff ? invalid('roomStr', 'at most 65,535 bytes') : undefined;
  }
  const room = input.roomId;
  if (room === undefined || !Number.isInteger(room) || room < 1 || room > MAX_ROOM_ID) {
    return invalid('roomId', `a room number from 1 to ${MAX_ROOM_ID}`);
  }
  return undefined;
}
