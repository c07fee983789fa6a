/**
 * Hand-built bad tokens, one per problem code (and per reason where it matters), from the
 * shared table in tests/fixtures/usersig/hand-built.ts (the browser suites run the same table).
 */
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { decodeUserSig, describeProblem, INFLATE_CAP, PROBLEM_SERVER_CODES, verifyUserSig } from '../../../lib/usersig/index.ts';
import type { Problem, ProblemCode } from '../../../lib/usersig/index.ts';
import {
  BAD_TOKENS,
  V1_P256_TOKEN,
  WORKED_EXAMPLE as W,
  adler32,
  concatBytes,
  fixedHuffmanBomb,
  tokenFromBytes,
  utf8,
} from '../../fixtures/usersig/hand-built.ts';
import { PROBLEM_CODES, allowedServerCodes, nodeDeflateToken, nodeInflate } from './_helpers.ts';

const require = createRequire(import.meta.url);
const v1Fixture = require('../../fixtures/usersig/v1-real-tokens.json') as { p256: { token: string } };

async function problemOf(c: (typeof BAD_TOKENS)[number]): Promise<Problem | undefined> {
  const token = await c.token();
  if (c.verify) {
    const r = await verifyUserSig(token, c.verify);
    return r.problems[0];
  }
  const r = await decodeUserSig(token, { now: c.now ?? W.time });
  return r.ok ? undefined : r.problem;
}

/** What this Node's own DecompressionStream does with junk after a zlib stream. */
async function nodeStreamRejectsTrailingJunk(): Promise<boolean> {
  const bytes = concatBytes(zlib.deflateSync(Buffer.from('{}')), utf8('junk'));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  try {
    await new Response(stream).arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

describe('bad tokens: each gives its problem code, server code and reason', () => {
  it('covers every problem code', () => {
    expect(new Set(BAD_TOKENS.map((c) => c.code))).toEqual(new Set(PROBLEM_CODES));
  });

  for (const c of BAD_TOKENS.filter((c) => !c.trailingJunk)) {
    it(c.name, async () => {
      const problem = await problemOf(c);
      expect(problem, 'a problem').toBeDefined();
      expect(problem!.code).toBe(c.code);
      expect(problem!.serverCode).toBe(c.serverCode);
      if (c.reason !== undefined) expect(problem!.reason).toBe(c.reason);
      if (c.at !== undefined) expect(problem!.at).toBe(c.at);
      if (c.field !== undefined) expect(problem!.field).toBe(c.field);
      if (c.actual !== undefined) expect(problem!.actual).toBe(c.actual);
      expect(allowedServerCodes(problem!)).toContain(problem!.serverCode);
      for (const lang of ['zh', 'en'] as const) {
        const text = describeProblem(problem!, lang);
        expect(text.title.trim(), `${lang} title`).not.toBe('');
        expect(text.cause.trim(), `${lang} cause`).not.toBe('');
        expect(text.fix.trim(), `${lang} fix`).not.toBe('');
        expect(`${text.title}${text.cause}${text.fix}`).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  }

  it('trailing junk after the zlib stream: inflateSync ignores it; the codec does what Node\'s DecompressionStream does', async () => {
    const c = BAD_TOKENS.find((t) => t.trailingJunk)!;
    const token = await c.token();
    // Node's zlib.inflateSync returns the JSON and drops the junk (so does Node 20's stream).
    expect(nodeInflate(token).json).toBe(W.json);
    const problem = await problemOf(c);
    if (await nodeStreamRejectsTrailingJunk()) {
      // Node 24's DecompressionStream fails it, as the Compression Streams spec and browsers do.
      expect(problem).toMatchObject({ code: 'decompress-failed', serverCode: 70003, reason: 'corrupt' });
    } else {
      expect(problem).toBeUndefined();
    }
    // The real-browser assertion (decompress-failed) is in tests/browser/codec-cases.ts.
  });

  it('the v1 token copied into hand-built.ts is the one in v1-real-tokens.json', () => {
    expect(V1_P256_TOKEN).toBe(v1Fixture.p256.token);
  });

  it('describeProblem has a non-empty title, cause and fix for every code and reason, in zh and en', () => {
    const reasons = [undefined, 'empty', 'invalid-character', 'mixed-alphabet', 'bad-length', 'bad-padding', 'bad-header', 'corrupt', 'not-utf8', 'not-object', 'duplicate-key', 'bad-field', 'v1-needs-public-key', 'secp256k1-key', 'bad-public-key', 'key-case', 'key-whitespace', 'wrong-key'] as const;
    for (const code of Object.keys(PROBLEM_SERVER_CODES) as ProblemCode[]) {
      for (const reason of reasons) {
        for (const lang of ['zh', 'en'] as const) {
          const t = describeProblem({ code, reason, serverCode: PROBLEM_SERVER_CODES[code] }, lang);
          expect(t.title.trim() && t.cause.trim() && t.fix.trim(), `${code}/${reason}/${lang}`).toBeTruthy();
        }
      }
    }
  });
});

describe('inflate bombs stop at the cap without inflating everything', () => {
  it('the hand-built fixed-Huffman bomb is valid zlib (Node inflates it to the right bytes)', () => {
    const bomb = fixedHuffmanBomb(300_000, 0x20);
    const out = zlib.inflateSync(bomb);
    expect(out.length).toBe(300_000);
    expect(out.every((b) => b === 0x20)).toBe(true);
    expect(adler32(out)).toBe(new DataView(bomb.buffer, bomb.byteOffset + bomb.length - 4).getUint32(0));
  });

  it('a few KB inflating to just over 1 MiB is decompressed-too-large, and 1 MiB exactly is not', async () => {
    const over = nodeDeflateToken(Buffer.alloc(INFLATE_CAP + 1, 0x20), { level: 9 });
    expect(over.length).toBeLessThan(4096);
    const r = await decodeUserSig(over);
    expect(r.ok ? 'ok' : r.problem).toMatchObject({ code: 'decompressed-too-large', serverCode: 70003, limit: INFLATE_CAP });
    // At the cap: inflates, then fails as JSON (spaces only), not as too large.
    const at = await decodeUserSig(nodeDeflateToken(Buffer.alloc(INFLATE_CAP, 0x20), { level: 9 }));
    expect(at.ok ? 'ok' : at.problem.code).toBe('json-invalid');
  });

  it('the inflateCap option moves the limit', async () => {
    const r = await decodeUserSig(W.token, { inflateCap: 100 });
    expect(r.ok ? 'ok' : r.problem).toMatchObject({ code: 'decompressed-too-large', limit: 100 });
    const fits = await decodeUserSig(W.token, { inflateCap: W.json.length, now: W.time });
    expect(fits.ok).toBe(true);
  });

  /** Decodes `token` counting the bytes the inflate stream hands out: a bomb must stop near the cap. */
  async function inflatedBytesWhileDecoding(token: string): Promise<{ code: string; inflated: number }> {
    const Real = globalThis.DecompressionStream;
    let inflated = 0;
    class Counting {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array>;
      constructor(format: CompressionFormat) {
        const inner = new Real(format);
        this.writable = inner.writable;
        this.readable = inner.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              inflated += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        );
      }
    }
    globalThis.DecompressionStream = Counting as unknown as typeof DecompressionStream;
    try {
      const r = await decodeUserSig(token);
      return { code: r.ok ? 'ok' : r.problem.code, inflated };
    } finally {
      globalThis.DecompressionStream = Real;
    }
  }

  it('a 100 MiB bomb stops at the 1 MiB cap instead of inflating it all', async () => {
    const raw = Buffer.alloc(100 * 2 ** 20, 0x20);
    const token = tokenFromBytes(zlib.deflateSync(raw, { level: 9 }));
    const { code, inflated } = await inflatedBytesWhileDecoding(token);
    expect(code).toBe('decompressed-too-large');
    expect(inflated).toBeGreaterThan(INFLATE_CAP);
    // The cap plus what the streams had buffered: nowhere near the 100 MiB a full inflate makes.
    expect(inflated).toBeLessThan(4 * INFLATE_CAP);
  });

  it('a 100 MiB hand-built bomb (the browser suites use this one) stops at the cap too', async () => {
    const { code, inflated } = await inflatedBytesWhileDecoding(tokenFromBytes(fixedHuffmanBomb(100 * 2 ** 20)));
    expect(code).toBe('decompressed-too-large');
    expect(inflated).toBeLessThan(4 * INFLATE_CAP);
  });
});
