import type { Area } from './shown-area.ts';

/** Space kept between the control and the edge of its room, and the least room worth opening into. */
const PANEL_GAP = 8;
const PANEL_MIN_ROOM = 320;
/** The panel's width (panel.css) with its margin: what it needs right of the control. */
const PANEL_SPAN = 440;

export interface PanelSide {
  /** panel.css classes: `align-right` opens leftwards, `align-up` above the control. */
  className: string;
  right: boolean;
  /** Height the panel may take (px) on the side it opens to (panel.css reads it as --room). */
  room: number;
}

/**
 * Which way a panel opens from a control at `box` (the control's client rect): towards the side
 * with room, upwards near the bottom when there is more room above, never past the window nor past
 * `shown` (the part of the window its scrolling ancestors show: a panel inside them is clipped there).
 */
export function panelSide(box: DOMRect, view: { innerWidth: number; innerHeight: number }, shown?: Area): PanelSide {
  const right = box.left + PANEL_SPAN > view.innerWidth;
  const below = Math.min(view.innerHeight, shown?.bottom ?? Infinity) - box.bottom - PANEL_GAP;
  const above = box.top - Math.max(0, shown?.top ?? 0) - PANEL_GAP;
  const up = below < PANEL_MIN_ROOM && above > below;
  return { className: [right && 'align-right', up && 'align-up'].filter(Boolean).join(' '), right, room: Math.max(0, up ? above : below) };
}
