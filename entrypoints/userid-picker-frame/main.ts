import { browser, type Browser } from 'wxt/browser';
import themeCss from '../../components/theme.css?inline';
import { PICKER_PORT, PICKER_RELAY, type FromFrame } from './protocol.ts';
import { parseToFrame } from './to-frame.ts';
import { hidePickerPanel, PICKER_CSS, showPickerPanel } from './panel.ts';

/**
 * The saved-UserID picker, as an extension page in a frame the content script puts inside its
 * closed shadow root: the console page cannot select, search (`window.find`) or hear the keys of
 * anything here, and the lists never enter the content script. It works only for the content
 * script that made it (see frame-host.ts for how the port is bound), and never listens to
 * `postMessage`.
 *
 * Firefox (MV2): the same design, joined through the background (relay.ts). The
 * frame's moz-extension URL is set on an element in the closed root only: no resource timing
 * entry, no page-readable markup names it (tests/e2e/hostile-picker.spec.ts and its Firefox
 * check look), and `window.frames` gives the page a window of another origin it cannot read.
 */

function send(port: Browser.runtime.Port, message: FromFrame): void {
  port.postMessage(message);
}

/**
 * Connects to this tab's content scripts; the one that made this frame answers. In Firefox a frame
 * can reach neither its tab nor the content script, so the background joins them (relay.ts).
 */
async function connect(): Promise<void> {
  if (import.meta.env.FIREFOX) return serve(browser.runtime.connect({ name: PICKER_RELAY }));
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return;
  serve(browser.tabs.connect(tab.id, { name: PICKER_PORT }));
}

function serve(port: Browser.runtime.Port): void {
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${PICKER_CSS}`;
  document.head.append(style);
  const mount = document.getElementById('app')!;
  let confirming: ((same: boolean) => void) | undefined;
  // The frame is kept between openings: each opening sends `init` again and gets a fresh panel.
  let sizes: ResizeObserver | undefined;
  port.onMessage.addListener((raw: unknown) => {
    const message = parseToFrame(raw);
    if (!message) return;
    if (message.type === 'hide') {
      sizes?.disconnect();
      confirming?.(false);
      confirming = undefined;
      hidePickerPanel(mount);
      mount.replaceChildren();
      return;
    }
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
    sizes?.disconnect();
    sizes = new ResizeObserver(() => send(port, { type: 'size', height: Math.ceil(panel.getBoundingClientRect().height) }));
    sizes.observe(panel);
  });
  port.onDisconnect.addListener(() => mount.replaceChildren());
}

void connect();
