// The promises of design.md, checked on the built extension (npm test builds first).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import snapshot from './manifest-snapshot.json' with { type: 'json' };

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

function buildDir(build: string): string {
  const dir = join(ROOT, '.output', build);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run npm run build first`);
  return dir;
}

/** The parts of a manifest that grant access; any change must update the snapshot on purpose. */
function accessOf(manifest: Record<string, any>) {
  return {
    manifest_version: manifest.manifest_version,
    permissions: [...(manifest.permissions ?? [])].sort(),
    optional_permissions: manifest.optional_permissions ?? [],
    host_permissions: manifest.host_permissions ?? [],
    content_scripts: (manifest.content_scripts ?? []).map((c: any) => ({ matches: c.matches, js: c.js })),
    web_accessible_resources: manifest.web_accessible_resources ?? [],
    externally_connectable: manifest.externally_connectable ?? null,
    content_security_policy: manifest.content_security_policy ?? null,
    commands: Object.keys(manifest.commands ?? {}),
  };
}

describe.each(BUILDS)('%s build', (build) => {
  it('asks for exactly the access in the snapshot (no new permission or host)', () => {
    const manifest = JSON.parse(readFileSync(join(buildDir(build), 'manifest.json'), 'utf8'));
    expect(accessOf(manifest)).toEqual((snapshot as Record<string, unknown>)[build]);
  });

  it('has no eval, new Function, network API or remote script in any bundle', () => {
    const offenders: string[] = [];
    const banned: Array<[string, RegExp]> = [
      ['eval', /\beval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
      ['fetch', /\bfetch\s*\(/],
      ['XMLHttpRequest', /XMLHttpRequest/],
      // As code (constructed or read off a global), not the word in an error code's text.
      ['WebSocket', /\bnew\s+(?:\w+\.)?WebSocket\b|\.WebSocket\b/],
      ['EventSource', /\bnew\s+(?:\w+\.)?EventSource\b|\.EventSource\b/],
      ['sendBeacon', /sendBeacon/],
      ['importScripts', /importScripts/],
      ['remote import', /import\s*\(\s*["'`]https?:/],
      ['remote script', /<script[^>]+src=["']https?:/i],
    ];
    for (const file of files(buildDir(build), /\.(js|html)$/)) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of banned) if (pattern.test(text)) offenders.push(`${name} in ${relative(ROOT, file)}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('our sources', () => {
  it('never write HTML from data or evaluate strings', () => {
    const offenders: string[] = [];
    for (const dir of ['lib', 'components', 'entrypoints']) {
      for (const file of files(join(ROOT, dir), /\.(ts|tsx)$/)) {
        const text = readFileSync(file, 'utf8');
        const hit = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\(|new Function\(/.exec(text);
        if (hit) offenders.push(`${hit[0]} in ${relative(ROOT, file)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
