import { browser, type Browser } from 'wxt/browser';
import type { Lang } from '../../../../lib/i18n.ts';
import { parseFromFrame, PICKER_FRAME_PATH, PICKER_PORT, type ToFrame } from '../../../userid-picker-frame/protocol.ts';

/**
 * The content script's end of the saved-UserID picker frame (entrypoints/userid-picker-frame): it
 * creates the frame in the chip's closed shadow root and answers it over one port. The frame
 * connects to its tab's content scripts (in Firefox through the background, which names the
 * frame: only the one this opening created is answered, by `runtime.getFrameId`); this answers
 * one port, once, while this opening waits for it. The page can neither connect (no runtime
 * API) nor learn anything from the URL, which holds no data or nonce and is set on an element in
 * the closed root only (per-session in Chrome). If the frame goes away or is navigated elsewhere,
 * the port closes and so does the picker. Comes with the console UI bundle, loaded on first open.
 */

export interface PickerFrameOptions {
  mount: Element;
  lang: Lang;
  sdkAppId: number | undefined;
  /** The field served (the console may replace it while the picker is open). */
  field: () => HTMLInputElement;
  /** Frame width; which side it opens towards. */
  width: number;
  side: 'left' | 'right';
  title: string;
  onChoose: (userId: string) => void;
  onClose: (refocus: boolean) => void;
}

function frameIdOf(iframe: HTMLIFrameElement): number {
  const runtime = browser.runtime as unknown as { getFrameId?: (target: unknown) => number };
  try {
    return typeof runtime.getFrameId === 'function' ? runtime.getFrameId(iframe) : -1;
  } catch {
    return -1;
  }
}

interface LiveFrame {
  show(options: PickerFrameOptions): void;
  hide(): void;
  destroy(): void;
  dead: boolean;
}

/** One frame per chip, kept (hidden) between openings: a reopening costs no new page load. */
const frames = new WeakMap<Element, LiveFrame>();

/**
 * Chrome hands a port to every onConnect listener of this content script: two frames waiting at
 * once (two chips opened quickly) would both take the first one. So one frame at a time loads and
 * waits for its port; the next starts once it has its port, or is gone.
 */
const queued: Array<() => void> = [];
let waiting = false;
function whenNoneWaiting(start: () => void): () => void {
  let done = false;
  const release = () => {
    if (done) return;
    done = true;
    const at = queued.indexOf(run);
    if (at >= 0) return void queued.splice(at, 1);
    waiting = false;
    queued.shift()?.();
  };
  const run = () => {
    waiting = true;
    start();
  };
  if (waiting) queued.push(run);
  else run();
  return release;
}

/**
 * Opens the picker frame in `mount`; returns what closes it: hidden and kept for the next opening,
 * or, with `destroy`, removed with its port (the chip leaves the page).
 */
export function openPickerFrame(options: PickerFrameOptions): (destroy?: boolean) => void {
  let live = frames.get(options.mount);
  if (!live || live.dead) {
    live = createFrame(options.mount);
    frames.set(options.mount, live);
  }
  live.show(options);
  const it = live;
  return (destroy = false) => (destroy ? it.destroy() : it.hide());
}

function createFrame(mount: Element): LiveFrame {
  const frame = document.createElement('iframe');
  let port: Browser.runtime.Port | undefined;
  /** The opening being served; undefined while hidden (messages then change nothing). */
  let current: PickerFrameOptions | undefined;
  /** The one value the save form may save: the field's when this opening began. */
  let openedValue = '';
  /** A frame shown again from hidden takes focus once it has laid out its panel (its first size). */
  let focusOnSize = false;
  /** The panel's last height, so a reopening starts at it. */
  let height = '160px';

  const init = () => {
    if (!port || !current) return;
    port.postMessage({ type: 'init', lang: current.lang, sdkAppId: current.sdkAppId ?? null, value: openedValue } satisfies ToFrame);
    frame.focus();
  };
  const onMessage = (raw: unknown) => {
    const message = parseFromFrame(raw);
    const options = current;
    if (!message || !options) return;
    if (message.type === 'size') {
      height = `${Math.ceil(message.height) + 2}px`;
      frame.style.height = height;
      if (focusOnSize && message.height > 0) {
        focusOnSize = false;
        frame.focus();
      }
    }
    else if (message.type === 'close') options.onClose(message.refocus);
    else if (message.type === 'confirm') {
      const input = options.field();
      const same = message.value === openedValue && input.isConnected && input.value === openedValue;
      port?.postMessage({ type: 'confirmed', same } satisfies ToFrame);
    } else if (message.type === 'choose') options.onChoose(message.userId);
  };
  const attach = (next: Browser.runtime.Port) => {
    port = next;
    served();
    next.onMessage.addListener(onMessage);
    // The frame went away (or was navigated by someone else): so does the picker, and the next
    // opening makes a new frame.
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      live.dead = true;
      const options = current;
      current = undefined;
      frame.remove();
      options?.onClose(false);
    });
    init();
  };
  const onConnect = (next: Browser.runtime.Port) => {
    if (next.name !== PICKER_PORT || port || live.dead) return;
    const sender = next.sender;
    if (sender?.id !== browser.runtime.id) return;
    if (import.meta.env.FIREFOX) {
      // Through the background (relay.ts), whose first message names the frame: it must be ours.
      const first = (raw: unknown) => {
        next.onMessage.removeListener(first);
        const message = parseFromFrame(raw);
        // Another frame's port (another picker of this page opening at once) is left to its owner.
        if (message?.type !== 'relay' || message.frameId !== frameIdOf(frame) || port || live.dead) return;
        browser.runtime.onConnect.removeListener(onConnect);
        attach(next);
      };
      next.onMessage.addListener(first);
      return;
    }
    // Chrome gives extension pages neither a tab nor a frame id: the frame's per-session URL keeps
    // any other page from making it, and the port is taken once, while this frame waits for it.
    if (!sender.url || new URL(sender.url).pathname !== PICKER_FRAME_PATH) return;
    browser.runtime.onConnect.removeListener(onConnect);
    attach(next);
  };
  const served = whenNoneWaiting(() => {
    browser.runtime.onConnect.addListener(onConnect);
    frame.src = (browser.runtime.getURL as (path: string) => string)(PICKER_FRAME_PATH);
  });

  const live: LiveFrame = {
    dead: false,
    show(options) {
      current = options;
      openedValue = options.field().value;
      frame.title = options.title;
      frame.style.cssText = `all: initial; display: block; position: absolute; z-index: 2147483000; top: calc(100% + 4px); ${options.side}: 0; width: ${options.width}px; max-width: 90vw; height: ${height}; border: 0; border-radius: 8px; background: #ffffff; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);`;
      if (frame.parentNode !== mount) mount.replaceChildren(frame);
      frame.removeAttribute('tabindex');
      focusOnSize = true;
      init();
    },
    hide() {
      current = undefined;
      // Kept rendered, but empty, out of sight and out of reach (display: none would make Chrome
      // refuse it focus when it is shown again).
      frame.style.cssText = 'all: initial; display: block; position: absolute; width: 0; height: 0; border: 0; opacity: 0; pointer-events: none;';
      frame.tabIndex = -1;
      port?.postMessage({ type: 'hide' } satisfies ToFrame);
    },
    destroy() {
      live.dead = true;
      current = undefined;
      served();
      browser.runtime.onConnect.removeListener(onConnect);
      port?.disconnect();
      frame.remove();
    },
  };
  return live;
}
