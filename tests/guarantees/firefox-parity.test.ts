// #7 asks that every e2e path of the popup and the console features also runs in Firefox ESR.
// Each Firefox check names the Playwright tests it mirrors; this holds the two suites together:
// a new e2e test fails here until a Firefox check walks the same path or the exclusions say why not.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Check } from '../firefox/harness.ts';
import { PARITY_EXCLUSIONS } from '../firefox/parity-exclusions.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

interface ListedSuite {
  title: string;
  specs?: { title: string }[];
  suites?: ListedSuite[];
}

/** Every e2e test as `describe › title`, from `playwright test --list` (no browser starts). */
function e2eTitles(): string[] {
  const json = execFileSync(join(ROOT, 'node_modules/.bin/playwright'), ['test', '--list', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const titles: string[] = [];
  const walk = (suite: ListedSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) titles.push([...path, spec.title].join(' › '));
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const file of (JSON.parse(json) as { suites: ListedSuite[] }).suites) walk(file, []);
  return titles;
}

async function firefoxChecks(): Promise<Check[]> {
  const dir = join(ROOT, 'tests/firefox/checks');
  const checks: Check[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_'))) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Check | Check[] };
    checks.push(...[mod.default].flat());
  }
  return checks;
}

describe('Firefox parity with the Chromium e2e suite', async () => {
  const titles = e2eTitles();
  const checks = await firefoxChecks();
  const mirrored = new Map<string, string[]>();
  for (const check of checks) for (const title of check.mirrors ?? []) mirrored.set(title, [...(mirrored.get(title) ?? []), check.name]);

  it('lists the e2e suite', () => {
    expect(titles.length).toBeGreaterThan(50);
  });

  it('every e2e test has a Firefox check walking the same path, or a stated reason', () => {
    const missing = titles.filter((t) => !mirrored.has(t) && !(t in PARITY_EXCLUSIONS));
    expect(missing, 'e2e tests with no Firefox counterpart').toEqual([]);
  });

  it('every mirror and exclusion names an e2e test that exists', () => {
    const known = new Set(titles);
    expect([...mirrored.keys()].filter((t) => !known.has(t)), 'mirrors of unknown e2e tests').toEqual([]);
    expect(Object.keys(PARITY_EXCLUSIONS).filter((t) => !known.has(t)), 'exclusions of unknown e2e tests').toEqual([]);
  });

  it('an excluded test is not also mirrored, and every reason says something', () => {
    for (const [title, why] of Object.entries(PARITY_EXCLUSIONS)) {
      expect(mirrored.has(title), `${title} is both mirrored and excluded`).toBe(false);
      expect(why.length, `reason for ${title}`).toBeGreaterThan(20);
    }
  });
});
