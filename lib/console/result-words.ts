import { textOf } from './dom.ts';
import { containsAny } from './text.ts';

// Failure words are checked first: "未成功" and "unsuccessful" contain the success words.
const FAILURE = ['失败', '未成功', '不通过', 'failed', 'failure', 'unsuccessful'];
const SUCCESS = ['成功', '通过', 'succeeded', 'success', 'successful', 'passed'];

/** true / false from a result's wording, undefined when it says neither. */
export function outcomeOf(text: string): boolean | undefined {
  if (containsAny(text, FAILURE)) return false;
  if (containsAny(text, SUCCESS)) return true;
  return undefined;
}

/** A result box's outcome from its title (first line) when it has one, else from all its text. */
export function outcomeOfResult(box: Element): boolean | undefined {
  for (const child of box.children) {
    const title = textOf(child, 200);
    if (title) return outcomeOf(title) ?? outcomeOf(textOf(box));
  }
  return outcomeOf(textOf(box));
}
