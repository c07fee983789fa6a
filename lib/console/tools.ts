// Which auxiliary tools are on screen, by meaning: a heading led by a tool's name (zh or en; a
// description, badge, "Beta" or "新版" may follow in the same heading), on any route. The URL
// is only a hint: on a tool's documented route a loosely worded title counts too.
import type { Lang } from '../i18n.ts';
import { hasField } from './dom.ts';
import { headingText, leadsWith, type HeadingText } from './heading-text.ts';
import { normalizeLabel } from './text.ts';
import { consolePath } from './urls.ts';

import { TOOL_IDS, type ToolId } from './enums.ts';

export { TOOL_IDS, type ToolId };

export interface ToolInfo {
  id: ToolId;
  /** The tool's names as the console writes them (first one per language is the documented one). */
  headings: Record<Lang, readonly string[]>;
  /** Wording that counts only when the URL is the tool's page. Matched against the normalized title. */
  looseHeading: RegExp;
  /** Console routes where the tool is documented to live (a hint, never required). */
  routes: readonly string[];
}

/** The UserSig tools' documented pages: IM's, the TRTC console's (both sites) and console.trtc.io's. */
const USERSIG_TOOL_ROUTES = ['/im/tool-usersig', '/trtc/usersigtool', '/usersig'];

export const TOOLS: Record<ToolId, ToolInfo> = {
  'offline-push': {
    id: 'offline-push',
    headings: { zh: ['离线推送定位工具'], en: ['Offline push issue finder', 'Offline push issue finder tool'] },
    looseHeading: /离线推送.*(定位|排查)|offlinepush.*(finder|issue|troubleshoot)/,
    routes: ['/im/tool-push-check'],
  },
  'user-status': {
    id: 'user-status',
    headings: {
      zh: ['用户状态检查工具', '用户客户端状态检查工具'],
      en: ['User client status checking tool', 'User client status checker', 'User status checking tool'],
    },
    looseHeading: /(用户|客户端).*状态.*(检查|查询|自查)|(user|client).*status.*check/,
    routes: ['/im/tool-push-check'],
  },
  'usersig-generator': {
    id: 'usersig-generator',
    headings: {
      zh: ['签名（UserSig）生成工具', 'UserSig 生成工具'],
      en: ['UserSig generator', 'UserSig generation tool', 'Signature (UserSig) Generator', 'Signature (UserSig) Generation Tool'],
    },
    looseHeading: /^(?!.*校验)(?!.*verif).*((usersig|签名).*生成|generat.*usersig|usersig.*generat)/,
    routes: USERSIG_TOOL_ROUTES,
  },
  'usersig-verifier': {
    id: 'usersig-verifier',
    headings: {
      zh: ['签名（UserSig）校验工具', 'UserSig 校验工具'],
      // console.trtc.io: "Signature (UserSig) Verifier/Checker" (the "/" ends the name as a word break does).
      en: ['UserSig verification tool', 'UserSig verifier', 'Signature (UserSig) Verifier', 'Signature (UserSig) Checker'],
    },
    looseHeading: /^(?!.*生成)(?!.*generat).*((usersig|签名).*校验|usersig.*(verif|validat|check)|(verif|check).*usersig)/,
    routes: USERSIG_TOOL_ROUTES,
  },
  'troubleshooting-log': {
    id: 'troubleshooting-log',
    headings: { zh: ['自助排障日志'], en: ['Self-service troubleshooting logs', 'Self-service troubleshooting log'] },
    looseHeading: /排障日志|troubleshoot.*log/,
    routes: ['/im/tool-log'],
  },
};

export interface DetectedTool {
  id: ToolId;
  /** The tool's section: the card that holds its heading and its fields. */
  root: Element;
  heading: Element;
  /** Language of the name that matched. */
  lang: Lang;
  /** The heading leads with one of the tool's names (false: loose wording accepted because the URL is the tool's page). */
  exactHeading: boolean;
  urlMatches: boolean;
}

const HEADING_TAGS = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
/**
 * Card titles of libraries that title a card with a plain element (TDesign's, used by the TRTC
 * console; Ant Design's). Looked up by class name: an attribute-substring selector over a
 * 5,000-row page costs more than all the headings together, on every DOM change batch. Each class
 * is a walk of the page: with five more libraries' classes (Arco, Semi, Element Plus, Naive UI,
 * Fusion) a 50,000-row page took a 58 ms task in Firefox, and in one selector with the headings
 * 26–41 ms; so two.
 */
const CARD_TITLE_CLASSES = ['t-card__title', 'ant-card-head-title'];
const OUTSIDE_CONTENT = 'nav, [role="navigation"], [role="menu"], [role="menubar"], aside';
/** A heading with its description (TEA renders the card's description inside the title's heading). */
const MAX_HEADING_CHARS = 400;

/** A loose title may add a few words ("(Beta)", "新版") to the documented one, not become a sentence. */
const LOOSE_EXTRA_CHARS = 12;

interface Name {
  id: ToolId;
  lang: Lang;
  norm: string;
}

/** Every name of every tool, longest first (so "… finder tool" wins over "… finder"). */
const NAMES: Name[] = TOOL_IDS.flatMap((id) =>
  (['zh', 'en'] as const).flatMap((lang) => TOOLS[id].headings[lang].map((text) => ({ id, lang, norm: normalizeLabel(text) }))),
).sort((a, b) => b.norm.length - a.norm.length);

const looseMaxLength = new Map<string, number>();
for (const { id, lang, norm } of NAMES) {
  const key = `${id}|${lang}`;
  looseMaxLength.set(key, Math.max(looseMaxLength.get(key) ?? 0, norm.length + LOOSE_EXTRA_CHARS));
}

const hasHan = (text: string) => /[\u3400-\u9fff]/.test(text);

export function toolsForUrl(url: string): ToolId[] {
  const path = consolePath(url);
  return path ? TOOL_IDS.filter((id) => TOOLS[id].routes.includes(path)) : [];
}

interface Candidate {
  id: ToolId;
  heading: Element;
  lang: Lang;
  exact: boolean;
}

function namedTool(text: HeadingText): Name | undefined {
  return NAMES.find((name) => leadsWith(text, name.norm));
}

function looseTools(text: HeadingText, urlTools: readonly ToolId[]): ToolId[] {
  const lang: Lang = hasHan(text.lead) ? 'zh' : 'en';
  return urlTools.filter((id) => text.lead.length <= (looseMaxLength.get(`${id}|${lang}`) ?? 0) && TOOLS[id].looseHeading.test(text.lead));
}

function* headingElements(doc: Document): Iterable<Element> {
  yield* doc.querySelectorAll(HEADING_TAGS);
  for (const name of CARD_TITLE_CLASSES) {
    for (const title of doc.getElementsByClassName(name)) if (!title.querySelector(HEADING_TAGS)) yield title;
  }
}

function headingCandidates(doc: Document, urlTools: readonly ToolId[]): Candidate[] {
  const found: Candidate[] = [];
  for (const heading of headingElements(doc)) {
    if (heading.closest(OUTSIDE_CONTENT)) continue;
    const text = headingText(heading, MAX_HEADING_CHARS);
    if (!text?.norm) continue;
    const named = namedTool(text);
    if (named) {
      found.push({ id: named.id, lang: named.lang, heading, exact: true });
      continue;
    }
    const lang: Lang = hasHan(text.lead) ? 'zh' : 'en';
    for (const id of looseTools(text, urlTools)) found.push({ id, heading, lang, exact: false });
  }
  return found;
}

const isCard = (el: Element) => /(^|\s)[\w-]*card(\s|$)/i.test(el.getAttribute('class') ?? '');
const CARD_LEVELS_ABOVE_FIELDS = 3;

/**
 * Climb from the heading to the first ancestor with fields, then on to the card around it when
 * one is close (TEA's card body holds the fields, the card holds the body); give up where
 * another tool's heading starts.
 */
function sectionRoot(heading: Element, others: readonly Element[]): Element | undefined {
  const holdsOther = (el: Element) => others.some((o) => o !== heading && el.contains(o));
  let el = heading.parentElement;
  for (; el && el.tagName !== 'BODY' && el.tagName !== 'HTML'; el = el.parentElement) {
    if (holdsOther(el)) return undefined;
    if (hasField(el)) break;
  }
  if (!el || el.tagName === 'BODY' || el.tagName === 'HTML') return undefined;
  if (isCard(el)) return el;
  let up = el.parentElement;
  for (let level = 0; up && level < CARD_LEVELS_ABOVE_FIELDS && up.tagName !== 'BODY'; level++, up = up.parentElement) {
    if (holdsOther(up)) break;
    if (isCard(up)) return up;
  }
  return el;
}

/** Every tool on screen, in document order, each with its section root. */
export function detectTools(doc: Document, url: string): DetectedTool[] {
  const urlTools = toolsForUrl(url);
  const candidates = headingCandidates(doc, urlTools);
  const headings = candidates.map((c) => c.heading);
  const result: DetectedTool[] = [];
  for (const id of TOOL_IDS) {
    // Named headings first; a loose title only when no named one has a usable section.
    const mine = candidates.filter((c) => c.id === id).sort((a, b) => Number(b.exact) - Number(a.exact));
    for (const c of mine) {
      const root = sectionRoot(c.heading, headings);
      if (!root) continue;
      result.push({ id, root, heading: c.heading, lang: c.lang, exactHeading: c.exact, urlMatches: urlTools.includes(id) });
      break;
    }
  }
  return result.sort((a, b) => (a.heading.compareDocumentPosition(b.heading) & 4 ? -1 : 1));
}

export function detectTool(id: ToolId, doc: Document, url: string): DetectedTool | undefined {
  return detectTools(doc, url).find((t) => t.id === id);
}
