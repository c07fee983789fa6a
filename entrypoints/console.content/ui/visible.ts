/**
 * Does a click or key on one of our controls come from the user, on a control the user can see?
 * A page can restyle our host (it is in its DOM): `opacity: .001; position: fixed; transform:
 * scale(6)` over a page button turns the user's click on that button into a click on our control
 * (clickjacking). So a control acts only on a trusted event, when the host is drawn at its own
 * size, opaque and visible, and it is the element at the point of the click (or at its centre,
 * for a click made with the keyboard). By tag name and style values only: no `instanceof`.
 */

/** Below this overall opacity a control is treated as hidden. */
const MIN_OPACITY = 0.9;
/** The drawn box may differ from the laid-out one by this much (sub-pixel rounding). */
const SCALE_SLACK = 0.05;

function drawnAsLaidOut(host: HTMLElement): boolean {
  const rect = host.getBoundingClientRect();
  const { offsetWidth: w, offsetHeight: h } = host;
  if (w === 0 || h === 0 || rect.width === 0 || rect.height === 0) return false;
  return Math.abs(rect.width / w - 1) <= SCALE_SLACK && Math.abs(rect.height / h - 1) <= SCALE_SLACK;
}

function opaqueAndVisible(host: HTMLElement): boolean {
  const view = host.ownerDocument.defaultView;
  if (!view) return false;
  if (/^(hidden|collapse)$/.test(view.getComputedStyle(host).visibility)) return false;
  let opacity = 1;
  for (let node: Element | null = host; node; ) {
    const style = view.getComputedStyle(node);
    const own = Number.parseFloat(style.opacity);
    opacity *= Number.isNaN(own) ? 1 : own;
    if (style.filter !== 'none' && /opacity|alpha/i.test(style.filter)) return false;
    if (opacity < MIN_OPACITY || style.display === 'none') return false;
    const root: Node | null = node.parentNode;
    // Up through shadow roots (a console built from web components): nodeType 11 is a root.
    node = node.parentElement ?? (root?.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null);
  }
  return true;
}

function atPoint(host: HTMLElement, event: Event): boolean {
  const mouse = event as MouseEvent;
  let x = mouse.clientX;
  let y = mouse.clientY;
  // A keyboard-made click has no point (detail 0, at 0,0): judge the control's centre.
  if (typeof x !== 'number' || typeof y !== 'number' || (mouse.detail === 0 && x === 0 && y === 0)) {
    const rect = host.getBoundingClientRect();
    x = rect.left + rect.width / 2;
    y = rect.top + rect.height / 2;
  }
  return host.ownerDocument.elementFromPoint(x, y) === host;
}

/** True when `event` may act on the control in `host`. */
export function userCanSee(host: HTMLElement, event: Event): boolean {
  if (!event.isTrusted || !host.isConnected) return false;
  return opaqueAndVisible(host) && drawnAsLaidOut(host) && atPoint(host, event);
}

/**
 * Makes `button` act only on clicks `userCanSee`: registered before any feature's own listener,
 * a refused click stops there (and does nothing else: the page's button under it is not ours to press).
 */
export function guardClicks(host: HTMLElement, button: HTMLElement): void {
  button.addEventListener('click', (event) => {
    if (userCanSee(host, event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  });
}
