/**
 * Our UI lives in closed shadow roots that page scripts cannot enter. WebDriver BiDi can: a node
 * serialized with `includeShadowTree: 'all'` carries its shadow root, closed or not, as a shared
 * reference. These helpers turn that into ordinary puppeteer handles, so a check reads and clicks
 * inside our UI as the browser itself sees it, with nothing opened for tests.
 *
 * puppeteer-core has no public call for this option; it goes through the BiDi realm underneath a
 * frame's main realm (`realm.realm.callFunction`), the same call puppeteer's own evaluate uses.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

interface BidiNode {
  type: 'node';
  sharedId?: string;
  value?: { shadowRoot?: BidiNode | null; nodeType?: number };
}

interface CoreRealm {
  callFunction(fn: string, awaitPromise: boolean, options: Record<string, unknown>): Promise<{ type: string; result?: BidiNode | { type: string; value?: unknown[] }; exceptionDetails?: { text: string } }>;
}
interface PuppeteerRealm {
  realm: CoreRealm;
  createHandle(result: BidiNode): ElementHandle<Node>;
}

function mainRealm(page: Page): PuppeteerRealm {
  const realm = (page.mainFrame() as unknown as { mainRealm(): PuppeteerRealm }).mainRealm();
  if (typeof realm?.realm?.callFunction !== 'function' || typeof realm.createHandle !== 'function') {
    throw new Error('puppeteer-core changed: no BiDi realm under the main frame (tests/firefox/shadow.ts)');
  }
  return realm;
}

/** The shadow roots of our hosts of one kind (`data-imch="decode"` …), in document order. */
export async function shadowRootsOf(page: Page, kind: string): Promise<ElementHandle<ShadowRoot>[]> {
  const realm = mainRealm(page);
  const response = await realm.realm.callFunction(
    '(kind) => [...document.querySelectorAll(`[data-imch="${kind}"]`)]',
    true,
    {
      arguments: [{ type: 'string', value: kind }],
      resultOwnership: 'root',
      serializationOptions: { maxObjectDepth: 1, maxDomDepth: 0, includeShadowTree: 'all' },
    },
  );
  if (response.type === 'exception') throw new Error(`reading ${kind} hosts: ${response.exceptionDetails?.text}`);
  const hosts = ((response.result as { value?: BidiNode[] }).value ?? []) as BidiNode[];
  return hosts.flatMap((host) => {
    const root = host.value?.shadowRoot;
    return root?.sharedId ? [realm.createHandle(root) as unknown as ElementHandle<ShadowRoot>] : [];
  });
}

/** The one shadow root of a kind, waiting for it to appear. */
export async function waitForShadowRoot(page: Page, kind: string, timeoutMs = 10_000, pick = (roots: ElementHandle<ShadowRoot>[]) => roots[0]): Promise<ElementHandle<ShadowRoot>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const root = pick(await shadowRootsOf(page, kind));
    if (root) return root;
    if (Date.now() > deadline) throw new Error(`no shadow root of a [data-imch="${kind}"] host within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The visible text of a shadow root (styles left out). */
export function shadowText(root: ElementHandle<ShadowRoot>): Promise<string> {
  return root.evaluate((r) => {
    let text = '';
    const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'style') text += n.nodeValue;
    return text;
  });
}
