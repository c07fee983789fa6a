/**
 * Every error-code constant the installed Chat web SDKs carry is in the dictionary, under its own
 * code: the test reads the packages' code tables, so an SDK upgrade that adds a code fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_ROWS } from '../../../lib/codes/data-core.ts';

const require = createRequire(import.meta.url);

/** The SDK's error-code table: the object literal that starts with NO_SDKAPPID in its bundle. */
function codeTable(pkg: string, file: string): Map<string, number> {
  const text = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');
  const literal = text.match(/\{NO_SDKAPPID:[^}]*\}/)?.[0];
  if (!literal) throw new Error(`${pkg}/${file}: no error-code table found`);
  return new Map([...literal.matchAll(/([A-Z][A-Z0-9_]*):(-?[0-9.e]+)/g)].map(([, name, value]) => [name!, Number(value)]));
}

const names = new Map<string, Set<number>>();
for (const row of CORE_ROWS) {
  for (const name of [row[4], ...(row[5]?.split(' ') ?? [])]) if (name) names.set(name, (names.get(name) ?? new Set()).add(row[0]));
}

describe.each([
  ['@tencentcloud/chat', 'index.es.js'],
  ['@tencentcloud/chat', 'index.js'],
  ['tim-js-sdk', 'tim-js.es.js'],
  ['tim-js-sdk', 'tim-js-friendship.es.js'],
])('%s (%s)', (pkg, file) => {
  const table = codeTable(pkg, file);

  it('has a code table of its error codes', () => {
    expect(table.size).toBeGreaterThan(80);
    expect(table.get('NO_USERSIG')).toBe(2003);
  });

  it('every code constant is in the dictionary under its code', () => {
    const missing = [...table].filter(([name, code]) => !names.get(name)?.has(code)).map(([n, c]) => `${n}=${c}`);
    expect(missing).toEqual([]);
  });
});
