import { browser, type Browser } from 'wxt/browser';
import { PICKER_FRAME_PATH, PICKER_PORT, PICKER_RELAY } from './protocol.ts';

/**
 * Firefox only (background): a picker frame there can reach neither its tab (tabs.getCurrent and
 * tabs.query never answer in an extension frame inside a web page) nor the content script
 * (runtime.connect from either side finds no receiver). So the frame connects here; this joins
 * it to the content scripts of the frame's tab and tells them first which frame it is (the
 * sender's frame id, from the browser), so only the content script that made that very frame
 * answers (frame-host.ts).
 */
export function relayPickerFrames(): void {
  browser.runtime.onConnect.addListener((frame: Browser.runtime.Port) => {
    if (frame.name !== PICKER_RELAY) return;
    const sender = frame.sender;
    const tabId = sender?.tab?.id;
    let path = '';
    try {
      path = new URL(sender?.url ?? '').pathname;
    } catch {}
    if (sender?.id !== browser.runtime.id || tabId === undefined || sender.frameId === undefined || path !== PICKER_FRAME_PATH) {
      frame.disconnect();
      return;
    }
    const page = browser.tabs.connect(tabId, { name: PICKER_PORT });
    page.postMessage({ type: 'relay', frameId: sender.frameId });
    frame.onMessage.addListener((message: unknown) => page.postMessage(message));
    page.onMessage.addListener((message: unknown) => frame.postMessage(message));
    frame.onDisconnect.addListener(() => page.disconnect());
    page.onDisconnect.addListener(() => frame.disconnect());
  });
}
