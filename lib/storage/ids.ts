const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
let pool = new Uint8Array(0);
let used = 0;

/** A new random entry id: `u` + 16 hex digits (64 random bits; random bytes drawn 4 KB at a time, for imports). */
export function newEntryId(): string {
  if (used + 8 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    used = 0;
  }
  let id = 'u';
  for (let i = 0; i < 8; i++) id += HEX[pool[used++]!];
  return id;
}

/** Not cryptographic: two FNV-1a lanes, 16 hex digits. For ids and dedup keys only. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
