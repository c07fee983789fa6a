/**
 * Firefox ESR harness: launches /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi,
 * installs the built extension (.output/firefox-mv2) and guards the network.
 *
 * Runs under the project's pinned Node 24 with native type stripping: erasable TypeScript only
 * (no enums, parameter properties or namespaces), `import type` for types, explicit `.ts`
 * extensions on relative imports.
 *
 * ## How the extension's URL is known
 * Firefox gives every installed extension a random internal UUID, and its pages live at
 * moz-extension://<uuid>/. The `extensions.webextensions.uuids` pref maps add-on ids to UUIDs;
 * we write `{"im-console-helper@im-tools.dev": EXTENSION_UUID}` into the fresh profile before
 * launch, so the popup is at moz-extension://EXTENSION_UUID/popup.html. `installExtension()`
 * must return that gecko id, or the run stops.
 *
 * ## Network guard (two walls)
 * 1. Page interception: every tab gets BiDi request interception. Console URLs are answered
 *    from tests/fixtures/console/routes.ts (or a check's own `serve()`), moz-extension:, data:,
 *    blob: and about: pass, and any other http(s) request is aborted and recorded.
 * 2. Sink proxy: Firefox is configured to send *all* traffic through an HTTP proxy on
 *    127.0.0.1 that answers 403 and records the host (CONNECT) or URL (plain HTTP), with no
 *    direct fallback. Measured on Firefox 153: a content script's own `fetch()` and the
 *    background page's requests bypass BiDi interception entirely (only `content.fetch()`,
 *    which uses the page's principal, is intercepted), so this wall is what sees them.
 *    Hosts of Mozilla's own services are the browser's traffic, reported but not counted.
 * Both walls attribute a record to the check running at the time; a check with records fails.
 */
import puppeteer from 'puppeteer-core';
import type { Browser, HTTPRequest, Page, Target } from 'puppeteer-core';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { snapshotBuild } from '../e2e/helpers/snapshot-build.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.resolve(ROOT, process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
/** Pinned through `extensions.webextensions.uuids`; any fixed v4 UUID works. */
export const EXTENSION_UUID = '5f0c1e2a-7d4b-4c3e-9a61-2b8e4f6d1c7a';
export const ARTIFACTS_DIR = path.join(ROOT, 'test-results/firefox');

export const CONSOLE_ORIGINS = ['https://console.cloud.tencent.com', 'https://console.tencentcloud.com'];
export const CONSOLE_ROUTES_PATH = path.join(ROOT, 'tests/fixtures/console/routes.ts');

export type ConsoleResponse = { status: number; contentType: string; body: string };
export type FulfilFn = (url: string) => ConsoleResponse | undefined;

/** A request the guard stopped. */
export type Blocked = {
  url: string;
  via: 'page' | 'proxy';
  /** The tab's URL for page records; '' for the proxy (it cannot tell who asked). */
  from: string;
  check: string | undefined;
  browserOwn: boolean;
};

/** Thrown by `ctx.pending()`: something the check needs is missing; the runner counts it as failed. */
export class Pending extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Pending';
  }
}

export type CheckContext = {
  browser: Browser;
  /** The gecko id from the built manifest. */
  extensionId: string;
  uuid: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl: (p?: string) => string;
  /** The built manifest.json. */
  manifest: Record<string, any>;
  /** A new guarded tab; every tab a check opens is closed after it. */
  newPage: () => Promise<Page>;
  /**
   * Opens an extension page and waits for `selector` (default: #app has rendered children)
   * rather than for the navigation, whose promise may never settle for moz-extension:// URLs.
   */
  openExtensionPage: (p: string, opts?: { page?: Page; selector?: string }) => Promise<Page>;
  /** The tab's real location (page.url() is stale after a move to moz-extension://). */
  href: (page: Page) => Promise<string>;
  /** popup.html with an optional query such as '?lang=en&theme=dark'. */
  openPopup: (query?: string, opts?: { page?: Page }) => Promise<Page>;
  /** Serve URLs starting with `prefix` from `fulfil` (ahead of routes.ts) for this check. */
  serve: (prefix: string, fulfil: FulfilFn) => void;
  /** routes.ts's fulfilConsoleRequest, or undefined when the module does not exist yet. */
  consoleRoutes: FulfilFn | undefined;
  /** The URLs routes.ts lists in REPLICA_PAGES ([] without it). */
  replicaUrls: string[];
  /** Why routes.ts could not be loaded (exists but fails under plain Node), if it could not. */
  consoleRoutesError: string | undefined;
  /** Requests blocked so far during this check. */
  blocked: () => Blocked[];
  /** Something the check needs is missing (routes, a replica): throws, and the check fails. */
  pending: (reason: string) => never;
  /** Records a named figure (printed at the end, written to reports/firefox-figures.json). */
  measure: (name: string, value: number, unit?: string) => void;
  /** Saves a PNG under test-results/firefox/ and returns its path. */
  screenshot: (page: Page, name: string) => Promise<string>;
  log: (msg: string) => void;
  /** Aborted when the check times out. */
  signal: AbortSignal;
};

export type Check = {
  name: string;
  /**
   * The Playwright e2e tests (titles as `playwright test --list` prints them, without the file:
   * `popup (en) › a truncated UserSig says 70003`) whose user path this check also walks in
   * Firefox. tests/guarantees/firefox-parity.test.ts fails on an e2e test no check mirrors and
   * that tests/firefox/parity-exclusions.ts does not explain.
   */
  mirrors?: string[];
  /** Default 20 s. */
  timeoutMs?: number;
  run: (ctx: CheckContext) => Promise<void>;
};

const MOZILLA_HOSTS = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net|dummy\.test)$/;

function isLocalScheme(url: string): boolean {
  return /^(moz-extension|data|blob|about|chrome|resource):/.test(url);
}

export async function loadConsoleRoutes(): Promise<{ fulfil?: FulfilFn; urls?: string[]; error?: string }> {
  if (!fs.existsSync(CONSOLE_ROUTES_PATH)) return {};
  try {
    const mod = (await import(pathToFileURL(CONSOLE_ROUTES_PATH).href)) as {
      fulfilConsoleRequest?: FulfilFn;
      REPLICA_PAGES?: readonly { url: string }[];
    };
    if (typeof mod.fulfilConsoleRequest !== 'function') return { error: 'routes.ts does not export fulfilConsoleRequest' };
    return { fulfil: mod.fulfilConsoleRequest, urls: (mod.REPLICA_PAGES ?? []).map((p) => p.url) };
  } catch (e) {
    return {
      error:
        `routes.ts failed to load under plain Node (it must use erasable TypeScript and explicit ` +
        `.ts extensions): ${(e as Error).message}`,
    };
  }
}

/** The sink proxy: the only place Firefox can send traffic to; answers 403 to everything. */
async function startSink(onHit: (target: string) => void): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    onHit(req.url ?? '?');
    res.writeHead(403, { connection: 'close' }).end('blocked by the Firefox test sink');
  });
  server.on('connect', (req, socket) => {
    onHit(`https://${req.url ?? '?'}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    onHit(req.url ?? '?');
    socket.on('error', () => {});
    socket.destroy();
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export type Session = {
  browser: Browser;
  extensionId: string;
  manifest: Record<string, any>;
  blocked: Blocked[];
  /** Which check the guard attributes records to (set by the runner). */
  setCurrentCheck: (name: string | undefined) => void;
  makeContext: (check: Check, signal: AbortSignal) => { ctx: CheckContext; cleanup: () => Promise<void> };
  figures: { name: string; value: number; unit: string; check: string }[];
  /** Closes Firefox (SIGKILL if it does not go in 5 s), the sink and the profile. */
  close: () => Promise<void>;
  /** Immediate, synchronous best effort for signal handlers and the overall time limit. */
  kill: () => void;
};

export async function startSession(log: (msg: string) => void): Promise<Session> {
  // Firefox reads a temporary add-on's files lazily: give it a private copy, not the folder a
  // rebuild in the shared checkout may empty mid-run.
  if (!fs.existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run scripts/ensure-browsers.sh`);
  const extensionDir = snapshotBuild(EXTENSION_DIR, 'firefox-ext');
  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, any>;
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) {
    fs.rmSync(extensionDir, { recursive: true, force: true });
    throw new Error(`${EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);
  }

  const { fulfil: consoleRoutes, urls: replicaUrls = [], error: consoleRoutesError } = await loadConsoleRoutes();
  const blocked: Blocked[] = [];
  let currentCheck: string | undefined;
  const record = (url: string, via: Blocked['via'], from: string) => {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // keep '' for odd proxy lines
    }
    blocked.push({ url, via, from, check: currentCheck, browserOwn: MOZILLA_HOSTS.test(host) });
  };

  const sink = await startSink((target) => record(target, 'proxy', ''));
  const port = (sink.address() as AddressInfo).port;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'imch-firefox-'));

  let browser: Browser | undefined;
  const kill = () => {
    try {
      browser?.process()?.kill('SIGKILL');
    } catch {
      // already gone
    }
    sink.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(extensionDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: profile,
      timeout: 30_000,
      // Lets BiDi navigate tabs to moz-extension:// pages.
      args: ['-remote-allow-system-access'],
      // Honour services.settings.server (set to a dummy by puppeteer) even in a release build,
      // so Firefox does not poll remote settings.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.failover_direct': false,
        'network.proxy.socks_remote_dns': true,
        'network.dns.disablePrefetch': true,
        'network.predictor.enabled': false,
        'network.prefetch-next': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Headless Firefox draws every frame in software, in the parent: at 60 frames a second
        // that was a fifth of the run's Firefox CPU (49 checks: 28 of 147 CPU-seconds), at 30 it is
        // 19 of 131. Nothing the checks assert depends on the frame rate; timing figures read
        // thread time (thread-time.ts) or the page's own clock.
        'layout.frame_rate': 30,
      },
    });
  } catch (e) {
    kill();
    throw e;
  }
  const b = browser;

  const installedId = await b.installExtension(extensionDir).catch((e: Error) => {
    kill();
    throw new Error(`installExtension(${EXTENSION_DIR} copied to ${extensionDir}) failed: ${e.message}`);
  });
  if (installedId !== geckoId) {
    kill();
    throw new Error(`installExtension returned ${installedId}, expected ${geckoId}`);
  }
  log(`${await b.version()}, extension ${installedId} at moz-extension://${EXTENSION_UUID}/`);
  if (consoleRoutesError) log(`note: ${consoleRoutesError}`);

  const figures: Session['figures'] = [];

  const makeContext = (check: Check, signal: AbortSignal) => {
    const pages: Page[] = [];
    const served: { prefix: string; fulfil: FulfilFn }[] = [];
    const startIndex = blocked.length;

    const answer = (url: string): ConsoleResponse | undefined => {
      for (const s of served) if (url.startsWith(s.prefix)) return s.fulfil(url) ?? undefined;
      if (consoleRoutes && CONSOLE_ORIGINS.some((o) => url.startsWith(`${o}/`))) return consoleRoutes(url);
      return undefined;
    };

    // page.url() stays 'about:blank' after a tab moved to moz-extension:// (puppeteer's frame
    // was detached, see openExtensionPage), so remember where we sent it.
    const extensionPageOf = new WeakMap<Page, string>();
    const label = (page: Page) => {
      const u = page.url();
      return u === 'about:blank' ? (extensionPageOf.get(page) ?? u) : u;
    };

    const onRequest = (page: Page) => async (req: HTTPRequest) => {
      const url = req.url();
      try {
        if (isLocalScheme(url)) return await req.continue();
        const res = answer(url);
        if (res) return await req.respond({ status: res.status, contentType: res.contentType, body: res.body });
        if (/^https?:/.test(url) && new URL(url).pathname === '/favicon.ico') {
          return await req.respond({ status: 404, body: '' }); // the browser's own favicon probe
        }
        record(url, 'page', label(page));
        return await req.abort('blockedbyclient');
      } catch {
        // the tab went away or the request was already handled
      }
    };

    const newPage = async () => {
      const page = await b.newPage();
      pages.push(page);
      await page.setRequestInterception(true);
      page.on('request', onRequest(page));
      return page;
    };

    const openExtensionPage: CheckContext['openExtensionPage'] = async (p, opts = {}) => {
      const page = opts.page ?? (await newPage());
      const url = `moz-extension://${EXTENSION_UUID}/${p.replace(/^\//, '')}`;
      // The trap: goto() to moz-extension:// may reject ("Frame detached") or never settle,
      // although the page loads. Fire it, ignore its fate, wait for the content instead.
      // page.url() keeps saying 'about:blank' afterwards: use ctx.href(page).
      extensionPageOf.set(page, url);
      // A reused tab may already show this very URL: mark its document, so only a new one counts
      // (otherwise the wait ends at once and the next read lands mid-navigation).
      const LEAVING = '__imchCheckLeaving';
      if (opts.page) await page.evaluate((flag: string) => Reflect.set(window, flag, true), LEAVING).catch(() => {});
      page.goto(url, { timeout: 45_000 }).catch(() => {});
      const ready = (): Promise<boolean> =>
        page
          .evaluate((expected: string, sel: string | null, flag: string) => {
            if (Reflect.has(window, flag)) return false;
            // The tab's previous page may be the same file with another query: wait for this one.
            if (location.href !== expected) return false;
            if (sel) return !!document.querySelector(sel);
            const root = document.querySelector('#app') ?? document.body;
            return !!root && root.childElementCount > 0;
          }, url, opts.selector ?? null, LEAVING)
          .catch(() => false);
      const waitReady = async (ms: number) => {
        const deadline = Date.now() + ms;
        while (!(await ready())) {
          if (signal.aborted) throw signal.reason;
          if (Date.now() > deadline) return false;
          await new Promise((r) => setTimeout(r, 50));
        }
        return true;
      };
      // Polling with evaluate, not waitForSelector: about 1 in 75 openings the latter failed at
      // once ("Waiting failed") while the tab was on its way to the page. A navigation that got
      // lost is tried once more.
      if (!(await waitReady(8_000))) {
        page.goto(url, { timeout: 45_000 }).catch(() => {});
        if (!(await waitReady(12_000))) throw new Error(`${url} did not show ${opts.selector ?? 'its app'} within 20 s`);
      }
      return page;
    };

    const ctx: CheckContext = {
      browser: b,
      extensionId: installedId,
      uuid: EXTENSION_UUID,
      extensionUrl: (p = '') => `moz-extension://${EXTENSION_UUID}/${p.replace(/^\//, '')}`,
      manifest,
      newPage,
      openExtensionPage,
      href: (page) => page.evaluate(() => location.href),
      openPopup: (query = '', opts = {}) => {
        const q = query === '' || query.startsWith('?') ? query : `?${query}`;
        return openExtensionPage(`popup.html${q}`, opts);
      },
      serve: (prefix, fulfil) => {
        served.unshift({ prefix, fulfil });
      },
      consoleRoutes,
      replicaUrls,
      consoleRoutesError,
      blocked: () => blocked.slice(startIndex).filter((r) => !r.browserOwn),
      pending: (reason) => {
        throw new Pending(reason);
      },
      measure: (name, value, unit = 'ms') => {
        figures.push({ name, value, unit, check: check.name });
      },
      screenshot: async (page, name) => {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
        await page.screenshot({ path: file as `${string}.png` });
        return file;
      },
      log: (msg) => log(`      ${msg}`),
      signal,
    };
    // Tabs the extension opens during the check (options page, say) are closed with it too.
    // They have no page interception (the sink proxy still stops their requests).
    const onTarget = async (target: Target) => {
      if (target.type() !== 'page') return;
      const page = await target.page().catch(() => null);
      if (page && !pages.includes(page)) pages.push(page);
    };
    b.on('targetcreated', onTarget);
    const cleanup = async () => {
      b.off('targetcreated', onTarget);
      await Promise.allSettled(pages.map((p) => withTimeout(p.close(), 5_000, 'page.close')));
    };
    return { ctx, cleanup };
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await withTimeout(b.close(), 5_000, 'browser.close');
    } catch {
      // fall through to kill
    }
    kill();
  };

  return {
    browser: b,
    extensionId: installedId,
    manifest,
    blocked,
    setCurrentCheck: (name) => {
      currentCheck = name;
    },
    makeContext,
    figures,
    close,
    kill,
  };
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
