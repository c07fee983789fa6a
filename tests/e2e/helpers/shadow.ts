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
