import { decodeUserSig, unixNow } from './decode.ts';
import { constantTimeEqual, hmacSha256Base64 } from './crypto.ts';
import { v2TokenContent } from './content.ts';
import type { CheckOutcome, DecodeResult, DecodedToken, Problem, VerifyOptions, VerifyResult, Warning } from './types.ts';
import { problemOf } from './problem.ts';

const CONSOLE_KEY = /^[0-9a-f]{64}$/;

/**
 * Verifies a UserSig locally: signature, then the expected SDKAppID and UserID when given, then
 * expiry. Every failing check is reported, in that order (the server stops at the first).
 */
export async function verifyUserSig(text: string, options: VerifyOptions): Promise<VerifyResult> {
  try {
    return await verify(text, options ?? { key: '' });
  } catch (error) {
    // Unreachable by design; no input may throw into a caller.
    const problem = problemOf('malformed-token', { detail: String(error) });
    return { ok: false, problems: [problem], warnings: [], checks: [] };
  }
}

/** Whole unix seconds from whatever the caller passed; the clock when it is not a number. */
function wholeSeconds(now: unknown): number {
  return typeof now === 'number' && Number.isFinite(now) ? Math.floor(now) : unixNow();
}

async function verify(text: string, options: VerifyOptions): Promise<VerifyResult> {
  const now = wholeSeconds(options.now);
  const decoded = await decodeUserSig(text, { now });
  if (!decoded.ok) {
    return { ok: false, problems: [decoded.problem], warnings: decoded.warnings, checks: [] };
  }
  return verifyDecoded(decoded, { ...options, now });
}

/** `verifyUserSig` of a token already decoded (by `decodeUserSig` at the same `now`). */
export async function verifyDecoded(decoded: Extract<DecodeResult, { ok: true }>, options: VerifyOptions): Promise<VerifyResult> {
  const now = wholeSeconds(options.now);
  const { token } = decoded;
  const warnings = [...decoded.warnings];
  const key = typeof options.key === 'string' ? options.key : '';
  let signature: Problem | undefined;
  try {
    // Legacy v1 tokens are rare: their ECDSA code loads only when one is verified.
    signature =
      token.version === 'v1'
        ? await (await import('./verify-v1.ts')).checkV1Signature(token, key)
        : await checkV2Signature(token, key, warnings);
  } catch (error) {
    signature = problemOf('signature-mismatch', { reason: token.version === 'v1' ? 'bad-public-key' : undefined, detail: String(error) });
  }
  const claims = checkClaims(token, { ...options, now });
  const problems = signature ? [signature, ...claims.problems] : claims.problems;
  const checks: CheckOutcome[] = [
    { check: 'signature', status: !signature ? 'passed' : signature.code === 'unsupported-version' ? 'skipped' : 'failed' },
    ...claims.checks,
  ];
  return { ok: problems.length === 0, token, problems, warnings, checks };
}

async function checkV2Signature(token: DecodedToken, key: string, warnings: Warning[]): Promise<Problem | undefined> {
  if (key.length > 0 && !CONSOLE_KEY.test(key)) warnings.push({ code: 'key-format' });
  const content = v2TokenContent(token);
  if (constantTimeEqual(await hmacSha256Base64(key, content), token.sig)) return undefined;
  const problem = problemOf('signature-mismatch', { reason: 'wrong-key' });
  // The key is case-sensitive ASCII, not hex bytes: a copy that changed case or picked up spaces
  // fails exactly like a key of another app, so say which it is.
  const variants: Array<[string, Problem['reason']]> = [
    [key.trim(), 'key-whitespace'],
    [key.trim().toLowerCase(), 'key-case'],
    [key.trim().toUpperCase(), 'key-case'],
  ];
  for (const [variant, reason] of variants) {
    if (variant !== key && constantTimeEqual(await hmacSha256Base64(variant, content), token.sig)) {
      return { ...problem, reason };
    }
  }
  return problem;
}

export interface ClaimsResult {
  problems: Problem[];
  checks: CheckOutcome[];
}

/**
 * The checks that need no key: expected SDKAppID and UserID, then expiry (valid up to and
 * including second time + expire).
 */
export function checkClaims(
  token: DecodedToken,
  expected: { sdkAppId?: number | string; userId?: string; now?: number },
): ClaimsResult {
  const problems: Problem[] = [];
  const checks: CheckOutcome[] = [];
  const wantedApp = expected.sdkAppId === undefined ? '' : String(expected.sdkAppId).trim();
  if (wantedApp === '') checks.push({ check: 'sdkappid', status: 'skipped' });
  else if (wantedApp !== String(token.sdkAppId)) {
    problems.push(problemOf('sdkappid-mismatch', { expected: wantedApp, actual: String(token.sdkAppId) }));
    checks.push({ check: 'sdkappid', status: 'failed' });
  } else checks.push({ check: 'sdkappid', status: 'passed' });

  if (expected.userId === undefined || expected.userId === '') checks.push({ check: 'identifier', status: 'skipped' });
  else if (expected.userId !== token.identifier) {
    problems.push(problemOf('identifier-mismatch', { expected: expected.userId, actual: token.identifier }));
    checks.push({ check: 'identifier', status: 'failed' });
  } else checks.push({ check: 'identifier', status: 'passed' });

  const now = wholeSeconds(expected.now);
  // BigInt: time + expire may pass 2^53.
  const expiresAt = BigInt(token.time) + BigInt(token.expire);
  if (BigInt(now) > expiresAt) {
    problems.push(problemOf('expired', { seconds: Number(BigInt(now) - expiresAt) }));
    checks.push({ check: 'expiry', status: 'failed' });
  } else checks.push({ check: 'expiry', status: 'passed' });
  return { problems, checks };
}
