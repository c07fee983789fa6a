import { z } from '../zod.ts';

export const PRODUCTS = ['chat-server', 'chat-sdk', 'trtc'] as const;
export type Product = (typeof PRODUCTS)[number];

/** Why a code happens, in families that share a default cause and fix (a code may say more). */
export const KINDS = [
  'usersig', 'account', 'param', 'internal', 'network', 'limit', 'permission', 'notfound',
  'exists', 'state', 'content', 'file', 'config', 'device', 'billing', 'blocked', 'friend',
] as const;
export type Kind = (typeof KINDS)[number];

const localized = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

/** One row of the language-free core: code, product, which official page, kind, constants. */
export const coreRowSchema = z.tuple([
  z.int(),
  z.enum(PRODUCTS),
  z.string(),
  z.enum(KINDS),
  z.optional(z.string()),
  z.optional(z.string()),
]);
export type CoreRow = z.infer<typeof coreRowSchema>;

/** A code's texts in one language: its meaning, and a cause and fix when the kind's default does not fit. */
export type CodeText = readonly [meaning: string, cause?: string, fix?: string];

export interface LanguageTexts {
  causes: Record<Kind, string>;
  fixes: Record<Kind, string>;
  codes: Record<number, CodeText>;
}

export const codeEntrySchema = z.object({
  code: z.int(),
  product: z.enum(PRODUCTS),
  constant: z.optional(z.string().check(z.regex(/^[A-Z][A-Z0-9_]+$/))),
  /** Other names the SDKs give the same code (the web SDKs' tables, older names). */
  aliases: z.array(z.string().check(z.regex(/^[A-Z][A-Z0-9_]+$/))),
  kind: z.enum(KINDS),
  meaning: localized,
  cause: localized,
  fix: localized,
  source: z.url({ protocol: /^https$/ }),
});
export type CodeEntry = z.infer<typeof codeEntrySchema>;

/** One language's view of an entry: what a UI shows. */
export interface CodeExplanation {
  code: number;
  product: Product;
  constant?: string;
  aliases: string[];
  kind: Kind;
  meaning: string;
  cause: string;
  fix: string;
  source: string;
  /** A UserSig or account code: the popup can decode the UserSig that caused it. */
  usersig: boolean;
}

export interface UnknownCode {
  code: number;
  unknown: true;
  /** The official pages to look the code up on, by the product its range suggests. */
  pages: string[];
}
