import { textOf } from './dom.ts';
import { containsAny } from './text.ts';

// Failure words are checked first: "未成功" and "unsuccessful" contain the success words.
const FAILURE = ['失败', '未成功', '不通过', '无效', 'failed', 'failure', 'unsuccessful', 'notverified', 'invalid'];
const SUCCESS = ['成功', '通过', 'succeeded', 'success', 'successful', 'passed', 'verified'];

const TITLE = 'h1, h2, h3, h4, h5, h6, [role="heading"], [class*="title"]';

/** true / false from a result's wording, undefined when it says neither. */
function outcomeOf(text: string): boolean | undefined {
  if (containsAny(text, FAILURE)) return false;
  if (containsAny(text, SUCCESS)) return true;
  return undefined;
}

/** A result box's outcome from its title (a heading, else its first line) when it has one, else from all its text. */
export function outcomeOfResult(box: Element): boolean | undefined {
  const heading = box.querySelector(TITLE);
  const headingText = heading ? textOf(heading, 200) : '';
  if (headingText) return outcomeOf(headingText) ?? outcomeOf(textOf(box));
  for (const child of box.children) {
    const title = textOf(child, 200);
    if (title) return outcomeOf(title) ?? outcomeOf(textOf(box));
  }
  return outcomeOf(textOf(box));
}
