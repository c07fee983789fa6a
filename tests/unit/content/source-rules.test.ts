// The content script's promises, checked in its source (and the page model's, which it runs):
// - no `instanceof` on anything: for the page's elements it is false in Firefox content scripts
//   (Xray wrappers), so a check like `anchor instanceof HTMLInputElement` silently fails there;
//   compare `tagName` / `nodeType` instead;
// - no polling: the page's one MutationObserver (page-changes.ts) and events drive everything;
// - no User Timing entries anywhere in shipped code: the page can read them (issue #12, item 10).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourcesUnder(dir: string): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) out.push(...sourcesUnder(relative(ROOT, path)));
    else if (/\.(ts|tsx)$/.test(name)) {
      out.push({ file: relative(ROOT, path), code: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') });
    }
  }
  return out;
}

const contentScript = [...sourcesUnder('entrypoints/console.content'), ...sourcesUnder('lib/console'), ...sourcesUnder('entrypoints').filter((s) => s.file === 'entrypoints/console-ui.ts')];
const shipped = [...sourcesUnder('entrypoints'), ...sourcesUnder('components'), ...sourcesUnder('lib')];

describe('content-script source rules', () => {
  it('has sources to check', () => {
    const files = contentScript.map((s) => s.file);
    expect(files).toEqual(expect.arrayContaining(['entrypoints/console.content/manager.ts', 'entrypoints/console.content/ui/host.ts', 'lib/console/tools.ts', 'entrypoints/console-ui.ts']));
    expect(files.some((f) => f.startsWith('entrypoints/console.content/features/decode-buttons/'))).toBe(true);
  });

  it('uses no instanceof in entrypoints/console.content or lib/console (false for page objects in Firefox)', () => {
    expect(contentScript.filter((s) => /\binstanceof\b/.test(s.code)).map((s) => s.file)).toEqual([]);
  });

  it('polls nothing: no setInterval in entrypoints/console.content', () => {
    expect(contentScript.filter((s) => s.file.startsWith('entrypoints/console.content') && /\bsetInterval\s*\(/.test(s.code)).map((s) => s.file)).toEqual([]);
  });

  it('has one MutationObserver, the page observer', () => {
    expect(contentScript.filter((s) => /new\s+MutationObserver\b/.test(s.code)).map((s) => s.file)).toEqual(['entrypoints/console.content/page-changes.ts']);
  });

  it('leaves no User Timing entry in shipped code (entrypoints, components, lib)', () => {
    expect(shipped.filter((s) => /performance\s*\.\s*(mark|measure)\s*\(/.test(s.code)).map((s) => s.file)).toEqual([]);
  });

  it('judges tokens with the key-less assessment only (assess() with a key would bring signature code into every console page)', () => {
    const always = contentScript.filter((s) => s.file.startsWith('entrypoints/console.content/features/') && !/panel\.tsx?$|View\.tsx$|Panel\.tsx$/.test(s.file));
    expect(always.filter((s) => /\bassess\s*\(|\bcheckClaims\b|\bverifyDecoded\b/.test(s.code)).map((s) => s.file)).toEqual([]);
    expect(always.some((s) => /\bassessWithoutKey\s*\(/.test(s.code))).toBe(true);
  });

  it('hands the console UI over through its module, not a global', () => {
    const lazy = contentScript.find((s) => s.file === 'entrypoints/console.content/ui/lazy-ui.ts')!.code;
    const entry = contentScript.find((s) => s.file === 'entrypoints/console-ui.ts')!.code;
    expect(lazy).not.toMatch(/globalThis|window\s*\[|self\s*\[/);
    expect(entry).not.toMatch(/globalThis|window\s*\[|self\s*\[/);
  });
});
