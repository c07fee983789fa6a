// Every text that names a control: aria-label(ledby), <label>, placeholder, title, and the label
// of its form row (the nearest preceding sibling text that holds no other control).
import { FIELD_SELECTOR, textOf } from './dom.ts';

const MAX_LABEL = 120;

export function controlLabels(control: Element): string[] {
  const texts: string[] = [];
  const add = (text: string | null | undefined) => {
    const t = (text ?? '').trim();
    if (t && t.length <= MAX_LABEL) texts.push(t);
  };
  const doc = control.ownerDocument;
  add(control.getAttribute('aria-label'));
  for (const id of (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    add(textOf(doc.getElementById(id)));
  }
  if (control.id) {
    for (const label of doc.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === control.id) add(textOf(label));
    }
  }
  const wrappingLabel = control.closest('label');
  if (wrappingLabel) add(textOf(wrappingLabel));
  add(control.getAttribute('placeholder'));
  add(control.getAttribute('title'));
  add(rowLabel(control));
  return texts;
}

/** Wrappers between a form row's controls cell and its input (TDesign: controls › content › wrap › input box). */
const ROW_DEPTH = 6;

/** The text before the control in its form row, e.g. `<div label>UserID</div><div><input></div>`. */
function rowLabel(control: Element): string | undefined {
  let el: Element | null = control;
  for (let depth = 0; el && depth < ROW_DEPTH; depth++, el = el.parentElement) {
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.querySelector(FIELD_SELECTOR) || prev.matches(FIELD_SELECTOR)) return undefined;
      const text = textOf(prev, MAX_LABEL + 1);
      if (text) return text.length <= MAX_LABEL ? text : undefined;
    }
  }
  return undefined;
}
