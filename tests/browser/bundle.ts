/**
 * Bundles tests/browser/codec-cases.ts for the browser at test time (rolldown, IIFE exposing
 * `codecCases`) into a fresh temp directory, and describes the page that serves it.
 * Used by tests/e2e/codec-in-chromium.spec.ts and tests/firefox/checks/codec.ts.
 * Node-only; erasable TypeScript (it runs under Node's type stripping and Playwright).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CODEC_ORIGIN = 'https://codec.test';
export const PAGE_URL = `${CODEC_ORIGIN}/`;
export const SCRIPT_URL = `${CODEC_ORIGIN}/codec-cases.js`;

/** The shape of `codecCases` in the page (see codec-cases.ts). */
export interface CodecCasesGlobal {
  names: string[];
  runAll: () => Promise<import('./codec-cases.ts').CaseResult[]>;
  runOne: (name: string) => Promise<import('./codec-cases.ts').CaseResult>;
  decodeLog: (count?: number) => Promise<import('./codec-cases.ts').LogFigures>;
  env: () => { userAgent: string; href: string; secure: boolean; cloneInto: boolean };
}

export interface Bundle {
  dir: string;
  file: string;
  code: string;
  /** Milliseconds the bundling took. */
  ms: number;
  remove: () => void;
}

export async function bundleCodecCases(): Promise<Bundle> {
  const t = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-cases-'));
  const file = path.join(dir, 'codec-cases.js');
  await build({
    input: path.join(ROOT, 'tests/browser/codec-cases.ts'),
    cwd: ROOT,
    platform: 'browser',
    logLevel: 'warn',
    write: true,
    // Readable stacks in failure reports: no minification.
    output: { file, format: 'iife', name: 'codecCases' },
  });
  return {
    dir,
    file,
    code: fs.readFileSync(file, 'utf8'),
    ms: performance.now() - t,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>codec cases</title>' +
  `<script src="${SCRIPT_URL}"></script></head><body><h1>codec cases</h1></body></html>`;

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

/** What the fake https://codec.test/ origin answers (undefined: not ours). */
export function serveCodecOrigin(bundle: Bundle, url: string): Served | undefined {
  if (url === PAGE_URL) return { status: 200, contentType: 'text/html; charset=utf-8', body: PAGE_HTML };
  if (url === SCRIPT_URL) return { status: 200, contentType: 'text/javascript; charset=utf-8', body: bundle.code };
  if (url.startsWith(`${CODEC_ORIGIN}/`)) return { status: 404, contentType: 'text/plain', body: 'not found' };
  return undefined;
}

/** One line per failed case, for assertion messages. */
export function describeFailures(results: Array<{ name: string; ok: boolean; error?: string }>): string[] {
  return results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error ?? '?'}`);
}
