import { controlLabels } from './control-labels.ts';
import { isTextInput } from './dom.ts';
import { containsAny } from './text.ts';

const USER_ID_WORDS = ['UserID', 'User ID', '用户ID', '用户 ID', '用户名', 'Identifier', '账号ID'];
/** Receiver / group fields also mention UserID ("单聊为接收方 UserID"): any of these disqualifies. */
const PEER_WORDS = ['接收方', '群', '会话', 'Receiver', 'Recipient', 'Group', 'Peer', 'To_Account', 'Target', '目标'];

export function isUserIdInput(el: Element): el is HTMLInputElement {
  if (!isTextInput(el) || el.readOnly) return false;
  const labels = controlLabels(el);
  return labels.some((l) => containsAny(l, USER_ID_WORDS)) && !labels.some((l) => containsAny(l, PEER_WORDS));
}

/** Every UserID field under `root`, in document order (receiver and group ID fields excluded). */
export function findUserIdInputs(root: ParentNode): HTMLInputElement[] {
  return [...root.querySelectorAll('input')].filter(isUserIdInput);
}
