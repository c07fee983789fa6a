import { describe, expect, it } from 'vitest';
import { panelSide } from '../../../entrypoints/console.content/ui/panel-side.ts';

const view = { innerWidth: 1280, innerHeight: 720 };
const box = (left: number, top: number, width = 60, height = 20) => ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

describe('which way a control’s panel opens', () => {
  it('downwards and rightwards with room, into the room below', () => {
    expect(panelSide(box(100, 100), view)).toEqual({ className: '', right: false, room: 720 - 120 - 8 });
  });

  it('leftwards near the window’s right edge', () => {
    expect(panelSide(box(1000, 100), view)).toMatchObject({ className: 'align-right', right: true });
  });

  it('upwards near the window’s bottom, into the room above, never past the window', () => {
    expect(panelSide(box(100, 650), view)).toEqual({ className: 'align-up', right: false, room: 650 - 8 });
    expect(panelSide(box(1000, 650), view).className).toBe('align-right align-up');
  });

  it('stays below when the room above is no larger (a short window)', () => {
    const low = { innerWidth: 1280, innerHeight: 300 };
    expect(panelSide(box(100, 100), low)).toEqual({ className: '', right: false, room: 300 - 120 - 8 });
  });
});

describe('inside a scrolling box of the page (the content area, a table body)', () => {
  const shown = { top: 50, bottom: 600, left: 200, right: 1280 };

  it('opens upwards only into the room the box shows above the control', () => {
    expect(panelSide(box(300, 500), view, shown)).toEqual({ className: 'align-up', right: false, room: 500 - 50 - 8 });
  });

  it('stays below when the box shows more room there', () => {
    expect(panelSide(box(300, 200), view, shown)).toEqual({ className: '', right: false, room: 600 - 220 - 8 });
  });
});
