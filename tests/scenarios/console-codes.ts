// Error codes explained in the troubleshooting-log table (issue #14), on the TEA console replica:
// which rows to query, which codes each control must explain and with what words. Read by
// tests/e2e/console-codes.spec.ts (Chromium) and tests/firefox/checks/console-codes.ts (Firefox).
// Plain data and small pure helpers; erasable TypeScript (plain Node), explicit .ts imports.
import type { Lang } from '../../lib/i18n.ts';
import { isKnownCode, lookupCode, unknownCode } from '../../lib/codes/lookup.ts';
import { CODE_MESSAGES } from '../../lib/codes/words.ts';
import { LOG_SEEDS } from '../fixtures/console/tea/backend.ts';
import { TEA_TEXTS } from '../fixtures/console/tea/texts.ts';
import { teaUrl } from '../fixtures/console/routes.ts';
import { TEA_SITES, type TeaSite } from './console-tea.ts';

export { TEA_SITES, type TeaSite };

/** The e2e describe title of a site; the Firefox checks name their mirrors with it. */
export const codesDescribe = (site: TeaSite) => `error codes in the log table (${site.lang})`;

/** The UserID whose log rows carry many codes: every family, a UserSig code with its UserSig, unknown ones. */
export const CODES_USER = 'frank';

export interface CodeCase {
  code: number;
  known: boolean;
  /** A UserSig code in a row that holds a UserSig: the explanation opens that UserSig's decode. */
  decodeLink: boolean;
}

const USERSIG_CODES = new Set([70001, 70003, 70009, 70013, 70014, 20002, 6206]);

/** The codes of the user's rows as the table lists them (0 is success: no control). */
export const CODE_CASES: readonly CodeCase[] = LOG_SEEDS.filter((r) => r.userId === CODES_USER && r.code !== 0).map((r) => ({
  code: r.code,
  known: isKnownCode(r.code),
  decodeLink: USERSIG_CODES.has(r.code) && r.token !== undefined,
}));

/** The server code of the problem the decode of the row's expired UserSig shows (its card expands to the full entry). */
export const DECODE_PROBLEM_CODE = '70001';

/** The case the decode-link test opens. */
export const DECODE_CASE = CODE_CASES.find((c) => c.decodeLink)!;
/** A code whose row holds a UserSig but is not a UserSig code: no decode link. */
export const NO_LINK_CASES = CODE_CASES.filter((c) => !c.decodeLink);

export interface LogPage {
  url: string;
  title: string;
  userIdLabel: string;
  query: string;
  /** A column header that shows once the table is there. */
  detailColumn: string;
}

export function logPage(site: TeaSite): LogPage {
  const t = TEA_TEXTS[site.lang].log;
  return { url: teaUrl(site.origin, 'log', 'documented'), title: t.title, userIdLabel: t.userId, query: t.query, detailColumn: t.columns.detail };
}

/** Words the explanation of `code` must show in `lang`: meaning and fix, or "not in the dictionary" and its pages. */
export async function expectedWords(code: number, lang: Lang): Promise<string[]> {
  const entry = await lookupCode(code, lang);
  if (entry) return [entry.meaning, entry.fix, entry.source];
  return [CODE_MESSAGES[lang].unknown(code), ...unknownCode(code, lang).pages];
}

/** What one code control shows, read from its closed shadow root by either runner. */
export interface ControlState {
  code: string | undefined;
  open: string | undefined;
  /** `loading` or `ready` while the explanation panel shows. */
  panel: string | undefined;
  known: string | undefined;
  text: string;
  links: string[];
  decodeLink: boolean;
  /** The decode panel shows (the row's UserSig decoded). */
  decoded: boolean;
  /** The server codes of the decode's problem cards, and the code of a full dictionary entry expanded under one. */
  problemCodes: string[];
  fullEntry: string | undefined;
}

/**
 * Reads a control's state from its host and shadow root. Runs in the page (Playwright and
 * puppeteer serialise it), so it is self-contained.
 */
export function readControl(host: Element, root: ShadowRoot): ControlState {
  const q = (s: string) => root.querySelector(s);
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'style') text += `${n.nodeValue} `;
  return {
    code: host.getAttribute('data-code') ?? undefined,
    open: host.getAttribute('data-open') ?? undefined,
    panel: q('[data-code-panel]')?.getAttribute('data-code-panel') ?? undefined,
    known: q('[data-known]')?.getAttribute('data-known') ?? undefined,
    text: text.replace(/\s+/g, ' '),
    links: Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? ''),
    decodeLink: !!q('[data-part=decode-row]'),
    decoded: !!q('[data-field]'),
    problemCodes: Array.from(root.querySelectorAll('[data-server-code]')).map((p) => p.getAttribute('data-server-code') ?? ''),
    fullEntry: q('[data-part=code-details] [data-code]')?.getAttribute('data-code') ?? undefined,
  };
}

/** Whether the explanation shows every expected word (whitespace collapsed). */
export function showsWords(state: ControlState, words: string[]): string[] {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return words.filter((w) => !flat(state.text).includes(flat(w)) && !state.links.includes(w));
}

/** The hand-written replica's log of 5,000 rows (codes on most rows): bounded work. */
export const BIG_LOG = { url: 'https://console.cloud.tencent.com/im/tool-log?rows=5000', rows: 5000, query: '查询', describe: 'error codes in a 5,000-row log' };

/** The figure: scrolled to the log's last row with a code → its control placed. */
export const BIG_LOG_FIGURE = '5,000-row log: scrolled to the last rows → their code control';

/**
 * Marks the last row of the log whose error-code cell holds a non-zero code (`data-test-last`),
 * scrolls it into view and resolves, once its code control is there, with its code and the time
 * that took (ms; -1 when none came within 30 s). Runs in the page, self-contained.
 */
export function scrollToLastCodeRow(): Promise<{ code: string; ms: number }> {
  const header = Array.from(document.querySelectorAll('th')).find((th) => (th.textContent ?? '').trim() === '错误码');
  const index = header ? Array.from(header.parentElement!.children).indexOf(header) : -1;
  const rows = Array.from(document.querySelectorAll('tbody tr'));
  let row: Element | undefined;
  let code = '';
  for (let i = rows.length - 1; i >= 0 && !row; i--) {
    const text = (rows[i]!.children[index]?.textContent ?? '').trim();
    if (/^-?\d+$/.test(text) && text !== '0') [row, code] = [rows[i]!, text];
  }
  if (!row) return Promise.resolve({ code: '', ms: -1 });
  row.setAttribute('data-test-last', '');
  const start = performance.now();
  return new Promise((resolve) => {
    // Beside a log this long the controls are drawn over the page, level with their rows (anchors.ts).
    const found = () => {
      const box = row!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('[data-imch=code]')).some((c) => {
        const r = c.getBoundingClientRect();
        const middle = r.top + r.height / 2;
        return r.height > 0 && middle >= box.top && middle <= box.bottom;
      });
    };
    const look = () => {
      if (found()) return resolve({ code, ms: performance.now() - start });
      if (performance.now() - start > 30_000) return resolve({ code, ms: -1 });
      requestAnimationFrame(look);
    };
    row!.scrollIntoView({ block: 'center' });
    requestAnimationFrame(look);
  });
}

/** Code controls on the page, and whether one is drawn level with the marked last row. Runs in the page. */
export function bigLogState(): { controls: number; lastHasOne: boolean } {
  const controls = Array.from(document.querySelectorAll('[data-imch=code]'));
  const last = document.querySelector('[data-test-last]')?.getBoundingClientRect();
  const level = (c: Element) => {
    const r = c.getBoundingClientRect();
    return !!last && r.height > 0 && r.top + r.height / 2 >= last.top && r.top + r.height / 2 <= last.bottom;
  };
  return { controls: controls.length, lastHasOne: controls.some(level) };
}

export interface Placement { onTop: boolean; top: number; bottom: number; hostTop: number }

/**
 * In the page: where a control's open panel is, and whether the page's hit test finds the panel
 * (its host, as the shadow root is closed) at five of its points. Self-contained: it is passed
 * into the page as text.
 */
export function readPlacement(root: ShadowRoot): Placement {
  const r = root.querySelector('.panel')!.getBoundingClientRect();
  const points = [[r.left + 10, r.top + 10], [r.right - 10, r.top + 10], [r.left + 10, r.bottom - 10], [r.right - 10, r.bottom - 10], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
  const onTop = points.every(([x, y]) => root.ownerDocument.elementFromPoint(x!, y!) === root.host);
  return { onTop, top: r.top, bottom: r.bottom, hostTop: root.host.getBoundingClientRect().top };
}

export const PLACEMENT_TITLE = 'an open explanation is above the other rows’ controls and the pager, and near the window’s bottom it opens upwards, inside the window';

/** In the page: scrolls so that the last control's bottom edge sits at the window's bottom edge. */
export function scrollLastCodeToBottom(code: string): void {
  const hosts = document.querySelectorAll(`[data-imch=code][data-code="${code}"]`);
  const host = hosts[hosts.length - 1]!;
  window.scrollBy(0, host.getBoundingClientRect().bottom - innerHeight + 8);
}
