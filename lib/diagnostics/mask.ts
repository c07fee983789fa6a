// Masking: device tokens, UserSigs and keys are shortened to their first and last characters,
// enough to tell them apart, useless to log in with. The one masking rule of the extension: reports,
// the popup's plain-text report and diagnostics all use it.
import { TOKEN_CHAR } from '../usersig/find.ts';
import type { Diagnostics } from './schema.ts';

/** `0866471036…000CN01 (32 chars)`: first and last characters, never the whole of a short one. */
export function maskSecret(value: string, keep = 6): string {
  const n = value.length;
  if (n === 0) return value;
  if (n <= 4) return `… (${n} chars)`;
  const k = n >= keep * 4 ? keep : Math.max(1, Math.floor(n / 4));
  return `${value.slice(0, k)}…${value.slice(-k)} (${n} chars)`;
}

/** Runs of this many token characters are masked wherever they start (a UserSig is 40 or more). */
export const MASK_MIN_RUN = 40;
/** Somewhere in the text, a run long enough to mask (a bounded pattern: linear time). */
const LONG_RUN = new RegExp(`${TOKEN_CHAR.source}{${MASK_MIN_RUN}}`);

const HEX = /[0-9A-Fa-f]/;
const isHex = (c: string | undefined) => c !== undefined && HEX.test(c);

/** Decoded character of the last unit read by `unitEnd`. */
let unit = '';

/**
 * End of the unit at i, its decoded character left in `unit`. With `decode`, a unit is a `%XX`
 * escape (also nested, `%25XX`), so `%2B`/`%2F`/`%3D` inside a token cannot split it into pieces
 * short enough to escape the mask. `+` stays a token character (it is one in standard base64).
 */
function unitEnd(text: string, i: number, decode: boolean): number {
  unit = text.charAt(i);
  if (!decode || unit !== '%') return i + 1;
  let j = i + 1;
  while (text.startsWith('25', j) && isHex(text[j + 2]) && isHex(text[j + 3])) j += 2;
  if (!isHex(text[j]) || !isHex(text[j + 1])) return i + 1;
  unit = String.fromCharCode(parseInt(text.slice(j, j + 2), 16));
  return j + 2;
}

function decodeSpan(text: string, from: number, to: number, decode: boolean): string {
  if (!decode) return text.slice(from, to);
  let out = '';
  for (let i = from; i < to; ) {
    i = unitEnd(text, i, true);
    out += unit;
  }
  return out;
}

/** One linear pass: every maximal run of MASK_MIN_RUN+ token characters (and its `=` padding) masked. */
function maskRuns(text: string, decode: boolean): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let masked = false;
  let i = 0;
  while (i < n) {
    const start = i;
    let count = 0;
    while (i < n) {
      const next = unitEnd(text, i, decode);
      if (!TOKEN_CHAR.test(unit)) break;
      count++;
      i = next;
    }
    if (count === 0) {
      i = unitEnd(text, i, decode);
      continue;
    }
    if (count < MASK_MIN_RUN) continue;
    const runEnd = i;
    while (i < n) {
      const next = unitEnd(text, i, decode);
      if (unit !== '=') break;
      i = next;
    }
    out += text.slice(copied, start) + maskSecret(decodeSpan(text, start, runEnd, decode));
    copied = i;
    masked = true;
  }
  return masked ? out + text.slice(copied) : text;
}

/**
 * Free text with every run of 40+ token characters masked wherever it starts (after a letter,
 * `%22`, `sig=`…), read both URL-decoded and as written. This covers UserSigs in either alphabet
 * and 64-hex keys or device tokens (a key is such a run).
 */
export function maskText(text: string): string {
  if (text.length < MASK_MIN_RUN) return text;
  // Most cells of a log hold no run long enough and nothing URL-encoded: one native search says so.
  const encoded = text.includes('%');
  if (!encoded && !LONG_RUN.test(text)) return text;
  return encoded ? maskRuns(maskRuns(text, true), false) : maskRuns(text, false);
}

const maybe = (text: string | undefined) => (text === undefined ? undefined : maskText(text));

function assign<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/**
 * The record as it may be shared: tokens and UserSigs shortened, and any UserSig- or key-shaped
 * text the page showed (a log's request details, a reason) masked too. Returns a new record.
 */
export function maskRecord(record: Diagnostics): Diagnostics {
  if (record.tokens === 'masked') return record;
  const base = { ...record, tokens: 'masked' as const, errorCodes: record.errorCodes.map((e) => assign({ ...e }, { consoleText: maybe(e.consoleText) })) };
  switch (record.tool) {
    case 'offline-push': {
      const d = record.data;
      const data = { ...d };
      if (d.devices) data.devices = d.devices.map((dev) => ({ ...dev, token: maskSecret(dev.token) }));
      if (d.noDevicesMessage) data.noDevicesMessage = maskText(d.noDevicesMessage);
      if (d.testResult) data.testResult = assign({ ...d.testResult, message: maskText(d.testResult.message) }, { reason: maybe(d.testResult.reason), fix: maybe(d.testResult.fix) });
      return { ...base, tool: record.tool, data };
    }
    case 'user-status': {
      const d = record.data;
      return { ...base, tool: record.tool, data: assign({ ...d }, { conclusion: maybe(d.conclusion) }) };
    }
    case 'usersig-generator': {
      const d = record.data;
      return { ...base, tool: record.tool, data: assign({ ...d }, { userSig: d.userSig === undefined ? undefined : maskSecret(d.userSig) }) };
    }
    case 'usersig-verifier': {
      const d = record.data;
      const data = assign({ ...d }, { userSig: d.userSig === undefined ? undefined : maskSecret(d.userSig) });
      if (d.verdict && !d.verdict.ok) data.verdict = assign({ ...d.verdict }, { reason: maybe(d.verdict.reason), fix: maybe(d.verdict.fix) });
      return { ...base, tool: record.tool, data };
    }
    case 'troubleshooting-log': {
      const d = record.data;
      const data = { ...d };
      if (d.rows) {
        const rows = new Array(d.rows.length);
        for (let i = 0; i < d.rows.length; i++) {
          const row = d.rows[i]!;
          rows[i] = row.detail === undefined && row.errorInfo === undefined ? row : assign({ ...row }, { detail: maybe(row.detail), errorInfo: maybe(row.errorInfo) });
        }
        data.rows = rows;
      }
      return { ...base, tool: record.tool, data };
    }
  }
}
