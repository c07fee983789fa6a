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
  const attach = (next: Browser.runtime.Port) => {
    port = next;
    next.onMessage.addListener(onMessage);
    // The frame went away (or was navigated by someone else): so does the picker.
    next.onDisconnect.addListener(() => {
      if (!closed && port === next) options.onClose(false);
    });
    next.postMessage({ type: 'init', lang: options.lang, sdkAppId: options.sdkAppId ?? null, value: openedValue } satisfies ToFrame);
    frame.focus();
  };
  const onConnect = (next: Browser.runtime.Port) => {
    if (next.name !== PICKER_PORT || port || closed) return;
    const sender = next.sender;
    if (sender?.id !== browser.runtime.id) return;
    if (import.meta.env.FIREFOX) {
      // Through the background (relay.ts), whose first message names the frame: it must be ours.
      const first = (raw: unknown) => {
        next.onMessage.removeListener(first);
        const message = parseFromFrame(raw);
        // Another frame's port (another picker of this page opening at once) is left to its owner.
        if (message?.type !== 'relay' || message.frameId !== frameIdOf(frame) || port || closed) return;
        browser.runtime.onConnect.removeListener(onConnect);
        attach(next);
      };
      next.onMessage.addListener(first);
      return;
    }
    // Chrome gives extension pages neither a tab nor a frame id: the frame's per-session URL keeps
    // any other page from making it, and the port is taken once, while this opening waits.
    if (!sender.url || new URL(sender.url).pathname !== PICKER_FRAME_PATH) return;
    browser.runtime.onConnect.removeListener(onConnect);
    attach(next);
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
