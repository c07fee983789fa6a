// One trigger style and one palette: every colour of the trigger (the button all console
// features put on the page) is a light value of the shared palette, components/theme.css.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
const hexes = (css: string) => [...css.matchAll(/#[0-9a-f]{6}\b/gi)].map((m) => m[0].toLowerCase());

function filesUnder(dir: string): string[] {
  const abs = fileURLToPath(new URL(`../../../${dir}`, import.meta.url));
  return readdirSync(abs).flatMap((name) => (statSync(join(abs, name)).isDirectory() ? filesUnder(`${dir}/${name}`) : [`${dir}/${name}`]));
}

describe('console styles', () => {
  const lightPalette = new Set([...read('components/theme.css').matchAll(/light-dark\((#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase()));

  it('the trigger uses only the palette’s light colours', () => {
    const used = hexes(read('entrypoints/console.content/ui/trigger.css'));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((c) => !lightPalette.has(c))).toEqual([]);
  });

  it('no feature defines its own trigger style or palette', () => {
    const sources = filesUnder('entrypoints/console.content/features').filter((f) => /\.(ts|tsx|css)$/.test(f));
    const offenders = sources.filter((f) => {
      const code = read(f);
      return /\.trigger(\s*\{|:hover|:focus)/.test(code) || /--(bg|fg|accent|border)\s*:/.test(code);
    });
    expect(offenders).toEqual([]);
  });
});
