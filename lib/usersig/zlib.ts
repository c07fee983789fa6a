/** Real tokens inflate to well under 20 KiB; anything past this is hostile or broken. */
export const INFLATE_CAP = 1 << 20;

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'bad-header' | 'corrupt' | 'too-large'; detail?: string };

type CloneInto = <T>(value: T, target: object) => T;

/**
 * Firefox content scripts see the page's stream classes through Xray wrappers, and those refuse a
 * Uint8Array made in the content script's compartment. Cloning it into the page first fixes that;
 * everywhere else `cloneInto` does not exist and the bytes pass as they are.
 */
function forStream(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const scope = globalThis as { cloneInto?: CloneInto; window?: object };
  return typeof scope.cloneInto === 'function' && scope.window ? scope.cloneInto(bytes, scope.window) : bytes;
}

export function hasZlibHeader(bytes: Uint8Array): boolean {
  const cmf = bytes[0];
  const flg = bytes[1];
  if (cmf === undefined || flg === undefined) return false;
  const deflate = (cmf & 0x0f) === 8 && cmf >> 4 <= 7;
  const noPresetDictionary = (flg & 0x20) === 0;
  return deflate && noPresetDictionary && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * Pushes `bytes` through a (de)compression stream and collects the output, stopping past `cap`
 * bytes. Reads to the end, because browsers report junk after the stream (and a bad Adler-32)
 * only after the data.
 */
async function pipe(stream: CompressionStream | DecompressionStream, bytes: Uint8Array<ArrayBuffer>, cap: number): Promise<Uint8Array | 'too-large'> {
  const writer = stream.writable.getWriter();
  writer.write(forStream(bytes)).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

/** Inflates RFC 1950 zlib data, stopping as soon as the output passes `cap` bytes. */
export async function inflateZlib(bytes: Uint8Array<ArrayBuffer>, cap = INFLATE_CAP): Promise<Inflated> {
  if (!hasZlibHeader(bytes)) return { ok: false, reason: 'bad-header' };
  try {
    const out = await pipe(new DecompressionStream('deflate'), bytes, cap);
    return out === 'too-large' ? { ok: false, reason: 'too-large' } : { ok: true, bytes: out };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function deflateZlib(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const out = await pipe(new CompressionStream('deflate'), bytes, Infinity);
  if (out === 'too-large') throw new Error('unreachable');
  return out;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return new Uint8Array(chunks[0]);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
