// lib/diagnostics is the pure report layer: no DOM, no extension APIs, no UI imports, no network,
// zod only through lib/zod.ts (jitless), and no field that could hold a key.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/diagnostics');
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, code: readFileSync(join(DIR, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '') }));

const FORBIDDEN: [string, RegExp][] = [
  ['DOM', /\b(document|window|navigator)\.|\bHTML\w*Element\b|querySelector/],
  ['extension APIs', /\b(browser|chrome)\.(runtime|storage|tabs)|from\s+['"]wxt/],
  ['imports from UI layers', /from\s+['"][^'"]*(components|entrypoints)\//],
  ['network', /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon/],
  ['code evaluation', /\beval\s*\(|new\s+Function\b/],
  ['zod other than lib/zod.ts', /from\s+['"]zod(\/mini)?['"]/],
];

describe('lib/diagnostics source rules', () => {
  it('has sources to check', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['schema.ts', 'build.ts', 'render.ts', 'mask.ts']));
  });
  it('the record schema has no field that could hold a key', () => {
    const schema = sources.find((s) => s.file === 'schema.ts')!.code;
    expect(schema).not.toMatch(/secret|privateKey|\bkey\b|password|token\s*:\s*z\.optional\(z\.string/i);
  });
  for (const [what, pattern] of FORBIDDEN) {
    it(`uses no ${what}`, () => {
      expect(sources.filter((s) => pattern.test(s.code)).map((s) => s.file)).toEqual([]);
    });
  }
});
