/**
 * Playwright fixtures for end-to-end tests of the *built* extension in Debian's Chromium.
 *
 *   import { test, expect } from './fixtures.ts';
 *   test('decodes', async ({ openPopup, measure }) => {
 *     const popup = await measure.time('popup open', () => openPopup({ lang: 'en' }));
 *     ...
 *   });
 *
 * Each worker starts one Chromium with `.output/chrome-mv3` loaded (override the folder with
 * E2E_EXTENSION_DIR) from a private copy taken when the worker starts, and its tests share it:
 * after each test its tabs are closed, its routes removed, permissions reset and the extension's
 * storage (local, sync, session, IndexedDB) cleared. A test that needs a browser nobody has used
 * yet (first openings, install-time behaviour) says `test.use({ freshProfile: true })` and why.
 * Run `npm run build` first.
 *
 * ## Network guard (what it covers, how requests are attributed)
 *
 * The design promises "no network request from any extension page or content script". The
 * guard enforces it for everything that runs in the test's browser context:
 *
 * - `context.route('**\/*')` is installed before the first page opens. In Chromium, context
 *   routes apply to every page (extension pages and console tabs alike) *and* to the
 *   extension's service worker (Playwright intercepts service-worker fetches unless
 *   `serviceWorkers: 'block'`). Anything that is not the extension's own origin, a local
 *   scheme (data:, blob:, about:) or a URL served by `serve()`/`serveConsole()` is aborted,
 *   so nothing leaves the machine. As a second wall, Chromium runs with
 *   `--host-resolver-rules` mapping every host to NOTFOUND, so a request that somehow slipped
 *   past interception fails at DNS instead of reaching the internet.
 * - `context.on('request')` records every request (pages, frames, service worker) with its
 *   source: the frame URL, or the service worker URL. `context.routeWebSocket(/.*\/)` records
 *   and closes every WebSocket a page opens.
 * - At teardown, every recorded request whose URL is not own-origin / local / served is a
 *   violation, and the test fails listing them (URL, method, type, source).
 *
 * Attribution: the only pages in a test are the extension's own pages and console replicas
 * served from tests/fixtures/console (self-contained: they fetch nothing that routes.ts does not
 * serve). A content script's fetch in Chromium is issued by the tab's renderer, so it shows up
 * as a request of the console tab. Hence: a foreign request from a chrome-extension:// frame is
 * the extension page's, one with a service worker is the background's, one from a console tab
 * is the content script's (or a replica bug, which is also worth failing on).
 *
 * What the guard cannot see:
 * - Traffic the browser process makes on its own behalf (component updates, safe browsing,
 *   speculative DNS/preconnect): not attributable to the extension; the launch flags disable
 *   it and the resolver rule stops it.
 * - Which script in a console tab made a request to a *served* replica URL: a content script
 *   fetching the page's own URL looks like the page. Requests to console URLs that routes.ts
 *   does not serve are violations (404 + reported).
 * - WebSockets opened by the service worker, WebRTC/UDP, and documents Playwright does not
 *   attach to (offscreen documents) — none of which the extension has a reason to use; the
 *   resolver rule still keeps them on the machine.
 * - Requests still in flight when the context closes (e.g. sendBeacon on unload).
 */
import { test as base, expect, chromium } from '@playwright/test';
import type { BrowserContext, Page, Request, Route, TestInfo, Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendFigure } from './helpers/figures.ts';
import { snapshotBuild } from './helpers/snapshot-build.ts';
import type { FigureSample } from './helpers/figures.ts';
import { CHROMIUM, chromiumArgsWithExtension } from './helpers/chromium.ts';
import { calibrate } from '../shared/calibration.ts';

/** The files a built extension makes web-accessible (its manifest's web_accessible_resources, MV3). */
function webAccessibleFiles(extensionDir: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: Array<{ resources?: string[] }>;
  };
  return new Set((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []));
}

export { expect };

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The IM console on both Tencent Cloud sites (the content scripts' match origins). */
export const CONSOLE_ORIGINS = [
  'https://console.cloud.tencent.com',
  'https://console.tencentcloud.com',
] as const;

/** What tests/fixtures/console/routes.ts returns for a URL it serves. */
export type ConsoleResponse = { status: number; contentType: string; body: string };
export type FulfilFn = (url: string) => ConsoleResponse | undefined;

export type GuardedRequest = {
  url: string;
  method: string;
  resourceType: string;
  /** `page <frame url>`, `service-worker <url>` or `websocket <page url>`. */
  source: string;
};

export type NetworkGuard = {
  /** Every request seen so far in this context. */
  requests(): GuardedRequest[];
  /** Requests that are neither own-origin, local nor served. */
  violations(): GuardedRequest[];
  /**
   * Returns the current violations and forgets them, so a test that provokes a foreign request
   * on purpose (to prove the guard works) can assert on it without failing at teardown.
   */
  take(): GuardedRequest[];
};

export type OpenOptions = {
  /** `?lang=en&theme=dark`, `lang=en`, or a record of parameters. */
  query?: string | Record<string, string>;
  lang?: 'zh' | 'en';
  theme?: 'light' | 'dark' | 'auto';
  /** Navigate this page instead of opening a new tab. */
  page?: Page;
};

export type Measure = {
  /**
   * Records one sample of a named figure (default unit ms); ms figures carry the machine's speed
   * index of that moment (tests/shared/calibration.ts), taken now unless given.
   */
  (name: string, value: number, unit?: string, calibration?: number): Promise<void>;
  /** Times `fn` with performance.now() and records it in ms; returns fn's result. */
  time<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
};

export type Clipboard = {
  /** Text on the clipboard, read through `navigator.clipboard.readText()` in `page`. */
  read(page?: Page): Promise<string>;
  /** Puts text on the clipboard through `navigator.clipboard.writeText()` in `page`. */
  write(text: string, page?: Page): Promise<void>;
};

type WorkerFixtures = {
  /** Folder of the unpacked build loaded into Chromium. */
  extensionDir: string;
  /** The worker's Chromium, shared by its tests (reset between them). */
  sharedContext: BrowserContext;
};

type TestFixtures = {
  /** A Chromium profile of its own for this test (slower: ~3 s to start). */
  freshProfile: boolean;
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id>/ + path */
  extensionUrl: (path?: string) => string;
  /** The extension's MV3 service worker. */
  serviceWorker: Worker;
  /** `chrome.runtime.getManifest()` as Chromium loaded it. */
  loadedManifest: () => Promise<Record<string, unknown>>;
  networkGuard: NetworkGuard;
  openPopup: (query?: string | OpenOptions, page?: Page) => Promise<Page>;
  openOptions: (query?: string | OpenOptions, page?: Page) => Promise<Page>;
  /** Serve URLs matching `url` from `fulfil`; served URLs pass the network guard. */
  serve: (url: string | RegExp, fulfil: FulfilFn) => Promise<void>;
  /**
   * Route both console origins to tests/fixtures/console/routes.ts (or to `fulfil`). Throws if
   * the routes module does not exist; check `hasConsoleRoutes()` to skip instead.
   */
  serveConsole: (fulfil?: FulfilFn) => Promise<void>;
  /** Isolated worlds of this extension's content scripts in `page` (via CDP). */
  contentScriptWorlds: (page: Page) => Promise<{ id: number; name: string; origin: string }[]>;
  clipboard: Clipboard;
  measure: Measure;
  /**
   * Opt in with `test.use({ failOnPageErrors: true })`: the test fails if the page throws or a
   * console feature of ours stops (the manager catches it and logs "<id> stopped" once).
   */
  failOnPageErrors: boolean;
  pageErrorGuard: void;
};

export const CONSOLE_ROUTES_PATH = path.join(ROOT, 'tests/fixtures/console/routes.ts');

export function hasConsoleRoutes(): boolean {
  return fs.existsSync(CONSOLE_ROUTES_PATH);
}

type RoutesModule = { fulfilConsoleRequest?: FulfilFn; REPLICA_PAGES?: readonly { url: string }[] };

async function importRoutes(): Promise<RoutesModule | undefined> {
  if (!hasConsoleRoutes()) return undefined;
  // A computed specifier: the fixture must typecheck and run whether or not the module exists.
  return (await import(pathToFileURL(CONSOLE_ROUTES_PATH).href)) as RoutesModule;
}

/** Loads `fulfilConsoleRequest` from tests/fixtures/console/routes.ts (undefined if absent). */
export async function loadConsoleRoutes(): Promise<FulfilFn | undefined> {
  const mod = await importRoutes();
  if (!mod) return undefined;
  if (typeof mod.fulfilConsoleRequest !== 'function') {
    throw new Error(`${CONSOLE_ROUTES_PATH} does not export fulfilConsoleRequest(url)`);
  }
  return mod.fulfilConsoleRequest;
}

/** Every replica URL routes.ts lists in REPLICA_PAGES ([] if it lists none or is absent). */
export async function loadReplicaUrls(): Promise<string[]> {
  return ((await importRoutes())?.REPLICA_PAGES ?? []).map((p) => p.url);
}

function buildQuery(query: string | OpenOptions | undefined): { q: string; page?: Page } {
  if (query === undefined) return { q: '' };
  if (typeof query === 'string') {
    const s = query.replace(/^\?/, '');
    return { q: s ? `?${s}` : '' };
  }
  const params = new URLSearchParams(
    typeof query.query === 'string' ? query.query.replace(/^\?/, '') : query.query,
  );
  if (query.lang) params.set('lang', query.lang);
  if (query.theme) params.set('theme', query.theme);
  const s = params.toString();
  return { q: s ? `?${s}` : '', page: query.page };
}

function isLocalScheme(url: string): boolean {
  return /^(data|blob|about|chrome-error):/.test(url);
}

function describeSource(req: Request): string {
  const sw = req.serviceWorker();
  if (sw) return `service-worker ${sw.url()}`;
  try {
    return `page ${req.frame().url()}`;
  } catch {
    return 'unknown';
  }
}

/** Polls until the page's #app (or body) has rendered something. */
async function waitForRender(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('#app') ?? document.body;
    return !!root && root.childElementCount > 0;
  });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // A private copy of the build per worker, so a rebuild in the shared checkout cannot pull
  // files from under a running browser (see helpers/snapshot-build.ts).
  extensionDir: [
    async ({}, use) => {
      const src = path.resolve(ROOT, process.env.E2E_EXTENSION_DIR ?? '.output/chrome-mv3');
      const dir = snapshotBuild(src, 'e2e-chrome');
      try {
        await use(dir);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  sharedContext: [
    async ({ extensionDir }, use) => {
      const { context, close } = await launchWithExtension(extensionDir, {});
      try {
        await use(context);
      } finally {
        await close();
      }
    },
    { scope: 'worker' },
  ],

  freshProfile: [false, { option: true }],

  failOnPageErrors: [false, { option: true }],

  pageErrorGuard: [
    async ({ failOnPageErrors, page }, use) => {
      if (!failOnPageErrors) return use();
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(String(e));
      const onConsole = (m: { text(): string }) => {
        if (/IM Console Helper\] .* stopped/.test(m.text())) errors.push(m.text());
      };
      page.on('pageerror', onError);
      page.on('console', onConsole);
      await use();
      page.off('pageerror', onError);
      page.off('console', onConsole);
      expect(errors, 'errors on the page, or a feature of ours that stopped').toEqual([]);
    },
    { auto: true },
  ],

  // Replaces Playwright's own `context`, so the built-in `page` fixture opens its tab here.
  context: async ({ freshProfile, sharedContext, extensionDir, locale, colorScheme, viewport, timezoneId }, use) => {
    if (freshProfile) {
      const { context, close } = await launchWithExtension(extensionDir, { locale, colorScheme, viewport, timezoneId });
      try {
        await use(context);
      } finally {
        await close();
      }
      return;
    }
    await use(sharedContext);
    await resetSharedContext(sharedContext);
  },

  // The network guard is automatic: it runs for every test, whether the test names it or not.
  networkGuard: [
    async ({ context, extensionDir }, use, testInfo) => {
      const seen: GuardedRequest[] = [];
      const served = new Set<string>();
      servedUrls.set(context, served);
      let taken = 0;
      let ownOrigin = ''; // chrome-extension://<id>, known once the service worker shows up

      // The console UI bundle and the picker frame are web-accessible with use_dynamic_url, so the
      // page's frames load them from chrome-extension://<per-session id>/: files inside the browser,
      // never the network. Only the files the manifest makes web-accessible are allowed there.
      const dynamicFiles = webAccessibleFiles(extensionDir);
      const isAllowed = (url: string) =>
        isLocalScheme(url) ||
        (ownOrigin !== '' && url.startsWith(`${ownOrigin}/`)) ||
        dynamicFiles.has(/^chrome-extension:\/\/[0-9a-f-]{32,36}\/([^?#]+)$/.exec(url)?.[1] ?? '') ||
        served.has(url);

      const onRequest = (req: Request) => {
        seen.push({
          url: req.url(),
          method: req.method(),
          resourceType: req.resourceType(),
          source: describeSource(req),
        });
      };
      context.on('request', onRequest);
      // Last line of routes: anything external nobody served is aborted. (Routes added later by
      // serve() run first and fall back here for what they do not serve.)
      await context.route('**/*', async (route: Route) => {
        const url = route.request().url();
        if (isAllowed(url) || /^chrome-extension:/.test(url)) return route.continue();
        return route.abort('blockedbyclient');
      });
      onWebSocket.set(context, (url) => seen.push({ url, method: 'GET', resourceType: 'websocket', source: 'websocket' }));
      await blockWebSockets(context);

      ownOrigin = `chrome-extension://${await extensionIdOf(context, extensionDir)}`;
      const violations = () => seen.slice(taken).filter((r) => !isAllowed(r.url));
      const guard: NetworkGuard = {
        requests: () => [...seen],
        violations,
        take: () => {
          const v = violations();
          taken = seen.length;
          return v;
        },
      };
      await use(guard);
      context.off('request', onRequest);
      onWebSocket.delete(context);

      const left = violations();
      if (left.length > 0 && testInfo.status !== 'skipped') {
        const lines = left.map((r) => `  ${r.method} ${r.url} [${r.resourceType}] from ${r.source}`);
        throw new Error(
          `Network guard: ${left.length} request(s) left the extension's origin and the served ` +
            `console replicas:\n${lines.join('\n')}`,
        );
      }
    },
    { auto: true },
  ],

  extensionId: async ({ context, extensionDir }, use) => {
    await use(await extensionIdOf(context, extensionDir));
  },

  serviceWorker: async ({ context, extensionId }, use) => {
    await use(await serviceWorkerOf(context, extensionId));
  },

  extensionUrl: async ({ extensionId }, use) => {
    await use((p = '') => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`);
  },

  loadedManifest: async ({ context, extensionId }, use) => {
    await use(async () => {
      const sw = await serviceWorkerOf(context, extensionId);
      return sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    });
  },

  page: async ({ context }, use) => {
    // A persistent context starts with one blank tab: use it rather than opening a second.
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  openPopup: async ({ context, extensionUrl }, use) => {
    await use(async (query, page) => {
      const { q, page: p } = buildQuery(query);
      const tab = page ?? p ?? (await context.newPage());
      await tab.goto(extensionUrl(`popup.html${q}`));
      await waitForRender(tab);
      return tab;
    });
  },

  openOptions: async ({ context, extensionUrl, extensionDir }, use) => {
    await use(async (query, page) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
      const optionsPage: string | undefined = manifest.options_ui?.page ?? manifest.options_page;
      if (!optionsPage) throw new Error('The built manifest has no options page (options_ui.page)');
      const { q, page: p } = buildQuery(query);
      const tab = page ?? p ?? (await context.newPage());
      await tab.goto(extensionUrl(`${optionsPage}${q}`));
      await waitForRender(tab);
      return tab;
    });
  },

  serve: async ({ context, networkGuard: _guard }, use) => {
    const served = servedUrls.get(context)!;
    await use(async (url, fulfil) => {
      await context.route(url, async (route) => {
        const reqUrl = route.request().url();
        const res = fulfil(reqUrl);
        if (res) {
          served.add(reqUrl);
          return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
        }
        if (new URL(reqUrl).pathname === '/favicon.ico') {
          served.add(reqUrl); // the browser's own favicon probe, not the extension's
          return route.fulfill({ status: 404, body: '' });
        }
        // Not served: the guard route aborts it and teardown reports it.
        return route.fallback();
      });
    });
  },

  serveConsole: async ({ serve }, use) => {
    await use(async (fulfil) => {
      const fn = fulfil ?? (await loadConsoleRoutes());
      if (!fn) {
        throw new Error(
          `${path.relative(ROOT, CONSOLE_ROUTES_PATH)} does not exist yet: pass a fulfil ` +
            'function or skip with hasConsoleRoutes()',
        );
      }
      for (const origin of CONSOLE_ORIGINS) await serve(`${origin}/**`, fn);
    });
  },

  contentScriptWorlds: async ({ context, extensionId }, use) => {
    await use(async (page) => {
      const cdp = await context.newCDPSession(page);
      const worlds: { id: number; name: string; origin: string; auxData?: { type?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context as (typeof worlds)[0]));
      try {
        await cdp.send('Runtime.enable'); // replays the existing contexts before it returns
      } finally {
        await cdp.detach().catch(() => {});
      }
      return worlds
        .filter((w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`)
        .map(({ id, name, origin }) => ({ id, name, origin }));
    });
  },

  clipboard: async ({ context, extensionId }, use) => {
    const origins = [...CONSOLE_ORIGINS, `chrome-extension://${extensionId}`];
    for (const origin of CONSOLE_ORIGINS) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    }
    // Chromium refuses per-origin grants for chrome-extension:// ("opaque origin"); a grant
    // without an origin covers every origin in this throw-away context, the popup included.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const pick = (page?: Page) => {
      if (page) return page;
      const candidates = context.pages().filter((p) => origins.some((o) => p.url().startsWith(o)));
      const last = candidates.at(-1);
      if (!last) throw new Error('clipboard: open a console or extension page first, or pass one');
      return last;
    };
    await use({
      read: async (page) => {
        const p = pick(page);
        await p.bringToFront(); // the async clipboard needs a focused document
        return p.evaluate(() => navigator.clipboard.readText());
      },
      write: async (text, page) => {
        const p = pick(page);
        await p.bringToFront();
        await p.evaluate((t) => navigator.clipboard.writeText(t), text);
      },
    });
  },

  measure: async ({}, use, testInfo) => {
    await use(makeMeasure(testInfo));
  },
});

/** The URLs served in a context (shared between networkGuard and serve). */
const servedUrls = new WeakMap<BrowserContext, Set<string>>();
/** The running test's WebSocket recorder per context (the route itself is installed once). */
const onWebSocket = new WeakMap<BrowserContext, (url: string) => void>();
const webSocketsBlocked = new WeakSet<BrowserContext>();

async function blockWebSockets(context: BrowserContext): Promise<void> {
  if (webSocketsBlocked.has(context)) return;
  webSocketsBlocked.add(context);
  await context.routeWebSocket(/.*/, (ws) => {
    onWebSocket.get(context)?.(ws.url());
    ws.close({ code: 1008, reason: 'blocked by the e2e network guard' });
  });
}

async function launchWithExtension(
  extensionDir: string,
  options: Pick<Parameters<typeof chromium.launchPersistentContext>[1] & object, 'locale' | 'colorScheme' | 'viewport' | 'timezoneId'>,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imch-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgsWithExtension(extensionDir),
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Leaves the shared browser as a fresh one would be for the next test: one blank tab, nothing stored. */
async function resetSharedContext(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  const [keep, ...others] = context.pages();
  await Promise.all(others.map((p) => p.close().catch(() => {})));
  const blank = keep ?? (await context.newPage());
  await blank.goto('about:blank').catch(() => {});
  // The kept tab back to Playwright's default size: a test that made it low (a scrolling content
  // area) or tall left the next test a page that scrolled where it never does.
  await blank.setViewportSize({ width: 1280, height: 720 }).catch(() => {});
  await context.clearPermissions();
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear(), chrome.storage.session.clear()]);
    const databases = (await indexedDB.databases?.()) ?? [];
    await Promise.all(
      databases.map(
        (db) =>
          new Promise<void>((resolve) => {
            if (!db.name) return resolve();
            const request = indexedDB.deleteDatabase(db.name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
    );
  });
}

async function serviceWorkerOf(context: BrowserContext, extensionId?: string): Promise<Worker> {
  const mine = (w: Worker) =>
    w.url().startsWith(extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://');
  const existing = context.serviceWorkers().find(mine);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: mine, timeout: 10_000 });
}

async function extensionIdOf(context: BrowserContext, extensionDir: string): Promise<string> {
  try {
    return new URL((await serviceWorkerOf(context)).url()).host;
  } catch (e) {
    throw new Error(
      `The extension in ${extensionDir} did not start a service worker: is it a Chrome MV3 build?`,
      { cause: e },
    );
  }
}

/** Name of the attachments that carry figures (they also show up in Playwright's JSON report). */
export const FIGURE_ATTACHMENT = 'e2e-figure';

function makeMeasure(testInfo: TestInfo): Measure {
  const test = testInfo.titlePath.slice(1).join(' › ');
  const record = async (name: string, value: number, unit = 'ms', calibration = calibrate()) => {
    const sample: FigureSample = { name, value, unit, test, ...(unit === 'ms' ? { calibration } : {}) };
    // Written at once, one file per worker: helpers/figures.ts merges and prints them in
    // globalTeardown, which runs whatever reporter the command line picks.
    appendFigure(sample);
    await testInfo.attach(FIGURE_ATTACHMENT, { body: JSON.stringify(sample), contentType: 'application/json' });
  };
  return Object.assign(record, {
    async time<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
      const calibration = calibrate();
      const t0 = performance.now();
      const result = await fn();
      await record(name, Math.round((performance.now() - t0) * 10) / 10, 'ms', calibration);
      return result;
    },
  });
}
