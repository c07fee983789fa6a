// DOM access that works across windows and in content-script worlds: no instanceof with global
// constructors, no layout-forcing APIs (innerText, getComputedStyle, offsetWidth).
import { cleanText } from './text.ts';

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number']);

export function isInput(el: Element): el is HTMLInputElement {
  return el.tagName === 'INPUT';
}

export function isTextInput(el: Element): el is HTMLInputElement {
  return isInput(el) && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

export function isTextArea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

export function isSelect(el: Element): el is HTMLSelectElement {
  return el.tagName === 'SELECT';
}

/** Field-like controls: what a tool section always has (buttons alone do not count). */
export const FIELD_SELECTOR =
  'input:not([type="hidden"]), textarea, select, [contenteditable="true"], [contenteditable=""], [role="textbox"], [role="combobox"], [aria-haspopup="listbox"]';

/**
 * A control drawn with plain elements: focusable but not native (TEA's Select is a `div` with
 * `tabindex="0"` and no role). What it shows is its text.
 */
export const CUSTOM_CONTROL_SELECTOR = '[tabindex]:not([tabindex="-1"]):not(a, button, input, textarea, select)';

export const BUTTON_SELECTOR = 'button, [role="button"], input[type="button"], input[type="submit"]';

export function hasField(el: Element): boolean {
  return el.querySelector(FIELD_SELECTOR) !== null;
}

export function textOf(node: Node | null | undefined, max?: number): string {
  return cleanText(node?.textContent, max);
}

const SHOW_TEXT = 0x4;

/**
 * An element's text with a space where one text node ends in another element than the next
 * starts ("Push failed" in a title, "Cause：…" in a line → "Push failed Cause：…"); whitespace
 * collapsed, capped. For messages made of several blocks, where textContent runs them together.
 */
export function spacedText(el: Element, max = 4000): string {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  let text = '';
  let parent: Node | null = null;
  for (let node = walker.nextNode(); node && text.length <= max; node = walker.nextNode()) {
    if (parent && node.parentNode !== parent) text += ' ';
    text += node.nodeValue ?? '';
    parent = node.parentNode;
  }
  return cleanText(text, max);
}

/** What a control currently shows: input value, selected option text, or the element's text. */
export function displayedValue(el: Element): string {
  if (isInput(el) || isTextArea(el)) return cleanText(el.value) || (el.getAttribute('role') === 'combobox' ? shownBesideSearchBox(el) : '');
  if (isSelect(el)) {
    const option = el.selectedIndex >= 0 ? el.options[el.selectedIndex] : undefined;
    return textOf(option);
  }
  return textOf(el);
}

/**
 * A drawn select whose focusable part is an empty search box (Ant Design's Select: `input
 * role=combobox` beside `<span title="app（1400000001）">`) shows its choice beside the box: the
 * text of the smallest wrapper (three levels up at most) that holds no other field. A placeholder
 * shown there means nothing is chosen.
 */
function shownBesideSearchBox(input: Element): string {
  for (let box = input.parentElement, depth = 0; box && depth < 3; box = box.parentElement, depth++) {
    if (box.querySelectorAll(FIELD_SELECTOR).length > 1 || box.querySelector('[class*="placeholder"]')) return '';
    const shown = textOf(box, 200);
    if (shown) return shown;
  }
  return '';
}

/** The raw value of a control (select → option value), trimmed only. */
export function controlValue(el: Element): string {
  if (isInput(el) || isTextArea(el) || isSelect(el)) return el.value.trim();
  return textOf(el);
}
