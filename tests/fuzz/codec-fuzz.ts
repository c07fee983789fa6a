// Fuzz run for CI: at least 100,000 mutated tokens through decodeUserSig and verifyUserSig, bounded
// in time. Fails on any thrown exception, any problem or warning code outside the contract, or a
// decompression bomb not stopped at the cap (that it stops early, in bytes, is
// tests/unit/usersig/bad-tokens.test.ts's). Prints its figures; no time is a verdict.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { decodeUserSig, verifyUserSig } from '../../lib/usersig/index.ts';
import { fixedHuffmanBomb, SAMPLE_KEY, tokenFromBytes, zlibStored } from '../fixtures/usersig/hand-built.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 240_000);
const PROBLEMS = new Set(['malformed-token', 'decompress-failed', 'decompressed-too-large', 'json-invalid', 'schema-invalid', 'unsupported-version', 'signature-mismatch', 'expired', 'identifier-mismatch', 'sdkappid-mismatch']);
const WARNINGS = new Set(['time-in-future', 'missing-padding', 'trimmed-whitespace', 'standard-base64', 'short-validity', 'long-validity', 'identifier-not-sdk-safe', 'userbuf-unrecognised', 'userbuf-mismatch', 'key-format']);

const official = JSON.parse(readFileSync(new URL('../fixtures/usersig/official-node-tokens.json', import.meta.url), 'utf8'));
const seeds: Array<{ token: string; key: string }> = (official.tokens ?? official).map((t: { token: string; key?: string }) => ({ token: t.token, key: t.key ?? SAMPLE_KEY }));
if (seeds.length === 0) throw new Error('no seed tokens');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_+/= \n%"{}';
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('substitute' as const), at: fc.nat(), char: fc.constantFrom(...ALPHABET) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...ALPHABET) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('noise' as const), text: fc.string({ maxLength: 300 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(token: string, m: Mutation): string {
  if (m.kind === 'noise') return m.text;
  const at = m.at % (token.length + 1);
  switch (m.kind) {
    case 'substitute': return token.slice(0, at) + m.char + token.slice(at + 1);
    case 'insert': return token.slice(0, at) + m.char + token.slice(at);
    case 'delete': return token.slice(0, at) + token.slice(at + m.length);
    case 'truncate': return token.slice(0, at);
    case 'duplicate': return token.slice(0, at) + token.slice(at, at + m.length) + token.slice(at);
  }
}

const failures: string[] = [];
function check(kind: string, input: string, codes: string[], warnings: string[]) {
  for (const code of codes) if (!PROBLEMS.has(code)) failures.push(`${kind}: unknown problem code ${code} for ${JSON.stringify(input).slice(0, 80)}`);
  for (const code of warnings) if (!WARNINGS.has(code)) failures.push(`${kind}: unknown warning code ${code}`);
}

const start = performance.now();
const samples = fc.sample(fc.tuple(fc.nat(seeds.length - 1), mutation), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261121) });
let done = 0;
let decodedOk = 0;
for (let i = 0; i < samples.length; i += 64) {
  if (performance.now() - start > TIME_LIMIT_MS) break;
  await Promise.all(
    samples.slice(i, i + 64).map(async ([seedIndex, m]) => {
      const seed = seeds[seedIndex]!;
      const input = apply(seed.token, m);
      try {
        const decoded = await decodeUserSig(input);
        check('decode', input, decoded.ok ? [] : [decoded.problem.code], decoded.warnings.map((w) => w.code));
        if (decoded.ok) decodedOk++;
        const verified = await verifyUserSig(input, { key: seed.key, userId: 'someone', sdkAppId: 1400000000 });
        check('verify', input, verified.problems.map((p) => p.code), verified.warnings.map((w) => w.code));
      } catch (error) {
        failures.push(`threw for ${JSON.stringify(input).slice(0, 120)}: ${String(error)}`);
      }
      done++;
    }),
  );
}
const elapsed = performance.now() - start;

// Bombs: 100 MiB of spaces behind a small token, through Compression Streams and stored blocks.
const bombs = [
  ['fixed-Huffman bomb, 100 MiB', tokenFromBytes(fixedHuffmanBomb(100 * 1024 * 1024))],
  ['stored-block bomb, 2 MiB', tokenFromBytes(zlibStored(new Uint8Array(2 * 1024 * 1024).fill(0x20)))],
] as const;
const bombTimes: string[] = [];
for (const [name, token] of bombs) {
  const t0 = performance.now();
  const result = await decodeUserSig(token);
  const ms = performance.now() - t0;
  bombTimes.push(`${name} (${token.length.toLocaleString('en')} chars): ${ms.toFixed(1)} ms`);
  if (result.ok || result.problem.code !== 'decompressed-too-large') failures.push(`${name}: not stopped at the cap`);
}

console.log(`codec fuzz: ${done.toLocaleString('en')} mutated tokens through decode and verify in ${(elapsed / 1000).toFixed(1)} s (${Math.round(done / (elapsed / 1000)).toLocaleString('en')}/s), ${decodedOk.toLocaleString('en')} still decoded`);
for (const line of bombTimes) console.log(`  bomb stopped at the cap: ${line}`);
if (done < RUNS) failures.push(`only ${done} of ${RUNS} runs within ${TIME_LIMIT_MS} ms`);
for (const f of failures.slice(0, 20)) console.log(`  FAIL ${f}`);
console.log(failures.length === 0 ? 'codec fuzz: no exception, every result a defined code' : `codec fuzz: ${failures.length} failures`);
process.exit(failures.length === 0 ? 0 : 1);
