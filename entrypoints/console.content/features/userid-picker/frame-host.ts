import { browser, type Browser } from 'wxt/browser';
import type { Lang } from '../../../../lib/i18n.ts';
import { parseFromFrame, PICKER_FRAME_PATH, PICKER_PORT, type ToFrame } from '../../../userid-picker-frame/protocol.ts';

/**
 * The content script's end of the saved-UserID picker frame (entrypoints/userid-picker-frame): it
 * creates the frame in the chip's closed shadow root and answers it over one port. Comes with
 * the console UI bundle, loaded on first open.
 *
 * The frame connects to this tab's content scripts; only the frame this opening created, from our
 * own extension, is answered, and only once: `runtime.getFrameId` binds the port to that very
 * frame, so a frame the page made, or ours navigated elsewhere, gets nothing. No nonce or data
 * travels in the frame's URL, which is set on an element in the closed root only.
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

/** Opens the picker frame in `mount`; returns what closes it. */
export function openPickerFrame(options: PickerFrameOptions): () => void {
  const { mount, field } = options;
  // The one value the save form may save: the field's when the picker opened.
  const openedValue = field().value;
  const frame = document.createElement('iframe');
  frame.title = options.title;
  frame.style.cssText = `all: initial; display: block; position: absolute; z-index: 2147483000; top: calc(100% + 4px); ${options.side}: 0; width: ${options.width}px; max-width: 90vw; height: 160px; border: 0; border-radius: 8px; background: #ffffff; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);`;
  frame.src = (browser.runtime.getURL as (path: string) => string)(PICKER_FRAME_PATH);
  let port: Browser.runtime.Port | undefined;
  let closed = false;

  const onMessage = (raw: unknown) => {
    const message = parseFromFrame(raw);
    if (!message || closed) return;
    if (message.type === 'size') frame.style.height = `${Math.ceil(message.height) + 2}px`;
    else if (message.type === 'close') options.onClose(message.refocus);
    else if (message.type === 'confirm') {
      const input = field();
      const same = message.value === openedValue && input.isConnected && input.value === openedValue;
      port?.postMessage({ type: 'confirmed', same } satisfies ToFrame);
    } else if (message.type === 'choose') options.onChoose(message.userId);
  };
  const onConnect = (next: Browser.runtime.Port) => {
    if (next.name !== PICKER_PORT || port || closed) return;
    const sender = next.sender;
    const expected = frameIdOf(frame);
    if (sender?.id !== browser.runtime.id || (expected >= 0 && sender.frameId !== expected)) return;
    port = next;
    browser.runtime.onConnect.removeListener(onConnect);
    port.onMessage.addListener(onMessage);
    // The frame went away (or was navigated by someone else): so does the picker.
    port.onDisconnect.addListener(() => {
      if (!closed) options.onClose(false);
    });
    port.postMessage({ type: 'init', lang: options.lang, sdkAppId: options.sdkAppId ?? null, value: openedValue } satisfies ToFrame);
    frame.focus();
  };
  browser.runtime.onConnect.addListener(onConnect);
  mount.replaceChildren(frame);

  return () => {
    if (closed) return;
    closed = true;
    browser.runtime.onConnect.removeListener(onConnect);
    port?.disconnect();
    frame.remove();
  };
}
