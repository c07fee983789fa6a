// @vitest-environment happy-dom
// ui/visible.ts, the clickjacking check of every trigger: a click acts only when it is the user's,
// on a host drawn at its own size, opaque, visible, and the element at the click point. happy-dom
// lays nothing out, so the boxes and the hit test are given here; the styles are real.
import { afterEach, describe, expect, it } from 'vitest';
import { guardClicks, userCanSee } from '../../../entrypoints/console.content/ui/visible.ts';

const BOX = { left: 10, top: 10, right: 50, bottom: 30, width: 40, height: 20, x: 10, y: 10 };

function setup(drawn: Partial<typeof BOX> = {}) {
  const wrap = document.createElement('div');
  const host = document.createElement('span');
  wrap.append(host);
  document.body.append(wrap);
  const rect = { ...BOX, ...drawn };
  host.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect }) as DOMRect;
  Object.defineProperty(host, 'offsetWidth', { value: 40 });
  Object.defineProperty(host, 'offsetHeight', { value: 20 });
  let atPoint: Element | null = host;
  document.elementFromPoint = () => atPoint;
  return { wrap, host, coverWith: (el: Element | null) => (atPoint = el) };
}

/** A click as the browser makes it: `isTrusted` true (happy-dom's events are untrusted). */
function userClick(x = 20, y = 20, detail = 1): MouseEvent {
  const event = new MouseEvent('click', { clientX: x, clientY: y, detail, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

afterEach(() => document.body.replaceChildren());

describe('userCanSee', () => {
  it('takes a user click on an opaque host drawn at its size, at the click point', () => {
    const { host } = setup();
    expect(userCanSee(host, userClick())).toBe(true);
    // A click made with the keyboard has no point: the centre is judged.
    expect(userCanSee(host, userClick(0, 0, 0))).toBe(true);
  });

  it('refuses a synthetic click', () => {
    const { host } = setup();
    expect(userCanSee(host, new MouseEvent('click', { clientX: 20, clientY: 20 }))).toBe(false);
  });

  it('refuses a transparent host or ancestor, and a filter that fades it', () => {
    const { wrap, host } = setup();
    host.style.opacity = '0.001';
    expect(userCanSee(host, userClick())).toBe(false);
    host.style.opacity = '';
    wrap.style.opacity = '0.5';
    expect(userCanSee(host, userClick())).toBe(false);
    wrap.style.opacity = '';
    wrap.style.filter = 'opacity(0.1)';
    expect(userCanSee(host, userClick())).toBe(false);
  });

  it('refuses a hidden host', () => {
    const { host } = setup();
    host.style.visibility = 'hidden';
    expect(userCanSee(host, userClick())).toBe(false);
  });

  it('refuses a host drawn larger or smaller than laid out (scaled)', () => {
    expect(userCanSee(setup({ width: 240, height: 120 }).host, userClick())).toBe(false);
    expect(userCanSee(setup({ width: 4, height: 2 }).host, userClick())).toBe(false);
  });

  it('refuses when something else is at the click point', () => {
    const { host, coverWith } = setup();
    coverWith(document.body);
    expect(userCanSee(host, userClick())).toBe(false);
  });
});

describe('guardClicks', () => {
  it("stops a refused click before the feature's own listener; lets a seen one through", () => {
    const { host } = setup();
    const button = document.createElement('button');
    host.append(button);
    guardClicks(host, button);
    let opened = 0;
    button.addEventListener('click', () => opened++);
    button.dispatchEvent(new MouseEvent('click', { clientX: 20, clientY: 20, bubbles: true }));
    expect(opened).toBe(0);
    button.dispatchEvent(userClick());
    expect(opened).toBe(1);
  });
});
