import type { Lang } from '../i18n.ts';
import { CORE_ROWS } from './data-core.ts';
import type { CodeEntry, CodeExplanation, CoreRow, LanguageTexts, UnknownCode } from './schema.ts';
import { SOURCES, sourceUrl } from './sources.ts';

const ROWS = new Map<number, CoreRow>(CORE_ROWS.map((row) => [row[0], row]));

export function isKnownCode(code: number): boolean {
  return ROWS.has(code);
}

export function knownCodes(): number[] {
  return [...ROWS.keys()];
}

export function aliasesOf(row: CoreRow): string[] {
  return row[5] ? row[5].split(' ') : [];
}

// Each language's texts are a chunk of their own, loaded the first time they are needed.
const texts: Partial<Record<Lang, LanguageTexts>> = {};
const loaders: Record<Lang, () => Promise<LanguageTexts>> = {
  en: () => import('./texts-en.ts').then((m) => m.TEXTS_EN),
  zh: () => import('./texts-zh.ts').then((m) => m.TEXTS_ZH),
};

export async function loadCodeTexts(lang: Lang): Promise<LanguageTexts> {
  return (texts[lang] ??= await loaders[lang]());
}

/** The texts of a language if they are already loaded: for renderers that cannot wait. */
export function loadedCodeTexts(lang: Lang): LanguageTexts | undefined {
  return texts[lang];
}

const USERSIG_KINDS = new Set(['usersig']);

export function explainRow(row: CoreRow, t: LanguageTexts, lang: Lang): CodeExplanation {
  const [code, product, source, kind, constant] = row;
  const [meaning, cause, fix] = t.codes[code] ?? [''];
  return {
    code,
    product,
    ...(constant === undefined ? {} : { constant }),
    aliases: aliasesOf(row),
    kind,
    meaning,
    cause: cause ?? t.causes[kind],
    fix: fix ?? t.fixes[kind],
    source: sourceUrl(source, lang),
    usersig: USERSIG_KINDS.has(kind),
  };
}

/** One code explained in one language (that language's chunk loads on first use). */
export async function lookupCode(code: number, lang: Lang): Promise<CodeExplanation | undefined> {
  const row = ROWS.get(code);
  return row && explainRow(row, await loadCodeTexts(lang), lang);
}

/** The same, synchronously, once loadCodeTexts(lang) has resolved. */
export function lookupLoaded(code: number, lang: Lang): CodeExplanation | undefined {
  const row = ROWS.get(code);
  const t = texts[lang];
  return row && t ? explainRow(row, t, lang) : undefined;
}

/** A whole entry with both languages (loads both chunks): for reports and tests. */
export async function codeEntry(code: number): Promise<CodeEntry | undefined> {
  const row = ROWS.get(code);
  if (!row) return undefined;
  const [zh, en] = await Promise.all([lookupCode(code, 'zh'), lookupCode(code, 'en')]);
  return {
    code,
    product: row[1],
    ...(row[4] === undefined ? {} : { constant: row[4] }),
    aliases: aliasesOf(row),
    kind: row[3],
    meaning: { zh: zh!.meaning, en: en!.meaning },
    cause: { zh: zh!.cause, en: en!.cause },
    fix: { zh: zh!.fix, en: en!.fix },
    source: SOURCES[row[2]]!.en,
  };
}

/**
 * A code the dictionary does not hold: said plainly, with the official pages to check. Negative
 * codes are TRTC's range; the rest may be Chat's (server, native or web SDK) or TRTC Web's.
 */
export function unknownCode(code: number, lang: Lang): UnknownCode {
  const keys = code < 0 ? ['trtc'] : code >= 10000 && code < 200000 ? ['im'] : ['im', 'imWeb', 'trtc'];
  return { code, unknown: true, pages: keys.map((k) => sourceUrl(k, lang)) };
}

/** Several codes explained at once (one language chunk load): for reports and log tables. */
export async function explainCodes(codes: readonly number[], lang: Lang): Promise<Array<CodeExplanation | UnknownCode>> {
  const t = await loadCodeTexts(lang);
  return codes.map((code) => {
    const row = ROWS.get(code);
    return row ? explainRow(row, t, lang) : unknownCode(code, lang);
  });
}
