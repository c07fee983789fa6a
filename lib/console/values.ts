// Schemas for values read off the console page. The page is untrusted: anything that does not
// fit is dropped (and reported as missing by the reader), never passed on.
// Each is marked pure: zod's builders are calls a bundler must otherwise keep, and the content
// script, which reads only the SDKAppID here, carried the other eight (about 160 B gzipped).
import * as z from 'zod/mini';

/** A UserID as typed into a field: non-empty, no control characters, bounded. */
export const UserIdSchema = /* @__PURE__ */ z.string().check(
  z.minLength(1),
  z.maxLength(256),
  z.regex(/^[^\u0000-\u001f\u007f]+$/),
);

/** SDKAppIDs are unsigned 32-bit (the PrivateMapKey layout stores them in 4 bytes). */
export const SdkAppIdSchema = /* @__PURE__ */ z.int().check(z.gte(10000), z.lte(4294967295));

/** Offline-push certificate IDs are numeric. */
export const CertificateIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^\d{1,12}$/));

/** APNs tokens are hex, vendor tokens are base64-ish with a few separators. */
export const DeviceTokenSchema = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9:_+/=.-]{8,1024}$/));

/** A generated UserSig: Tencent's base64 alphabet (also standard base64, as users paste both). */
export const UserSigShapeSchema = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9*_+/=-]{16,16384}$/));

/** Anything pasted into a UserSig field, for the codec to judge; only bounded here. */
export const PastedUserSigSchema = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(16384));

/** A duration in seconds (a UserSig's TLS.expire). */
export const SecondsSchema = /* @__PURE__ */ z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export const ErrorCodeSchema = /* @__PURE__ */ z.int().check(z.gte(-2147483648), z.lte(2147483647));

/** Short display text (times, labels, client types). */
export const ShortTextSchema = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));

/** Longer display text (reasons, fixes, request details). */
export const LongTextSchema = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(4000));

export function accept<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** An integer written as text ("70001", "-1"), validated by `schema`. */
export function acceptIntText(schema: z.ZodMiniType<number>, text: string | undefined): number | undefined {
  if (!text || !/^-?\d{1,15}$/.test(text.trim())) return undefined;
  return accept(schema, Number(text.trim()));
}
