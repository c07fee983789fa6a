import { HOST_ATTRIBUTE } from '../../ui/host.ts';
import { inArea, shownArea } from '../../ui/shown-area.ts';

/** Room kept between a control and the right edge of the window. */
const EDGE = 4;
/** A control's width before it has been laid out (then its own). */
const FALLBACK_WIDTH = 64;

export interface Layer {
  /** Puts `host` over the page, hidden until placed at the end of `text` in `el` (after the next frame). */
  add(host: HTMLElement, el: Element, text?: Node): void;
  /** After a batch, or a change of the page that may have moved the anchors. */
  queue(): void;
}

/** Where controls beside an anchor go: the end of its text's last line (where inline ones would be). */
function endOf(el: Element, text: Node | undefined): DOMRect | undefined {
  let boxes: DOMRectList;
  if (text && text.parentNode === el) {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(text);
    boxes = range.getClientRects();
  } else boxes = el.getClientRects();
  return boxes.length > 0 ? boxes[boxes.length - 1] : undefined;
}

/**
 * Controls drawn over the page, each kept at the end of its anchor: one span of ours at the end of
 * `<html>`, outside the page's content, so adding, moving or removing a control lays out nothing of
 * the page. Above the page's content (z-index 1), under its own raised layers (a sticky header, a
 * dialog). No hit test to hide a covered control: with 50,000 rows one costs ~15 ms.
 */
export function createLayer(doc: Document, signal: AbortSignal): Layer {
  const view = doc.defaultView!;
  /** Each control's anchor and the text node it stands for. */
  const hosts = new Map<HTMLElement, { el: Element; text?: Node }>();
  let layer: HTMLElement | undefined;
  let queued = 0;

  function container(): HTMLElement {
    if (!layer) {
      layer = doc.createElement('span');
      layer.setAttribute(HOST_ATTRIBUTE, 'layer');
      layer.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 1;';
    }
    if (layer.parentNode !== doc.documentElement) doc.documentElement.append(layer);
    return layer;
  }

  /** Reads every anchor's box first, then moves the controls: one layout, of the page as it is. */
  function place() {
    queued = 0;
    if (signal.aborted) return;
    for (const host of [...hosts.keys()]) if (!host.isConnected) hosts.delete(host);
    if (hosts.size === 0) return;
    const origin = container().getBoundingClientRect();
    const right = doc.documentElement.clientWidth - EDGE;
    // An anchor's controls side by side, in the order they came, all inside the window.
    const rows = new Map<Element, { text?: Node; hosts: HTMLElement[] }>();
    for (const [host, { el, text }] of hosts) {
      const row = rows.get(el) ?? { text, hosts: [] };
      row.hosts.push(host);
      rows.set(el, row);
    }
    const spots: { host: HTMLElement; left?: number; top?: number }[] = [];
    /** A control not drawn yet has no width: once drawn, it is placed again with its own. */
    let guessed = false;
    const clips = new Map<Element, DOMRect | null>();
    for (const [el, { text, hosts: row }] of rows) {
      const box = el.isConnected ? endOf(el, text) : undefined;
      // Hidden with its anchor: scrolled out of a box of the page (a table's own scroll area), or not drawn.
      const area = box && shownArea(el, clips);
      if (!box || !area || !inArea(box, area)) {
        row.forEach((host) => spots.push({ host }));
        continue;
      }
      const widths = row.map((host) => host.offsetWidth || ((guessed = true), FALLBACK_WIDTH));
      let x = Math.max(0, Math.min(box.right, Math.min(right, area.right) - widths.reduce((a, b) => a + b, 0)));
      row.forEach((host, i) => {
        spots.push({ host, left: x - origin.left, top: box.top - origin.top + (box.height - (host.offsetHeight || box.height)) / 2 });
        x += widths[i]!;
      });
    }
    // Written only where they changed: placing runs after every frame in which the page changed.
    const set = (host: HTMLElement, name: 'display' | 'left' | 'top', value: string) => {
      if (host.style[name] !== value) host.style[name] = value;
    };
    for (const { host, left, top } of spots) {
      // `display`, not `visibility`: the button in the shadow root resets what it would inherit.
      set(host, 'display', left === undefined ? 'none' : 'inline-block');
      if (left === undefined || top === undefined) continue;
      set(host, 'left', `${Math.round(left)}px`);
      set(host, 'top', `${Math.round(top)}px`);
    }
    if (guessed) queue();
  }

  /** After the next frame, when the page's own layout is done and reading it forces none. */
  function queue() {
    if (!queued && hosts.size > 0 && !signal.aborted) queued = view.requestAnimationFrame(() => view.setTimeout(place));
  }

  view.addEventListener('resize', queue, { passive: true, signal });
  doc.addEventListener('scroll', queue, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => layer?.remove());

  return {
    add(host: HTMLElement, el: Element, text?: Node) {
      host.style.position = 'absolute';
      host.style.display = 'none';
      hosts.set(host, { el, text });
      container().append(host);
    },
    queue,
  };
}
