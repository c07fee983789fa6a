// Where a tool shows what came of a query: the value of a result label ("校验结果", "Test
// results") when the console labels it, else a message box in the section (an alert, a status,
// a result panel: TEA's Alert and Status carry no role) that says what the reader looks for.
import { FIELD_SELECTOR } from './dom.ts';
import { findLabelledValue } from './fields.ts';

const BOX_SELECTOR = '[role="alert"], [role="status"], [class*="alert"], [class*="result"], [class*="status"], [class*="message"]';

/** Message boxes under `root`, outermost only, without form fields, in document order. */
export function messageBoxes(root: Element): Element[] {
  const boxes: Element[] = [];
  for (const box of root.querySelectorAll(BOX_SELECTOR)) {
    const outer = box.parentElement?.closest(BOX_SELECTOR);
    if (outer && root.contains(outer)) continue;
    if (box.querySelector(FIELD_SELECTOR)) continue;
    boxes.push(box);
  }
  return boxes;
}

/** The labelled result, else the last message box that `says` accepts. */
export function findResultBox(root: Element, labels: readonly string[], says: (box: Element) => boolean): Element | undefined {
  const labelled = findLabelledValue(root, labels);
  if (labelled) return labelled;
  return messageBoxes(root).filter(says).at(-1);
}
