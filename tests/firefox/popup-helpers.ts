/**
 * Helpers for the Firefox checks that walk the popup's e2e paths (tests/e2e/popup.spec.ts,
 * secrets.spec.ts, smoke.spec.ts). They stand in for what Playwright gives those tests:
 *
 * - `fill()` is Playwright's `locator.fill()`: focus, select what is there, insert the new text
 *   as one editing operation (one trusted `input` event, inputType insertText), the same path
 *   puppeteer's own `keyboard.sendCharacter` uses. No value is set from script.
 * - `byRole()` / `byLabel()` / `byText()` are `getByRole` / `getByLabel` / `getByText`: strict
 *   (exactly one visible match, or the check fails), and the handle is clicked with real
 *   pointer input (BiDi input actions).
 * - `expect*()` poll like `expect(locator)`; on time-out they say what was seen last.
 * - `readClipboard()` reads the browser's clipboard as a user would: Ctrl+V into a text box in
 *   a tab of its own, since web pages may not read it and our extension has no clipboardRead.
 * - `everything()` is secrets.spec.ts's `DOM.getDocument({ pierce: true })`: the whole tree,
 *   closed shadow roots included, serialized by WebDriver BiDi (`includeShadowTree: 'all'`).
 * - `chromeEval()` runs code in Firefox's own browser window (WebDriver BiDi with system access,
 *   `moz:scope: 'chrome'`), for what only the browser UI can do: its context menu.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Check, CheckContext } from './harness.ts';
import { click } from './ui-helpers.ts';
import { AXE_MIN_PASSES, AXE_SOURCE, axeInPage, axeLoaded, type AxeReport } from '../shared/axe.ts';

export { click };

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
export const v1 = JSON.parse(readFileSync(new URL('../fixtures/usersig/v1-real-tokens.json', import.meta.url), 'utf8'));
export const tokens = fixtures.tokens;
export const APP = String(tokens.valid.sdkAppId);
export const KEY: string = tokens.valid.key;

export type Lang = 'en' | 'zh';

const EXPECT_TIMEOUT_MS = 8_000;

/** popup.html in a new tab (as e2e's openPopup), waited for until the paste box is there. */
export async function openPopup(ctx: CheckContext, opts: { lang?: Lang; theme?: 'light' | 'dark'; page?: Page } = {}): Promise<Page> {
  const page = opts.page ?? (await ctx.newPage());
  if (!opts.page) await page.setViewport({ width: 440, height: 800 });
  const query = new URLSearchParams();
  if (opts.lang) query.set('lang', opts.lang);
  if (opts.theme) query.set('theme', opts.theme);
  const q = query.toString();
  await openExtensionPage(ctx, `popup.html${q ? `?${q}` : ''}`, page, '#paste');
  return page;
}

/**
 * ctx.openExtensionPage, then `selector`. The harness's wait can die with puppeteer's generic
 * 'Waiting failed' when a BiDi error (not a time-out) hits it while the tab moves from
 * about:blank to moz-extension://; the navigation itself goes on, so wait again here, tolerating
 * such moments. A page that never renders still fails.
 */
export async function openExtensionPage(ctx: CheckContext, path: string, page: Page, selector: string): Promise<Page> {
  try {
    await ctx.openExtensionPage(path, { page });
  } catch (e) {
    if (!(e instanceof Error) || e.name === 'TimeoutError' || e.message !== 'Waiting failed') throw e;
    ctx.log(`note: the harness's wait for ${path} failed (${String((e as Error & { cause?: unknown }).cause ?? 'no cause')}); waiting again`);
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page.evaluate((s: string) => location.protocol === 'moz-extension:' && !!document.querySelector(s), selector).catch(() => false);
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`${path} did not render ${selector} within 15 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Target = string | ElementHandle<Element>;

async function resolve(page: Page, target: Target): Promise<ElementHandle<Element>> {
  if (typeof target !== 'string') return target;
  const handle = await page.waitForSelector(target, { timeout: EXPECT_TIMEOUT_MS });
  assert.ok(handle, `${target} is on the page`);
  return handle;
}

/**
 * Playwright's fill(): focus, select all, insert the text as one edit (or delete for ''). As
 * Playwright does, a selector is looked up again and the fill retried while the page is still
 * settling: the popup's app takes over its first-screen markup as it loads, and a field caught in
 * that moment took no edit (a fresh-clone run: execCommand false, the value empty).
 */
export async function fill(page: Page, target: Target, value: string): Promise<void> {
  const deadline = Date.now() + EXPECT_TIMEOUT_MS;
  for (;;) {
    const why = await fillOnce(page, target, value);
    if (why === undefined) return;
    if (typeof target !== 'string' || Date.now() > deadline) assert.fail(`fill ${typeof target === 'string' ? target : 'field'}: ${why}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function fillOnce(page: Page, target: Target, value: string): Promise<string | undefined> {
  const el = await resolve(page, target);
  const result = await el.evaluate((e, v: string) => {
    const field = e as HTMLInputElement | HTMLTextAreaElement;
    if (!field.checkVisibility()) return { ok: false, why: 'not visible' };
    if (field.disabled || field.readOnly) return { ok: false, why: 'not editable' };
    field.focus();
    field.select();
    const done = v === '' ? field.value === '' || document.execCommand('delete') : document.execCommand('insertText', false, v);
    return { ok: done && field.value === v, why: `execCommand returned ${done}, value is now ${JSON.stringify(field.value.slice(0, 80))}` };
  }, value);
  return result.ok ? undefined : result.why;
}

/** Polls `probe` in the page until it says ok; fails with what it saw last. */
export async function expectIn<A extends unknown[]>(
  page: Page,
  what: string,
  probe: (...args: A) => { ok: boolean; seen: unknown },
  ...args: A
): Promise<void> {
  const deadline = Date.now() + EXPECT_TIMEOUT_MS;
  let seen: unknown;
  for (;;) {
    const r = await page.evaluate(probe as (...a: unknown[]) => { ok: boolean; seen: unknown }, ...args);
    if (r.ok) return;
    seen = r.seen;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${EXPECT_TIMEOUT_MS} ms; seen ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `[data-verdict]`, first one (popup.spec.ts's `verdict(popup)`). */
export function expectVerdict(page: Page, verdict: string): Promise<void> {
  return expectAttribute(page, '[data-verdict]', 'data-verdict', verdict, { first: true });
}

/** toHaveAttribute: strict (exactly one match) unless `first`. */
export function expectAttribute(page: Page, selector: string, name: string, value: string, opts: { first?: boolean; nth?: number } = {}): Promise<void> {
  return expectIn(
    page,
    `${selector} ${name}=${value}`,
    (s: string, n: string, v: string, first: boolean, nth: number) => {
      const all = [...document.querySelectorAll(s)];
      if (nth < 0 && !first && all.length !== 1) return { ok: false, seen: `${all.length} matches` };
      const el = all[nth >= 0 ? nth : 0];
      const got = el?.getAttribute(n) ?? null;
      return { ok: got === v, seen: got };
    },
    selector,
    name,
    value,
    opts.first ?? false,
    opts.nth ?? -1,
  );
}

export function expectCount(page: Page, selector: string, count: number): Promise<void> {
  return expectIn(
    page,
    `count of ${selector} is ${count}`,
    (s: string, n: number) => {
      const got = document.querySelectorAll(s).length;
      return { ok: got === n, seen: got };
    },
    selector,
    count,
  );
}

/** toHaveText (`equals`) / toContainText (`contains`) on normalized textContent; strict unless nth. */
export function expectText(page: Page, selector: string, expected: { equals?: string; contains?: string }, opts: { nth?: number } = {}): Promise<void> {
  return expectIn(
    page,
    `${selector} text ${JSON.stringify(expected)}`,
    (s: string, eq: string | null, co: string | null, nth: number) => {
      const all = [...document.querySelectorAll(s)];
      if (nth < 0 && all.length !== 1) return { ok: false, seen: `${all.length} matches: ${all.map((e) => e.textContent).join(' | ').slice(0, 300)}` };
      const text = (all[nth >= 0 ? nth : 0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const ok = (eq === null || text === eq) && (co === null || text.includes(co.replace(/\s+/g, ' ').trim()));
      return { ok, seen: text };
    },
    selector,
    expected.equals ?? null,
    expected.contains ?? null,
    opts.nth ?? -1,
  );
}

/** toHaveValue with a string or a RegExp (given as source + flags). */
export function expectValue(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  const [src, flags, exact] = typeof expected === 'string' ? ['', '', expected] : [expected.source, expected.flags, null];
  return expectIn(
    page,
    `${selector} value ${String(expected).slice(0, 60)}`,
    (s: string, source: string, f: string, ex: string | null) => {
      const all = [...document.querySelectorAll(s)] as HTMLInputElement[];
      if (all.length !== 1) return { ok: false, seen: `${all.length} matches` };
      const v = all[0]!.value;
      return { ok: ex !== null ? v === ex : new RegExp(source, f).test(v), seen: v.slice(0, 80) };
    },
    selector,
    src,
    flags,
    exact,
  );
}

/** Visible text of the popup, for messages. */
export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.slice(0, 800));
}

type Role = 'button' | 'tab' | 'checkbox' | 'radio';

/**
 * getByRole(role, { name, exact }): the one visible element with that role whose accessible name
 * (aria-label, else aria-labelledby, else its label or text) matches; exact or, like Playwright,
 * a case-insensitive substring.
 */
export async function byRole(page: Page, role: Role, name: string, opts: { exact?: boolean } = {}): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + EXPECT_TIMEOUT_MS;
  for (;;) {
    const found = await page.evaluateHandle(
      (r: string, n: string, exact: boolean) => {
        const implicit: Record<string, string> = {
          button: 'button:not([role]), input[type=button]:not([role]), input[type=submit]:not([role]), [role=button]',
          tab: '[role=tab]',
          checkbox: 'input[type=checkbox]:not([role]), [role=checkbox]',
          radio: 'input[type=radio]:not([role]), [role=radio]',
        };
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
        const nameOf = (el: Element): string => {
          const label = el.getAttribute('aria-label');
          if (label) return norm(label);
          const by = el.getAttribute('aria-labelledby');
          if (by) return norm(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
          const labels = (el as HTMLInputElement).labels;
          if (labels && labels.length > 0) return norm([...labels].map((l) => l.textContent ?? '').join(' '));
          return norm(el.textContent ?? '');
        };
        const matches = [...document.querySelectorAll(implicit[r]!)].filter((el) => {
          if (!el.checkVisibility() || el.closest('[aria-hidden=true]')) return false;
          const got = nameOf(el);
          return exact ? got === norm(n) : got.toLowerCase().includes(norm(n).toLowerCase());
        });
        return matches.length === 1 ? matches[0]! : `${matches.length} matches`;
      },
      role,
      name,
      opts.exact ?? false,
    );
    const el = found.asElement();
    if (el) return el as ElementHandle<Element>;
    const why = await found.jsonValue();
    await found.dispose();
    if (Date.now() > deadline) throw new Error(`getByRole(${role}, ${JSON.stringify(name)}): ${why}; the page shows: ${await bodyText(page)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}


/** Resolves once the page's DOM has not changed for `quietMs` (at most `maxMs`). */
export async function settled(page: Page, quietMs = 300, maxMs = 5_000): Promise<void> {
  await page.evaluate(
    (quiet: number, max: number) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        let last = performance.now();
        const observer = new MutationObserver(() => (last = performance.now()));
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const tick = () => {
          const now = performance.now();
          if (now - last >= quiet || now - start >= max) {
            observer.disconnect();
            resolve();
          } else setTimeout(tick, 50);
        };
        setTimeout(tick, 50);
      }),
    quietMs,
    maxMs,
  );
}

/** getByLabel(text): the control of the one visible <label> containing `text` (case-insensitive). */
export async function byLabel(page: Page, text: string): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + EXPECT_TIMEOUT_MS;
  for (;;) {
    const found = await page.evaluateHandle((t: string) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
      const controls = [...document.querySelectorAll('label')]
        .filter((l) => l.checkVisibility() && norm(l.textContent ?? '').includes(norm(t)))
        .map((l) => l.control)
        .filter((c): c is HTMLElement => !!c && c.checkVisibility({ visibilityProperty: true }));
      const unique = [...new Set(controls)];
      return unique.length === 1 ? unique[0]! : `${unique.length} matches`;
    }, text);
    const el = found.asElement();
    if (el) return el as ElementHandle<Element>;
    const why = await found.jsonValue();
    await found.dispose();
    if (Date.now() > deadline) throw new Error(`getByLabel(${JSON.stringify(text)}): ${why}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Playwright's check(): click the box unless it is checked, then it must be checked. */
export async function check(control: ElementHandle<Element>): Promise<void> {
  if (!(await control.evaluate((e) => (e as HTMLInputElement).checked))) await click(control);
  await control.evaluate(async (e) => {
    for (let i = 0; i < 100 && !(e as HTMLInputElement).checked; i++) await new Promise((r) => setTimeout(r, 20));
  });
  assert.equal(await control.evaluate((e) => (e as HTMLInputElement).checked), true, 'checked after the click');
}

/** getByText(text) toBeVisible: a visible element whose own text contains `text`. */
export function expectVisibleText(page: Page, text: string): Promise<void> {
  return expectIn(
    page,
    `visible text ${JSON.stringify(text)}`,
    (t: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const hits: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const own = (el?.textContent ?? '').replace(/\s+/g, ' ');
        if (el && own.includes(t) && el.checkVisibility()) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.height > 0) return { ok: true, seen: own };
        }
        if (el && own.includes(t)) hits.push(own);
      }
      return { ok: false, seen: hits.length ? `present but hidden: ${hits.join(' | ')}` : document.body.innerText.slice(0, 300) };
    },
    text,
  );
}

/** Everything in the extension's storage areas, as the popup page reads it. */
export function storageDump(page: Page): Promise<{ local: string; sync: string; session: string }> {
  return page.evaluate(async () => {
    const b = (globalThis as unknown as { browser: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }> } }).browser;
    return {
      local: JSON.stringify(await b.storage.local.get(null)),
      sync: JSON.stringify(await b.storage.sync.get(null)),
      session: JSON.stringify(await b.storage.session.get(null)),
    };
  });
}

/**
 * A fresh profile for what these checks store (each e2e test gets a new browser profile; the
 * Firefox checks share one): no remembered keys, no pending hand-over. (A saved language or
 * theme does not matter: every popup here is opened with ?lang=, which wins.)
 */
export async function resetPopupStorage(ctx: CheckContext, inPage?: Page): Promise<void> {
  const page = inPage ?? (await openExtensionPage(ctx, 'options.html', await ctx.newPage(), '#app > *'));
  await page.evaluate(async () => {
    const b = (globalThis as unknown as { browser: { storage: Record<'local' | 'session', { remove(k: string[]): Promise<void> }> } }).browser;
    await b.storage.local.remove(['rememberedKeys']);
    await b.storage.session.remove(['pendingDecode']);
  });
  if (!inPage) await page.close();
}

/** A tab with one text box, where the clipboard is pasted with a real Ctrl+V. */
export async function clipboardReader(ctx: CheckContext): Promise<() => Promise<string>> {
  const reader = await ctx.newPage();
  await reader.goto('data:text/html,<title>clipboard</title><textarea id=box style="width:90vw;height:50vh"></textarea>', { timeout: 30_000 });
  await reader.waitForSelector('#box');
  return async () => {
    await reader.bringToFront();
    await reader.evaluate(() => {
      (document.getElementById('box') as HTMLTextAreaElement).value = '';
    });
    await reader.click('#box');
    await reader.keyboard.down('Control');
    await reader.keyboard.press('v');
    await reader.keyboard.up('Control');
    await new Promise((r) => setTimeout(r, 100));
    return reader.evaluate(() => (document.getElementById('box') as HTMLTextAreaElement).value);
  };
}

/** expect.poll(read).toContain(needle): the last read is returned. */
export async function pollClipboard(read: () => Promise<string>, needle: string, timeoutMs = EXPECT_TIMEOUT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = await read();
    if (last.includes(needle)) return last;
    if (Date.now() > deadline) throw new Error(`the clipboard never held ${JSON.stringify(needle)}; last read: ${JSON.stringify(last.slice(0, 300))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---------------------------------------------------------------- WebDriver BiDi underneath puppeteer

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: any }>;
}

function connectionOf(ctx: CheckContext): BidiConnection {
  const conn = (ctx.browser as unknown as { connection?: BidiConnection }).connection;
  if (typeof conn?.send !== 'function') throw new Error('puppeteer-core changed: no BiDi connection on the browser (tests/firefox/popup-helpers.ts)');
  return conn;
}

/**
 * Evaluates `expression` (awaiting a promise) in Firefox's first browser window, the chrome
 * document browser.xhtml. Needs the harness's `-remote-allow-system-access`.
 */
export async function chromeEval(ctx: CheckContext, expression: string): Promise<unknown> {
  const conn = connectionOf(ctx);
  const tree = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error(`no Firefox browser window among the chrome contexts: ${JSON.stringify(tree.contexts.map((c) => c.url))}`);
  const r = (await conn.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true, resultOwnership: 'none' })).result as {
    type: string;
    result?: { type: string; value?: unknown };
    exceptionDetails?: { text: string };
  };
  if (r.type === 'exception') throw new Error(`in Firefox's browser window: ${r.exceptionDetails?.text}`);
  return r.result?.value;
}

interface SerializedNode {
  type: string;
  value?: {
    nodeType?: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: SerializedNode[];
    shadowRoot?: SerializedNode | null;
    mode?: string;
  };
}

/**
 * Every text and attribute of the page, closed shadow roots included (secrets.spec.ts's
 * `everything()`): one BiDi serialization of the document element with no depth limit and
 * `includeShadowTree: 'all'`. Also says how many closed shadow roots it entered.
 */
export async function everything(page: Page): Promise<{ text: string; closedRoots: number }> {
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: { callFunction(fn: string, awaitPromise: boolean, opts: Record<string, unknown>): Promise<{ type: string; result?: SerializedNode; exceptionDetails?: { text: string } }> } } }).mainRealm();
  if (typeof realm?.realm?.callFunction !== 'function') throw new Error('puppeteer-core changed: no BiDi realm under the main frame');
  const response = await realm.realm.callFunction('() => document.documentElement', true, {
    resultOwnership: 'none',
    serializationOptions: { maxObjectDepth: 0, maxDomDepth: null, includeShadowTree: 'all' },
  });
  if (response.type === 'exception') throw new Error(`serializing the page: ${response.exceptionDetails?.text}`);
  const lines: string[] = [];
  let closedRoots = 0;
  const walk = (node: SerializedNode | null | undefined) => {
    const v = node?.value;
    if (!v) return;
    const attrs = Object.entries(v.attributes ?? {}).map(([k, val]) => `${k}=${val}`);
    lines.push(`${v.nodeValue ?? ''} ${attrs.join(' ')}`);
    if (v.shadowRoot) {
      if (v.shadowRoot.value?.mode === 'closed') closedRoots++;
      walk(v.shadowRoot);
    }
    for (const child of v.children ?? []) walk(child);
  };
  walk(response.result);
  return { text: lines.join('\n'), closedRoots };
}

/**
 * Script errors Firefox logged for our extension's pages (sourceName under moz-extension://<uuid>/)
 * since `sinceMs` (epoch ms). Read from Firefox's console service in the parent process, because
 * WebDriver BiDi reports no log entries (page errors) for moz-extension:// documents and preload
 * scripts do not run there: puppeteer's 'pageerror' stays silent on the popup.
 */
export async function extensionErrorsSince(ctx: CheckContext, sinceMs: number): Promise<string[]> {
  const json = await chromeEval(
    ctx,
    `JSON.stringify(Services.console.getMessageArray()
      .filter((m) => m instanceof Ci.nsIScriptError && (m.flags & Ci.nsIScriptError.warningFlag) === 0 && (m.flags & Ci.nsIScriptError.infoFlag) === 0)
      .filter((m) => m.timeStamp >= ${sinceMs} && String(m.sourceName).startsWith(${JSON.stringify(ctx.extensionUrl(''))}))
      .map((m) => m.errorMessage + ' (' + m.sourceName + ':' + m.lineNumber + ')'))`,
  );
  return JSON.parse(String(json)) as string[];
}

/** One popup path of an e2e spec, written once for both languages (`t` picks the language's value). */
export type PopupPath = { title: string; run: (page: Page, t: <T>(en: T, zh: T) => T) => Promise<void> };

/** A check per path in `lang`, named and mirrored as `<describe> (<lang>) › <title>` in the e2e spec. */
export function popupPathChecks(describe: string, paths: readonly PopupPath[], lang: Lang, timeoutMs = 25_000): Check[] {
  const t = <T,>(en: T, zh: T) => (lang === 'en' ? en : zh);
  return paths.map((path) => ({
    name: `${describe} (${lang}): ${path.title}`,
    mirrors: [`${describe} (${lang}) › ${path.title}`],
    timeoutMs,
    async run(ctx: CheckContext) {
      const popup = await openPopup(ctx, { lang });
      await resetPopupStorage(ctx, popup);
      await path.run(popup, t);
    },
  }));
}

/** axe's report on the page's document (tests/shared/axe.ts), failing if axe read next to nothing. */
export async function axeReport(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(axeLoaded))) await page.evaluate(AXE_SOURCE);
  const report = await page.evaluate(axeInPage);
  assert.ok(report.passes > AXE_MIN_PASSES, `axe read the page (${report.passes} rules passed)`);
  return report;
}

/** The violated rules, a line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeReport(page)).violations;
}
