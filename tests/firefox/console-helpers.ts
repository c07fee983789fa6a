/**
 * Shared steps for the Firefox console checks (checks/console-*.ts): the same user paths and the
 * same inputs as tests/e2e/console.spec.ts, done the Firefox way.
 *
 * - Fields are filled as Playwright's `fill()` does: focus, select all, then one `insertText`
 *   (a trusted `input` event with inputType insertText, which the replica's controlled inputs
 *   and our content script both see), not by setting `.value` from a page script.
 * - Clicks are real (BiDi input actions): our controls ignore untrusted events.
 * - Our UI is read through tests/firefox/shadow.ts (BiDi `includeShadowTree: 'all'`), the
 *   counterpart of tests/e2e/helpers/shadow.ts (CDP DOM.getDocument with pierce).
 *
 * Erasable TypeScript only (plain Node with type stripping), explicit `.ts` imports.
 */
import { readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { CheckContext } from './harness.ts';
import { shadowRootsOf } from './shadow.ts';
import { poll as pollUntil, sleep } from './ui-helpers.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
export const tokens: Record<string, { token: string; userId?: string; sdkAppId?: number }> = fixtures.tokens;

/** As in console.spec.ts. */
export const SITES = [
  { lang: 'zh', origin: 'https://console.cloud.tencent.com', generate: '生成签名（UserSig）', query: '查询', decode: '解码', precheck: '本地预检（无需密钥）' },
  { lang: 'en', origin: 'https://console.tencentcloud.com', generate: 'Generate UserSig', query: 'Query', decode: 'Decode', precheck: 'Local pre-check (no key needed)' },
] as const;
export type Site = (typeof SITES)[number];

/** The e2e title prefix of a site's describe block. */
export const describeTitle = (site: Site) => `console (${site.lang})`;

/** Playwright's default expect timeout is 5 s; the shared, loaded machine gets a little more. */
export const EXPECT_MS = 15_000;

export { sleep } from './ui-helpers.ts';

/** Polls `read` until `ok(value)`, like expect.poll; throws with the last value seen. */
export function poll<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = EXPECT_MS): Promise<T> {
  return pollUntil(what, read, ok, timeoutMs);
}

/** A new guarded tab on a console replica URL (status 200, at that URL). */
export async function openConsole(ctx: CheckContext, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await ctx.newPage());
  if (!page) await tab.setViewport({ width: 1280, height: 900 });
  const response = await tab.goto(url, { waitUntil: 'load', timeout: 45_000 });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  return tab;
}

/** Page errors of a tab, with a probe that proves the listener hears them. */
export function pageErrors(page: Page): { errors: string[]; proveListening: () => Promise<void> } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    // Run after asserting `errors` is empty: an uncaught error thrown now must be heard, or the
    // empty list proved nothing.
    async proveListening() {
      const before = errors.length;
      const marker = `firefox-check-probe-${Math.random().toString(36).slice(2)}`;
      await page.evaluate((m: string) => {
        setTimeout(() => {
          throw new Error(m);
        }, 0);
      }, marker);
      await poll('the pageerror listener hears an uncaught error', async () => errors.slice(before), (e) => e.some((x) => x.includes(marker)), 5_000);
      errors.splice(before);
    },
  };
}

/**
 * A behavioural sync point (tests/e2e/helpers/settled.ts in Chromium): adds a paragraph holding a
 * UserSig at the top of the page and waits for its decode control. The scan handles changes in
 * order, so the content script has then seen everything before it.
 */
export async function waitForScanToReach(page: Page, token: string = tokens.valid!.token): Promise<void> {
  await page.evaluate((t: string) => {
    const p = document.createElement('p');
    p.setAttribute('data-sentinel', '');
    p.textContent = `sentinel ${t}`;
    document.body.prepend(p);
  }, token);
  await poll('the sentinel UserSig gets its decode control', () => page.evaluate(() => document.querySelectorAll('[data-sentinel] [data-imch=decode]').length), (n) => n === 1);
}

/**
 * Waits for an element a page function finds (Playwright's locator auto-waiting); `arg` is
 * passed to the page function.
 */
export async function waitForElement<T extends Element, A = undefined>(
  page: Page,
  what: string,
  fn: (arg: A) => T | null | undefined,
  timeoutMs = EXPECT_MS,
  arg?: A,
): Promise<ElementHandle<T>> {
  const find = async () => {
    const handle = await page.evaluateHandle(fn as (a: unknown) => T | null | undefined, arg as unknown);
    const el = handle.asElement() as ElementHandle<T> | null;
    if (!el) await handle.dispose();
    return el;
  };
  const el = await poll(what, find, (e) => e !== null, timeoutMs);
  return el!;
}

/**
 * The verifier's fields: in the last `section, .tool, .card` holding a textarea, its first input
 * and first textarea (console.spec.ts's verifierFields).
 */
export async function verifierFields(page: Page): Promise<{ userId: ElementHandle<HTMLInputElement>; userSig: ElementHandle<HTMLTextAreaElement> }> {
  const userSig = await waitForElement(page, 'the verifier UserSig box', () =>
    [...document.querySelectorAll('section, .tool, .card')].filter((s) => s.querySelector('textarea')).at(-1)?.querySelector('textarea'),
  );
  const userId = await waitForElement(page, 'the verifier UserID field', () =>
    [...document.querySelectorAll('section, .tool, .card')].filter((s) => s.querySelector('textarea')).at(-1)?.querySelector('input'),
  );
  return { userId, userSig };
}

/**
 * Playwright's fill(): focus, select what is there, insert the text in one go (a trusted input
 * event). Checks the field then holds exactly the text.
 */
export async function fill(el: ElementHandle<HTMLInputElement | HTMLTextAreaElement>, text: string): Promise<void> {
  const value = await el.evaluate((field, t) => {
    if (field.disabled || field.readOnly) throw new Error('the field is not editable');
    field.focus();
    field.select();
    if (t === '') document.execCommand('delete');
    else document.execCommand('insertText', false, t);
    return field.value;
  }, text);
  if (value !== text) throw new Error(`fill: the field holds ${JSON.stringify(value.slice(0, 80))}, not the text`);
}

/** Text typed where the focus is, in one go (Playwright's keyboard.insertText). */
export async function insertText(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((t: string) => document.execCommand('insertText', false, t), text);
  if (!ok) throw new Error('insertText: the focused element took no text');
}

/** A button by its text: exact, or containing it (case-insensitive, as getByRole's name). */
export async function buttonNamed(page: Page, name: string, exact: boolean): Promise<ElementHandle<HTMLButtonElement>> {
  return poll(
    `a button named ${JSON.stringify(name)}`,
    async () => {
      const handle = await page.evaluateHandle(
        (n: string, x: boolean) => {
          const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
          const named = [...document.querySelectorAll('button, [role=button]')].filter((b) => {
            const label = norm(b.getAttribute('aria-label') ?? b.textContent ?? '');
            return x ? label === n : label.toLowerCase().includes(n.toLowerCase());
          });
          return named.length === 1 ? named[0] : named.length > 1 ? `${named.length} buttons match` : null;
        },
        name,
        exact,
      );
      const el = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
      if (el) return el;
      const why = await handle.jsonValue();
      await handle.dispose();
      if (typeof why === 'string') throw new Error(why); // strict, as Playwright locators
      return null;
    },
    (b) => b !== null,
  ) as Promise<ElementHandle<HTMLButtonElement>>;
}

/** Our decode controls on the page (`[data-imch=decode]` hosts). */
export function controlCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-imch=decode]').length);
}

export function precheckCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-imch=precheck]').length);
}

/** Elements with role=dialog inside the first decode control's closed shadow root. */
export async function decodeDialogs(page: Page): Promise<number> {
  const [root] = await shadowRootsOf(page, 'decode');
  if (!root) throw new Error('no decode control');
  return root.evaluate((r) => r.querySelectorAll('[role=dialog]').length);
}

/** The text of `[data-field=<name>]` inside the first decode control's shadow root. */
export async function decodedField(page: Page, name: string): Promise<string> {
  const [root] = await shadowRootsOf(page, 'decode');
  if (!root) throw new Error('no decode control');
  return root.evaluate((r, n) => {
    const el = r.querySelector(`[data-field="${n}"]`);
    if (!el) return '';
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.parentElement?.localName !== 'style') text += t.nodeValue;
    return text;
  }, name);
}

/** What the pre-check shows: its verdict, text and the server codes of its problem cards. */
export async function readPrecheck(page: Page): Promise<{ verdict: string | undefined; text: string; codes: (string | null)[] }> {
  const [root] = await shadowRootsOf(page, 'precheck');
  if (!root) return { verdict: undefined, text: '', codes: [] };
  return root.evaluate((r) => {
    const box = r.querySelector('[data-precheck]');
    if (!box) return { verdict: undefined, text: '', codes: [] };
    let text = '';
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.parentElement?.localName !== 'style') text += t.nodeValue;
    return {
      verdict: box.getAttribute('data-precheck') ?? undefined,
      text,
      codes: [...box.querySelectorAll('[data-server-code]')].map((n) => n.getAttribute('data-server-code')),
    };
  });
}

export { click } from './ui-helpers.ts';
