// @vitest-environment happy-dom
// The decode controls' bounds: the first few placed at once, the rest only in view; never more
// than the cap (anchors out of view make room); a control follows its anchor's own changes only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnchors, EAGER_CONTROLS, MAX_CONTROLS, MAX_WATCHED } from '../../../entrypoints/console.content/features/decode-buttons/anchors.ts';
import { CROWDED_CHILDREN } from '../../../entrypoints/console.content/features/decode-buttons/crowded.ts';
import { createLayer } from '../../../entrypoints/console.content/features/decode-buttons/layer.ts';

function setup() {
  const steps: (() => boolean)[] = [];
  const frames: (() => void)[] = [];
  const watched = new Set<Element>();
  let onChange: (el: Element, visible: boolean) => void = () => {};
  // The observer near the viewport, as the test reports it.
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
        onChange = (target, isIntersecting) => callback([{ target, isIntersecting }]);
      }
      observe = (el: Element) => void watched.add(el);
      unobserve = (el: Element) => void watched.delete(el);
      disconnect = () => watched.clear();
    },
  );
  let created = 0;
  const controller = new AbortController();
  const anchors = createAnchors({
    createControl: (token) => {
      created++;
      const host = document.createElement('span');
      host.setAttribute('data-imch', 'decode');
      host.dataset.token = token;
      return { host, remove: () => host.remove() };
    },
    soon: (step) => steps.push(step),
    inFrame: (put) => frames.push(put),
    document,
    signal: controller.signal,
    overPage: async () => createLayer(document, controller.signal),
  });
  /** Runs the queued steps, then the frame that puts their controls in. */
  const run = () => {
    while (steps.length > 0 || frames.length > 0) {
      while (steps.length > 0) {
        const step = steps[0]!;
        if (!step()) steps.shift();
      }
      frames.splice(0).forEach((put) => put());
    }
  };
  /** What the observer reports: `el` came near the viewport or left it. */
  const visibility = (el: Element, visible: boolean) => onChange(el, visible);
  /** Only the steps: what they placed waits for its frame. */
  const runSteps = () => {
    while (steps.length > 0) if (!steps[0]!()) steps.shift();
  };
  const frameCount = () => frames.length;
  return { anchors, run, runSteps, frameCount, watched, visibility, created: () => created, stop: () => controller.abort() };
}

function rows(n: number): HTMLElement[] {
  document.body.replaceChildren();
  return Array.from({ length: n }, (_, i) => {
    const row = document.createElement('div');
    row.textContent = `token-${i}`;
    document.body.append(row);
    return row;
  });
}

const controlsIn = (el: Element) => el.querySelectorAll('[data-imch=decode]').length;
const total = () => document.querySelectorAll('[data-imch=decode]').length;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('decode control anchors', () => {
  it('puts the controls found across many steps into the page together, in one frame', () => {
    const { anchors, runSteps, run, frameCount } = setup();
    const list = rows(20);
    for (const [i, row] of list.entries()) {
      anchors.set(row, row.firstChild!, [`token-${i}`], false);
      runSteps();
    }
    expect(total()).toBe(0);
    expect(frameCount()).toBe(1);
    run();
    expect(total()).toBe(20);
  });

  it('drops a control that left before its frame (its anchor lost the token)', () => {
    const { anchors, runSteps, run } = setup();
    const [a] = rows(1);
    anchors.set(a!, a!.firstChild!, ['t-a'], false);
    runSteps();
    anchors.set(a!, a!.firstChild!, [], false);
    run();
    expect(total()).toBe(0);
  });

  it('places the first few at once, the rest only when they come into view', () => {
    const { anchors, run, watched, visibility } = setup();
    const list = rows(EAGER_CONTROLS + 50);
    list.forEach((row, i) => anchors.set(row, row.firstChild!, [`token-${i}`], false));
    run();
    expect(total()).toBe(EAGER_CONTROLS);
    expect(watched.size).toBe(list.length);
    const late = list[EAGER_CONTROLS + 10]!;
    expect(controlsIn(late)).toBe(0);
    visibility(late, true);
    run();
    expect(controlsIn(late)).toBe(1);
  });

  it('never holds more than the cap: anchors out of view make room, anchors in view keep theirs', () => {
    const { anchors, run, visibility } = setup();
    // All watched (no more than MAX_WATCHED), and more than twice the cap.
    const list = rows(Math.min(MAX_CONTROLS * 3, MAX_WATCHED));
    expect(list.length).toBeGreaterThan(MAX_CONTROLS * 2);
    list.forEach((row, i) => anchors.set(row, row.firstChild!, [`token-${i}`], false));
    run();
    // The user scrolls through everything; only the last screenful stays in view.
    for (const row of list) {
      visibility(row, true);
      run();
      visibility(row, false);
    }
    const screen = list.slice(-20);
    for (const row of screen) visibility(row, true);
    run();
    expect(total()).toBeLessThanOrEqual(MAX_CONTROLS);
    for (const row of screen) expect(controlsIn(row)).toBe(1);
  });

  it('follows an anchor’s own changes: a token gone takes its control away, a removed anchor loses its control', () => {
    const { anchors, run, watched } = setup();
    const [a, b] = rows(2) as [HTMLElement, HTMLElement];
    anchors.set(a, a.firstChild!, ['t-a'], false);
    anchors.set(b, b.firstChild!, ['t-b'], false);
    run();
    expect(total()).toBe(2);
    anchors.set(a, a.firstChild!, [], false);
    run();
    expect(controlsIn(a)).toBe(0);
    expect(watched.has(a)).toBe(false);
    b.remove();
    anchors.removed(b);
    run();
    expect(watched.has(b)).toBe(false);
    expect(total()).toBe(0);
  });

  it('puts back a control the page took away when it re-rendered the anchor', () => {
    const { anchors, run, created } = setup();
    const [a] = rows(1) as [HTMLElement];
    anchors.set(a, a.firstChild!, ['t-a'], false);
    run();
    const text = a.firstChild!;
    a.replaceChildren(text);
    expect(controlsIn(a)).toBe(0);
    anchors.touched(a);
    run();
    expect(controlsIn(a)).toBe(1);
    expect(created()).toBe(1);
  });

  it('a field gets its control beside it, and one per token at most a few', () => {
    const { anchors, run } = setup();
    document.body.replaceChildren();
    const field = document.createElement('textarea');
    document.body.append(field);
    anchors.set(field, field, Array.from({ length: 30 }, (_, i) => `t${i}`), true);
    run();
    expect(field.nextElementSibling?.getAttribute('data-imch')).toBe('decode');
    expect(total()).toBeLessThan(30);
    expect(total()).toBeGreaterThan(0);
  });

  it('a field given another UserSig swaps its control in one frame: the old one stays until the new one goes in', () => {
    const { anchors, run, runSteps } = setup();
    document.body.replaceChildren();
    const field = document.createElement('textarea');
    document.body.append(field);
    anchors.set(field, field, ['t-old'], true);
    run();
    anchors.set(field, field, ['t-new'], true);
    runSteps();
    expect([...document.querySelectorAll<HTMLElement>('[data-imch=decode]')].map((c) => c.dataset.token)).toEqual(['t-old']);
    run();
    expect([...document.querySelectorAll<HTMLElement>('[data-imch=decode]')].map((c) => c.dataset.token)).toEqual(['t-new']);
  });

  it('past MAX_WATCHED anchors, watches only a window around the viewport, found again when the page scrolls', async () => {
    const { anchors, run, watched, stop } = setup();
    const n = MAX_WATCHED * 20;
    const list = rows(n);
    // Rows 24 px apart, the viewport at `scrolled` px (happy-dom lays nothing out).
    let scrolled = 0;
    const index = new Map(list.map((row, i) => [row, i]));
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const top = (index.get(this) ?? -1) * 24 - scrolled;
      return { top, bottom: top + 24, left: 0, right: 100, width: 100, height: 24, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const rowsWatched = () => [...watched].map((el) => index.get(el as HTMLElement) ?? -1).sort((a, b) => a - b);
    list.forEach((row, i) => anchors.set(row, row.firstChild!, [`token-${i}`], false));
    run();
    await frame();
    expect(watched.size).toBeLessThanOrEqual(MAX_WATCHED);
    expect(rowsWatched()[0]).toBe(0);
    // The user scrolls to row 3,000: the window follows, and never holds the whole list.
    scrolled = 3_000 * 24;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    const now = rowsWatched();
    expect(now.length).toBeLessThanOrEqual(MAX_WATCHED);
    const screen = Math.ceil(window.innerHeight / 24);
    for (let row = 3_000; row < 3_000 + screen; row++) expect(now).toContain(row);
    expect(Math.min(...now)).toBeGreaterThan(2_000);
    stop();
  });

  it('beside a container of thousands of rows, puts the controls over the page, not into the rows, and back into a short list', async () => {
    const { anchors, run } = setup();
    const list = rows(CROWDED_CHILDREN + 1);
    anchors.set(list[5]!, list[5]!.firstChild!, ['token-5'], false);
    run();
    // The layer comes with the console UI bundle: a promise.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const layer = document.documentElement.querySelector(':scope > [data-imch=layer]');
    expect(controlsIn(list[5]!)).toBe(0);
    expect(layer?.querySelectorAll('[data-imch=decode]').length).toBe(1);
    // Hidden until it has been moved beside its row (after the next frame).
    expect((layer!.firstElementChild as HTMLElement).style.display).toBe('none');
    const short = rows(10);
    anchors.set(short[1]!, short[1]!.firstChild!, ['token-1'], false);
    run();
    expect(controlsIn(short[1]!)).toBe(1);
  });
});

