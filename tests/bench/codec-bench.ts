/**
 * UserSig codec benchmark: `npm run bench` (node tests/bench/codec-bench.ts).
 *
 * Prints, side by side in one run, for a few tokens (plain UserSig, PrivateMapKeys):
 * - ours: decode + verify (verifyUserSig) operations per second;
 * - the floor: only the Web APIs the codec must use, one DecompressionStream('deflate') inflate
 *   read to the end plus one Web Crypto HMAC-SHA256 (importKey + sign) of the same token;
 * - a Node reference: node:zlib inflateSync + node:crypto createHmac;
 * - our time per operation relative to the floor (target ≤ 1.5x);
 * then the codec's bundle size (rolldown, minified, gzip -9), with zod external and with
 * zod/mini included (scripts/budgets.ts enforces decode + verify at 6 KB).
 *
 * Figures, not assertions: it always exits 0 unless the harness itself breaks.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, inflateSync } from 'node:zlib';
import { build } from 'rolldown';
import { generatePrivateMapKey, verifyUserSig } from '../../lib/usersig/index.ts';
import { SAMPLE_KEY, WORKED_EXAMPLE, signedContent } from '../fixtures/usersig/hand-built.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WARM_MS = 200;
const RUN_MS = 750;
const RATIO_TARGET = 1.5;
const GZIP_TARGET = 6144;

interface Case {
  name: string;
  token: string;
  key: string;
  now: number;
  /** Pre-decoded for the floor and the Node reference: the zlib bytes and the signed content. */
  zlib: Uint8Array<ArrayBuffer>;
  content: string;
  sig: string;
}

function zlibBytes(token: string): Uint8Array<ArrayBuffer> {
  const b = Buffer.from(token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function makeCase(name: string, token: string, key: string): Case {
  const zlib = zlibBytes(token);
  const doc = JSON.parse(inflateSync(zlib).toString('utf8')) as Record<string, unknown>;
  const content = signedContent({
    identifier: doc['TLS.identifier'] as string,
    sdkAppId: doc['TLS.sdkappid'] as number,
    time: doc['TLS.time'] as number,
    expire: doc['TLS.expire'] as number,
    userbuf: doc['TLS.userbuf'] as string | undefined,
  });
  return { name, token, key, now: doc['TLS.time'] as number, zlib, content, sig: doc['TLS.sig'] as string };
}

async function cases(): Promise<Case[]> {
  const now = WORKED_EXAMPLE.time;
  const numeric = await generatePrivateMapKey({ sdkAppId: 1400000000, key: SAMPLE_KEY, userId: 'anchor_0001', roomId: 88_888, privileges: 255, now, expire: 86_400 });
  const stringRoom = await generatePrivateMapKey({
    sdkAppId: 1400000000,
    key: SAMPLE_KEY,
    userId: 'audience-user-with-a-longer-id-01',
    roomStr: 'live_room_2024_summer_gala_main_stage',
    privileges: 42,
    now,
    expire: 86_400,
  });
  if (!numeric.ok || !stringRoom.ok) throw new Error('could not generate the bench tokens');
  return [
    makeCase('plain UserSig (§A.3)', WORKED_EXAMPLE.token, SAMPLE_KEY),
    makeCase('PrivateMapKey, numeric room', numeric.userSig, SAMPLE_KEY),
    makeCase('PrivateMapKey, string room', stringRoom.userSig, SAMPLE_KEY),
  ];
}

// ---- the three contenders ------------------------------------------------------------------

async function ours(c: Case): Promise<boolean> {
  const r = await verifyUserSig(c.token, { key: c.key, now: c.now });
  return r.ok;
}

const encoder = new TextEncoder();

/** One DecompressionStream('deflate') over the bytes, drained: the inflate half of the floor. */
async function inflatedLength(zlib: Uint8Array<ArrayBuffer>): Promise<number> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  writer.write(zlib).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
  }
  return total;
}

/** The floor: the two Web APIs the codec cannot avoid, nothing else. */
async function floor(c: Case): Promise<boolean> {
  const total = await inflatedLength(c.zlib);
  const key = await crypto.subtle.importKey('raw', encoder.encode(c.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(c.content));
  return total > 0 && mac.byteLength === 32;
}

const importedKeys = new Map<string, CryptoKey>();

/** The floor with the HMAC key imported once (the codec caches imported keys too). */
async function floorKeyCached(c: Case): Promise<boolean> {
  const total = await inflatedLength(c.zlib);
  let key = importedKeys.get(c.key);
  if (!key) {
    key = await crypto.subtle.importKey('raw', encoder.encode(c.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    importedKeys.set(c.key, key);
  }
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(c.content));
  return total > 0 && mac.byteLength === 32;
}

/** Node's own zlib and crypto, synchronous. */
function nodeReference(c: Case): boolean {
  const json = inflateSync(c.zlib);
  return json.length > 0 && createHmac('sha256', c.key).update(c.content).digest('base64') === c.sig;
}

type Contender = () => Promise<boolean> | boolean;

/** Calls `fn` for about `ms`; returns [calls, elapsed ms]. */
async function run(fn: Contender, ms: number): Promise<[number, number]> {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    // 16 calls between clock reads keeps the clock out of the figure.
    for (let i = 0; i < 16; i++) {
      const r = fn();
      if (!(r instanceof Promise ? await r : r)) throw new Error('a benchmarked call failed');
    }
    n += 16;
    now = performance.now();
  }
  return [n, now - start];
}

/**
 * Operations per second of each contender: `WARM_MS` of warm-up each, then about `RUN_MS` each,
 * interleaved call by call (A B C D A B C D …) so that load from elsewhere, thread-pool
 * latency of the stream's zlib and GC fall on every contender alike.
 */
async function measure(contenders: Contender[]): Promise<number[]> {
  for (const fn of contenders) await run(fn, WARM_MS);
  const calls = contenders.map(() => 0);
  const time = contenders.map(() => 0);
  const until = performance.now() + RUN_MS * contenders.length;
  while (performance.now() < until) {
    for (const [i, fn] of contenders.entries()) {
      const t = performance.now();
      const r = fn();
      if (!(r instanceof Promise ? await r : r)) throw new Error('a benchmarked call failed');
      time[i]! += performance.now() - t;
      calls[i]!++;
    }
  }
  return calls.map((n, i) => (n * 1000) / time[i]!);
}

// ---- bundle size ---------------------------------------------------------------------------

interface Size {
  raw: number;
  gzip: number;
}

async function bundleSize(input: string, external: RegExp[]): Promise<Size> {
  const out = await build({
    input,
    cwd: ROOT,
    write: false,
    external,
    platform: 'browser',
    logLevel: 'silent',
    treeshake: true,
    output: { format: 'esm', minify: true },
  });
  const code = out.output.map((o) => ('code' in o ? o.code : '')).join('');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

// ---- output --------------------------------------------------------------------------------

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const verdict = (met: boolean) => (met ? 'target met' : 'target NOT met');

async function main(): Promise<void> {
  const rolldownVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/rolldown/package.json'), 'utf8')) as { version: string }).version;
  console.log(`UserSig codec benchmark — Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? '?'})`);
  console.log(`Each figure: ${WARM_MS} ms warm-up, then about ${RUN_MS} ms of calls each, interleaved call by call; load average ${os.loadavg()[0]!.toFixed(2)}.\n`);

  const all = await cases();
  // Sanity: every contender agrees the tokens are good.
  for (const c of all) {
    if (!(await ours(c)) || !(await floor(c)) || !(await floorKeyCached(c)) || !nodeReference(c)) throw new Error(`bench token "${c.name}" does not verify`);
  }

  const header = `${pad('token', 30)}${lpad('chars', 6)}${lpad('ours', 10)}${lpad('floor', 10)}${lpad('floor*', 10)}${lpad('node ref', 10)}${lpad('ours/floor', 12)}${lpad('ours/floor*', 13)}`;
  console.log('decode + verify, operations per second (higher is better)');
  console.log(`  ours        = verifyUserSig (base64, capped inflate, UTF-8, JSON, zod schema, userbuf, HMAC, checks)`);
  console.log(`  floor       = one DecompressionStream('deflate') + one crypto.subtle importKey+sign, nothing else`);
  console.log(`  floor*      = the same with the key imported once (ours caches imported keys, so compare with this too)`);
  console.log(`  node ref    = node:zlib inflateSync + node:crypto createHmac (not available in a browser)`);
  console.log(`  ours/floor  = our time per operation ÷ the floor's (target ≤ ${RATIO_TARGET}x)\n`);
  console.log(`  ${header}`);
  const ratios: number[] = [];
  const cachedRatios: number[] = [];
  for (const c of all) {
    const [o, f, fc, n] = (await measure([() => ours(c), () => floor(c), () => floorKeyCached(c), () => nodeReference(c)])) as [number, number, number, number];
    ratios.push(f / o);
    cachedRatios.push(fc / o);
    console.log(
      `  ${pad(c.name, 30)}${lpad(String(c.token.length), 6)}${lpad(int(o), 10)}${lpad(int(f), 10)}${lpad(int(fc), 10)}${lpad(int(n), 10)}` +
        `${lpad(`${(f / o).toFixed(2)}x`, 12)}${lpad(`${(fc / o).toFixed(2)}x`, 13)}  ${verdict(f / o <= RATIO_TARGET)}`,
    );
  }
  const worst = Math.max(...ratios);
  const worstCached = Math.max(...cachedRatios);
  console.log(`\nRESULT ours/floor: worst ${worst.toFixed(2)}x over ${all.length} tokens — ${verdict(worst <= RATIO_TARGET)} (≤ ${RATIO_TARGET}x)`);
  console.log(`RESULT ours/floor* (key imported once on both sides): worst ${worstCached.toFixed(2)}x — ${verdict(worstCached <= RATIO_TARGET)} (≤ ${RATIO_TARGET}x)`);
  // For scripts/budgets.ts, which judges the ratio (both sides measured in this run).
  fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'reports/codec-bench.json'), JSON.stringify({ generatedAt: new Date().toISOString(), worstRatio: worst, worstRatioKeyCached: worstCached, target: RATIO_TARGET }, null, 2) + '\n');

  // Sizes: the public face, then what the parts weigh.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-bench-'));
  try {
    const lib = path.join(ROOT, 'lib/usersig');
    const entry = (name: string, source: string) => {
      const file = path.join(tmp, `${name}.ts`);
      fs.writeFileSync(file, source);
      return file;
    };
    const index = path.join(lib, 'index.ts');
    const functions = entry(
      'functions',
      `export { decodeUserSig } from '${lib}/decode.ts';\nexport { verifyUserSig, checkClaims } from '${lib}/verify.ts';\n` +
        `export { generateUserSig, generatePrivateMapKey } from '${lib}/generate.ts';\nexport { findUserSigs } from '${lib}/find.ts';\n` +
        `export { PROBLEM_SERVER_CODES } from '${lib}/problem-server-codes.ts';\n`,
    );
    const core = entry('core', `export { decodeUserSig } from '${lib}/decode.ts';\nexport { verifyUserSig } from '${lib}/verify.ts';\n`);
    const decodeOnly = entry('decode', `export { decodeUserSig } from '${lib}/decode.ts';\n`);
    const texts = entry('texts', `export * from '${lib}/problems.ts';\n`);
    const zod = [/^zod(\/|$)/];
    const rows: Array<[string, Size, boolean]> = [
      ['lib/usersig/index.ts, zod external (our own code)', await bundleSize(index, zod), true],
      ['lib/usersig/index.ts, including zod/mini', await bundleSize(index, []), false],
      ['  part: the five functions + problem codes, no texts', await bundleSize(functions, zod), true],
      ['  part: decodeUserSig + verifyUserSig, zod external', await bundleSize(core, zod), false],
      ['  part: decodeUserSig alone, zod external', await bundleSize(decodeOnly, zod), false],
      ['  part: problems.ts (zh/en texts, server codes)', await bundleSize(texts, zod), false],
    ];
    console.log(`\nbundle size (rolldown ${rolldownVersion}, ESM, minified; gzip level 9)`);
    for (const [name, size, targeted] of rows) {
      const note = targeted ? `  ${verdict(size.gzip < GZIP_TARGET)} (< ${int(GZIP_TARGET)} B gzip)` : '';
      console.log(`  ${pad(name, 54)}${lpad(int(size.raw), 9)} B raw${lpad(int(size.gzip), 9)} B gzip${note}`);
    }
    const own = rows[0]![1];
    const fns = rows[2]![1];
    console.log(`\nRESULT own code gzip: ${int(own.gzip)} B — ${verdict(own.gzip < GZIP_TARGET)} (< ${int(GZIP_TARGET)} B)`);
    console.log(`RESULT the codec's functions without texts (all chunks, v1 verification included): ${int(fns.gzip)} B gzip — ${verdict(fns.gzip < GZIP_TARGET)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
