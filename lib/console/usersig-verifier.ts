// UserSig verifier (签名（UserSig）校验工具): UserID + UserSig → verdict.
import { controlValue, textOf } from './dom.ts';
import { findButton, findControl, readLabelledText } from './fields.ts';
import { findResultBox } from './result-box.ts';
import type { Reading } from './reading.ts';
import { outcomeOfResult } from './result-words.ts';
import { findUserIdInputs } from './user-id-inputs.ts';
import { USERSIG_LABELS } from './usersig-generator.ts';
import {
  ErrorCodeSchema,
  LongTextSchema,
  PastedUserSigSchema,
  SdkAppIdSchema,
  SecondsSchema,
  ShortTextSchema,
  UserIdSchema,
  accept,
  acceptIntText,
} from './values.ts';

export interface VerifierSuccess {
  ok: true;
  sdkAppId?: number;
  userId?: string;
  generatedAt?: string;
  validity?: string;
  /** Parsed from the validity text when it states seconds ("1576800000 秒" / "(15552000 seconds)"). */
  validitySeconds?: number;
  expiresAt?: string;
}

export interface VerifierFailure {
  ok: false;
  errorCode?: number;
  reason?: string;
  fix?: string;
}

export type VerifierVerdict = VerifierSuccess | VerifierFailure;

export interface UserSigVerifierSnapshot {
  userId?: string;
  /** What is in the UserSig field, trimmed (not judged here). */
  userSig?: string;
  verdict?: VerifierVerdict;
}

export interface UserSigVerifierLocators {
  userIdInput?: HTMLInputElement;
  userSigInput?: Element;
  verifyButton?: HTMLElement;
  result?: Element;
}

const TEXT = {
  verify: ['开始校验', '立即校验', 'Verify', 'Verify Now', 'Start verification'],
  result: ['校验结果', 'Verification result', 'Verification results'],
  sdkAppId: ['SDKAppID'],
  userId: ['UserID', '用户名'],
  generatedAt: ['生成时间', 'Generation time', 'Generated at'],
  validity: ['有效期', 'Validity period', 'Validity', 'Service time'],
  expiresAt: ['过期时间', 'Expiration time', 'Expires at'],
  errorCode: ['错误码', 'Error code'],
  reason: ['失败原因', '原因', 'Cause', 'Reason'],
  fix: ['解决方案', '解决办法', 'Solution', 'Suggested fix'],
};

export function locateUserSigVerifier(root: Element): UserSigVerifierLocators {
  return {
    userIdInput: findUserIdInputs(root)[0],
    userSigInput: findControl(root, USERSIG_LABELS),
    verifyButton: findButton(root, TEXT.verify),
    // The console's verdict, labelled "校验结果" or shown as a message box with no label.
    result: findResultBox(root, TEXT.result, (box) => outcomeOfResult(box) !== undefined),
  };
}

const DAY_SECONDS = 86400;

/** "1576800000 秒", "(15552000 seconds)", or in days: "180 天", "180 days". */
function validitySecondsOf(text: string): number | undefined {
  const seconds = /(\d{1,12})\s*(秒|s\b|sec|seconds)/i.exec(text)?.[1];
  if (seconds) return acceptIntText(SecondsSchema, seconds);
  const days = /(\d{1,6})\s*(天|日|days?\b)/i.exec(text)?.[1];
  return days ? acceptIntText(SecondsSchema, String(Number(days) * DAY_SECONDS)) : undefined;
}

function short(box: Element, labels: readonly string[]): string | undefined {
  return accept(ShortTextSchema, readLabelledText(box, labels, 200));
}

export function readVerdict(box: Element): VerifierVerdict | undefined {
  const ok = outcomeOfResult(box);
  if (ok === undefined) return undefined;
  if (!ok) {
    const errorCode = acceptIntText(ErrorCodeSchema, short(box, TEXT.errorCode));
    const reason = accept(LongTextSchema, readLabelledText(box, TEXT.reason));
    const fix = accept(LongTextSchema, readLabelledText(box, TEXT.fix));
    return { ok, ...(errorCode !== undefined ? { errorCode } : {}), ...(reason ? { reason } : {}), ...(fix ? { fix } : {}) };
  }
  const verdict: VerifierSuccess = { ok };
  const sdkAppId = acceptIntText(SdkAppIdSchema, short(box, TEXT.sdkAppId));
  if (sdkAppId !== undefined) verdict.sdkAppId = sdkAppId;
  const userId = accept(UserIdSchema, short(box, TEXT.userId));
  if (userId) verdict.userId = userId;
  const generatedAt = short(box, TEXT.generatedAt);
  if (generatedAt) verdict.generatedAt = generatedAt;
  const validity = short(box, TEXT.validity);
  if (validity) {
    verdict.validity = validity;
    const seconds = validitySecondsOf(validity);
    if (seconds !== undefined) verdict.validitySeconds = seconds;
  }
  const expiresAt = short(box, TEXT.expiresAt);
  if (expiresAt) verdict.expiresAt = expiresAt;
  return verdict;
}

export function readUserSigVerifier(root: Element): Reading<UserSigVerifierSnapshot> {
  const at = locateUserSigVerifier(root);
  const missing: string[] = [];
  const data: UserSigVerifierSnapshot = {};
  if (!at.userIdInput) missing.push('userIdInput');
  else {
    const userId = accept(UserIdSchema, at.userIdInput.value.trim());
    if (userId) data.userId = userId;
  }
  if (!at.userSigInput) missing.push('userSigInput');
  else {
    const userSig = accept(PastedUserSigSchema, controlValue(at.userSigInput));
    if (userSig) data.userSig = userSig;
  }
  if (!at.verifyButton) missing.push('verifyButton');
  if (at.result) {
    const verdict = readVerdict(at.result);
    if (verdict) data.verdict = verdict;
    else missing.push('verdict');
  }
  return { data, missing };
}
