/**
 * Copies a built extension (.output/chrome-mv3 or .output/firefox-mv2) to a private folder
 * before a browser loads it. Several people share one checkout here, and `wxt build` empties
 * .output while it writes: a browser reading the live folder then fails mid-run with
 * ERR_FILE_NOT_FOUND for popup.html or a chunk (seen in practice). The copy is checked for
 * every file the manifest names, and retaken if the build changed while it was copied.
 *
 * Plain Node too (tests/firefox imports it): erasable TypeScript only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function filesNamedBy(manifest: Record<string, any>): string[] {
  const files: (string | undefined)[] = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.action?.default_popup,
    manifest.browser_action?.default_popup,
    manifest.options_ui?.page,
    manifest.options_page,
  ];
  for (const cs of manifest.content_scripts ?? []) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  return files.filter((f): f is string => typeof f === 'string').map((f) => f.replace(/^\//, ''));
}

function problemsIn(dir: string): string | undefined {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return 'no manifest.json';
  let manifest: Record<string, any>;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    return 'manifest.json is not JSON (yet)';
  }
  const missing = filesNamedBy(manifest).filter((f) => !fs.existsSync(path.join(dir, f)));
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

function stamp(dir: string): string {
  try {
    return String(fs.statSync(path.join(dir, 'manifest.json')).mtimeMs);
  } catch {
    return 'none';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Returns a complete private copy of `src` (tries for about 20 s while a build is under way).
 * Remove it with `fs.rmSync(copy, { recursive: true, force: true })` when done.
 */
export function snapshotBuild(src: string, label: string): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), `imch-${label}-`));
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = stamp(src);
    const problem = problemsIn(src);
    if (!problem) {
      fs.rmSync(dest, { recursive: true, force: true });
      try {
        fs.cpSync(src, dest, { recursive: true });
        if (stamp(src) === before && !problemsIn(dest)) return dest;
        last = 'the build changed while it was copied';
      } catch (e) {
        last = `copy failed: ${(e as Error).message}`; // a file vanished under a rebuild
      }
    } else {
      last = problem;
    }
    sleep(1000);
  }
  fs.rmSync(dest, { recursive: true, force: true });
  throw new Error(`${src} is not a complete build (${last}): run \`npm run build\` first.`);
}
