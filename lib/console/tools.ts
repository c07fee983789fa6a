// Which auxiliary tools are on screen. Primary evidence is a tool's heading, in Chinese or
// English; the URL is a secondary hint that lets a loosely worded heading count too.
import type { Lang } from '../i18n.ts';
import { hasField } from './dom.ts';
import { normalizeLabel } from './text.ts';
import { consolePath } from './urls.ts';

export const TOOL_IDS = ['offline-push', 'user-status', 'usersig-generator', 'usersig-verifier', 'troubleshooting-log'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export interface ToolInfo {
  id: ToolId;
  /** Heading texts as the console writes them (first one per language is the documented one). */
  headings: Record<Lang, readonly string[]>;
  /** Wording that counts only when the URL is the tool's page. Matched against normalized text. */
  looseHeading: RegExp;
  /** Console routes where the tool lives. */
  routes: readonly string[];
}

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
    headings: { zh: ['签名（UserSig）生成工具', 'UserSig 生成工具'], en: ['UserSig generator', 'UserSig generation tool'] },
    looseHeading: /^(?!.*校验)(?!.*verif).*((usersig|签名).*生成|generat.*usersig|usersig.*generat)/,
    routes: ['/im/tool-usersig'],
  },
  'usersig-verifier': {
    id: 'usersig-verifier',
    headings: { zh: ['签名（UserSig）校验工具', 'UserSig 校验工具'], en: ['UserSig verification tool', 'UserSig verifier'] },
    looseHeading: /^(?!.*生成)(?!.*generat).*((usersig|签名).*校验|usersig.*(verif|validat)|verif.*usersig)/,
    routes: ['/im/tool-usersig'],
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
  /** The tool's section: the smallest ancestor of its heading that holds its fields. */
  root: Element;
  heading: Element;
  /** Language of the heading text that matched. */
  lang: Lang;
  /** The heading matched exactly (false: loose wording accepted because the URL is the tool's page). */
  exactHeading: boolean;
  urlMatches: boolean;
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const OUTSIDE_CONTENT = 'nav, [role="navigation"], [role="menu"], [role="menubar"], aside';
const MAX_HEADING_CHARS = 80;

/** A loose heading may add a few words ("(Beta)", "新版") to the documented one, not become a sentence. */
const LOOSE_EXTRA_CHARS = 12;

const exactHeadings = new Map<string, { id: ToolId; lang: Lang }>();
const looseMaxLength = new Map<string, number>();
for (const tool of Object.values(TOOLS)) {
  for (const lang of ['zh', 'en'] as const) {
    for (const text of tool.headings[lang]) {
      const norm = normalizeLabel(text);
      exactHeadings.set(norm, { id: tool.id, lang });
      const key = `${tool.id}|${lang}`;
      looseMaxLength.set(key, Math.max(looseMaxLength.get(key) ?? 0, norm.length + LOOSE_EXTRA_CHARS));
    }
  }
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

function headingCandidates(doc: Document, urlTools: readonly ToolId[]): Candidate[] {
  const found: Candidate[] = [];
  for (const heading of doc.querySelectorAll(HEADING_SELECTOR)) {
    if (heading.closest(OUTSIDE_CONTENT)) continue;
    const raw = heading.textContent ?? '';
    if (raw.length > MAX_HEADING_CHARS * 4) continue;
    const norm = normalizeLabel(raw);
    if (!norm || norm.length > MAX_HEADING_CHARS) continue;
    const exact = exactHeadings.get(norm);
    if (exact) {
      found.push({ ...exact, heading, exact: true });
      continue;
    }
    const lang: Lang = hasHan(norm) ? 'zh' : 'en';
    for (const id of urlTools) {
      if (norm.length <= (looseMaxLength.get(`${id}|${lang}`) ?? 0) && TOOLS[id].looseHeading.test(norm)) {
        found.push({ id, heading, lang, exact: false });
      }
    }
  }
  return found;
}

/** Climb from the heading to the first ancestor with fields; give up where another tool starts. */
function sectionRoot(heading: Element, others: readonly Element[]): Element | undefined {
  for (let el = heading.parentElement; el && el.tagName !== 'BODY' && el.tagName !== 'HTML'; el = el.parentElement) {
    const container = el;
    if (others.some((o) => o !== heading && container.contains(o))) return undefined;
    if (hasField(container)) return container;
  }
  return undefined;
}

/** Every tool on screen, in document order, each with its section root. */
export function detectTools(doc: Document, url: string): DetectedTool[] {
  const urlTools = toolsForUrl(url);
  const candidates = headingCandidates(doc, urlTools);
  const headings = candidates.map((c) => c.heading);
  const result: DetectedTool[] = [];
  for (const id of TOOL_IDS) {
    // Exact headings first; a loose heading only when no exact one has a usable section.
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
