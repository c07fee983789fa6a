import { decodeUserSig } from '../../../../lib/usersig/decode.ts';
import { assessWithoutKey } from '../../../../lib/usersig/assess.ts';
import type { DecodeResult } from '../../../../lib/usersig/types.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import { formatExpiry } from '../../../../components/format.ts';
import { addPanelStyles } from '../../ui/host.ts';
import { createTrigger, dismissOnOutside } from '../../ui/trigger.ts';
import { panelSide } from '../../ui/panel-side.ts';
import { shownArea } from '../../ui/shown-area.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';
import { DECODE_MESSAGES } from './messages.ts';

export interface Control {
  host: HTMLElement;
  remove(): void;
}

/** The control's title: who, which app, expiry, and the first problem's server code. */
function summaryOf(result: DecodeResult, lang: Lang, now: number): { text: string; bad: boolean } {
  const assessment = assessWithoutKey(result, { now });
  const first = assessment.problems[0];
  if (!result.ok) return { text: `${result.problem.serverCode ?? ''} ${result.problem.code}`.trim(), bad: true };
  const head = `${result.token.identifier} · ${result.token.sdkAppId} · ${formatExpiry(result.token.expiresAt, now, lang)}`;
  return { text: first ? `${head} · ${first.serverCode ?? first.code}` : head, bad: assessment.verdict === 'problem' || assessment.verdict === 'expired' };
}

/** One "Decode" button in its own closed shadow root; the decoded view opens under it on click. */
export function createControl(token: string, lang: Lang, doc: Document): Control {
  const m = DECODE_MESSAGES[lang];
  const { host, root, button: trigger, mount } = createTrigger('decode', m.decode, m.decodeTitle(''));

  let decoded: DecodeResult | undefined;
  const decoding = decodeUserSig(token).then((result) => {
    decoded = result;
    const { text, bad } = summaryOf(result, lang, Math.floor(Date.now() / 1000));
    trigger.title = m.decodeTitle(text);
    trigger.setAttribute('aria-label', m.decodeTitle(text));
    trigger.classList.toggle('bad', bad);
    host.dataset.verdict = bad ? 'problem' : 'ok';
    return result;
  });

  let open = false;
  let unmount = () => {};
  let stopDismiss = () => {};
  const close = () => {
    open = false;
    unmount();
    stopDismiss();
    host.removeAttribute('data-open');
    trigger.setAttribute('aria-expanded', 'false');
  };
  trigger.addEventListener('click', async (event) => {
    // Only a real user's click: the page cannot drive our UI with synthetic events.
    if (!event.isTrusted) return;
    if (open) return close();
    open = true;
    const [result, ui] = await Promise.all([decoded ?? decoding, loadConsoleUi()]);
    if (!open) return;
    addPanelStyles(root, ui.styles);
    // Open towards the side with room, upwards near the window's bottom: one layout read, on a click.
    // The panel is drawn inside the page's scrolling boxes (a table body, the content area): it
    // opens into the room they show.
    const side = panelSide(host.getBoundingClientRect(), doc.defaultView ?? { innerWidth: 0, innerHeight: 0 }, shownArea(host, new Map()));
    mount.className = side.className;
    mount.style.setProperty('--room', `${side.room}px`);
    ui.decodePanel(mount, { token, decoded: result, lang, onClose: close });
    unmount = () => ui.unmount(mount);
    // Says only that a panel is open (no content), for tests and the page's own layout.
    host.setAttribute('data-open', '');
    trigger.setAttribute('aria-expanded', 'true');
    stopDismiss = dismissOnOutside(doc, host, close, trigger);
  });

  return {
    host,
    remove() {
      if (open) close();
      host.remove();
    },
  };
}
