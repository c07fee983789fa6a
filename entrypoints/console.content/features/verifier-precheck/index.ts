import { locateUserSigVerifier } from '../../../../lib/console/usersig-verifier.ts';
import { readSdkAppId } from '../../../../lib/console/sdkappid.ts';
import { controlValue } from '../../../../lib/console/dom.ts';
import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { addPanelStyles, createHost } from '../../ui/host.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';
import type { ConsoleUi } from '../../ui/console-ui.tsx';
import { precheck } from './precheck.ts';
import { reportOnce } from '../../manager.ts';

/**
 * A local pre-check under the UserSig verifier's field: what the server would refuse without a
 * key (malformed, truncated, another SDKAppID or UserID, expired), with the code it would give.
 */
function init({ signal, lang, tools, document, url, onPageChange }: FeatureContext) {
  const tool = tools[0];
  if (!tool) return;
  const { host, root } = createHost('precheck');
  host.style.display = 'block';
  const mount = document.createElement('div');
  root.append(mount);
  // The panel (and the UI bundle behind it) appears once there is a UserSig to check.
  let ui: ConsoleUi | undefined;
  let shown = '';
  let run = 0;

  // A console re-rendering the card in the middle of an update can make one fail: the next frame
  // tries again from scratch; only a second failure in a row is reported.
  let failures = 0;
  const failed = (error: unknown) => {
    if (signal.aborted) return;
    shown = '';
    if (++failures > 1) reportOnce('verifier-precheck', error);
    else soon();
  };
  const update = async () => {
    if (signal.aborted) return;
    // Re-locate every time: the console's framework replaces its inputs on re-render.
    const fields = locateUserSigVerifier(tool.root);
    if (!fields.userSigInput) return;
    const userSigInput = fields.userSigInput;
    const place = () => {
      if (userSigInput.isConnected && userSigInput.nextSibling !== host) userSigInput.after(host);
    };
    const userSig = controlValue(userSigInput);
    if (!ui && userSig === '') return;
    // Shown already: only follow the field if the console replaced it.
    if (ui) place();
    const userId = fields.userIdInput?.value ?? '';
    const sdkAppId = readSdkAppId(document, document.location?.href ?? url, tool.root);
    // The same inputs give the same result: nothing to redo.
    const inputs = JSON.stringify([userSig, userId, sdkAppId]);
    if (inputs === shown) return;
    shown = inputs;
    const mine = ++run;
    const result = await precheck(userSig, userId, sdkAppId);
    if (!ui) {
      ui = await loadConsoleUi();
      addPanelStyles(root, ui.styles);
    }
    if (mine !== run || signal.aborted) return;
    place();
    ui.precheck(mount, { result, lang });
    failures = 0;
  };

  // Typing, and values set from code: any change of the page (the section re-rendering, the app
  // switcher showing another app) re-reads the two fields and the SDKAppID, at most once a frame.
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update().catch(failed);
    });
  };
  tool.root.addEventListener('input', soon, { capture: true, signal });
  tool.root.addEventListener('change', soon, { capture: true, signal });
  onPageChange(soon);
  update().catch(failed);
  signal.addEventListener('abort', () => {
    ui?.unmount(mount);
    host.remove();
  });
}

export const verifierPrecheck: ConsoleFeature = {
  id: 'verifier-precheck',
  tools: ['usersig-verifier'],
  init,
  pages: ['https://console.cloud.tencent.com/im/tool-usersig', 'https://console.tencentcloud.com/im/tool-usersig'],
};
