import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Check } from '../harness.ts';
import { openExtensionPage } from '../popup-helpers.ts';

const snapshot = JSON.parse(readFileSync(new URL('../../guarantees/manifest-snapshot.json', import.meta.url), 'utf8'))['firefox-mv2'];

// smoke.spec.ts's allowlist (design: least privilege), the same four API permissions.
const ALLOWED_PERMISSIONS = ['storage', 'contextMenus', 'activeTab', 'scripting'];
/** The console hosts, whole (features start only on tool routes): IM and TRTC on both Tencent Cloud sites, and console.trtc.io. */
const CONSOLE_MATCHES = ['https://console.cloud.tencent.com/*', 'https://console.tencentcloud.com/*', 'https://console.trtc.io/*'];

/** A match pattern or an <all_urls>-like host grant, as opposed to an API permission name. */
const isHostPattern = (p: string) => p === '<all_urls>' || /^[a-z*-]+:\/\//.test(p);

/**
 * smoke.spec.ts's manifest test, on the manifest Firefox actually loaded: read with
 * browser.runtime.getManifest() from an extension page, not from the file. It must ask for no
 * permission beyond the allowlist, no host (MV2 puts hosts among `permissions`), no optional
 * grants, content scripts only on the console, no external connection, no loosened CSP; and it
 * must be the access recorded for firefox-mv2 in tests/guarantees/manifest-snapshot.json and the
 * built manifest.json (so Firefox loaded what was built, nothing added or dropped).
 */
const check: Check = {
  name: 'manifest: the manifest Firefox loaded asks only for the expected permissions',
  mirrors: ['the manifest loaded in Chromium asks only for the expected permissions'],
  timeoutMs: 20_000,
  async run(ctx) {
    const page = await openExtensionPage(ctx, 'options.html', await ctx.newPage(), '#app > *');
    const m = (await page.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): unknown } } }).browser.runtime.getManifest())) as Record<string, any>;

    assert.equal(m.manifest_version, snapshot.manifest_version, 'manifest_version (Firefox build: MV2)');
    const permissions: string[] = m.permissions ?? [];
    assert.ok(permissions.includes('storage'), 'storage is asked for');
    assert.deepEqual(permissions.filter((p) => !ALLOWED_PERMISSIONS.includes(p)), [], 'permissions beyond the allowlist (hosts included)');
    assert.deepEqual(permissions.filter(isHostPattern), [], 'host permissions');
    assert.deepEqual(m.optional_permissions ?? [], [], 'optional permissions');
    assert.deepEqual(m.optional_host_permissions ?? [], [], 'optional host permissions');
    for (const host of m.host_permissions ?? []) assert.ok(CONSOLE_MATCHES.includes(host), `host permission ${host}`);
    for (const cs of m.content_scripts ?? []) assert.deepEqual([...(cs.matches ?? [])].sort(), [...CONSOLE_MATCHES].sort(), 'content script hosts: exactly the three consoles');
    for (const war of m.web_accessible_resources ?? []) {
      // MV2 lists files only (no origins); MV3-style entries must name the console origins only.
      if (typeof war === 'string') assert.ok(snapshot.web_accessible_resources.includes(war), `web-accessible ${war}`);
      else for (const match of war.matches ?? []) assert.ok(CONSOLE_MATCHES.includes(match), `web-accessible to ${match}`);
    }
    assert.equal(m.externally_connectable, undefined, 'externally_connectable');
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : (m.content_security_policy?.extension_pages ?? '');
    assert.doesNotMatch(csp, /unsafe-eval|https?:/, 'content security policy');

    // The loaded access is the snapshot's and the built file's, field by field. (Firefox's
    // getManifest() gives content-script files as full moz-extension:// URLs: made relative here.)
    const base = ctx.extensionUrl('');
    const rel = (f: string) => (f.startsWith(base) ? f.slice(base.length) : f);
    const accessOf = (x: Record<string, any>) => ({
      manifest_version: x.manifest_version,
      permissions: [...(x.permissions ?? [])].sort(),
      optional_permissions: x.optional_permissions ?? [],
      host_permissions: x.host_permissions ?? [],
      content_scripts: (x.content_scripts ?? []).map((c: any) => ({ matches: c.matches, js: c.js?.map(rel) })),
      web_accessible_resources: x.web_accessible_resources ?? [],
      externally_connectable: x.externally_connectable ?? null,
      content_security_policy: x.content_security_policy ?? null,
      commands: Object.keys(x.commands ?? {}),
    });
    assert.deepEqual(accessOf(m), snapshot, 'the loaded manifest grants what manifest-snapshot.json records for firefox-mv2');
    assert.deepEqual(accessOf(m), accessOf(ctx.manifest), 'the loaded manifest grants what the built manifest.json does');
    ctx.log(`loaded: ${m.manifest_version === 2 ? 'MV2' : `MV${m.manifest_version}`}, permissions ${permissions.join(', ')}; content scripts on ${(m.content_scripts ?? []).flatMap((c: any) => c.matches).join(', ')}`);
  },
};

export default check;
