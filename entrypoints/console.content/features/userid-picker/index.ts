import { TOOL_IDS } from '../../../../lib/console/tools.ts';
import { findUserIdInputs } from '../../../../lib/console/user-id-inputs.ts';
import { readSdkAppId } from '../../../../lib/console/sdkappid.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { addPanelStyles, isOurs } from '../../ui/host.ts';
import { createTrigger } from '../../ui/trigger.ts';
import { PICKER_MESSAGES } from './messages.ts';
import type { UserIdPickerUi } from './panel.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';

/**
 * The list, the save form and the store: the bulk of this feature (the store brings zod and the
 * import/export code), so they come with the console UI bundle that loads on first use.
 */
async function pickerUi(root?: ShadowRoot): Promise<UserIdPickerUi> {
  const ui = await loadConsoleUi();
  if (root) addPanelStyles(root, ui.styles);
  return ui.userIdPicker;
}

/**
 * A saved-UserID picker beside every UserID field of every auxiliary tool (the troubleshooting
 * logs' receiver/group field is excluded by the page model). This part, always loaded, places a
 * small button after each field and follows the field when the console re-renders it; the list
 * and the save form (panel.ts) open on click, on Alt+↓ in the field, and fill the field the way
 * typing would.
 */

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
const SCAN_DELAY_MS = 50;
/** Past this many added or removed elements in one batch, scan rather than look into each. */
const MANY_NODES = 200;

/** Could this batch add or remove a UserID input in one of the sections? */
function movesInputs(records: readonly MutationRecord[], roots: readonly Element[]): boolean {
  let seen = 0;
  for (const record of records) {
    if (record.type !== 'childList' || !roots.some((root) => root.contains(record.target))) continue;
    for (const list of [record.addedNodes, record.removedNodes]) {
      for (const node of list) {
        if (node.nodeType !== 1 || isOurs(node)) continue;
        if (++seen > MANY_NODES) return true;
        const el = node as Element;
        if (el.tagName === 'INPUT' || el.querySelector('input')) return true;
      }
    }
  }
  return false;
}

function createControl(lang: Lang, slot: Slot, sdkAppId: () => number | undefined): Control {
  const m = PICKER_MESSAGES[lang];
  const { host, root, button: trigger, mount } = createTrigger('userid-picker', m.trigger, m.triggerLabel);
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
      opened = true;
      trigger.setAttribute('aria-expanded', 'true');
      const ui = await pickerUi(root);
      if (!opened) return;
      ui.show(root, mount, {
        lang,
        sdkAppId: sdkAppId(),
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

function init({ signal, lang, tools, document, url, onPageChange }: FeatureContext) {
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

  // Inputs added or removed in a tool's section (the console re-rendering them) place the buttons
  // again, in a task of their own and at most every SCAN_DELAY_MS; the manager restarts the
  // feature when a section itself is replaced.
  let queued = false;
  onPageChange((records) => {
    if (queued || !movesInputs(records, tools.map((t) => t.root))) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      scan();
    }, SCAN_DELAY_MS);
  });
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
    for (const control of controls.values()) control.remove();
    controls.clear();
  });
}

export const useridPicker: ConsoleFeature = {
  id: 'userid-picker',
  tools: TOOL_IDS,
  init,
  pages: [
    'https://console.cloud.tencent.com/im/tool-push-check',
    'https://console.tencentcloud.com/im/tool-push-check',
    'https://console.cloud.tencent.com/im/tool-usersig',
    'https://console.tencentcloud.com/im/tool-usersig',
    'https://console.cloud.tencent.com/im/tool-log',
    'https://console.tencentcloud.com/im/tool-log',
  ],
};
