import { unixNow } from './decode.ts';
import { checkClaims, verifyDecoded } from './verify.ts';
import type { CheckOutcome, DecodeResult, DecodedToken, Problem, Warning } from './types.ts';

/**
 * What a result says at a glance: signature checked and all good; decoded with nothing wrong
 * found (no key given); only expired; or any other problem.
 */
export type Verdict = 'verified' | 'decoded' | 'expired' | 'problem';

export interface Assessment {
  verdict: Verdict;
  token?: DecodedToken;
  /** Every failing check, in the order `verifyUserSig` reports them. */
  problems: Problem[];
  warnings: Warning[];
  /** Every check with its outcome; without a key the signature check is absent. */
  checks: CheckOutcome[];
  /** A key was given, so the signature was checked. */
  keyed: boolean;
}

export interface AssessOptions {
  /** The SecretKey (v2) or public key (v1); without it only the checks that need no key run. */
  key?: string;
  sdkAppId?: number | string;
  userId?: string;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

function verdictOf(problems: Problem[], keyed: boolean): Verdict {
  if (problems.length === 0) return keyed ? 'verified' : 'decoded';
  return problems.every((p) => p.code === 'expired') ? 'expired' : 'problem';
}

/**
 * The one judgement of a decoded token used by the popup, the console features and reports:
 * with a key, the whole verification; without one, the expected SDKAppID and UserID and expiry.
 */
export async function assess(decoded: DecodeResult, options: AssessOptions = {}): Promise<Assessment> {
  if (!decoded.ok) return { verdict: 'problem', problems: [decoded.problem], warnings: decoded.warnings, checks: [], keyed: false };
  const now = typeof options.now === 'number' && Number.isFinite(options.now) ? Math.floor(options.now) : unixNow();
  if (options.key !== undefined && options.key !== '') {
    const verified = await verifyDecoded(decoded, { ...options, key: options.key, now });
    return { verdict: verdictOf(verified.problems, true), token: decoded.token, problems: verified.problems, warnings: verified.warnings, checks: verified.checks, keyed: true };
  }
  return assessWithoutKey(decoded, { ...options, now });
}

/** `assess` without a key, synchronously: for a first render before anything async has run. */
export function assessWithoutKey(decoded: DecodeResult, options: Omit<AssessOptions, 'key'> = {}): Assessment {
  if (!decoded.ok) return { verdict: 'problem', problems: [decoded.problem], warnings: decoded.warnings, checks: [], keyed: false };
  const claims = checkClaims(decoded.token, options);
  return { verdict: verdictOf(claims.problems, false), token: decoded.token, problems: claims.problems, warnings: decoded.warnings, checks: claims.checks, keyed: false };
}
