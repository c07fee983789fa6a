import type { Control } from './control.ts';
import { crowded } from './crowded.ts';
import type { Layer } from './layer.ts';

/** Most decode controls on a page at once: beyond it, controls of anchors out of view make room. */
export const MAX_CONTROLS = 120;
/**
 * While fewer controls than this are on the page, a new anchor gets its controls at once, in view
 * or not (a short log inside a scrolled table); past it, only anchors near the viewport do.
 */
export const EAGER_CONTROLS = 60;
/** Most controls beside one anchor (a `<pre>` of 10,000 tokens gets a few, not 10,000). */
export const MAX_PER_ANCHOR = 8;
/** Near the viewport: this much above and below it counts as on screen. */
export const NEAR_VIEWPORT_MARGIN = '50% 0px';
/** The same margin as a share of the viewport's height, for the window's layout reads. */
const NEAR_SHARE = 0.5;
/**
 * Most anchors the IntersectionObserver watches at once. Each target costs the browser work in
 * every frame that scrolls or lays out (50,000 targets: ~100 ms a frame); past this many anchors,
 * only a window of them around the viewport is watched (`locate`).
 */
export const MAX_WATCHED = 300;
/** Anchors watched beyond each end of the ones found near the viewport. */
const WINDOW_PAD = 30;
/**
 * Controls wait until the page has not scrolled for this long: each change beside an anchor makes
 * the browser lay out its container again (all 50,000 rows of it), which it would otherwise not
 * do while scrolling, so placing them frame by frame as rows come into view made scrolling jank.
 */
export const SCROLL_QUIET_MS = 150;
/**
 * Least time between two batches of controls going into the page. Each batch makes the browser lay
 * out and paint the anchors' container again (50,000 rows: 60 ms idle, 250 ms on a slow machine),
 * and a scan finds anchors a few at a time: placed as found, that was a layout in every frame of
 * the scan (35 frames of 1–3 controls each), the slower the machine the fewer per frame.
 */
export const INSERT_GAP_MS = 250;
/** A batch waiting for a frame goes in after this long at the latest (a tab in the background draws none). */
const INSERT_LATEST_MS = 250;

/**
 * Runs each callback in the next frame, one batch at a time; while `spaced()` (a page of many
 * anchors, where each batch re-lays out a huge container) at least INSERT_GAP_MS after the last.
 * On other pages the next frame: a control that went in later could move the console's own
 * button under a pointer on its way to it (a generated UserSig, then "Verify").
 */
export function batchedFrames(view: Window, spaced: () => boolean): (put: () => void) => void {
  let last = -Infinity;
  const inFrame = (put: () => void) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      last = performance.now();
      put();
    };
    view.requestAnimationFrame(once);
    view.setTimeout(once, INSERT_LATEST_MS);
  };
  return (put) => {
    const wait = spaced() ? last + INSERT_GAP_MS - performance.now() : 0;
    if (wait > 0) view.setTimeout(() => inFrame(put), wait);
    else inFrame(put);
  };
}

/** Where tokens were found: an element whose own text holds them, or a field whose value does. */
interface Anchor {
  field: boolean;
  /** Token lists per source: the anchor's text nodes, or the field itself. */
  sources: Map<Node, string[]>;
  visible: boolean;
  /** Placed without being seen, while the page had few controls; first to make room. */
  eager: boolean;
  controls: Map<string, Control>;
}

export interface AnchorOptions {
  createControl: (token: string) => Control;
  /** Runs `step` later, in a bounded slice, before other waiting work (the feature's slicer). */
  soon: (step: () => boolean) => void;
  document: Document;
  /** Stops the observer and the listeners. */
  signal: AbortSignal;
  /** When new controls go into the page: `batchedFrames` unless a test drives it. */
  inFrame?: (put: () => void) => void;
  /**
   * Controls over the page, for anchors in huge containers (layer.ts): asked for on the first such
   * anchor. The content script loads it as a module of its own (entrypoints/console-layer.ts).
   */
  overPage: () => Promise<Layer>;
}

/**
 * The decode controls of a page, bounded: past the first few (EAGER_CONTROLS), an anchor gets
 * controls only while near the viewport (visibility comes from an IntersectionObserver); at most
 * MAX_CONTROLS on the page (the least recently placed ones out of view make room); inserted in
 * batches; pruned only when the anchor's own nodes changed. The observer watches at most
 * MAX_WATCHED anchors: past that, the ones around the viewport, found by a binary search over the
 * anchors in document order (a few layout reads per frame that scrolls, never one per anchor).
 */
export function createAnchors({ createControl, soon, document: doc, signal, inFrame: given, overPage }: AnchorOptions) {
  const anchors = new Map<Element, Anchor>();
  const view = doc.defaultView!;
  const inFrame = given ?? batchedFrames(view, () => anchors.size > MAX_WATCHED);
  let layer: Layer | undefined;
  let layerLoading: Promise<Layer> | undefined;
  const onChange = (el: Element, visible: boolean) => {
    const anchor = anchors.get(el);
    if (!watched.has(el) || !anchor || anchor.visible === visible) return;
    anchor.visible = visible;
    if (visible) markDirty(el);
  };
  const io = new IntersectionObserver((entries) => entries.forEach((e) => onChange(e.target, e.isIntersecting)), { rootMargin: NEAR_VIEWPORT_MARGIN });
  const watched = new Set<Element>();
  /** Anchors in document order; dropped ones (or a second entry) stay until the next compaction. */
  let order: Element[] = [];
  let stale = 0;
  let locateFrame = 0;
  let scrolledAt = -SCROLL_QUIET_MS;

  function watch(el: Element) {
    if (watched.has(el)) return;
    watched.add(el);
    io.observe(el);
  }

  function unwatch(el: Element) {
    if (!watched.delete(el)) return;
    io.unobserve(el);
    // Out of the window is out of view: its controls may make room for others.
    const anchor = anchors.get(el);
    if (anchor) anchor.visible = false;
  }

  /** The first index in [lo, hi) where `before` is false (it holds for a prefix of the order). */
  function search(lo: number, hi: number, before: (i: number) => boolean): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function list(el: Element) {
    if (stale * 2 > order.length) {
      const seen = new Set<Element>();
      order = order.filter((e) => anchors.has(e) && !seen.has(e) && !!seen.add(e));
      stale = 0;
    }
    // Mostly found in document order: one comparison with the last (its cost grows with the
    // distance between the two in the page), a binary search only for one found out of order.
    const follows = (i: number) => (order[i]!.compareDocumentPosition(el) & 4) > 0;
    const n = order.length;
    order.splice(n === 0 || follows(n - 1) ? n : search(0, n, follows), 0, el);
    if (anchors.size > MAX_WATCHED) queueLocate();
    else watch(el);
  }

  /** Whether the first laid-out anchor from `i` on (a hidden one has no box) ends before `line`. */
  function endsBefore(i: number, line: (box: DOMRect) => boolean): boolean {
    for (let k = i; k < Math.min(order.length, i + 16); k++) {
      // Gone or hidden: no height (a dropped anchor still in the order has its place, or none).
      const box = order[k]!.getBoundingClientRect();
      if (box.height) return line(box);
    }
    return true;
  }

  /** Watches the anchors around the viewport, and only those (all of them while they are few). */
  function locate() {
    locateFrame = 0;
    if (signal.aborted) return;
    const many = anchors.size > MAX_WATCHED;
    const margin = view.innerHeight * NEAR_SHARE;
    const first = many ? search(0, order.length, (i) => endsBefore(i, (box) => box.bottom < -margin)) : 0;
    const last = many ? search(first, order.length, (i) => endsBefore(i, (box) => box.top <= view.innerHeight + margin)) : order.length;
    const from = Math.max(0, first - WINDOW_PAD);
    const next = new Set(order.slice(from, many ? Math.min(last + WINDOW_PAD, from + MAX_WATCHED) : last).filter((el) => anchors.has(el)));
    for (const el of watched) if (!next.has(el)) unwatch(el);
    next.forEach(watch);
  }

  /** Right after the next frame: its layout is done, so the reads in `locate` force none. */
  function queueLocate() {
    if (!locateFrame && !signal.aborted) locateFrame = view.requestAnimationFrame(() => setTimeout(locate));
  }

  // Scrolling the page or any box in it moves the window (capture: scroll events do not bubble).
  doc.addEventListener(
    'scroll',
    () => {
      scrolledAt = performance.now();
      if (anchors.size > MAX_WATCHED) queueLocate();
    },
    { capture: true, passive: true, signal },
  );
  signal.addEventListener('abort', () => io.disconnect());

  /** Anchors with controls, least recently placed first. */
  const placed = new Map<Element, true>();
  let count = 0;
  /** Anchors marked eager and not yet dropped or evicted. */
  let eagerAnchors = 0;
  const dirty = new Set<Element>();
  let flushQueued = false;

  /**
   * `inBatch`: the control leaves with the next batch, so a control replaced beside its anchor (a
   * field given another UserSig) is swapped in one frame: nothing beside it moves in between, under
   * a pointer on its way to the console's own button.
   */
  function removeControls(el: Element, anchor: Anchor, keep?: ReadonlySet<string>, inBatch = false) {
    for (const [token, control] of anchor.controls) {
      if (keep?.has(token)) continue;
      if (toInsert.delete(control) || !inBatch) control.remove();
      else inNextBatch(control, () => control.remove());
      anchor.controls.delete(token);
      count--;
    }
    if (anchor.controls.size === 0) placed.delete(el);
  }

  function drop(el: Element) {
    const anchor = anchors.get(el);
    if (!anchor) return;
    removeControls(el, anchor);
    if (anchor.eager) eagerAnchors--;
    unwatch(el);
    anchors.delete(el);
    dirty.delete(el);
    stale++;
    // Back to few anchors: all of them are watched again.
    if (anchors.size === MAX_WATCHED) queueLocate();
  }

  /** Frees one slot from an anchor out of view (or gone); false when all are in view. */
  function evictOne(except: Element): boolean {
    for (const el of placed.keys()) {
      const anchor = anchors.get(el);
      if (el === except || (anchor?.visible && el.isConnected)) continue;
      if (anchor) {
        removeControls(el, anchor);
        if (anchor.eager) eagerAnchors--;
        anchor.eager = false;
      }
      placed.delete(el);
      return true;
    }
    return false;
  }

  function wanted(anchor: Anchor): string[] {
    const tokens: string[] = [];
    for (const list of anchor.sources.values()) {
      for (const token of list) {
        if (!tokens.includes(token)) tokens.push(token);
        if (tokens.length >= MAX_PER_ANCHOR) return tokens;
      }
    }
    return tokens;
  }

  /** Brings an anchor's controls in line with its sources and visibility. */
  function reconcile(el: Element) {
    const anchor = anchors.get(el);
    if (!anchor) return;
    if (!el.isConnected) return drop(el);
    if (!anchor.field) {
      // Text nodes that left the anchor no longer speak for it.
      for (const node of anchor.sources.keys()) if (node.parentNode !== el) anchor.sources.delete(node);
    }
    const tokens = wanted(anchor);
    if (tokens.length === 0) return drop(el);
    removeControls(el, anchor, new Set(tokens), true);
    if (!anchor.visible && !anchor.eager) return;
    for (const token of tokens) {
      const control = anchor.controls.get(token);
      if (control) {
        // The page re-rendered the anchor's children and took our control with them.
        if (!control.host.isConnected) insert(el, anchor, control);
        continue;
      }
      if (count >= MAX_CONTROLS && !evictOne(el)) break;
      const created = createControl(token);
      anchor.controls.set(token, created);
      count++;
      insert(el, anchor, created);
    }
    placed.delete(el);
    if (anchor.controls.size > 0) placed.set(el, true);
  }

  /** Controls waiting to go into the page or to leave it, all at once (see `batchedFrames`). */
  const toInsert = new Map<Control, () => void>();
  let insertQueued = false;

  /** Children counts of the batch's anchors' ancestors (see `crowded`), read once per batch. */
  let counted = new Map<Element, number>();

  /** Puts a control over the page once the layer is there, if it is still wanted then. */
  function putOver(el: Element, anchor: Anchor, control: Control) {
    const put = (over: Layer) => {
      if (signal.aborted || anchors.get(el) !== anchor || ![...anchor.controls.values()].includes(control) || control.host.isConnected) return;
      over.add(control.host, el, [...anchor.sources.keys()].pop());
      over.queue();
    };
    if (layer) return put(layer);
    layerLoading ??= overPage().then((loaded) => (layer = loaded));
    // A failed load (the loader retries under a new URL) leaves the control out until the anchor
    // changes or comes into view again.
    layerLoading.then(put, () => (layerLoading = undefined));
  }

  function insertAll() {
    insertQueued = false;
    if (signal.aborted) return;
    const batch = [...toInsert.values()];
    toInsert.clear();
    counted = new Map();
    batch.forEach((put) => put());
  }

  function inNextBatch(control: Control, change: () => void) {
    toInsert.set(control, change);
    if (insertQueued) return;
    insertQueued = true;
    inFrame(insertAll);
  }

  function insert(el: Element, anchor: Anchor, control: Control) {
    if (toInsert.has(control)) return;
    inNextBatch(control, () => {
      if (!el.isConnected || control.host.isConnected) return;
      if (anchor.field) el.after(control.host);
      else if (crowded(el, counted)) putOver(el, anchor, control);
      else el.append(control.host);
    });
  }

  /** Reconciles the changed anchors in one later step per anchor: insertion is batched. */
  function queueFlush() {
    if (flushQueued) return;
    flushQueued = true;
    const wait = scrolledAt + SCROLL_QUIET_MS - performance.now();
    if (wait > 0) {
      setTimeout(() => {
        flushQueued = false;
        queueFlush();
      }, wait);
      return;
    }
    soon(() => {
      const next = dirty.values().next();
      if (next.done) {
        flushQueued = false;
        return false;
      }
      dirty.delete(next.value);
      reconcile(next.value);
      return true;
    });
  }

  function markDirty(el: Element) {
    dirty.add(el);
    queueFlush();
  }

  return {
    /** What a source (a text node of `el`, or the field `el`) holds now. */
    set(el: Element, source: Node, tokens: string[], field: boolean) {
      let anchor = anchors.get(el);
      if (!anchor) {
        if (tokens.length === 0) return;
        const eager = eagerAnchors < EAGER_CONTROLS;
        if (eager) eagerAnchors++;
        anchor = { field, sources: new Map(), visible: false, eager, controls: new Map() };
        anchors.set(el, anchor);
        list(el);
      }
      const before = anchor.sources.get(source);
      if (tokens.length === 0) {
        if (!before) return;
        anchor.sources.delete(source);
      } else {
        if (before && before.length === tokens.length && before.every((t, i) => t === tokens[i])) {
          // Same tokens: only a control the page took away needs putting back.
          if ((anchor.visible || anchor.eager) && [...anchor.controls.values()].some((c) => !c.host.isConnected)) markDirty(el);
          return;
        }
        anchor.sources.set(source, tokens);
      }
      // An anchor out of view and without controls is looked at when it comes into view.
      if (anchor.visible || anchor.eager || anchor.controls.size > 0) markDirty(el);
    },
    /** `el`'s children changed (text removed, our control taken away): look again. */
    touched(el: Element) {
      if (anchors.has(el)) markDirty(el);
    },
    /** `el` left the page (checked again later: the page may have only moved it). */
    removed(el: Element) {
      if (anchors.has(el)) markDirty(el);
    },
    /** The page changed somewhere: controls drawn over it follow their anchors. */
    moved: () => layer?.queue(),
    has: (el: Element) => anchors.has(el),
    clear() {
      for (const el of [...anchors.keys()]) drop(el);
    },
    get controls() {
      return count;
    },
  };
}
