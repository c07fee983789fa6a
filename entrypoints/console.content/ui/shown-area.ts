export interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The part of the window where `el` can be seen: its scrolling (or clipping) ancestors' boxes
 * intersected, each looked up once per `cache` (the rows of one table share them). A control
 * drawn out of the page's flow uses it to hide with its anchor, as one inside would be clipped.
 */
export function shownArea(el: Element, cache: Map<Element, DOMRect | null>): Area {
  const area = { top: -Infinity, bottom: Infinity, left: -Infinity, right: Infinity };
  const view = el.ownerDocument.defaultView!;
  for (let node = el.parentElement; node && node !== el.ownerDocument.body; node = node.parentElement) {
    let clip = cache.get(node);
    if (clip === undefined) {
      const style = view.getComputedStyle(node);
      clip = style.overflowX === 'visible' && style.overflowY === 'visible' ? null : node.getBoundingClientRect();
      cache.set(node, clip);
    }
    if (!clip) continue;
    area.top = Math.max(area.top, clip.top);
    area.bottom = Math.min(area.bottom, clip.bottom);
    area.left = Math.max(area.left, clip.left);
    area.right = Math.min(area.right, clip.right);
  }
  return area;
}

/** Whether `box` shows in `area`: its vertical middle inside, and some of its width. */
export function inArea(box: DOMRect, area: Area): boolean {
  const middle = box.top + box.height / 2;
  return middle >= area.top && middle <= area.bottom && box.right >= area.left && box.left <= area.right;
}
