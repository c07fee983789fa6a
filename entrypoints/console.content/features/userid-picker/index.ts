import { TOOL_IDS } from '../../../lib/console/tools.ts';
import { findUserIdInputs } from '../../../lib/console/user-id-inputs.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import type { Lang } from '../../../lib/i18n.ts';
import type { ConsoleFeature } from '../feature.ts';
import { isOurs } from '../ui/host.ts';
import { createTrigger } from '../ui/trigger.ts';
import { PICKER_MESSAGES } from './userid-picker-messages.ts';
import type { UserIdPickerUi } from './userid-picker-panel.ts';
import { loadConsoleUi } from '../ui/lazy-ui.ts';

/**
 * The list, the save form and the store: the bulk of this feature (the store brings zod and the
 * import/export code), so they come with the console UI bundle that loads on first use.
 */
async function pickerUi(): Promise<UserIdPickerUi> {
  return (await loadConsoleUi()).userIdPicker;
}

/**
 * A saved-UserID picker beside every UserID field of every auxiliary tool: the offline-push
 * finder and user-status checker, the UserSig generator and verifier, and the UserID filter of
 * the troubleshooting logs (its receiver/group field is excluded by the page model):
 *   https://console.cloud.tencent.com/im/tool-push-check   https://console.tencentcloud.com/im/tool-push-check
 *   https://console.cloud.tencent.com/im/tool-usersig      https://console.tencentcloud.com/im/tool-usersig
 *   https://console.cloud.tencent.com/im/tool-log          https://console.tencentcloud.com/im/tool-log
 * This part, always loaded, places a small button after each field and follows the field when
 * the console re-renders it; the list and the save form (userid-picker-panel.ts) open on click,
 * on Alt+↓ in the field, and fill the field the way typing would.
 */

const TRIGGER_CSS = `
.trigger { all: initial; font: 600 11px/16px system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif; color: #0052cc; background: #eef5ff; border: 1px solid #b8d4ff; border-radius: 9px; padding: 0 7px; margin: 0 4px; cursor: pointer; white-space: nowrap; }
.trigger:hover, .trigger[aria-expanded='true'] { background: #0052cc; color: #fff; }
.trigger:focus-visible { outline: 2px solid #0052cc; outline-offset: 1px; }
`;

/** Sets a field's value as typing does, so the console's framework (React/Vue state) sees it. */
export function fillLikeTyping(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

interface Slot {
  /** The field served: replaced when the console re-renders the input. */
  input: HTMLInputElement;
}

interface Control {
  host: HTMLElement;
  slot: Slot;
  open(): Promise<void>;
  close(refocus: boolean): void;
  remove(): void;
}

const PANEL_WIDTH = 380;

function createControl(lang: Lang, slot: Slot, sdkAppId: () => number | undefined): Control {
  const m = PICKER_MESSAGES[lang];
  const { host, root, button: trigger, mount } = createTrigger('userid-picker', TRIGGER_CSS, m.trigger, m.triggerLabel);
  trigger.setAttribute('aria-haspopup', 'dialog');
  trigger.setAttribute('data-picker-trigger', '');
  // Keys and typing inside the picker are ours: the console's shortcuts and forms never see them.
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) {
    mount.addEventListener(type, (event) => event.stopPropagation());
  }

  let opened = false;
  const field = () => slot.input;
  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) control.close(false);
  };
  const control: Control = {
    host,
    slot,
    async open() {
      if (opened) return;
      const openedAt = performance.now();
      opened = true;
      trigger.setAttribute('aria-expanded', 'true');
      const ui = await pickerUi();
      if (!opened) return;
      ui.show(root, mount, {
        lang,
        sdkAppId: sdkAppId(),
        openedAt,
        field: () => (field().isConnected ? field() : undefined),
        onClose: (refocus) => control.close(refocus),
        onChoose: (userId) => {
          fillLikeTyping(field(), userId);
          control.close(true);
        },
      });
      // Open towards the side with room: under the field when there is room on the left.
      const panel = mount.firstElementChild;
      if (panel && host.getBoundingClientRect().right < PANEL_WIDTH) panel.classList.add('to-right');
      document.addEventListener('pointerdown', onOutside, true);
    },
    close(refocus) {
      if (!opened) return;
      opened = false;
      void pickerUi().then((ui) => ui.hide(mount));
      trigger.setAttribute('aria-expanded', 'false');
      document.removeEventListener('pointerdown', onOutside, true);
      if (refocus && field().isConnected) field().focus();
    },
    remove() {
      control.close(false);
      host.remove();
    },
  };
  trigger.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && opened) {
      event.stopPropagation();
      control.close(true);
    }
  });
  trigger.addEventListener('click', (event) => {
    // Only a real user's click: the page cannot drive our UI with synthetic events.
    if (!event.isTrusted) return;
    if (opened) control.close(true);
    else void control.open();
  });
  return control;
}

export const useridPicker: ConsoleFeature = {
  id: 'userid-picker',
  tools: TOOL_IDS,
  init({ signal, lang, tools, document, url }) {
    const sdkAppId = () => readSdkAppId(document, document.location?.href ?? url);
    // One control per UserID field slot (tool, position): when the console re-renders and
    // replaces an input, the same control moves after the new one, open or not.
    const controls = new Map<string, Control>();
    const scan = () => {
      if (signal.aborted) return;
      const seen = new Set<string>();
      tools.forEach((tool, t) => {
        if (!tool.root.isConnected) return;
        findUserIdInputs(tool.root).forEach((input, i) => {
          if (isOurs(input)) return;
          const key = `${t}:${i}`;
          seen.add(key);
          let control = controls.get(key);
          if (!control) {
            control = createControl(lang, { input }, sdkAppId);
            controls.set(key, control);
          }
          control.slot.input = input;
          if (input.nextSibling !== control.host) input.after(control.host);
        });
      });
      for (const [key, control] of controls) {
        if (seen.has(key)) continue;
        control.remove();
        controls.delete(key);
      }
    };

    let queued = false;
    const observer = new MutationObserver((records) => {
      // Our own hosts moving in and out need no rescan.
      if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => isOurs(n)))) return;
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        scan();
      });
    });
    for (const tool of tools) observer.observe(tool.root, { childList: true, subtree: true });
    scan();
    // With thousands of saved UserIDs, reading and checking them takes longer than a frame: start
    // when the user heads for a UserID field or its button, so a click only renders. Pages where
    // nobody touches a UserID field never load the UI bundle. The store's watch keeps it fresh.
    let warmed = false;
    const warm = (event: Event) => {
      if (warmed || signal.aborted || !event.isTrusted) return;
      const target = event.target;
      const onField = [...controls.values()].some((c) => c.slot.input === target || c.host === target);
      if (!onField) return;
      warmed = true;
      void pickerUi().then((ui) => ui.warm(sdkAppId()));
    };
    document.addEventListener('focusin', warm, { capture: true, signal });
    document.addEventListener('pointerover', warm, { capture: true, signal });

    // Alt+↓ in a UserID field opens its picker, as in a native combo box.
    const onFieldKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || !event.altKey || event.key !== 'ArrowDown') return;
      for (const control of controls.values()) {
        if (control.slot.input !== event.target) continue;
        event.preventDefault();
        void control.open();
        return;
      }
    };
    document.addEventListener('keydown', onFieldKey, { capture: true, signal });

    signal.addEventListener('abort', () => {
      observer.disconnect();
      for (const control of controls.values()) control.remove();
      controls.clear();
    });
  },
};
