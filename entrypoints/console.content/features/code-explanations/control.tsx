import type { Lang } from '../../../../lib/i18n.ts';
import { findUserSigs } from '../../../../lib/usersig/find.ts';
import { render } from 'preact';
import { addPanelStyles } from '../../ui/host.ts';
import { createTrigger, dismissOnOutside } from '../../ui/trigger.ts';
import { panelSide } from '../../ui/panel-side.ts';
import type { Control } from '../decode-buttons/control.ts';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { CODE_TRIGGER_MESSAGES } from './messages.ts';

type Mode = 'peek' | 'pinned';

/** How long a peek stays open after the pointer leaves the control and its panel. */
const LEAVE_DELAY_MS = 300;

/** Of a longer row only this much is searched for a UserSig. */
const MAX_ROW_TEXT = 200_000;

/** The first UserSig in the table row around `el` (its request details), if any. */
function rowToken(el: Element): string | undefined {
  const row = el.closest('tr, [role="row"]');
  const text = row?.textContent ?? '';
  return findUserSigs(text.length > MAX_ROW_TEXT ? text.slice(0, MAX_ROW_TEXT) : text)[0]?.text;
}

/**
 * A "?" beside an error code: hover or focus shows the explanation while there (peek); a click,
 * Enter or Space keeps it open (pinned) until clicked again, Escape or a press outside. The panel
 * gets the UserSig of the control's row (read when it opens) for the decode link of a UserSig code.
 */
export function createCodeControl(code: number, lang: Lang, doc: Document, styles: string, onError: (error: unknown) => void): Control {
  const m = CODE_TRIGGER_MESSAGES[lang];
  const { host, root, button: trigger, mount } = createTrigger('code', m.text, m.title(code));
  host.dataset.code = String(code);
  trigger.setAttribute('aria-haspopup', 'dialog');

  let mode: Mode | undefined;
  /** Set while Escape hands focus back to the trigger, so that focus does not reopen it. */
  let closing = false;
  let unmount = () => {};
  let stopDismiss = () => {};

  const close = () => {
    if (!mode) return;
    mode = undefined;
    closing = true;
    queueMicrotask(() => (closing = false));
    unmount();
    unmount = () => {};
    stopDismiss();
    host.removeAttribute('data-open');
    trigger.setAttribute('aria-expanded', 'false');
  };

  const show = (next: Mode) => {
    if (mode) {
      if (next === 'pinned') mode = host.dataset.open = 'pinned';
      return;
    }
    mode = next;
    host.dataset.open = next;
    trigger.setAttribute('aria-expanded', 'true');
    const stopOutside = dismissOnOutside(doc, host, close, trigger);
    addPanelStyles(root, styles);
    // Log cells clip what overflows them (ellipsis): the panel is placed fixed, under the control,
    // towards the side with room, and follows it when the page scrolls (one layout read a frame).
    const view = doc.defaultView;
    let frame = 0;
    const place = () => {
      frame = 0;
      const box = host.getBoundingClientRect();
      const { className, right, room } = panelSide(box, view ?? { innerWidth: 0, innerHeight: 0 });
      mount.className = className;
      // The fixed mount is its own stacking context: without a z-index, later controls and the
      // console's sticky pager would paint over the panel.
      mount.style.cssText = `position: fixed; z-index: 2147483000; top: ${box.top}px; left: ${right ? box.right : box.left}px; height: ${box.height}px; width: 0; --room: ${room}px;`;
    };
    const onScroll = () => {
      if (!frame && view) frame = view.requestAnimationFrame(place);
    };
    place();
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    stopDismiss = () => {
      stopOutside();
      doc.removeEventListener('scroll', onScroll, true);
      if (frame) view?.cancelAnimationFrame(frame);
    };
    const onClose = () => {
      close();
      trigger.focus();
    };
    render(<ExplanationPanel code={code} lang={lang} token={rowToken(host)} onClose={onClose} onError={onError} />, mount);
    unmount = () => render(null, mount);
  };

  // Only a real user's input: the page cannot drive our UI with synthetic events.
  trigger.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    if (mode === 'pinned') close();
    else show('pinned');
  });
  trigger.addEventListener('pointerenter', (event) => {
    if (event.isTrusted && !mode) show('peek');
  });
  trigger.addEventListener('focus', (event) => {
    if (event.isTrusted && !mode && !closing) show('peek');
  });
  // Working inside the panel keeps it open.
  root.addEventListener('pointerdown', (event) => {
    if (mode && event.target !== trigger) show('pinned');
  });
  // Leaving closes a peek a moment later, so the pointer can cross the gap into the panel.
  let leaving: ReturnType<typeof setTimeout> | undefined;
  const stay = () => {
    if (leaving !== undefined) clearTimeout(leaving);
    leaving = undefined;
  };
  host.addEventListener('pointerenter', stay);
  host.addEventListener('pointerleave', () => {
    stay();
    leaving = setTimeout(() => {
      leaving = undefined;
      if (mode === 'peek' && !root.activeElement) close();
    }, LEAVE_DELAY_MS);
  });
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (mode === 'peek' && !(next && root.contains(next)) && !host.matches(':hover')) close();
  });

  return {
    host,
    remove() {
      stay();
      close();
      host.remove();
    },
  };
}
