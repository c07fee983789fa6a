// Our UI lives in closed shadow roots, which page scripts and Playwright locators cannot enter.
// The tests read it the way the browser itself sees it: through the DevTools protocol, which
// pierces closed roots, so no test-only opening of the UI is needed.
import type { CDPSession, Page } from '@playwright/test';

export interface DomNode {
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export function attr(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

export function findAll(node: DomNode, match: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findAll(child, match, out);
  return out;
}

export function textOf(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
}

/** The shadow roots of our hosts of one kind (`data-imch="decode"` …), in document order. */
export async function shadowRootsOf(page: Page, kind: string): Promise<DomNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findAll(root, (n) => attr(n, 'data-imch') === kind).flatMap((host) => host.shadowRoots ?? []);
  } finally {
    await cdp.detach();
  }
}

/** Helpers over one shadow root: the element with an attribute value, its text. */
export function query(root: DomNode, name: string, value?: string): DomNode[] {
  return findAll(root, (n) => (value === undefined ? attr(n, name) !== undefined : attr(n, name) === value));
}

export interface CdpNode extends DomNode {
  backendNodeId: number;
}

/** The window box (CSS px) of the first element with `name=value` in a `kind` host's closed root. */
export async function boxInShadow(page: Page, kind: string, name: string, value: string): Promise<{ top: number; bottom: number; left: number; right: number } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const roots = findAll(root, (n) => attr(n, 'data-imch') === kind).flatMap((host) => host.shadowRoots ?? []);
    const node = roots.flatMap((r) => query(r, name, value))[0] as CdpNode | undefined;
    if (!node) return undefined;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { border: number[] } };
    const xs = [0, 2, 4, 6].map((i) => model.border[i]!);
    const ys = [1, 3, 5, 7].map((i) => model.border[i]!);
    return { top: Math.min(...ys), bottom: Math.max(...ys), left: Math.min(...xs), right: Math.max(...xs) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The host of a tool's Copy diagnostics control with its closed shadow root, read through CDP (only that subtree). */
export async function withDiagnosticsHost<T>(page: Page, tool: string, fn: (cdp: CDPSession, host: CdpNode | undefined) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-imch=diagnostics][data-tool=${tool}]` })) as { nodeId: number };
    if (!nodeId) return await fn(cdp, undefined);
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as { node: CdpNode };
    return await fn(cdp, node);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the verifier's pre-check shows: its verdict, its text and the server codes of its problem cards. */
export async function readPrecheck(page: Page): Promise<{ verdict: string | undefined; text: string; codes: (string | undefined)[] }> {
  const [root] = await shadowRootsOf(page, 'precheck');
  const box = root ? query(root, 'data-precheck')[0] : undefined;
  return {
    verdict: box ? attr(box, 'data-precheck') : undefined,
    text: box ? textOf(box) : '',
    codes: box ? query(box, 'data-server-code').map((n) => attr(n, 'data-server-code')) : [],
  };
}

/** The state, format and copy status of a tool's open Copy diagnostics panel (undefined when closed). */
export function panelState(page: Page, tool: string) {
  return withDiagnosticsHost(page, tool, async (_cdp, host) => {
    const panel = host?.shadowRoots?.[0] ? findAll(host.shadowRoots[0], (n) => attr(n, 'role') === 'dialog')[0] : undefined;
    if (!panel) return undefined;
    const status = findAll(panel, (n) => attr(n, 'data-status') !== undefined)[0];
    return { state: attr(panel, 'data-state'), format: attr(panel, 'data-format'), status: status ? attr(status, 'data-status') : undefined };
  });
}

/** A real (trusted) mouse click on `[name=value]` (or the first `[name]`) inside a tool's diagnostics panel. */
export async function clickInPanel(page: Page, tool: string, name: string, value?: string): Promise<void> {
  const point = await withDiagnosticsHost(page, tool, async (cdp, host) => {
    const shadow = host?.shadowRoots?.[0];
    const node = shadow ? (findAll(shadow, (n) => (value === undefined ? attr(n, name) !== undefined : attr(n, name) === value))[0] as CdpNode | undefined) : undefined;
    if (!node) throw new Error(`no [${name}${value === undefined ? '' : `=${value}`}] in the ${tool} panel`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
    const q = model.content;
    return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
  });
  await page.mouse.click(point.x, point.y);
}
