/**
 * Past this many children among an anchor's ancestors (a log of thousands of rows), its controls go
 * over the page instead of into it. Anything put into such a container makes the browser lay out
 * every row of it again: measured in Chromium with 50,000 rows, ~100 ms per batch of controls put
 * into rows, under 1 ms for the same batch put into a layer of our own outside the page's content.
 */
export const CROWDED_CHILDREN = 1_000;
/** Ancestors looked at for `crowded` (a log row sits a few levels under its table). */
const CROWDED_DEPTH = 12;

/** Whether putting something into `el` would make the browser lay out a huge container again. */
export function crowded(el: Element, cache: Map<Element, number>): boolean {
  let sum = 0;
  let depth = 0;
  for (let node = el.parentElement; node && depth < CROWDED_DEPTH; node = node.parentElement, depth++) {
    let n = cache.get(node);
    if (n === undefined) cache.set(node, (n = node.children.length));
    sum += n;
    if (sum > CROWDED_CHILDREN) return true;
  }
  return false;
}
