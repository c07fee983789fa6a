// UserIDs that read as another one: invisible characters, bidi controls, or letters from two
// alphabets that look alike (Latin `a` and Cyrillic `а`). The options page and the console picker
// show them escaped, with a warning, so `admin` and `adm\u200Bin` never look like the same row.

export type LookalikeReason = 'invisible' | 'bidi' | 'control' | 'mixed-script';

export interface LookalikeReport {
  /** Empty when the UserID reads as what it is. */
  readonly reasons: readonly LookalikeReason[];
  /** The UserID with every suspicious character as `\uXXXX` (and `\` as `\\` then), or the UserID itself. */
  readonly display: string;
}

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Zero-width and blank characters that are not controls: joiners, fillers, variation selectors, odd spaces. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u034F\u115F\u1160\u3164\uFFA0\u2800\u180E\uFE00-\uFE0F\u00A0\u2000-\u200A\u202F\u205F\u3000\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

const SCRIPTS = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
] as const;
type Script = (typeof SCRIPTS)[number][0];

function scriptOf(ch: string): Script | undefined {
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return undefined;
}

function reasonOf(ch: string): Exclude<LookalikeReason, 'mixed-script'> | undefined {
  if (BIDI.test(ch)) return 'bidi';
  if (INVISIBLE.test(ch)) return 'invisible';
  if (CONTROL.test(ch)) return 'control';
  return undefined;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const escape = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xffff ? `\\u{${cp.toString(16).toUpperCase()}}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Whether a UserID holds invisible, bidi-control or mixed-script look-alike characters, and how to show it. */
export function inspectUserId(userId: string): LookalikeReport {
  if (PRINTABLE_ASCII.test(userId)) return { reasons: [], display: userId };
  const chars = [...userId];
  const reasons = new Set<LookalikeReason>();
  const counts: Record<Script, number> = { latin: 0, cyrillic: 0, greek: 0 };
  const scripts = chars.map((ch) => {
    const reason = reasonOf(ch);
    if (reason) reasons.add(reason);
    const script = scriptOf(ch);
    if (script) counts[script]++;
    return script;
  });
  const used = (Object.keys(counts) as Script[]).filter((s) => counts[s] > 0);
  // The alphabet with most letters is the one the UserID is read in (Latin on a tie); letters of the others are the look-alikes.
  const main = used.length > 1 ? used.reduce((a, b) => (counts[b] > counts[a] ? b : a), used.includes('latin') ? 'latin' : used[0]!) : undefined;
  if (main) reasons.add('mixed-script');
  if (reasons.size === 0) return { reasons: [], display: userId };
  const display = chars.map((ch, i) => (ch === '\\' ? '\\\\' : reasonOf(ch) || (main && scripts[i] && scripts[i] !== main) ? escape(ch) : ch)).join('');
  return { reasons: [...reasons], display };
}
