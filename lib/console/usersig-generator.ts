// UserSig generator (签名（UserSig）生成工具): UserID → generated UserSig → copy.
import { controlValue } from './dom.ts';
import { findButton, findControl } from './fields.ts';
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
  /** The read-only field with the generated UserSig (present after generating). */
  userSigOutput?: Element;
  copyButton?: HTMLElement;
}

export const USERSIG_LABELS = ['签名（UserSig）', '签名', 'UserSig', '用户签名'];

const TEXT = {
  generate: ['生成签名（UserSig）', '生成签名', '生成 UserSig', 'Generate UserSig'],
  copy: ['复制签名（UserSig）', '复制签名', '复制 UserSig', 'Copy UserSig'],
};

export function locateUserSigGenerator(root: Element): UserSigGeneratorLocators {
  return {
    userIdInput: findUserIdInputs(root)[0],
    generateButton: findButton(root, TEXT.generate),
    userSigOutput: findControl(root, USERSIG_LABELS),
    copyButton: findButton(root, TEXT.copy),
  };
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
    const raw = controlValue(at.userSigOutput);
    const userSig = accept(UserSigShapeSchema, raw);
    if (userSig) data.userSig = userSig;
    else if (raw) missing.push('userSig');
  }
  return { data, missing };
}
