/**
 * Shared helpers for the Firefox checks that walk the diagnostics, saved-UserID and options-page
 * paths of the Chromium e2e suite (tests/e2e/diagnostics.spec.ts, tests/e2e/userids.spec.ts).
 *
 * They play the part of Playwright's locators, `expect.poll` and the `clipboard` fixture:
 * - `poll`/`pollEqual`: retry a read until it holds, failing with the last value seen.
 * - Our closed shadow roots are read and clicked through tests/firefox/shadow.ts (BiDi
 *   `includeShadowTree: 'all'`); clicks are puppeteer's trusted pointer actions at the element.
 * - `PasteClipboard`: Firefox gives web pages no async clipboard read (the Chromium tests grant
 *   `clipboard-read`), so the clipboard is read as a user would: focus a text box, Ctrl+V. It is
 *   written the same way: select a text in a box, Ctrl+C. Both go through Firefox's own
 *   (headless) clipboard, the one our content script's `navigator.clipboard.writeText` fills.
 * - Storage: one Firefox profile serves the whole run (Playwright gives each test a fresh one),
 *   so a check that relies on an empty store clears storage.local and storage.sync first and
 *   after (`freshStorage`).
 *
 * Erasable TypeScript only (run by Node's type stripping), `.ts` extensions on relative imports.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, inspect } from 'node:util';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { ARTIFACTS_DIR } from './harness.ts';
import type { CheckContext } from './harness.ts';
import { shadowRootsOf } from './shadow.ts';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const show = (v: unknown) => inspect(v, { depth: 6, breakLength: 160, maxStringLength: 400 });

/** expect.poll(...).toSatisfy: retries `read` (errors count as "not yet") until `ok` holds. */
export async function poll<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms; last ${lastError ? `error: ${(lastError as Error).message}` : `value: ${show(last)}`}`);
    }
    await sleep(50);
  }
}

/** expect.poll(...).toEqual(expected). */
export function pollEqual<T>(what: string, read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  return poll(`${what} (expected ${show(expected)})`, read, (v) => isDeepStrictEqual(v, expected), timeoutMs);
}

/** Records page errors and the content script's "<feature> stopped" messages (the e2e afterEach). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/IM Console Helper\] .* stopped/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

// ------------------------------------------------------------------ storage

type StorageArea = { clear(): Promise<void> };
type ExtensionGlobal = { browser: { storage: { local: StorageArea; sync: StorageArea } } };

/** Empties storage.local and storage.sync (saved UserIDs, settings) from an extension page. */
export async function clearStorage(ctx: CheckContext): Promise<void> {
  const page = await openExtension(ctx, 'options.html?lang=en', '[data-add-form]');
  await page.evaluate(async () => {
    const g = globalThis as unknown as ExtensionGlobal;
    await g.browser.storage.local.clear();
    await g.browser.storage.sync.clear();
  });
  await page.close();
}

/** Runs `fn` with empty extension storage, and leaves it empty for the checks that follow. */
export async function freshStorage(ctx: CheckContext, fn: () => Promise<void>): Promise<void> {
  await clearStorage(ctx);
  try {
    await fn();
  } finally {
    if (!ctx.signal.aborted) await clearStorage(ctx).catch(() => {});
  }
}

// ------------------------------------------------------------------ input

async function chord(page: Page, key: string): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key as never);
  await page.keyboard.up('Control');
}

/**
 * Playwright's click(), the one click of every Firefox check: scrolled into view if it is not, steady (the same
 * box over two animation frames, so the tab has painted and takes input, and nothing of ours is
 * still moving it), its centre hits the element (tried scrolled to the centre, the start and the
 * end of the view), then a real pointer click there. Our controls go in in batches after the page
 * renders: a button they push down between the aim and the click would lose it, so a click that
 * lands elsewhere is stopped and tried again (guardedClick). Throws, as Playwright does, when the
 * element never comes to rest uncovered.
 */
export async function click(el: ElementHandle<Element>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  for (let attempt = 0; ; attempt++) {
    const block = (['center', 'start', 'end'] as const)[attempt % 3]!;
    state = await el.evaluate(async (e, b, covered) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const box = () => {
        const r = e.getBoundingClientRect();
        return `${r.x},${r.y},${r.width},${r.height}`;
      };
      // Scrolled when not wholly in view or covered last time, and given a frame to settle:
      // Firefox lands a scroll on a fractional offset and rounds it a frame later, so an element
      // scrolled again on every try moved by 1 px on every try and never counted as steady.
      const shown = e.getBoundingClientRect();
      if (covered || shown.top < 0 || shown.left < 0 || shown.bottom > innerHeight || shown.right > innerWidth) {
        e.scrollIntoView({ block: b as ScrollLogicalPosition, inline: 'nearest' });
        await frame();
      }
      const before = box();
      await frame();
      await frame();
      const r = e.getBoundingClientRect();
      if (box() !== before) return 'moving';
      if (r.width === 0 || r.height === 0) return 'without size';
      const root = e.getRootNode() as Document | ShadowRoot;
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit && (hit === e || e.contains(hit)) ? 'ok' : `covered by ${hit?.outerHTML.slice(0, 80)}`;
    }, block, state.startsWith('covered'));
    if (state === 'ok') {
      if (await guardedClick(el)) return;
      state = 'moved as it was clicked';
    }
    if (Date.now() > deadline) throw new Error(`click: the element is ${state}`);
    await sleep(50);
  }
}

const CLICK_GUARD = 'test click guard';

/**
 * A real pointer click at the element's centre that counts only if the element gets it, as
 * Playwright's hit-target check: something inserted above it between the aim and the click (a
 * control of ours going in as the page renders) moves it, and the click would land on whatever
 * took its place. Such a click is stopped in the capture phase, unseen by the page, and tried again.
 */
async function guardedClick(el: ElementHandle<Element>): Promise<boolean> {
  await el.evaluate((e, key) => {
    // An element in a closed shadow root is seen from the window as its outermost host.
    let target: Node = e;
    while (target.getRootNode() !== document) target = (target.getRootNode() as ShadowRoot).host;
    const state = { missed: false, stop: () => {} };
    const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
    // Judged on the press: one that hits the element lets the whole click through (what the click
    // then does, a label's click on its field, a download's link, is the page's own).
    const guard = (event: Event) => {
      if (!event.isTrusted) return;
      if (event.type === 'pointerdown' && event.composedPath().includes(target)) return state.stop();
      state.missed = true;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    for (const type of types) addEventListener(type, guard, true);
    state.stop = () => types.forEach((type) => removeEventListener(type, guard, true));
    (window as unknown as Record<symbol, unknown>)[Symbol.for(key)] = state;
  }, CLICK_GUARD);
  const failure = await el.click().then(() => undefined, (e: unknown) => e ?? new Error('click failed'));
  // Taken down whatever happened: a guard left behind would swallow the page's next clicks.
  const landed = await el
    .evaluate((_, key) => {
      const state = (window as unknown as Record<symbol, { missed: boolean; stop(): void } | undefined>)[Symbol.for(key)];
      state?.stop();
      delete (window as unknown as Record<symbol, unknown>)[Symbol.for(key)];
      return !state?.missed;
    }, CLICK_GUARD)
    .catch(() => true); // the click took the page elsewhere: it landed
  if (failure) throw failure;
  return landed;
}

/**
 * Playwright's `fill`: replaces a field's value as a user would. Short single-line values are
 * typed (click, Ctrl+A, keys); anything with a newline or longer than 160 characters is pasted
 * (it goes through the clipboard: select it in a hidden box, Ctrl+C, then Ctrl+A, Ctrl+V in the
 * field), which is how one puts a CSV file's text or a long UserSig into a box.
 */
export async function fill(page: Page, field: ElementHandle<Element>, value: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await click(field);
    if (await isFocused(field)) break;
    if (attempt === 3) {
      const seen = await field.evaluate((f) => {
        const r = f.getBoundingClientRect();
        const at = f.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return { field: f.outerHTML.slice(0, 120), box: [r.x, r.y, r.width, r.height].map(Math.round), atCentre: at?.outerHTML.slice(0, 120), focused: f.ownerDocument.activeElement?.outerHTML.slice(0, 120), viewport: [innerWidth, innerHeight, scrollY] };
      });
      throw new Error(`three clicks did not focus the field: ${JSON.stringify(seen)}`);
    }
  }
  await chord(page, 'a');
  if (value === '') {
    await page.keyboard.press('Backspace');
  } else if (value.length <= 160 && !/[\r\n]/.test(value)) {
    await page.keyboard.type(value);
  } else {
    await new PasteClipboard(page).write(value);
    await field.focus();
    await chord(page, 'a');
    await chord(page, 'v');
  }
  const want = value.replace(/\r\n?/g, '\n');
  try {
    await poll('the field took the value', () => field.evaluate((e) => (e as HTMLInputElement).value), (v) => v === want, 5000);
  } catch (e) {
    const where = await field.evaluate((f) => ({
      connected: f.isConnected,
      field: f.outerHTML.slice(0, 160),
      focused: f.ownerDocument.activeElement?.outerHTML.slice(0, 160),
      focusedValue: (f.ownerDocument.activeElement as HTMLInputElement | null)?.value?.slice(0, 80),
    }));
    throw new Error(`${(e as Error).message}; ${JSON.stringify(where)}`);
  }
}

/** A real click on the first button (in `scope`) whose text is `name` (getByRole('button', { name, exact })). */
export async function clickButton(page: Page, name: string, scope?: ElementHandle<Element>): Promise<void> {
  const handle = await page.waitForFunction(
    (root: Element | null, n: string) => [...(root ?? document).querySelectorAll('button')].find((b) => b.textContent?.trim() === n) ?? false,
    { timeout: 45_000, polling: 50 },
    scope ?? null,
    name,
  );
  const button = handle.asElement() as ElementHandle<Element> | null;
  if (!button) throw new Error(`no button named "${name}"`);
  await click(button);
}

/**
 * A button activated from the keyboard (focus, Enter), as a user does: for buttons our controls,
 * placed in slices, may move between a mouse down and up.
 */
export async function pressButton(page: Page, name: string, scope?: ElementHandle<Element>): Promise<void> {
  const handle = await page.waitForFunction(
    (root: Element | null, n: string) => [...(root ?? document).querySelectorAll('button')].find((b) => b.textContent?.trim() === n) ?? false,
    { timeout: 45_000, polling: 50 },
    scope ?? null,
    name,
  );
  const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (!button) throw new Error(`no button named "${name}"`);
  await button.focus();
  await page.keyboard.press('Enter');
}

// ------------------------------------------------------------------ clipboard

/**
 * The clipboard as a user reaches it in a page: a small box that takes Ctrl+V (read) and gives
 * Ctrl+C (write). What a paste delivers is read from the paste event's `clipboardData` (the
 * exact text, as `navigator.clipboard.readText()` gives it in Chromium; a textarea's value would
 * turn CRLF into LF). The box is fixed in a corner, transparent and ignores the mouse, so it
 * never covers what a check clicks; it is focused by script, so no pointer event closes a panel;
 * it is removed after each read.
 */
export class PasteClipboard {
  page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  private async box(value: string): Promise<void> {
    await this.page.evaluate((v: string) => {
      const w = window as unknown as { imchPasted?: string };
      let box = document.getElementById('imch-firefox-clipboard') as HTMLTextAreaElement | null;
      if (!box) {
        box = document.createElement('textarea');
        box.id = 'imch-firefox-clipboard';
        box.tabIndex = -1;
        box.style.cssText = 'position: fixed; left: 0; bottom: 0; width: 4px; height: 4px; opacity: 0; pointer-events: none; z-index: 2147483647; border: 0; padding: 0';
        box.addEventListener('paste', (event) => {
          w.imchPasted = event.clipboardData?.getData('text/plain') ?? '';
          event.preventDefault();
        });
        document.body.append(box);
      }
      w.imchPasted = undefined;
      box.value = v;
      box.focus();
      box.select();
    }, value);
  }

  /** What is on the clipboard now (Ctrl+V into the box). */
  async read(): Promise<string> {
    await this.box('');
    try {
      await chord(this.page, 'v');
      const pasted = await poll(
        'pasting the clipboard',
        () => this.page.evaluate(() => (window as unknown as { imchPasted?: string }).imchPasted ?? null),
        (v) => v !== null,
        5000,
      );
      return pasted!;
    } finally {
      // Leave nothing of ours in the page (the options page is checked with axe, say).
      await this.page.evaluate(() => document.getElementById('imch-firefox-clipboard')?.remove()).catch(() => {});
    }
  }

  /** Puts `text` on the clipboard (Ctrl+C from the box), and makes sure it is there. */
  async write(text: string): Promise<void> {
    await this.box(text);
    await chord(this.page, 'c');
    const back = await this.read();
    assert.equal(back, text.replace(/\r\n?/g, '\n'), 'Ctrl+C put the text on the clipboard');
  }
}

// ------------------------------------------------------------------ console replica pages

export async function gotoConsole(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
  await page.waitForSelector('#qc-main[aria-busy="false"]', { timeout: 30_000 });
}

/** The `section.tea-card` whose text contains `text` (Playwright's `.filter({ hasText })`). */
export async function cardWithText(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('section.tea-card')].find((c) => (c.textContent ?? '').includes(t)) ?? false,
    { timeout: 30_000, polling: 50 },
    text,
  );
  return handle as unknown as ElementHandle<Element>;
}

/** The first `input.tea-input` of the `.tea-card` whose heading matches `heading`. */
export async function fieldOf(page: Page, heading: RegExp): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (src: string, flags: string) => {
      const re = new RegExp(src, flags);
      const card = [...document.querySelectorAll('.tea-card')].find((c) => [...c.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')].some((h) => re.test(h.textContent ?? '')));
      return card?.querySelector('input.tea-input') ?? false;
    },
    { timeout: 30_000, polling: 50 },
    heading.source,
    heading.flags,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

export async function isFocused(el: ElementHandle<Element>): Promise<boolean> {
  return el.evaluate((e) => e.ownerDocument.activeElement === e);
}

export async function valueOf(el: ElementHandle<Element>): Promise<string> {
  return el.evaluate((e) => (e as HTMLInputElement).value);
}

// ------------------------------------------------------------------ "Copy diagnostics"

export type Tool = 'offline-push' | 'user-status' | 'usersig-generator' | 'usersig-verifier' | 'troubleshooting-log';

export type PanelInfo = {
  state: string | undefined;
  format: string | undefined;
  tokens: string | undefined;
  text: string;
  preview: string;
  status: string | undefined;
  statusText: string;
  formats: (string | undefined)[];
};

/** Runs `fn` on the shadow root of the tool's diagnostics control (undefined: none), then lets the handles go. */
async function withDiagnosticsRoot<T>(page: Page, tool: Tool, fn: (root: ElementHandle<ShadowRoot> | undefined) => Promise<T>): Promise<T> {
  const roots = await shadowRootsOf(page, 'diagnostics');
  try {
    let mine: ElementHandle<ShadowRoot> | undefined;
    for (const root of roots) {
      if ((await root.evaluate((r) => r.host.getAttribute('data-tool'))) === tool) {
        mine = root;
        break;
      }
    }
    return await fn(mine);
  } finally {
    await Promise.all(roots.map((r) => r.dispose().catch(() => {})));
  }
}

/** The panel of a tool's diagnostics control: its state, attributes and texts (the e2e `panelOf`). */
export function panelOf(page: Page, tool: Tool): Promise<PanelInfo | undefined> {
  return withDiagnosticsRoot(page, tool, async (root) =>
    root?.evaluate((r) => {
      const panel = r.querySelector('[role=dialog]');
      if (!panel) return undefined;
      const text = (n: Node) => {
        let s = '';
        const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.parentElement?.localName !== 'style') s += t.nodeValue;
        return s;
      };
      const attr = (e: Element | null | undefined, name: string) => e?.getAttribute(name) ?? undefined;
      const preview = panel.querySelector('[data-preview]');
      const status = panel.querySelector('[data-status]');
      return {
        state: attr(panel, 'data-state'),
        format: attr(panel, 'data-format'),
        tokens: attr(panel, 'data-tokens'),
        text: text(panel),
        preview: preview ? text(preview) : '',
        status: attr(status, 'data-status'),
        statusText: status ? text(status) : '',
        formats: [...panel.querySelectorAll('button[data-format]')].map((b) => attr(b, 'data-format')),
      };
    }),
  );
}

/** A real (trusted) click on the element `[name=value]` (or `[name]`) inside the tool's panel. */
export function clickInPanel(page: Page, tool: Tool, name: string, value?: string): Promise<void> {
  return withDiagnosticsRoot(page, tool, async (root) => {
    const el = await root?.$(value === undefined ? `[${name}]` : `[${name}="${value}"]`);
    if (!el) throw new Error(`no [${name}${value ? `=${value}` : ''}] in the ${tool} panel`);
    try {
      await click(el);
    } finally {
      await el.dispose();
    }
  });
}

export const hostSelector = (tool: Tool) => `[data-imch=diagnostics][data-tool=${tool}]`;

export async function openPanel(page: Page, tool: Tool): Promise<void> {
  await poll(`one ${tool} control`, () => page.$$eval(hostSelector(tool), (els) => els.length), (n) => n === 1, 5000);
  await click((await page.$(hostSelector(tool)))!);
  await poll(`the ${tool} panel is ready`, async () => (await panelOf(page, tool))?.state, (s) => s === 'ready', 10_000);
}

export async function closePanel(page: Page, tool: Tool): Promise<void> {
  await page.keyboard.press('Escape');
  await poll(`the ${tool} panel closed`, async () => (await panelOf(page, tool))?.state, (s) => s === undefined, 5000);
}

export type CopyOptions = { format?: 'markdown' | 'text' | 'json' | 'csv'; full?: boolean };

/**
 * The e2e `copyReport`: opens the tool's panel, picks the format and the token switch with real
 * clicks, copies, reads the clipboard back. With the defaults (Markdown, masked) the copy is the
 * keyboard path: the Copy button has focus when the panel opens, Enter copies.
 */
export async function copyReport(page: Page, tool: Tool, opts: CopyOptions = {}): Promise<{ text: string; panel: PanelInfo }> {
  const clipboard = new PasteClipboard(page);
  await clipboard.write('-');
  await openPanel(page, tool);
  if (opts.format && opts.format !== 'markdown') {
    await clickInPanel(page, tool, 'data-format', opts.format);
    await poll(`${tool}: format ${opts.format}`, async () => (await panelOf(page, tool))?.format, (f) => f === opts.format);
  }
  if (opts.full) {
    await clickInPanel(page, tool, 'data-action', 'full');
    await poll(`${tool}: tokens in full`, async () => (await panelOf(page, tool))?.tokens, (t) => t === 'full');
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else if (opts.format && opts.format !== 'markdown') {
    await clickInPanel(page, tool, 'data-action', 'copy');
  } else {
    await page.keyboard.press('Enter');
  }
  await poll(`${tool}: copied`, async () => (await panelOf(page, tool))?.status, (s) => s === 'copied');
  const panel = (await panelOf(page, tool))!;
  const text = await clipboard.read();
  assert.notEqual(text, '-', `${tool}: the copy replaced what was on the clipboard`);
  await closePanel(page, tool);
  return { text, panel };
}

// ------------------------------------------------------------------ the saved-UserID picker

export const PICKER = 'userid-picker';
export const triggerSelector = `[data-imch=${PICKER}]`;

export type PickerOption = { userId: string; text: string; selected: boolean; group: string };

/** The picker's frame (an extension page inside our closed root), once its panel shows. */
export async function pickerFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    // puppeteer keeps a frame's first URL (about:blank): ask the document where it is.
    const open = await frame.evaluate(() => location.href.endsWith('/userid-picker-frame.html') && !!document.querySelector('[data-picker=open]')).catch(() => false);
    if (open) return frame;
  }
  return undefined;
}

/**
 * Runs `fn` on the open picker's document (at most one is open; undefined when none), then lets
 * the handle go. The picker is an extension page in a frame: the page cannot reach it, BiDi can.
 */
export async function withOpenPicker<T>(page: Page, fn: (root: ElementHandle<Document> | undefined) => Promise<T>): Promise<T> {
  const frame = await pickerFrame(page);
  const doc = frame ? ((await frame.evaluateHandle(() => document).catch(() => undefined)) as unknown as ElementHandle<Document> | undefined) : undefined;
  try {
    return await fn(doc);
  } finally {
    await doc?.dispose().catch(() => {});
  }
}

export function isPickerOpen(page: Page): Promise<boolean> {
  return withOpenPicker(page, async (root) => !!root);
}

/** The open picker's options, group by group (the e2e `options`). */
export function pickerOptions(page: Page): Promise<PickerOption[]> {
  return withOpenPicker(page, async (root) => {
    if (!root) return [];
    return root.evaluate((r) => {
      const out: { userId: string; text: string; selected: boolean; group: string }[] = [];
      for (const group of r.querySelectorAll('[role=group]')) {
        for (const option of group.querySelectorAll('[role=option]')) {
          out.push({
            userId: option.getAttribute('data-userid') ?? '',
            text: option.textContent ?? '',
            selected: option.getAttribute('aria-selected') === 'true',
            group: group.getAttribute('data-group') ?? '',
          });
        }
      }
      return out;
    });
  });
}

export function pickerStatus(page: Page): Promise<string> {
  return withOpenPicker(page, async (root) => (root ? root.evaluate((r) => r.querySelector('[data-picker-status]')?.textContent ?? '') : ''));
}

/** Opens the picker of the n-th UserID field with a real click on its button. */
export async function clickTrigger(page: Page, n: number): Promise<void> {
  const handle = await poll(`picker button ${n}`, async () => (await page.$$(triggerSelector))[n], (h) => !!h, 5000);
  await poll(`picker button ${n} visible`, () => handle!.isVisible(), (v) => v, 5000);
  await click(handle!);
  await poll('the picker opened', () => isPickerOpen(page), (v) => v, 5000);
}

/** A real click on an element of the open picker. */
export async function clickInPicker(page: Page, selector: string): Promise<void> {
  await withOpenPicker(page, async (root) => {
    const el = await root?.$(selector);
    if (!el) throw new Error(`no ${selector} in the open picker`);
    try {
      await click(el);
    } finally {
      await el.dispose();
    }
  });
}

/** Types into the open picker's save form: label, then Enter saves. */
export async function saveFromPicker(page: Page, label?: string): Promise<void> {
  await clickInPicker(page, '#save-label');
  if (label) await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}

export function triggerCount(page: Page): Promise<number> {
  return page.$$eval(triggerSelector, (els) => els.length);
}

// ------------------------------------------------------------------ the options page

/** options.html in a new tab of Playwright's default size (1280×720), or in `page`. */
export async function openOptions(ctx: CheckContext, query = '', page?: Page): Promise<Page> {
  const q = query === '' || query.startsWith('?') ? query : `?${query}`;
  let tab = page;
  if (!tab) {
    tab = await ctx.newPage();
    await tab.setViewport({ width: 1280, height: 720 });
  }
  return openExtension(ctx, `options.html${q}`, '[data-add-form] [name=userId]', tab);
}

/**
 * ctx.openExtensionPage, waiting once more when puppeteer's wait ends early: the move from
 * about:blank to moz-extension:// can end it ("Waiting for selector failed", the frame it waited
 * in went away) although the page goes on loading; then wait in the page it became.
 */
export async function openExtension(ctx: CheckContext, file: string, selector: string, page?: Page): Promise<Page> {
  return ctx.openExtensionPage(file, { page, selector });
}

/** UserIDs of one list, in order (`[data-scope=…] li[data-userid]`). */
export function rows(opts: Page, scope: string): Promise<(string | null)[]> {
  return opts.$$eval(`[data-scope="${scope}"] li[data-userid]`, (items) => items.map((li) => li.getAttribute('data-userid')));
}

export function allRows(opts: Page): Promise<(string | null)[]> {
  return opts.$$eval('li[data-userid]', (items) => items.map((li) => li.getAttribute('data-userid')));
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (e) => e.textContent ?? '');
}

/** Waits until `selector`'s text contains `text` (or matches it). */
export async function waitForText(page: Page, selector: string, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  return poll(
    `${selector} says ${text}`,
    () => page.$eval(selector, (e) => e.textContent ?? ''),
    (t) => (typeof text === 'string' ? t.includes(text) : text.test(t)),
    timeoutMs,
  );
}

export async function count(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => els.length);
}

export async function el(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selector, { timeout: 45_000 });
  if (!handle) throw new Error(`no ${selector}`);
  return handle;
}

/** The add form: every field filled as a user would, Enter in the last one. */
export async function addEntry(opts: Page, fields: { sdkAppId?: string; userId: string; label?: string; note?: string }): Promise<void> {
  await fill(opts, await el(opts, '[data-add-form] [name=sdkAppId]'), fields.sdkAppId ?? '');
  await fill(opts, await el(opts, '[data-add-form] [name=userId]'), fields.userId);
  await fill(opts, await el(opts, '[data-add-form] [name=label]'), fields.label ?? '');
  const note = await el(opts, '[data-add-form] [name=note]');
  await fill(opts, note, fields.note ?? '');
  await note.focus();
  await opts.keyboard.press('Enter');
}

/** Chooses a file in a file input: BiDi `input.setFiles` (puppeteer's ElementHandle.uploadFile). */
export async function chooseFile(input: ElementHandle<Element>, name: string, text: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imch-ff-upload-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
  } finally {
    // Firefox has read the file once the change event has been handled; give it that moment.
    setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 30_000).unref();
  }
}

/** Imports through the options page: pasted text, or (large) a file, which previews at once. */
export async function importText(opts: Page, text: string): Promise<void> {
  if (text.length > 20_000) {
    await chooseFile(await el(opts, '[data-import-file]'), 'ids.csv', text);
  } else {
    await fill(opts, await el(opts, '[data-import-text]'), text);
    await click(await el(opts, '[data-import-preview]'));
  }
  await opts.waitForSelector('[data-preview]', { visible: true, timeout: 30_000 });
  await click(await el(opts, '[data-import-apply]'));
  await waitForText(opts, '[data-notice]', /Imported|已导入/, 30_000);
}

/** The button with this accessible name (aria-label). */
export function byLabel(page: Page, label: string): Promise<ElementHandle<Element>> {
  return el(page, `button[aria-label=${JSON.stringify(label)}]`);
}

// ------------------------------------------------------------------ downloads

type BidiConnection = {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (params: any) => void): void;
  off(event: string, handler: (params: any) => void): void;
};

export type Download = { suggestedFilename: string; url: string; path: string; text: string };

/**
 * Downloads into a folder of our own for the duration of `fn` (BiDi browser.setDownloadBehavior;
 * reset afterwards), and `expectDownload` waits for the download `click` starts
 * (browsingContext.downloadWillBegin / downloadEnd) and reads the saved file.
 */
export async function withDownloads<T>(ctx: CheckContext, fn: (expectDownload: (click: () => Promise<void>) => Promise<Download>) => Promise<T>): Promise<T> {
  const connection = (ctx.browser as unknown as { connection: BidiConnection }).connection;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imch-ff-downloads-'));
  await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
  const expectDownload = async (click: () => Promise<void>): Promise<Download> => {
    let begin: { suggestedFilename: string; url: string } | undefined;
    let end: { status: string; filepath?: string; url: string } | undefined;
    const onBegin = (e: { suggestedFilename: string; url: string }) => (begin ??= e);
    const onEnd = (e: { status: string; filepath?: string; url: string }) => (end ??= e);
    connection.on('browsingContext.downloadWillBegin', onBegin);
    connection.on('browsingContext.downloadEnd', onEnd);
    try {
      await click();
      await poll('the download', async () => end, (e) => e !== undefined, 10_000);
    } finally {
      connection.off('browsingContext.downloadWillBegin', onBegin);
      connection.off('browsingContext.downloadEnd', onEnd);
    }
    assert.ok(begin, 'downloadWillBegin');
    assert.equal(end!.status, 'complete', 'the download completed');
    assert.ok(end!.filepath && end!.filepath.startsWith(dir), `saved in our folder: ${end!.filepath}`);
    return { suggestedFilename: begin.suggestedFilename, url: begin.url, path: end!.filepath, text: fs.readFileSync(end!.filepath, 'utf8') };
  };
  try {
    return await fn(expectDownload);
  } finally {
    await connection.send('browser.setDownloadBehavior', { downloadBehavior: null }).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ screenshots

/** A full-page (or element) PNG under test-results/firefox/, like ctx.screenshot. */
export async function screenshotFull(target: Page | ElementHandle<Element>, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`) as `${string}.png`;
  if ('mainFrame' in target) await target.screenshot({ path: file, fullPage });
  else await target.screenshot({ path: file });
  return file;
}

// ------------------------------------------------------------------ assertions

const normal = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** expect(actual).toEqual(expected): deep equality, undefined properties ignored. */
export function assertEqual(actual: unknown, expected: unknown, message?: string): void {
  assert.deepStrictEqual(normal(actual), normal(expected), message ?? 'deep equality');
}

function matchesObject(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesObject(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matchesObject((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}

/** expect(actual).toMatchObject(expected): every property of `expected` is there, recursively. */
export function assertMatch(actual: unknown, expected: unknown, message?: string): void {
  if (!matchesObject(actual, expected)) {
    assert.fail(`${message ?? 'toMatchObject'}:\nexpected to contain ${show(expected)}\nactual ${show(actual)}`);
  }
}
