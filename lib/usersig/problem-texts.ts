import type { Lang } from '../i18n.ts';
import type { Problem, ProblemCode, Warning, WarningCode } from './types.ts';
import { PROBLEM_SERVER_CONSTANTS } from './problem-server-codes.ts';

export interface ProblemText {
  title: string;
  cause: string;
  fix: string;
}

export interface LanguageTexts {
  /** Official wording of the server codes problems map to. */
  serverCodes: Record<number, string>;
  problems: Record<ProblemCode, (p: Problem) => ProblemText>;
  warnings: Record<WarningCode, (w: Warning) => string>;
}

// Each language registers itself when problem-texts-en.ts / problem-texts-zh.ts is imported, so a
// page that shows one language (the popup) carries only that one.
const registry: Partial<Record<Lang, LanguageTexts>> = {};

export function registerTexts(lang: Lang, texts: LanguageTexts): void {
  registry[lang] = texts;
}

export function hasTexts(lang: Lang): boolean {
  return registry[lang] !== undefined;
}

function textsFor(lang: Lang): LanguageTexts | undefined {
  return registry[lang] ?? registry.en;
}

export function describeProblem(problem: Problem, lang: Lang): ProblemText & { serverCode?: number } {
  const texts = textsFor(lang)?.problems[problem.code]?.(problem);
  const fallback = { title: problem.code, cause: problem.detail ?? '', fix: '' };
  return { ...(texts ?? fallback), serverCode: problem.serverCode };
}

export function describeWarning(warning: Warning, lang: Lang): string {
  return textsFor(lang)?.warnings[warning.code]?.(warning) ?? warning.code;
}

/** The SDK constant and official wording of a server code a problem maps to. */
export function describeProblemServerCode(code: number, lang: Lang): { constant: string; text: string } | undefined {
  const constant = PROBLEM_SERVER_CONSTANTS[code];
  const text = textsFor(lang)?.serverCodes[code];
  return constant && text ? { constant, text } : undefined;
}
