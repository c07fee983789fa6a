// Every console feature lives in features/<id>/, and its index.ts registers it and ends with the
// real console pages it runs on (design.md: "one folder each, … ending with the pages it runs on").
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../entrypoints/console.content/features/index.ts';
import { CONSOLE_MATCHES } from '../../../entrypoints/console.content/matches.ts';
import { TOOLS } from '../../../lib/console/tools.ts';
import { consolePath } from '../../../lib/console/urls.ts';

const DIR = fileURLToPath(new URL('../../../entrypoints/console.content/features/', import.meta.url));
const folders = readdirSync(DIR).filter((name) => statSync(join(DIR, name)).isDirectory());

/** A URL the manifest's match patterns (`https://host/im*`) let the content script run on. */
const matched = (url: string) => CONSOLE_MATCHES.some((pattern) => url.startsWith(pattern.replace(/\*$/, '')));

describe('console feature folders', () => {
  it('has the five features', () => {
    expect(folders.sort()).toEqual(['code-explanations', 'decode-buttons', 'diagnostics', 'userid-picker', 'verifier-precheck']);
  });

  it('registers exactly one feature per folder, with the folder’s name', () => {
    expect(FEATURES.map((f) => f.id).sort()).toEqual([...folders].sort());
  });

  for (const folder of folders) {
    describe(folder, () => {
      const index = join(DIR, folder, 'index.ts');
      const feature = FEATURES.find((f) => f.id === folder);

      it('has an index.ts that ends with its registration, pages last', () => {
        expect(existsSync(index)).toBe(true);
        const code = readFileSync(index, 'utf8').trimEnd();
        const registration = code.slice(code.lastIndexOf('export const '));
        expect(registration).toMatch(/^export const \w+: ConsoleFeature = \{/);
        expect(registration).toMatch(new RegExp(`id: '${folder}'`));
        expect(registration).toMatch(/pages: \[[\s\S]*\],\n\};$/);
      });

      it('lists real console pages, each one the content script runs on', () => {
        expect(feature?.pages.length).toBeGreaterThan(0);
        for (const page of feature!.pages) {
          expect(matched(page), page).toBe(true);
          expect(consolePath(page), page).toBeTruthy();
        }
      });

      it('lists the documented page of each tool it enhances', () => {
        if (!feature || feature.tools === 'any') return;
        const paths = feature.pages.map((p) => consolePath(p));
        for (const id of feature.tools) {
          expect(TOOLS[id].routes.some((route) => paths.includes(route)), id).toBe(true);
        }
      });
    });
  }
});
