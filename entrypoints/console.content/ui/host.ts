export const HOST_ATTRIBUTE = 'data-imch';

/**
 * A host element with a closed shadow root: the page cannot reach inside, its styles cannot leak
 * in or out, and nothing of ours is written into the console's own markup.
 */
export function createHost(kind: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  host.style.cssText = 'all: initial; display: inline-block; position: relative; vertical-align: middle;';
  const root = host.attachShadow({ mode: 'closed' });
  return { host, root };
}

/** The full stylesheet (it comes with the UI bundle), added when a panel first opens there. */
export function addPanelStyles(root: ShadowRoot, css: string): void {
  if (root.querySelector('style[data-panel]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-panel', '');
  style.textContent = css;
  root.append(style);
}

/** Inside one of our hosts (or one itself). By node type, never `instanceof` (Firefox Xrays). */
export function isOurs(node: Node | null | undefined): boolean {
  const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  return !!element?.closest(`[${HOST_ATTRIBUTE}]`);
}
