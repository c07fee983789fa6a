import { decodeTokenBase64 } from './tencent-base64.ts';
import { inflateZlib, INFLATE_CAP } from './zlib.ts';
import { parseTokenJson } from './token.ts';
import type { DecodeResult, Problem } from './types.ts';
import { problemOf } from './problem.ts';

export interface DecodeOptions {
  /** Unix seconds, for the clock-skew warning; defaults to the clock. */
  now?: number;
  /** Inflated size limit in bytes. */
  inflateCap?: number;
}

// ignoreBOM keeps a byte-order mark in the text, so JSON.parse rejects it as Go and PHP do.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

export async function decodeUserSig(text: string, options: DecodeOptions = {}): Promise<DecodeResult> {
  try {
    return await decode(text, options);
  } catch (error) {
    // Unreachable by design; kept so that no input can ever throw into a caller.
    const problem = problemOf('malformed-token', { detail: String(error) });
    return { ok: false, problem, warnings: [] };
  }
}

async function decode(text: string, options: DecodeOptions): Promise<DecodeResult> {
  if (typeof text !== 'string') {
    return { ok: false, problem: problemOf('malformed-token', { reason: 'empty' }), warnings: [] };
  }
  const now = typeof options.now === 'number' && Number.isFinite(options.now) ? Math.floor(options.now) : unixNow();
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed = parseTokenJson(trimmed, now);
    if (!parsed.ok) return { ok: false, problem: parsed.problem, warnings: [] };
    return { ok: true, token: { ...parsed.token, alphabet: 'plaintext' }, warnings: parsed.warnings };
  }
  const outer = decodeTokenBase64(text);
  if (!outer.ok) return outer;
  const cap = options.inflateCap ?? INFLATE_CAP;
  const inflated = await inflateZlib(outer.bytes, cap);
  if (!inflated.ok) {
    const problem: Problem =
      inflated.reason === 'too-large'
        ? problemOf('decompressed-too-large', { limit: cap })
        : problemOf('decompress-failed', { reason: inflated.reason, detail: inflated.detail });
    return { ok: false, problem, warnings: outer.warnings };
  }
  let json: string;
  try {
    json = utf8Strict.decode(inflated.bytes);
  } catch {
    return { ok: false, problem: problemOf('json-invalid', { reason: 'not-utf8' }), warnings: outer.warnings };
  }
  const parsed = parseTokenJson(json, now);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, warnings: outer.warnings };
  return {
    ok: true,
    token: { ...parsed.token, alphabet: outer.alphabet },
    warnings: [...outer.warnings, ...parsed.warnings],
  };
}
