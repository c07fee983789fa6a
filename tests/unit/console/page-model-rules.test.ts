// @vitest-environment happy-dom
// The page model's promises, checked in its source: DOM reading only, nothing that writes markup,
// forces layout, evaluates code, depends on the window it runs in, or reaches extension APIs.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/console');
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, code: readFileSync(join(DIR, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '') }));

const FORBIDDEN: [string, RegExp][] = [
  ['markup from strings', /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/],
  ['layout-forcing reads', /\binnerText\b|getComputedStyle|getBoundingClientRect|offset(Width|Height|Top|Left)|client(Width|Height)|scroll(Width|Height)/],
  ['code evaluation', /\beval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['"`]/],
  ['instanceof with window constructors (breaks across windows and in Firefox content scripts)', /instanceof\s+(HTML|Element|Node|Document|Text)\w*/],
  ['extension APIs', /\b(browser|chrome)\.(runtime|storage|tabs)|wxt\//],
  ['imports from UI layers', /from\s+['"][^'"]*(components|entrypoints)\//],
  ['network', /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon/],
  ['zod classic (eval-like JIT)', /from\s+['"]zod['"]/],
];

describe('lib/console source rules', () => {
  it('has sources to check', () => {
    expect(sources.map((s) => s.file)).toContain('tools.ts');
  });
  for (const [what, pattern] of FORBIDDEN) {
    it(`uses no ${what}`, () => {
      expect(sources.filter((s) => pattern.test(s.code)).map((s) => s.file)).toEqual([]);
    });
  }
});
