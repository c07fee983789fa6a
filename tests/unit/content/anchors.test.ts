// @vitest-environment happy-dom
// The decode controls' bounds: the first few placed at once, the rest only in view; never more
// than the cap (anchors out of view make room); a control follows its anchor's own changes only.
import { describe, expect, it } from 'vitest';
import { createAnchors, EAGER_CONTROLS, MAX_CONTROLS } from '../../../entrypoints/console.content/features/decode-buttons/anchors.ts';

function setup() {
  const steps: (() => boolean)[] = [];
  const watched = new Set<Element>();
  let created = 0;
  const anchors = createAnchors({
    createControl: (token) => {
      created++;
      const host = document.createElement('span');
      host.setAttribute('data-imch', 'decode');
      host.dataset.token = token;
      return { host, remove: () => host.remove() };
    },
    soon: (step) => steps.push(step),
    watch: (el) => watched.add(el),
    unwatch: (el) => watched.delete(el),
  });
  const run = () => {
    while (steps.length > 0) {
      const step = steps[0]!;
      if (!step()) steps.shift();
    }
  };
  return { anchors, run, watched, created: () => created };
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

describe('decode control anchors', () => {
  it('places the first few at once, the rest only when they come into view', () => {
    const { anchors, run, watched } = setup();
    const list = rows(EAGER_CONTROLS + 50);
    list.forEach((row, i) => anchors.set(row, row.firstChild!, [`token-${i}`], false));
    run();
    expect(total()).toBe(EAGER_CONTROLS);
    expect(watched.size).toBe(list.length);
    const late = list[EAGER_CONTROLS + 10]!;
    expect(controlsIn(late)).toBe(0);
    anchors.visibility(late, true);
    run();
    expect(controlsIn(late)).toBe(1);
  });

  it('never holds more than the cap: anchors out of view make room, anchors in view keep theirs', () => {
    const { anchors, run } = setup();
    const list = rows(MAX_CONTROLS * 3);
    list.forEach((row, i) => anchors.set(row, row.firstChild!, [`token-${i}`], false));
    run();
    // The user scrolls through everything; only the last screenful stays in view.
    for (const row of list) {
      anchors.visibility(row, true);
      run();
      anchors.visibility(row, false);
    }
    const screen = list.slice(-20);
    for (const row of screen) anchors.visibility(row, true);
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
});
