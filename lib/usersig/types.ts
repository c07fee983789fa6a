/** One code per way a token can be bad. Part of the public contract: extend, never rename. */
export type ProblemCode =
  | 'malformed-token'
  | 'decompress-failed'
  | 'decompressed-too-large'
  | 'json-invalid'
  | 'schema-invalid'
  | 'unsupported-version'
  | 'signature-mismatch'
  | 'expired'
  | 'identifier-mismatch'
  | 'sdkappid-mismatch';

export type WarningCode =
  | 'time-in-future'
  | 'missing-padding'
  | 'trimmed-whitespace'
  | 'standard-base64'
  | 'short-validity'
  | 'long-validity'
  | 'identifier-not-sdk-safe'
  | 'userbuf-unrecognised'
  | 'userbuf-mismatch'
  | 'key-format';

/** A finer cause inside a problem code, for messages and hints. */
export type ProblemReason =
  | 'empty'
  | 'invalid-character'
  | 'mixed-alphabet'
  | 'bad-length'
  | 'bad-padding'
  | 'non-canonical'
  | 'bad-header'
  | 'corrupt'
  | 'not-utf8'
  | 'not-object'
  | 'duplicate-key'
  | 'bad-field'
  | 'v1-needs-public-key'
  | 'secp256k1-key'
  | 'bad-public-key'
  | 'key-case'
  | 'key-whitespace'
  | 'wrong-key';

export interface Problem {
  code: ProblemCode;
  /** The error code the IM server answers with for this problem. */
  serverCode?: number;
  reason?: ProblemReason;
  /** The token field involved, e.g. `TLS.sdkappid`. */
  field?: string;
  expected?: string;
  actual?: string;
  /** Character offset in the trimmed token text. */
  at?: number;
  /** Seconds past expiry, for `expired`. */
  seconds?: number;
  /** The inflate cap in bytes, for `decompressed-too-large`. */
  limit?: number;
  /** Technical detail in English (e.g. the browser's error), for reports. */
  detail?: string;
}

export interface Warning {
  code: WarningCode;
  serverCode?: number;
  field?: string;
  expected?: string;
  actual?: string;
  /** Seconds: how far in the future, or the validity. */
  seconds?: number;
}

export type PrivilegeName =
  | 'createRoom'
  | 'enterRoom'
  | 'sendAudio'
  | 'receiveAudio'
  | 'sendVideo'
  | 'receiveVideo'
  | 'sendSubVideo'
  | 'receiveSubVideo';

/** The TRTC PrivateMapKey layout carried in `TLS.userbuf`. */
export interface PrivateMapKey {
  /** 0: numeric room, 1: string room. */
  version: number;
  account: string;
  sdkAppId: number;
  /** Numeric room id (0 for string rooms). */
  roomId: number;
  roomStr?: string;
  /** Absolute unix seconds (32-bit in the layout). */
  expiresAt: number;
  privileges: number;
  privilegeNames: PrivilegeName[];
  accountType: number;
}

export interface DecodedToken {
  version: '2.0' | 'v1';
  sdkAppId: number;
  identifier: string;
  /** Issue time, unix seconds. */
  time: number;
  /** Validity in seconds, relative to `time`. */
  expire: number;
  /** Unix seconds: time + expire. Valid up to and including this second. */
  expiresAt: number;
  sig: string;
  /** The PrivateMapKey, when `TLS.userbuf` holds one. */
  userbuf?: PrivateMapKey;
  /** `TLS.userbuf` exactly as stored (standard base64). */
  userbufBase64?: string;
  /** The parsed JSON object. */
  raw: Record<string, unknown>;
  /** The inflated JSON text. */
  json: string;
  /** Which base64 alphabet the token used (`plaintext`: the oldest uncompressed v1 JSON). */
  alphabet: 'tencent' | 'standard' | 'plaintext';
  /** Legacy ECDSA fields. */
  v1?: { accountType: string; appidAt3rd?: string; apiVersion?: string };
}

export type DecodeResult =
  | { ok: true; token: DecodedToken; warnings: Warning[] }
  | { ok: false; problem: Problem; warnings: Warning[] };

export type CheckName = 'signature' | 'sdkappid' | 'identifier' | 'expiry';
export interface CheckOutcome {
  check: CheckName;
  status: 'passed' | 'failed' | 'skipped';
}

export interface VerifyResult {
  ok: boolean;
  token?: DecodedToken;
  /** Failing checks: signature, SDKAppID, UserID, expiry (the server stops at the first). */
  problems: Problem[];
  warnings: Warning[];
  /** Every check with its outcome, in order. */
  checks: CheckOutcome[];
}

export interface VerifyOptions {
  /** v2: the app's SecretKey. v1: the app's public key (PEM or base64 SPKI). */
  key: string;
  sdkAppId?: number | string;
  userId?: string;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

export type GenerateResult =
  | { ok: true; userSig: string; json: string }
  | { ok: false; problem: Problem };
