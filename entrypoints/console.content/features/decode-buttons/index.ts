import { decodeUserSig } from '../../../lib/usersig/decode.ts';
import { findUserSigs } from '../../../lib/usersig/find.ts';
import { checkClaims } from '../../../lib/usersig/verify.ts';
import type { DecodeResult } from '../../../lib/usersig/types.ts';
import type { Lang } from '../../../lib/i18n.ts';
import { formatExpiry } from '../../../components/format.ts';
import type { ConsoleFeature } from '../feature.ts';
import { addPanelStyles, isOurs } from '../ui/host.ts';
import { createTrigger, dismissOnOutside } from '../ui/trigger.ts';
import { CORE_MESSAGES } from '../ui/core-messages.ts';
import { loadConsoleUi } from '../ui/lazy-ui.ts';
import triggerCss from '../ui/trigger.css?inline';

/**
 * A decode control beside every UserSig on a console page: in text, table cells, log entries and
 * form fields, including ones rendered late or typed in. One click opens the decoded view.
 */
export const decodeButtons: ConsoleFeature = {
  id: 'decode-buttons',
  tools: 'any',
  init({ signal, lang, document }) {
    const controls = new Map<Element, Map<string, Control>>();
    const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'TEMPLATE']);

    const place = (anchor: Element, tokens: string[], field: boolean) => {
      const current = controls.get(anchor) ?? new Map<string, Control>();
      if (field) {
        for (const [token, control] of current) {
          if (!tokens.includes(token)) {
            control.remove();
            current.delete(token);
          }
        }
      }
      for (const token of tokens) {
        if (current.has(token)) continue;
        const control = createControl(token, lang);
        if (field) anchor.after(control.host);
        else anchor.append(control.host);
        current.set(token, control);
      }
      if (current.size > 0) controls.set(anchor, current);
      else controls.delete(anchor);
    };

    const checkField = (field: HTMLInputElement | HTMLTextAreaElement) => {
      if (isOurs(field)) return;
      const value = field.value;
      place(field, value.length >= 40 ? findUserSigs(value).map((f) => f.text) : [], true);
    };

    const checkText = (node: Text) => {
      const data = node.data;
      if (data.length < 40) return;
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || isOurs(parent) || parent.isContentEditable) return;
      const found = findUserSigs(data);
      if (found.length > 0) place(parent, found.map((f) => f.text), false);
    };

    const scanFields = (root: ParentNode) => {
      for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type]), input[type=text], input[type=search]')) {
        checkField(field);
      }
    };

    const prune = () => {
      for (const [anchor, map] of controls) {
        if (anchor.isConnected && (anchor instanceof HTMLTextAreaElement || anchor instanceof HTMLInputElement || anchorStillHasTokens(anchor, map))) continue;
        for (const control of map.values()) control.remove();
        controls.delete(anchor);
      }
    };

    // Work is sliced to a few milliseconds per frame, so a log of thousands of rows arriving at
    // once never holds the console's main thread for a whole frame.
    const FRAME_BUDGET_MS = 4;
    const queue: Node[] = [];
    let walker: TreeWalker | undefined;
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(flush);
    };
    const flush = () => {
      scheduled = false;
      if (signal.aborted) return;
      const start = performance.now();
      let steps = 0;
      const outOfTime = () => ++steps % 8 === 0 && performance.now() - start > FRAME_BUDGET_MS;
      for (;;) {
        if (!walker) {
          const node = queue.shift();
          if (!node) break;
          if (!node.isConnected || isOurs(node)) continue;
          if (node instanceof Text) {
            checkText(node);
            continue;
          }
          if (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement) {
            checkField(node);
            continue;
          }
          if (node instanceof Element) scanFields(node);
          walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        }
        const next = walker.nextNode() as Text | null;
        if (!next) walker = undefined;
        else checkText(next);
        if (outOfTime()) break;
      }
      if (walker || queue.length > 0) schedule();
      else prune();
      performance.measure('imch:scan-batch', { start, end: performance.now() });
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') queue.push(record.target);
        else record.addedNodes.forEach((n) => queue.push(n));
        if (record.removedNodes.length > 0) schedule();
      }
      if (queue.length > 0) schedule();
    });

    const start = performance.now();
    queue.push(document.body);
    flush();
    performance.measure('imch:scan-initial', { start, end: performance.now() });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const onInput = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) checkField(target);
    };
    document.addEventListener('input', onInput, { capture: true, signal });
    document.addEventListener('change', onInput, { capture: true, signal });
    // Frameworks set field values without events or mutations (a generated UserSig, say).
    const poll = setInterval(() => scanFields(document.body), 1000);

    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearInterval(poll);
      for (const map of controls.values()) for (const control of map.values()) control.remove();
      controls.clear();
    });
  },
};

function anchorStillHasTokens(anchor: Element, map: Map<string, Control>): boolean {
  const text = anchor.textContent ?? '';
  for (const token of map.keys()) if (!text.includes(token)) return false;
  return true;
}

interface Control {
  host: HTMLElement;
  remove(): void;
}

function summaryOf(result: DecodeResult, lang: Lang, now: number): { text: string; bad: boolean } {
  if (!result.ok) return { text: `${result.problem.serverCode ?? ''} ${result.problem.code}`.trim(), bad: true };
  const first = checkClaims(result.token, { now }).problems[0];
  const head = `${result.token.identifier} · ${result.token.sdkAppId} · ${formatExpiry(result.token.expiresAt, now, lang)}`;
  return { text: first ? `${head} · ${first.serverCode}` : head, bad: !!first };
}

function createControl(token: string, lang: Lang): Control {
  const m = CORE_MESSAGES[lang];
  const { host, root, button: trigger, mount } = createTrigger('decode', triggerCss, m.decode, m.decodeTitle(''));

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
    // Open towards the side with room: one layout read, on a click.
    mount.className = host.getBoundingClientRect().left + 440 > window.innerWidth ? 'align-right' : '';
    ui.decodePanel(mount, { token, decoded: result, lang, onClose: close });
    unmount = () => ui.unmount(mount);
    // Says only that a panel is open (no content), for tests and the page's own layout.
    host.setAttribute('data-open', '');
    trigger.setAttribute('aria-expanded', 'true');
    stopDismiss = dismissOnOutside(document, host, close, trigger);
  });

  return {
    host,
    remove() {
      if (open) close();
      host.remove();
    },
  };
}
