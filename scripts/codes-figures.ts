// The error-code dictionary's figures: entries per product, the gzip size of its core and of each
// language's chunk as a bundler splits them, and the time of 10,000 lookups. Run alone
// (`node scripts/codes-figures.ts`) or import codesFigures() from the budgets script.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { findCodes, knownCodes, loadCodeTexts, lookupCode, lookupLoaded, PRODUCTS } from '../lib/codes/index.ts';
import { CORE_ROWS } from '../lib/codes/data-core.ts';

const KB = 1024;

export interface CodesFigures {
  entries: number;
  perProduct: Record<string, number>;
  /** KB gzipped: what loads with findCodes / lookupCode (codes, constants, sources, code), and each language's texts. */
  coreKb: number;
  textsKb: { en: number; zh: number };
  /** Milliseconds for 10,000 lookups: synchronous once a language is loaded, and through the async API. */
  lookupMs: { loaded: number; async: number };
  /** Milliseconds for findCodes over a 100-line log, 100 times. */
  findMs: number;
}

async function chunkSizes(): Promise<{ coreKb: number; textsKb: { en: number; zh: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'codes-size-'));
  try {
    const lib = join(process.cwd(), 'lib/codes');
    writeFileSync(join(dir, 'entry.ts'), `export { findCodes } from '${lib}/find.ts';\nexport { lookupCode, unknownCode } from '${lib}/lookup.ts';\n`);
    const out = join(dir, 'out');
    await build({ input: join(dir, 'entry.ts'), output: { dir: out, format: 'esm', minify: true }, logLevel: 'silent' });
    const gz = (f: string) => gzipSync(readFileSync(join(out, f)), { level: 9 }).length / KB;
    const files = readdirSync(out);
    const textsOf = (lang: string) => files.filter((f) => f.startsWith(`texts-${lang}`) || f.startsWith(`usersig-texts-${lang}`) || f.startsWith(`account-texts-${lang}`) || f.startsWith(`usersig-details-${lang}`));
    const core = files.filter((f) => !textsOf('en').includes(f) && !textsOf('zh').includes(f));
    return {
      coreKb: core.reduce((n, f) => n + gz(f), 0),
      textsKb: { en: textsOf('en').reduce((n, f) => n + gz(f), 0), zh: textsOf('zh').reduce((n, f) => n + gz(f), 0) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function codesFigures(): Promise<CodesFigures> {
  const perProduct = Object.fromEntries(PRODUCTS.map((p) => [p, CORE_ROWS.filter((r) => r[1] === p).length]));
  const codes = knownCodes();
  await Promise.all([loadCodeTexts('en'), loadCodeTexts('zh')]);
  let start = performance.now();
  for (let i = 0; i < 10_000; i++) lookupLoaded(codes[i % codes.length]!, i % 2 ? 'zh' : 'en');
  const loaded = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < 10_000; i++) await lookupCode(codes[i % codes.length]!, i % 2 ? 'zh' : 'en');
  const asyncMs = performance.now() - start;
  const log = Array.from({ length: 100 }, (_, i) => `2026-11-22 10:21:${String(i % 60).padStart(2, '0')}.117 TIM user${i} sendMessage ErrorCode: ${i % 3 ? 20003 : 70001}, seq ${1700000000 + i}`).join('\n');
  start = performance.now();
  for (let i = 0; i < 100; i++) findCodes(log);
  const findMs = performance.now() - start;
  return { entries: CORE_ROWS.length, perProduct, ...(await chunkSizes()), lookupMs: { loaded, async: asyncMs }, findMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await codesFigures();
  const line = (name: string, value: string) => console.log(`  ${name.padEnd(58)} ${value}`);
  console.log('error-code dictionary (lib/codes)');
  line('entries', String(f.entries));
  for (const [product, n] of Object.entries(f.perProduct)) line(`  ${product}`, String(n));
  line('core: codes, constants, sources, findCodes, lookup (gz)', `${f.coreKb.toFixed(1)} KB`);
  line('English texts chunk (gz, loaded on first need)', `${f.textsKb.en.toFixed(1)} KB`);
  line('Chinese texts chunk (gz, loaded on first need)', `${f.textsKb.zh.toFixed(1)} KB`);
  line('10,000 lookups, language loaded (lookupLoaded)', `${f.lookupMs.loaded.toFixed(1)} ms`);
  line('10,000 lookups through lookupCode (async)', `${f.lookupMs.async.toFixed(1)} ms`);
  line('findCodes over a 100-line log, 100 times', `${f.findMs.toFixed(1)} ms`);
}
