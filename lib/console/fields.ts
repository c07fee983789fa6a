// Finding things by what the console writes next to them: label texts, button texts, the
// value shown after a label. Every function searches one tool's section root only.
import { BUTTON_SELECTOR, FIELD_SELECTOR, isInput, textOf } from './dom.ts';
import { cleanText, normalizeLabel } from './text.ts';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/** Tables hold data, not labels (a column header "UserID" is not a form label); scripts are not text. */
const NOT_LABEL_CONTAINERS = new Set(['TABLE', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION']);

export interface LabelHit {
  element: Element;
  /** Set when label and value share one text node ("失败原因：…"). */
  inlineValue?: string;
}

/** Elements whose own text is one of `labels` (or starts with it followed by a colon). */
export function findLabels(root: Element, labels: readonly string[]): LabelHit[] {
  const wanted = labels.map(normalizeLabel);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node) {
      if (node.nodeType === 1) return NOT_LABEL_CONTAINERS.has((node as Element).tagName) ? FILTER_REJECT : FILTER_SKIP;
      return FILTER_ACCEPT;
    },
  });
  const hits: LabelHit[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 400 || !node.parentElement) continue;
    const norm = normalizeLabel(raw);
    if (!norm) continue;
    if (wanted.includes(norm)) {
      hits.push({ element: node.parentElement });
      continue;
    }
    const inline = splitInline(raw, wanted);
    if (inline !== undefined) hits.push({ element: node.parentElement, inlineValue: inline });
  }
  return hits;
}

function splitInline(raw: string, wanted: readonly string[]): string | undefined {
  const folded = raw.normalize('NFKC');
  const colon = folded.indexOf(':');
  if (colon < 0) return undefined;
  if (!wanted.includes(normalizeLabel(folded.slice(0, colon)))) return undefined;
  const value = cleanText(folded.slice(colon + 1));
  return value || undefined;
}

/**
 * The element showing the value of a label: the next sibling of the label or of one of its
 * close ancestors (label → form-item controls, dt → dd, span → span).
 */
export function valueElementOf(label: Element, root: Element): Element | undefined {
  let el: Element | null = label;
  for (let depth = 0; el && el !== root && depth < 3; depth++, el = el.parentElement) {
    const next = el.nextElementSibling;
    if (next) return next;
  }
  return undefined;
}

/** The text shown for the first matching label, or undefined. */
export function readLabelledText(root: Element, labels: readonly string[], max?: number): string | undefined {
  for (const hit of findLabels(root, labels)) {
    if (hit.inlineValue !== undefined) return cleanText(hit.inlineValue, max);
    const value = valueElementOf(hit.element, root);
    const text = value ? textOf(value, max) : '';
    if (text) return text;
  }
  return undefined;
}

/** The container of the value shown for a label (for results that have structure inside). */
export function findLabelledValue(root: Element, labels: readonly string[]): Element | undefined {
  for (const hit of findLabels(root, labels)) {
    const value = valueElementOf(hit.element, root);
    if (value) return value;
  }
  return undefined;
}

/** The form control for a label: inside a wrapping `<label>`, then `<label for>`, then the first field next to the label. */
export function findControl(root: Element, labels: readonly string[]): Element | undefined {
  for (const hit of findLabels(root, labels)) {
    const wrapped = hit.element.closest('label')?.querySelector(FIELD_SELECTOR);
    if (wrapped && root.contains(wrapped)) return wrapped;
    const forId = hit.element.tagName === 'LABEL' ? hit.element.getAttribute('for') : null;
    if (forId) {
      const target = root.ownerDocument.getElementById(forId);
      if (target && root.contains(target)) return target;
    }
    const value = valueElementOf(hit.element, root);
    const control = value && (value.matches(FIELD_SELECTOR) ? value : value.querySelector(FIELD_SELECTOR));
    if (control) return control;
  }
  return undefined;
}

/** A button whose text (or value) is exactly one of `texts`, whitespace and width folded. */
export function findButton(root: Element, texts: readonly string[]): HTMLElement | undefined {
  const wanted = texts.map(normalizeLabel);
  for (const el of root.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)) {
    const text = isInput(el) ? el.value : (el.textContent ?? '');
    if (text.length < 200 && wanted.includes(normalizeLabel(text))) return el;
  }
  return undefined;
}
