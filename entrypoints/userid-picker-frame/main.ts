import { browser, type Browser } from 'wxt/browser';
import themeCss from '../../components/theme.css?inline';
import { PICKER_PORT, type FromFrame } from './protocol.ts';
import { parseToFrame } from './to-frame.ts';
import { PICKER_CSS, showPickerPanel } from './panel.ts';

/**
 * The saved-UserID picker, as an extension page in a frame the content script puts inside its
 * closed shadow root: the console page cannot select, search (`window.find`) or hear the keys of
 * anything here, and the lists never enter the content script. It works only for the content
 * script that made it (the port is bound to this frame's id, see below), and never listens to
 * `postMessage`.
 *
 * Chrome connects to its tab's content scripts, and the one that made this frame answers (it
 * checks the sender's frame id). Firefox (MV2): `tabs.getCurrent` is empty in a frame, so the
 * content script connects, naming this frame's id (unique across tabs there). The
 * frame's moz-extension URL is set on an element in the closed root only: no resource timing
 * entry, no page-readable markup names it (tests/e2e/hostile-picker.spec.ts and its Firefox
 * check look), and `window.frames` gives the page a window of another origin it cannot read.
 */

const runtime = browser.runtime as unknown as { getFrameId?: (target: unknown) => number };

function send(port: Browser.runtime.Port, message: FromFrame): void {
  port.postMessage(message);
}

/** Chrome: connect to this tab's content scripts; the one that made this frame answers. */
async function connect(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return;
  serve(browser.tabs.connect(tab.id, { name: PICKER_PORT }));
}

/** Firefox: answer the one port named with this frame's id, from our own content script. */
function listen(): void {
  const ownFrameId = typeof runtime.getFrameId === 'function' ? runtime.getFrameId(window) : -1;
  let accepted = false;
  browser.runtime.onConnect.addListener((port) => {
    if (accepted || ownFrameId < 0 || port.name !== `${PICKER_PORT}:${ownFrameId}`) return;
    if (port.sender?.id !== browser.runtime.id || port.sender.tab?.id === undefined) return;
    accepted = true;
    serve(port);
  });
}

function serve(port: Browser.runtime.Port): void {
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${PICKER_CSS}`;
  document.head.append(style);
  const mount = document.getElementById('app')!;
  let confirming: ((same: boolean) => void) | undefined;
  port.onMessage.addListener((raw: unknown) => {
    const message = parseToFrame(raw);
    if (!message) return;
    if (message.type === 'confirmed') {
      confirming?.(message.same);
      confirming = undefined;
      return;
    }
    const panel = showPickerPanel(mount, {
      lang: message.lang,
      sdkAppId: message.sdkAppId ?? undefined,
      value: message.value,
      confirmSame: (value) =>
        new Promise<boolean>((resolve) => {
          confirming?.(false);
          confirming = resolve;
          send(port, { type: 'confirm', value });
        }),
      onChoose: (userId) => send(port, { type: 'choose', userId }),
      onClose: (refocus) => send(port, { type: 'close', refocus }),
    });
    document.documentElement.lang = message.lang === 'zh' ? 'zh-CN' : 'en';
    new ResizeObserver(() => send(port, { type: 'size', height: Math.ceil(panel.getBoundingClientRect().height) })).observe(panel);
  });
  port.onDisconnect.addListener(() => mount.replaceChildren());
}

if (import.meta.env.FIREFOX) listen();
else void connect();
