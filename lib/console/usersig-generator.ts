// UserSig generator (签名（UserSig）生成工具): UserID → generated UserSig → copy.
import { FIELD_SELECTOR, controlValue } from './dom.ts';
import { findButton, findControl, findLabelledValue } from './fields.ts';
import type { Reading } from './reading.ts';
import { findUserIdInputs } from './user-id-inputs.ts';
import { UserIdSchema, UserSigShapeSchema, accept } from './values.ts';

export interface UserSigGeneratorSnapshot {
  userId?: string;
  /** The generated UserSig, once shown (shape-checked only; decode it with lib/usersig). */
  userSig?: string;
}

export interface UserSigGeneratorLocators {
  userIdInput?: HTMLInputElement;
  generateButton?: HTMLElement;
  /** The read-only field, or the element whose text is the generated UserSig (present after generating). */
  userSigOutput?: Element;
  copyButton?: HTMLElement;
}

export const USERSIG_LABELS = ['签名（UserSig）', '签名', 'UserSig', '用户签名', 'Signature (UserSig)', 'Signature'];

const TEXT = {
  generate: ['生成签名（UserSig）', '生成签名', '生成 UserSig', '生成', 'Generate UserSig', 'Generate Signature (UserSig)', 'Generate'],
  copy: ['复制签名（UserSig）', '复制签名', '复制 UserSig', '复制', 'Copy UserSig', 'Copy Signature (UserSig)', 'Copy'],
};

export function locateUserSigGenerator(root: Element): UserSigGeneratorLocators {
  return {
    userIdInput: findUserIdInputs(root)[0],
    generateButton: findButton(root, TEXT.generate),
    userSigOutput: findControl(root, USERSIG_LABELS) ?? shownUserSig(root),
    copyButton: findButton(root, TEXT.copy),
  };
}

const SHOW_TEXT = 0x4;
/** A UserSig shown as text: zlib's base64 starts with "eJ"; long enough not to be a word. */
const TOKEN_TEXT = /^eJ[A-Za-z0-9*_+/=-]{30,}$/;

/** The text node holding a UserSig shown as text under `el`. */
function tokenTextNode(el: Element): Node | undefined {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (TOKEN_TEXT.test((node.nodeValue ?? '').trim()) && !node.parentElement?.closest('textarea, script, style')) return node;
  }
  return undefined;
}

/** The generated UserSig shown as text: beside its label, else anywhere in the section. */
function shownUserSig(root: Element): Element | undefined {
  const labelled = findLabelledValue(root, USERSIG_LABELS);
  return (tokenTextNode(labelled ?? root) ?? (labelled ? tokenTextNode(root) : undefined))?.parentElement ?? undefined;
}

/** What the output shows: a field's value, or the UserSig text inside the element. */
function outputValue(output: Element): string {
  if (output.matches(FIELD_SELECTOR)) return controlValue(output);
  return (tokenTextNode(output)?.nodeValue ?? controlValue(output)).trim();
}

export function readUserSigGenerator(root: Element): Reading<UserSigGeneratorSnapshot> {
  const at = locateUserSigGenerator(root);
  const missing: string[] = [];
  const data: UserSigGeneratorSnapshot = {};
  if (!at.userIdInput) missing.push('userIdInput');
  else {
    const userId = accept(UserIdSchema, at.userIdInput.value.trim());
    if (userId) data.userId = userId;
  }
  if (!at.generateButton) missing.push('generateButton');
  if (at.userSigOutput) {
    const raw = outputValue(at.userSigOutput);
    const userSig = accept(UserSigShapeSchema, raw);
    if (userSig) data.userSig = userSig;
    else if (raw) missing.push('userSig');
  }
  return { data, missing };
}
