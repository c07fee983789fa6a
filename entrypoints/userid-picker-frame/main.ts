import { browser, type Browser } from 'wxt/browser';
import themeCss from '../../components/theme.css?inline';
import { PICKER_PORT, type FromFrame } from './protocol.ts';
import { parseToFrame } from './to-frame.ts';
import { PICKER_CSS, showPickerPanel } from './panel.ts';

/**
 * The saved-UserID picker, as an extension page in a frame the content script puts inside its
 * closed shadow root: the console page cannot select, search (`window.find`) or hear the keys of
 * anything here, and the lists never enter the content script. It works only for the content
 * script of the tab it is in: it connects to it, and that script answers only on the port whose
 * frame is the one it created (runtime.getFrameId), and only once per opening.
 *
 * Firefox (MV2): the same design. The frame's moz-extension URL is set on an element in the closed
 * root only, never in page-readable DOM; the page may see a frame in `window.frames` but cannot
 * read its location or contents (another origin), and messages it posts there are ignored: this
 * page listens to its port only, never to `postMessage`.
 */

function send(port: Browser.runtime.Port, message: FromFrame): void {
  port.postMessage(message);
}

async function start(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${PICKER_CSS}`;
  document.head.append(style);
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return;
  const port = browser.tabs.connect(tab.id, { name: PICKER_PORT });
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

void start();
