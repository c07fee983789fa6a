import { test, expect, CONSOLE_ORIGINS, hasConsoleRoutes, loadConsoleRoutes, loadReplicaUrls } from './fixtures.ts';
import type { FulfilFn } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { waitForScanToReach } from './helpers/settled.ts';

const SENTINEL_TOKEN: string = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8')).tokens.valid.token;

// What the shipped manifest may ask for (design: least privilege). Adding a permission means
// changing this list in the same commit, with the reason.
const ALLOWED_PERMISSIONS = [
  'storage', // saved UserID lists and settings
  'contextMenus', // "Decode UserSig" on a selection
  'activeTab', // read the selection of the tab the user invoked us on, no standing host access
  'scripting', // ...through chrome.scripting in that tab, only under activeTab
];
/** The console hosts, whole (features start only on tool routes): IM and TRTC on both Tencent Cloud sites, and console.trtc.io. */
const CONSOLE_MATCHES = ['https://console.cloud.tencent.com/*', 'https://console.tencentcloud.com/*', 'https://console.trtc.io/*'];

// Candidate console replica URLs, first one routes.ts serves wins.
const REPLICA_CANDIDATES = [
  'https://console.cloud.tencent.com/im',
  'https://console.cloud.tencent.com/im/',
  'https://console.tencentcloud.com/im',
  'https://console.tencentcloud.com/im/',
];

/** A self-contained console look-alike for when routes.ts is not there yet. */
const standIn: FulfilFn = (url) =>
  new URL(url).pathname.startsWith('/im')
    ? {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat - Console</title></head><body><h1>Chat</h1><p id="late"></p><script>setTimeout(() => { document.getElementById("late").textContent = "rendered late"; }, 50);</script></body></html>',
      }
    : undefined;

test('the popup of the built extension opens and renders', async ({ openPopup, measure }, testInfo) => {
  const errors: string[] = [];
  const popup = await measure.time('popup open (goto → rendered)', async () => {
    const p = await openPopup({ lang: 'en' });
    return p;
  });
  popup.on('pageerror', (e) => errors.push(String(e)));
  await expect(popup).toHaveTitle(/\S/);
  const text = (await popup.locator('body').innerText()).trim();
  expect(text.length, 'popup shows some text').toBeGreaterThan(0);
  await testInfo.attach('popup.png', { body: await popup.screenshot(), contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('the manifest loaded in Chromium asks only for the expected permissions', async ({ loadedManifest }) => {
  const m = (await loadedManifest()) as {
    manifest_version: number;
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    content_scripts?: { matches?: string[] }[];
    web_accessible_resources?: { matches?: string[] }[];
    externally_connectable?: unknown;
    content_security_policy?: { extension_pages?: string };
  };
  expect(m.manifest_version).toBe(3);
  expect(m.permissions ?? []).toContain('storage');
  const extra = (m.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p));
  expect(extra, 'permissions beyond the allowlist').toEqual([]);
  expect(m.optional_permissions ?? []).toEqual([]);
  expect(m.optional_host_permissions ?? []).toEqual([]);
  for (const host of m.host_permissions ?? []) expect(CONSOLE_MATCHES).toContain(host);
  for (const cs of m.content_scripts ?? []) expect([...(cs.matches ?? [])].sort(), 'content script hosts: exactly the three consoles').toEqual([...CONSOLE_MATCHES].sort());
  for (const war of m.web_accessible_resources ?? []) {
    // Web-accessible resources take origin patterns (path /*): the console origins, nothing else.
    for (const match of war.matches ?? []) expect(CONSOLE_MATCHES).toContain(match);
  }
  expect(m.externally_connectable).toBeUndefined();
  expect(m.content_security_policy?.extension_pages ?? '').not.toMatch(/unsafe-eval|https?:/);
});

test('console replicas are served at their real URLs and nothing leaves the machine', async ({
  page,
  serveConsole,
  loadedManifest,
  contentScriptWorlds,
  networkGuard,
}) => {
  // Every replica page in turn (about forty): a ceiling for a loaded machine.
  test.setTimeout(300_000);
  const routes = hasConsoleRoutes() ? await loadConsoleRoutes() : undefined;
  const fulfil = routes ?? standIn;
  if (!routes) test.info().annotations.push({ type: 'note', description: 'routes.ts missing: stand-in page' });
  const listed = routes ? await loadReplicaUrls() : [];
  const urls = listed.length > 0 ? listed : [REPLICA_CANDIDATES.find((u) => fulfil(u)) ?? REPLICA_CANDIDATES[0]!];
  await serveConsole(fulfil);
  const manifest = (await loadedManifest()) as { content_scripts?: unknown[] };
  const hasContentScript = (manifest.content_scripts ?? []).length > 0;

  for (const url of urls) {
    await test.step(url, async () => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(url);
      await expect(page.locator('body')).not.toBeEmpty();
      if (hasContentScript) {
        await expect.poll(() => contentScriptWorlds(page), { message: 'content script injected' }).not.toEqual([]);
      }
      // The content script's features have run over the page (and had their chance to fetch).
      if (hasContentScript) await waitForScanToReach(page, SENTINEL_TOKEN);
      // Teardown fails the test on any violation too; checking per page names the page.
      expect(networkGuard.violations()).toEqual([]);
      expect(networkGuard.requests().some((r) => r.url === url)).toBe(true);
    });
  }
});

test('the network guard sees and blocks requests from extension pages, the worker and tabs', async ({
  page,
  openPopup,
  serviceWorker,
  serveConsole,
  networkGuard,
}) => {
  const outside = 'https://example.invalid/guard-canary';
  const tryFetch = (u: string) =>
    fetch(u, { mode: 'no-cors' }).then(
      () => 'reached',
      () => 'blocked',
    );

  const popup = await openPopup();
  expect(await popup.evaluate(tryFetch, `${outside}?from=popup`)).toBe('blocked');
  expect(await serviceWorker.evaluate(tryFetch, `${outside}?from=worker`)).toBe('blocked');

  await serveConsole(standIn);
  await page.goto(REPLICA_CANDIDATES[0]!);
  // The page's main world stands in for a content script: both fetch through the tab.
  expect(await page.evaluate(tryFetch, `${outside}?from=tab`)).toBe('blocked');
  // Console URLs the replicas do not serve are violations too.
  expect(await page.evaluate(tryFetch, `${CONSOLE_ORIGINS[0]}/cgi/unserved`)).toBe('blocked');

  const caught = networkGuard.take();
  expect(caught.map((r) => r.url).sort()).toEqual(
    [`${outside}?from=popup`, `${outside}?from=worker`, `${outside}?from=tab`, `${CONSOLE_ORIGINS[0]}/cgi/unserved`].sort(),
  );
  expect(caught.find((r) => r.url.endsWith('from=worker'))?.source).toMatch(/^service-worker chrome-extension:/);
  expect(caught.find((r) => r.url.endsWith('from=popup'))?.source).toMatch(/^page chrome-extension:/);
});
