import type { PrivateMapKey, PrivilegeName } from './types.ts';

/** TRTC privilege bits, lowest first (TRTC docs; the official libraries' "200" for bit 8 is a typo). */
export const PRIVILEGES: ReadonlyArray<readonly [PrivilegeName, number]> = [
  ['createRoom', 1],
  ['enterRoom', 2],
  ['sendAudio', 4],
  ['receiveAudio', 8],
  ['sendVideo', 16],
  ['receiveVideo', 32],
  ['sendSubVideo', 64],
  ['receiveSubVideo', 128],
];

export const ALL_PRIVILEGES = 255;
/** Enter the room and receive audio and video only (audience). */
export const AUDIENCE_PRIVILEGES = 2 + 8 + 32;
export const MAX_ROOM_ID = 4294967294;

export function privilegeNames(bits: number): PrivilegeName[] {
  return PRIVILEGES.filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
}

export function privilegeBits(names: readonly PrivilegeName[]): number {
  return PRIVILEGES.reduce((bits, [name, bit]) => (names.includes(name) ? bits | bit : bits), 0);
}

const utf8 = new TextEncoder();
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads the PrivateMapKey layout (all integers big-endian). `TLS.userbuf` may hold arbitrary bytes,
 * so anything that does not fit the layout exactly is reported as unrecognised, not as an error.
 */
export function parsePrivateMapKey(bytes: Uint8Array): PrivateMapKey | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 23) return undefined;
  const version = view.getUint8(0);
  if (version !== 0 && version !== 1) return undefined;
  const accountLength = view.getUint16(1);
  const fixedEnd = 3 + accountLength + 20;
  if (bytes.length < fixedEnd) return undefined;
  const at = 3 + accountLength;
  const result: PrivateMapKey = {
    version,
    account: utf8Lenient.decode(bytes.subarray(3, at)),
    sdkAppId: view.getUint32(at),
    roomId: view.getUint32(at + 4),
    expiresAt: view.getUint32(at + 8),
    privileges: view.getUint32(at + 12),
    privilegeNames: privilegeNames(view.getUint32(at + 12)),
    accountType: view.getUint32(at + 16),
  };
  if (version === 0) return bytes.length === fixedEnd ? result : undefined;
  if (bytes.length < fixedEnd + 2) return undefined;
  const roomLength = view.getUint16(fixedEnd);
  if (bytes.length !== fixedEnd + 2 + roomLength) return undefined;
  result.roomStr = utf8Lenient.decode(bytes.subarray(fixedEnd + 2));
  return result;
}

export interface PrivateMapKeyInput {
  account: string;
  sdkAppId: number;
  roomId?: number;
  roomStr?: string;
  expiresAt: number;
  privileges: number;
}

/**
 * Builds the layout with UTF-8 strings and byte lengths, as the Go, C++ and PHP libraries do
 * (Node and Java keep only the low byte of each UTF-16 unit; identical for ASCII).
 */
export function buildPrivateMapKey(input: PrivateMapKeyInput): Uint8Array {
  const account = utf8.encode(input.account);
  const room = input.roomStr ? utf8.encode(input.roomStr) : undefined;
  const length = 23 + account.length + (room ? 2 + room.length : 0);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, room ? 1 : 0);
  view.setUint16(1, account.length);
  bytes.set(account, 3);
  const at = 3 + account.length;
  view.setUint32(at, input.sdkAppId);
  view.setUint32(at + 4, room ? 0 : (input.roomId ?? 0));
  view.setUint32(at + 8, input.expiresAt % 2 ** 32);
  view.setUint32(at + 12, input.privileges);
  view.setUint32(at + 16, 0);
  if (room) {
    view.setUint16(at + 20, room.length);
    bytes.set(room, at + 22);
  }
  return bytes;
}

/** The bytes the Node and Java libraries write for a string: the low byte of each UTF-16 unit. */
export function lowByteEncoding(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
