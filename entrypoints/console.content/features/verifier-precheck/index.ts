import { locateUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import { controlValue } from '../../../lib/console/dom.ts';
import { decodeUserSig } from '../../../lib/usersig/decode.ts';
import { checkClaims } from '../../../lib/usersig/verify.ts';
import type { DecodeResult } from '../../../lib/usersig/types.ts';
import type { ConsoleFeature } from '../feature.ts';
import { addPanelStyles, createHost } from '../ui/host.ts';
import { loadConsoleUi } from '../ui/lazy-ui.ts';
import type { ConsoleUi } from '../ui/console-ui.tsx';
import type { Precheck } from '../ui/PrecheckView.tsx';


/** Everything the server would refuse that needs no key: malformed, SDKAppID, UserID, expiry. */
export async function precheck(userSig: string, userId: string, sdkAppId: number | undefined): Promise<Precheck> {
  if (userSig.trim() === '') return { empty: true, checks: [], problems: [] };
  const decoded: DecodeResult = await decodeUserSig(userSig);
  if (!decoded.ok) return { empty: false, checks: [], problems: [decoded.problem] };
  const claims = checkClaims(decoded.token, { sdkAppId, userId: userId.trim() || undefined });
  return { empty: false, ...claims };
}

export const verifierPrecheck: ConsoleFeature = {
  id: 'verifier-precheck',
  tools: ['usersig-verifier'],
  init({ signal, lang, tools, document, url }) {
    const tool = tools[0];
    if (!tool) return;
    const { host, root } = createHost('precheck');
    host.style.display = 'block';
    const mount = document.createElement('div');
    root.append(mount);
    // The panel (and the UI bundle behind it) appears once there is a UserSig to check.
    let ui: ConsoleUi | undefined;

    let run = 0;
    const update = async () => {
      if (signal.aborted) return;
      // Re-locate every time: the console's framework replaces its inputs on re-render.
      const fields = locateUserSigVerifier(tool.root);
      if (!fields.userSigInput) return;
      const userSig = controlValue(fields.userSigInput);
      if (!ui && userSig === '') return;
      const mine = ++run;
      const result = await precheck(userSig, fields.userIdInput?.value ?? '', readSdkAppId(document, url));
      if (!ui) {
        ui = await loadConsoleUi();
        addPanelStyles(root, ui.styles);
      }
      if (mine !== run || signal.aborted) return;
      if (fields.userSigInput.nextSibling !== host) fields.userSigInput.after(host);
      ui.precheck(mount, { result, lang });
    };

    tool.root.addEventListener('input', update, { capture: true, signal });
    tool.root.addEventListener('change', update, { capture: true, signal });
    const poll = setInterval(update, 1000);
    void update();
    signal.addEventListener('abort', () => {
      clearInterval(poll);
      ui?.unmount(mount);
      host.remove();
    });
  },
};
