import { CORE_ROWS } from './data-core.ts';

export interface FoundCode {
  code: number;
  /** Where the first mention starts in the text, and what it was (a number or a constant name). */
  index: number;
  text: string;
  via: 'number' | 'constant';
  known: boolean;
}

const BY_CONSTANT = new Map<string, number[]>();
for (const row of CORE_ROWS) {
  for (const name of [row[4], ...(row[5]?.split(' ') ?? [])]) {
    if (name && name.includes('_')) BY_CONSTANT.set(name, [...(BY_CONSTANT.get(name) ?? []), row[0]]);
  }
}
const KNOWN = new Set(CORE_ROWS.map((row) => row[0]));

// A number in a code-like place: after "code", "ErrorCode", "err", "error", "errno", "ret",
// "错误码" … and an optional quote and separator ("code":70001, ErrorCode: 20003, code=70009).
const CONTEXT = /(?:code|err(?:or)?|errno|ret|result|错误码|错误|失败)["']?\s*[:=：]?\s*["']?\s*$/i;
// An explicit error-code key: numbers there are reported even when the dictionary lacks them.
const EXPLICIT = /(?:error_?code|err_?code|errno|错误码|["']code["']|\bcode)["']?\s*[:=：]\s*["']?\s*$/i;
const NUMBER = /(?<![\w.\-+])-?\d{1,6}(?![\w]|\.\d)/g;
const CONSTANT = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const ALONE = /^\s*-?\d{1,6}\s*$/;
// Characters of base64-like tokens (UserSigs, keys): digits inside such a run are not codes.
const TOKEN_CHAR = /[A-Za-z0-9*+\/=_-]/;
const TOKEN_LENGTH = 40;

function insideLongToken(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && TOKEN_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length && TOKEN_CHAR.test(text[to]!)) to++;
  return to - from >= TOKEN_LENGTH;
}

/**
 * The error codes a text mentions: constant names the SDKs use, and numbers that are known codes
 * in a code-like place (after "code", "ErrorCode", "错误码" …) or alone; a number under an explicit
 * error-code key is reported even if unknown, so the reader is told it is not in the dictionary.
 * Other numbers (timestamps, IDs, counts) are left alone. One result per code, first mention first.
 */
export function findCodes(text: string): FoundCode[] {
  const found = new Map<number, FoundCode>();
  const add = (f: FoundCode) => {
    const seen = found.get(f.code);
    if (!seen || f.index < seen.index) found.set(f.code, f);
  };
  if (ALONE.test(text)) {
    const code = Number(text.trim());
    if (code !== 0) add({ code, index: text.indexOf(text.trim()), text: text.trim(), via: 'number', known: KNOWN.has(code) });
  }
  for (const m of text.matchAll(CONSTANT)) {
    for (const code of BY_CONSTANT.get(m[0]) ?? []) add({ code, index: m.index, text: m[0], via: 'constant', known: true });
  }
  for (const m of text.matchAll(NUMBER)) {
    const code = Number(m[0]);
    if (code === 0 || insideLongToken(text, m.index, m.index + m[0].length)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const known = KNOWN.has(code);
    // Long negative codes (-100018, -10003) are TRTC's and the login layer's: distinctive alone.
    const distinctive = known && code <= -10000;
    if ((known && CONTEXT.test(before)) || distinctive || (EXPLICIT.test(before) && Math.abs(code) >= 1000)) {
      add({ code, index: m.index, text: m[0], via: 'number', known });
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}
