// Finding things by what the console writes next to them: label texts, button texts, the
// value shown after a label. Every function searches one tool's section root only.
import { BUTTON_SELECTOR, CUSTOM_CONTROL_SELECTOR, FIELD_SELECTOR, isInput, textOf } from './dom.ts';
import { cleanText, normalizeLabel } from './text.ts';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/** Scripts and form controls hold no label text. */
const NOT_LABEL_CONTAINERS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION']);
/** A table with more cells a row than two label/value pairs is data (its header "UserID" is not a form label). */
const MAX_KEY_VALUE_CELLS = 4;

/** Key/value tables (label and value in sibling cells) hold labels; data tables do not. */
function isDataTable(table: Element): boolean {
  const firstRow = table.querySelector('tr');
  if (firstRow && firstRow.children.length > MAX_KEY_VALUE_CELLS) return true;
  // A header section is the table's first child or close to it; a bounded look, not a walk of every row.
  for (let child = table.firstElementChild, i = 0; child && i < 4; child = child.nextElementSibling, i++) if (child.tagName === 'THEAD') return true;
  return false;
}

export interface LabelHit {
  element: Element;
  /** Set when label and value share one run of text ("失败原因：…", also split by React into "原因", "：", "…"). */
  inlineValue?: string;
}

/**
 * Elements whose own text is one of `labels` (or starts with it followed by a colon). Adjacent
 * text nodes are read as one run: React renders `{label}：{value}` as three text nodes.
 */
export function findLabels(root: Element, labels: readonly string[]): LabelHit[] {
  const wanted = labels.map(normalizeLabel);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node) {
      if (node.nodeType !== 1) return FILTER_ACCEPT;
      const el = node as Element;
      if (NOT_LABEL_CONTAINERS.has(el.tagName) || (el.tagName === 'TABLE' && isDataTable(el))) return FILTER_REJECT;
      return FILTER_SKIP;
    },
  });
  const hits: LabelHit[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || isContinuation(node)) continue;
    const raw = textRun(node);
    if (raw.length > 400) continue;
    const norm = normalizeLabel(raw);
    if (!norm) continue;
    if (wanted.includes(norm)) {
      const trailing = trailingValue(parent, wanted);
      hits.push(trailing === undefined ? { element: parent } : { element: parent, inlineValue: trailing });
      continue;
    }
    const inline = splitInline(raw, wanted);
    if (inline !== undefined) hits.push({ element: parent, inlineValue: inline });
  }
  return hits;
}

/** "label：value" → value, as written (the label is compared folded, the value keeps its full-width forms). */
function splitInline(raw: string, wanted: readonly string[]): string | undefined {
  const colon = raw.search(/[:：﹕]/);
  if (colon < 0) return undefined;
  if (!wanted.includes(normalizeLabel(raw.slice(0, colon)))) return undefined;
  const value = cleanText(raw.slice(colon + 1));
  return value || undefined;
}

const TEXT_NODE = 3;
const COMMENT_NODE = 8;

/** The sibling before/after, comments skipped (server-rendered React separates text nodes with `<!-- -->`). */
function previousNode(node: Node): Node | null {
  let prev = node.previousSibling;
  while (prev && prev.nodeType === COMMENT_NODE) prev = prev.previousSibling;
  return prev;
}

function nextNode(node: Node): Node | null {
  let next = node.nextSibling;
  while (next && next.nodeType === COMMENT_NODE) next = next.nextSibling;
  return next;
}

/** A text node right after another one: already read as part of its run. */
function isContinuation(node: Node): boolean {
  return previousNode(node)?.nodeType === TEXT_NODE;
}

/** The text of a node and the text nodes right after it. */
function textRun(node: Node): string {
  let text = node.nodeValue ?? '';
  for (let next = nextNode(node); next && next.nodeType === TEXT_NODE && text.length <= 400; next = nextNode(next)) text += next.nodeValue ?? '';
  return text;
}

/** `<p><b>Cause</b>：the text</p>`: the label alone in an element, its value after a colon in the parent. */
function trailingValue(label: Element, wanted: readonly string[]): string | undefined {
  const parent = label.parentElement;
  if (!parent || nextNode(label)?.nodeType !== TEXT_NODE) return undefined;
  const text = parent.textContent ?? '';
  return text.length > 4000 ? undefined : splitInline(text, wanted);
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

/**
 * The form control for a label: inside a wrapping `<label>`, then `<label for>`, then the first
 * field next to the label, then a custom control there (a TEA Select).
 */
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
    const control = value && (controlIn(value, FIELD_SELECTOR) ?? controlIn(value, CUSTOM_CONTROL_SELECTOR));
    if (control) return control;
  }
  return undefined;
}

function controlIn(value: Element, selector: string): Element | undefined {
  return value.matches(selector) ? value : (value.querySelector(selector) ?? undefined);
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
