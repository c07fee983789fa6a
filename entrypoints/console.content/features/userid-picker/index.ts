import { TOOL_IDS } from '../../../../lib/console/tools.ts';
import { findUserIdInputs } from '../../../../lib/console/user-id-inputs.ts';
import { readSdkAppId } from '../../../../lib/console/sdkappid.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { reportOnce } from '../../manager.ts';
import { inArea, shownArea } from '../../ui/shown-area.ts';
import { isOurs } from '../../ui/host.ts';
import { createTrigger } from '../../ui/trigger.ts';
import { PICKER_TRIGGER_MESSAGES } from './messages.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';

/**
 * A saved-UserID picker over the end of every UserID field of every auxiliary tool (the
 * troubleshooting logs' receiver/group field is excluded by the page model). This part places a
 * small chip over each field's end (out of flow: nothing of the console moves) and follows the
 * field when the console re-renders it. The list and the save form are an extension page in a
 * frame inside the chip's closed shadow root (entrypoints/userid-picker-frame): the page cannot
 * read them, search them or hear keys typed there. The frame opens on click and on Alt+↓ in the
 * field, and hands back only the chosen UserID, which fills the field the way typing would.
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
  /** Puts the chip over the end of its field again. */
  place(): void;
  open(): void;
  close(refocus: boolean): void;
  remove(): void;
}

const PANEL_WIDTH = 360;
const SCAN_DELAY_MS = 50;
/** Past this many added or removed elements in one batch, scan rather than look into each. */
const MANY_NODES = 200;
/** The chip's gap to the field's right edge. */
const CHIP_INSET = 3;

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
  const m = PICKER_TRIGGER_MESSAGES[lang];
  const { host, button: trigger, mount } = createTrigger('userid-picker', m.trigger, m.triggerLabel);
  // Out of flow, over the field's end: the console's own buttons never move when it appears.
  host.style.position = 'absolute';
  host.style.zIndex = '1';
  host.style.left = '0px';
  host.style.top = '0px';
  trigger.setAttribute('aria-haspopup', 'dialog');
  trigger.setAttribute('data-picker-trigger', '');

  /** Hides the frame (kept for the next opening) or, with `true`, removes it. */
  let closeFrame: ((destroy?: boolean) => void) | undefined;
  let opened = false;
  const field = () => slot.input;
  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) control.close(false);
  };
  const control: Control = {
    host,
    slot,
    place() {
      const input = field();
      if (!input.isConnected) return;
      const box = input.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return;
      // Out of flow, the chip is not clipped with its field: it hides when the field scrolls out of
      // a box of the page (the console's content area), instead of floating over the log table.
      const shown = inArea(box, shownArea(input, new Map()));
      host.style.display = shown ? 'inline-block' : 'none';
      if (!shown) return;
      const chip = host.getBoundingClientRect();
      const left = Number.parseFloat(host.style.left) || 0;
      const top = Number.parseFloat(host.style.top) || 0;
      host.style.left = `${Math.round(left + box.right - chip.width - CHIP_INSET - chip.left)}px`;
      host.style.top = `${Math.round(top + box.top + (box.height - chip.height) / 2 - chip.top)}px`;
    },
    open() {
      if (opened) return;
      opened = true;
      control.place();
      // Above the other chips (each its own stacking context), so none shows through the picker.
      host.style.zIndex = '2147483000';
      trigger.setAttribute('aria-expanded', 'true');
      document.addEventListener('pointerdown', onOutside, true);
      const side = host.getBoundingClientRect().right < PANEL_WIDTH ? 'left' : 'right';
      void loadConsoleUi().then((ui) => {
        if (!opened) return;
        closeFrame = ui.openPickerFrame({
          mount,
          lang,
          sdkAppId: sdkAppId(),
          field,
          width: PANEL_WIDTH,
          side,
          title: m.title,
          onClose: (refocus) => control.close(refocus),
          onChoose: (userId) => {
            if (!field().isConnected) return;
            fillLikeTyping(field(), userId);
            control.close(true);
          },
        });
      }).catch((error: unknown) => {
        reportOnce('userid-picker', error);
        control.close(false);
      });
    },
    close(refocus) {
      if (!opened) return;
      opened = false;
      // Focus back in the page before the frame goes: a key still being released there (Escape,
      // Enter) then ends in the field, not in a frame that no longer exists.
      if (refocus && field().isConnected) field().focus();
      closeFrame?.();
      trigger.setAttribute('aria-expanded', 'false');
      host.style.zIndex = '1';
      document.removeEventListener('pointerdown', onOutside, true);
    },
    remove() {
      control.close(false);
      closeFrame?.(true);
      host.remove();
    },
  };
  trigger.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && opened) {
      event.stopPropagation();
      control.close(true);
    }
  });
  // Only a real user's click on a visible chip reaches here (ui/visible.ts, via createTrigger).
  trigger.addEventListener('click', () => {
    if (opened) control.close(true);
    else control.open();
  });
  return control;
}

function init({ signal, lang, tools, document, url, onPageChange }: FeatureContext) {
  // A tool with its own application drop-down (the TRTC consoles') keys its list by that app.
  const sdkAppId = (scope: Element) => () => readSdkAppId(document, document.location?.href ?? url, scope);
  // One control per UserID field slot (tool, position): when the console re-renders and
  // replaces an input, the same control moves after the new one, open or not.
  const controls = new Map<string, Control>();
  // A field that changes size (or first gets one) takes its chip along.
  const resizes = new ResizeObserver((entries) => {
    for (const entry of entries) for (const control of controls.values()) if (control.slot.input === entry.target) control.place();
  });
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
          control = createControl(lang, { input }, sdkAppId(tool.root));
          controls.set(key, control);
        }
        if (control.slot.input !== input || input.nextSibling !== control.host) {
          control.slot.input = input;
          if (input.nextSibling !== control.host) input.after(control.host);
          resizes.observe(input);
        }
        control.place();
      });
    });
    for (const [key, control] of controls) {
      if (seen.has(key)) continue;
      resizes.unobserve(control.slot.input);
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
  // Alt+↓ in a UserID field opens its picker, as in a native combo box.
  const onFieldKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || !event.altKey || event.key !== 'ArrowDown') return;
    for (const control of controls.values()) {
      if (control.slot.input !== event.target) continue;
      event.preventDefault();
      control.open();
      return;
    }
  };
  document.addEventListener('keydown', onFieldKey, { capture: true, signal });
  // Scrolling a box of the page moves the fields, not the chips (their containing block can be
  // outside it): placed again after the frame, when reading the layout costs nothing.
  let placing = 0;
  const onScroll = () => {
    placing ||= requestAnimationFrame(() => {
      placing = 0;
      for (const control of controls.values()) control.place();
    });
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });

  signal.addEventListener('abort', () => {
    resizes.disconnect();
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
