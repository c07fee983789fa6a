import { findUserSigs } from '../../../../lib/usersig/find.ts';
import { isTextArea, isTextInput } from '../../../../lib/console/dom.ts';
import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { isOurs } from '../../ui/host.ts';
import { reportOnce } from '../../manager.ts';
import { createSlicer } from '../../slicer.ts';
import { createAnchors } from './anchors.ts';
import { createControl } from './control.ts';
import { loadLayer } from '../../ui/lazy-ui.ts';

/** Text shorter than a token holds none. */
const MIN_TEXT = 40;
/** Of a longer text node only this much is searched (findUserSigs is linear: a few ms at most). */
const MAX_TEXT_SCANNED = 200_000;
const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'TEMPLATE', 'TITLE']);
const EDITABLE = '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

const isField = (el: Element): el is HTMLInputElement | HTMLTextAreaElement => isTextArea(el) || (isTextInput(el) && el.getAttribute('type') !== 'number');

function tokensIn(text: string): string[] {
  if (text.length < MIN_TEXT) return [];
  return findUserSigs(text.length > MAX_TEXT_SCANNED ? text.slice(0, MAX_TEXT_SCANNED) : text).map((f) => f.text);
}

/**
 * A decode control beside every UserSig near the viewport: in text, table cells, log entries and
 * form fields, including ones rendered late or typed in. One click opens the decoded view. All
 * work runs in bounded slices (slicer.ts), and controls are bounded too (anchors.ts).
 */
function init({ signal, lang, document, onPageChange }: FeatureContext) {
  const slicer = createSlicer({ signal, onError: (error) => reportOnce('decode-buttons', error) });
  const anchors = createAnchors({
    createControl: (token) => createControl(token, lang, document),
    soon: (step) => slicer.addUrgent(step),
    document,
    signal,
    // Only beside a log of thousands of rows, from a module of its own (entrypoints/console-layer.ts).
    overPage: () => loadLayer().then((m) => m.layer(document, signal)),
  });

  /** Every text field seen, with the value last looked at. */
  const fields = new Map<HTMLInputElement | HTMLTextAreaElement, string>();
  const checkField = (field: HTMLInputElement | HTMLTextAreaElement) => {
    if (!field.isConnected) {
      fields.delete(field);
      return;
    }
    const value = field.value;
    if (fields.get(field) === value) return;
    fields.set(field, value);
    anchors.set(field, field, tokensIn(value), true);
  };

  const checkText = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || SKIPPED_PARENTS.has(parent.tagName)) return;
    const tokens = tokensIn(node.data);
    // Most text holds no token: skip the ancestor checks unless it does (or did).
    if (tokens.length > 0 && (isOurs(parent) || parent.closest(EDITABLE))) return;
    anchors.set(parent, node, tokens, false);
  };

  /** One node per step: a subtree of 50,000 rows is walked across many slices. */
  const walk = (root: Node) => {
    if (root.nodeType === 3) {
      slicer.add(() => (checkText(root as Text), false));
      return;
    }
    if (root.nodeType !== 1 || isOurs(root)) return;
    const walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    let node: Node | null = root;
    slicer.add(() => {
      if (!node) return false;
      if (node.nodeType === 3) checkText(node as Text);
      else if (isField(node as Element)) checkField(node as HTMLInputElement);
      node = walker.nextNode();
      return node !== null;
    });
  };

  /** A removed subtree: anchors in it lose their controls (only those: no walk over all controls). */
  const walkRemoved = (root: Node) => {
    if (root.nodeType !== 1) return;
    const walker = document.createTreeWalker(root, 0x1);
    let node: Node | null = root;
    slicer.add(() => {
      if (!node) return false;
      if (anchors.has(node as Element)) anchors.removed(node as Element);
      node = walker.nextNode();
      return node !== null;
    });
  };

  // Frameworks also set field values without events (a generated UserSig). Rather than polling,
  // the few text fields seen so far are compared with their last value after each batch of page
  // changes (a result rendering moves something nearby) and when the user heads for one (focus,
  // pointer). React's `value` attribute and a textarea's text children are changes we see anyway.
  let fieldsQueued = false;
  const recheckFields = () => {
    if (fieldsQueued) return;
    fieldsQueued = true;
    slicer.add(() => {
      fieldsQueued = false;
      for (const field of [...fields.keys()]) checkField(field);
      return false;
    });
  };

  onPageChange((records) => {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        slicer.add(() => (checkText(target as Text), false));
      } else if (record.type === 'attributes') {
        if (isField(target as Element)) slicer.add(() => (checkField(target as HTMLInputElement), false));
      } else {
        if (isTextArea(target as Element)) slicer.add(() => (checkField(target as HTMLTextAreaElement), false));
        record.addedNodes.forEach(walk);
        record.removedNodes.forEach(walkRemoved);
        if (record.removedNodes.length > 0) anchors.touched(target as Element);
      }
    }
    recheckFields();
    anchors.moved();
  });

  const onUser = (event: Event) => {
    const target = event.target as Element | null;
    if (target && target.nodeType === 1 && isField(target)) checkField(target);
  };
  for (const type of ['input', 'change', 'focusin', 'pointerover']) document.addEventListener(type, onUser, { capture: true, passive: true, signal });

  walk(document.body);
  signal.addEventListener('abort', () => {
    anchors.clear();
    fields.clear();
  });
}

export const decodeButtons: ConsoleFeature = {
  id: 'decode-buttons',
  tools: 'any',
  init,
  pages: [
    'https://console.cloud.tencent.com/im/tool-usersig',
    'https://console.tencentcloud.com/im/tool-usersig',
    'https://console.cloud.tencent.com/im/tool-push-check',
    'https://console.tencentcloud.com/im/tool-push-check',
    'https://console.cloud.tencent.com/im/tool-log',
    'https://console.tencentcloud.com/im/tool-log',
    'https://console.cloud.tencent.com/im/detail',
    'https://console.tencentcloud.com/im/detail',
  ],
};
