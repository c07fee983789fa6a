// The diagnostics record: one typed, zod-validated record per console tool. It is what the JSON
// format emits (so other tools can read it back) and what the Markdown, text and CSV formats
// render. There is deliberately no field for a key: a SecretKey can never end up in a report.
import { z } from '../zod.ts';
import type { Lang } from '../i18n.ts';
import { CLIENT_STATUSES, LOG_EVENTS, PUSH_VENDORS, SDKAPPID_SOURCES, type ToolId } from '../console/enums.ts';
import type { CheckOutcome, DecodedToken } from '../usersig/types.ts';

export const DIAGNOSTICS_FORMAT = 'imch-diagnostics';
export const DIAGNOSTICS_VERSION = 1;

const Text = z.string().check(z.maxLength(20_000));
const Int = z.int();

// Enums come from where the values are made (lib/console's tuples); the codec's are typed only,
// so their tuples here are checked against its types (a drift fails the type check).
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const CHECK_NAMES = ['signature', 'sdkappid', 'identifier', 'expiry'] as const;
const CHECK_STATUSES = ['passed', 'failed', 'skipped'] as const;
const TOKEN_FORMATS = ['2.0', 'v1'] as const;
const LANGS = ['zh', 'en'] as const;
const enumsMatchTheCodec: [
  Exactly<(typeof CHECK_NAMES)[number], CheckOutcome['check']>,
  Exactly<(typeof CHECK_STATUSES)[number], CheckOutcome['status']>,
  Exactly<(typeof TOKEN_FORMATS)[number], DecodedToken['version']>,
  Exactly<(typeof LANGS)[number], Lang>,
] = [true, true, true, true];
void enumsMatchTheCodec;

/** Something the report expected but did not capture, and why. */
export const MissingSchema = z.object({
  /** What: `userId`, `devices`, `testResult`, `status`, `verdict`, `rows`, `sdkAppId`, … */
  part: z.string().check(z.minLength(1), z.maxLength(100)),
  /** not-shown: the page does not show it (yet); not-found: the page model could not find it (markup changed); invalid: shown but not accepted. */
  why: z.enum(['not-shown', 'not-found', 'invalid']),
});

/** An error code seen in the report, with what it means. */
export const ErrorCodeInfoSchema = z.object({
  code: Int,
  /** The SDK constant, for server codes we know (ERR_SVR_ACCOUNT_USERSIG_EXPIRED …). */
  constant: z.optional(Text),
  /** Whether the error-code dictionary (lib/codes) holds it. */
  known: z.optional(z.boolean()),
  /** Our explanation of the code, in the report's language: meaning, likely cause, fix, official page. */
  meaning: z.optional(Text),
  cause: z.optional(Text),
  fix: z.optional(Text),
  source: z.optional(Text),
  /** For a code the dictionary does not hold: the official pages to look it up on. */
  pages: z.optional(z.array(Text)),
  /** What the console itself said about it (the verifier's reason, a log row's error info). */
  consoleText: z.optional(Text),
  /** How many log rows carry it (troubleshooting logs only). */
  rows: z.optional(Int),
});

export const ProblemSchema = z.object({
  /** lib/usersig's problem code: expired, identifier-mismatch, malformed-token … */
  code: z.string(),
  serverCode: z.optional(Int),
  title: Text,
  cause: Text,
  fix: Text,
});

export const CheckSchema = z.object({
  check: z.enum(CHECK_NAMES),
  status: z.enum(CHECK_STATUSES),
});

/** Our own decode of a UserSig (lib/usersig, no key: the signature is never checked here). */
export const UserSigDecodeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: z.enum(TOKEN_FORMATS),
    sdkAppId: Int,
    userId: Text,
    /** Unix seconds. */
    issuedAt: z.number(),
    validitySeconds: z.number(),
    /** Unix seconds; valid up to and including this second. */
    expiresAt: z.number(),
    /** No problem found by the checks that need no key (app, UserID, expiry). */
    valid: z.boolean(),
    checks: z.array(CheckSchema),
    problems: z.array(ProblemSchema),
    warnings: z.array(Text),
    privateMapKey: z.optional(
      z.object({ roomId: z.number(), roomStr: z.optional(Text), privileges: Int, expiresAt: z.number() }),
    ),
  }),
  z.object({
    ok: z.literal(false),
    problems: z.array(ProblemSchema),
    warnings: z.array(Text),
  }),
]);

export const PushDeviceSchema = z.object({
  certificateId: z.string(),
  vendor: z.enum(PUSH_VENDORS),
  vendorLabel: Text,
  platform: z.enum(['ios', 'android', 'unknown']),
  /** Masked (first and last characters) unless the report was made with tokens in full. */
  token: Text,
  reportedAt: z.optional(Text),
});

export const OfflinePushDataSchema = z.object({
  userId: z.optional(Text),
  devices: z.optional(z.array(PushDeviceSchema)),
  noDevicesMessage: z.optional(Text),
  selectedCertificate: z.optional(z.string()),
  testResult: z.optional(
    z.object({ ok: z.boolean(), message: Text, reason: z.optional(Text), fix: z.optional(Text) }),
  ),
});

export const UserStatusDataSchema = z.object({
  userId: z.optional(Text),
  status: z.optional(z.enum(CLIENT_STATUSES)),
  statusLabel: z.optional(Text),
  clientType: z.optional(Text),
  sdkVersion: z.optional(Text),
  lastLoginTime: z.optional(Text),
  conclusion: z.optional(Text),
  canReceivePush: z.optional(z.boolean()),
});

export const UserSigGeneratorDataSchema = z.object({
  userId: z.optional(Text),
  userSig: z.optional(Text),
  decoded: z.optional(UserSigDecodeSchema),
});

export const VerifierVerdictSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    sdkAppId: z.optional(Int),
    userId: z.optional(Text),
    generatedAt: z.optional(Text),
    validity: z.optional(Text),
    validitySeconds: z.optional(z.number()),
    expiresAt: z.optional(Text),
  }),
  z.object({
    ok: z.literal(false),
    errorCode: z.optional(Int),
    reason: z.optional(Text),
    fix: z.optional(Text),
  }),
]);

export const UserSigVerifierDataSchema = z.object({
  userId: z.optional(Text),
  userSig: z.optional(Text),
  verdict: z.optional(VerifierVerdictSchema),
  decoded: z.optional(UserSigDecodeSchema),
});

const LogEventSchema = z.enum(LOG_EVENTS);

export const LogRowSchema = z.object({
  time: Text,
  eventLabel: Text,
  event: z.optional(LogEventSchema),
  userId: z.optional(Text),
  peerId: z.optional(Text),
  errorCode: z.optional(Int),
  errorInfo: z.optional(Text),
  detail: z.optional(Text),
});

export const TroubleshootingLogDataSchema = z.object({
  filters: z.object({
    eventLabel: z.optional(Text),
    event: z.optional(LogEventSchema),
    userId: z.optional(Text),
    peerId: z.optional(Text),
    errorCode: z.optional(Int),
    timeRange: z.optional(Text),
  }),
  rows: z.optional(z.array(LogRowSchema)),
  skippedRows: Int,
});

const common = {
  format: z.literal(DIAGNOSTICS_FORMAT),
  version: z.literal(DIAGNOSTICS_VERSION),
  /** The tool's name as the console titles it, in the console's language. */
  toolName: Text,
  console: z.object({
    host: Text,
    /** Page path, without query or hash. */
    path: Text,
    lang: z.enum(LANGS),
  }),
  sdkAppId: z.optional(Int),
  /** Where the page showed the SDKAppID: its URL, the app selector, the top bar, or other page text. */
  sdkAppIdSource: z.optional(z.enum(SDKAPPID_SOURCES)),
  capturedAt: z.object({
    /** ISO 8601, UTC. */
    utc: z.string(),
    /** `2026-11-22 08:30:00 (UTC+08:00)`, the browser's time zone. */
    local: z.string(),
    /** Minutes east of UTC of the browser's time zone at capture (used to print other local times). */
    tzOffsetMinutes: Int,
  }),
  extension: z.object({ name: Text, version: Text }),
  /** Whether device tokens and UserSigs are shortened (default) or included in full. */
  tokens: z.enum(['masked', 'full']),
  missing: z.array(MissingSchema),
  errorCodes: z.array(ErrorCodeInfoSchema),
};

export const DiagnosticsSchema = z.discriminatedUnion('tool', [
  z.object({ ...common, tool: z.literal('offline-push'), data: OfflinePushDataSchema }),
  z.object({ ...common, tool: z.literal('user-status'), data: UserStatusDataSchema }),
  z.object({ ...common, tool: z.literal('usersig-generator'), data: UserSigGeneratorDataSchema }),
  z.object({ ...common, tool: z.literal('usersig-verifier'), data: UserSigVerifierDataSchema }),
  z.object({ ...common, tool: z.literal('troubleshooting-log'), data: TroubleshootingLogDataSchema }),
]);

export type Diagnostics = z.infer<typeof DiagnosticsSchema>;
const toolsMatchTheConsole: Exactly<Diagnostics['tool'], ToolId> = true;
void toolsMatchTheConsole;
export type DiagnosticsOf<K extends Diagnostics['tool']> = Extract<Diagnostics, { tool: K }>;
export type Missing = z.infer<typeof MissingSchema>;
export type ErrorCodeInfo = z.infer<typeof ErrorCodeInfoSchema>;
export type UserSigDecode = z.infer<typeof UserSigDecodeSchema>;
export type PushDeviceRecord = z.infer<typeof PushDeviceSchema>;
export type LogRowRecord = z.infer<typeof LogRowSchema>;

/** Reads a diagnostics record back (from the JSON format); errors as values. */
export function parseDiagnostics(value: unknown): { ok: true; record: Diagnostics } | { ok: false; error: string } {
  const result = DiagnosticsSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, error: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
