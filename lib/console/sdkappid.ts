// The current app's SDKAppID, and where the page showed it.
import { CUSTOM_CONTROL_SELECTOR, displayedValue } from './dom.ts';
import { findControl, findLabels, valueElementOf } from './fields.ts';
import { detectTools } from './tools.ts';
import { SdkAppIdSchema, accept } from './values.ts';
import { parseUrl } from './urls.ts';

import type { SdkAppIdSource } from './enums.ts';

export { SDKAPPID_SOURCES, type SdkAppIdSource } from './enums.ts';

export interface SdkAppIdReading {
  sdkAppId: number;
  source: SdkAppIdSource;
}

const URL_KEYS = ['sdkappid', 'appid'];
/** Where the console shows the current app: the top bar and its app switcher. */
const TOP_BAR_SELECTOR = 'header, [role="banner"], [class*="topbar"], [class*="top-bar"], [class*="app-switcher"], [class*="app-select"]';
const LABELLED_ID = /SDK\s*App\s*ID\s*[:：=]?\s*(\d{5,10})(?!\d)/i;
/** The app selector shows `app-name（SDKAppID）` (full-width parentheses; half-width accepted). */
const APP_CHOICE = /^[^()（）]{1,64}[（(]\s*(\d{5,10})\s*[)）]$/;
const SELECTOR_CONTROLS = `select, [role="combobox"], [aria-haspopup="listbox"], ${CUSTOM_CONTROL_SELECTOR}`;
const MAX_CONTROLS = 200;
const PAGE_LABELS = ['SDKAppID', 'SDK AppID', 'SDK App ID'];

const idOf = (digits: string | undefined) => (digits ? accept(SdkAppIdSchema, Number(digits)) : undefined);

function fromUrl(url: string): number | undefined {
  const u = parseUrl(url);
  if (!u) return undefined;
  for (const [key, value] of u.searchParams) {
    if (URL_KEYS.includes(key.toLowerCase()) && /^\d{5,10}$/.test(value.trim())) {
      const id = idOf(value.trim());
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/** A control (native or drawn) whose shown value is `name（SDKAppID）`. */
function fromAppSelector(doc: Document | Element): number | undefined {
  const controls = doc.querySelectorAll(SELECTOR_CONTROLS);
  for (let i = 0; i < controls.length && i < MAX_CONTROLS; i++) {
    const control = controls[i]!;
    if ((control.textContent?.length ?? 0) > 1000) continue;
    const id = idOf(APP_CHOICE.exec(displayedValue(control).slice(0, 200))?.[1]);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The app's name and ID written in the top bar as the console writes them: `name（1400000001）`. */
const NAMED_ID = /[^\s（）]（\s*(\d{5,10})\s*）/;

function fromTopBar(doc: Document): number | undefined {
  for (const region of doc.querySelectorAll(TOP_BAR_SELECTOR)) {
    const text = region.textContent ?? '';
    if (text.length > 5000) continue;
    const id = idOf((LABELLED_ID.exec(text) ?? NAMED_ID.exec(text))?.[1]);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** "SDKAppID 1400000001" anywhere on the page but inside a tool (a verified token's app is not the page's). */
function fromPageText(doc: Document, url: string): number | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const tools = detectTools(doc, url).map((t) => t.root);
  for (const hit of findLabels(body, PAGE_LABELS)) {
    if (tools.some((root) => root.contains(hit.element))) continue;
    const value = hit.inlineValue ?? valueElementOf(hit.element, body)?.textContent ?? '';
    const id = idOf(/^\s*(\d{5,10})\s*$/.exec(value.slice(0, 100))?.[1]);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Labels of a tool's own application drop-down (the TRTC consoles' UserSig tools have one per card). */
const APP_FIELD_LABELS = [...PAGE_LABELS, '应用（SDKAppID）', '应用', 'Application (SDKAppID)', 'Application'];

/** Inside a tool: its application drop-down, showing `name（SDKAppID）` or, labelled SDKAppID, the bare ID. */
function fromToolSelector(scope: Element): number | undefined {
  const labelled = findControl(scope, APP_FIELD_LABELS);
  const shown = labelled ? displayedValue(labelled).slice(0, 200) : '';
  return idOf((APP_CHOICE.exec(shown) ?? /^\s*(\d{5,10})\s*$/.exec(shown))?.[1]) ?? fromAppSelector(scope);
}

/**
 * The current app's SDKAppID and where it was read: with `scope` (a tool's section), the
 * application chosen in that tool's own drop-down first; then the URL query (`sdkappid=` / `appid=`),
 * the app selector (`name（SDKAppID）`), a top bar saying "SDKAppID: …", or a labelled value
 * elsewhere on the page (outside the tools).
 */
export function readSdkAppIdWithSource(doc: Document, url: string, scope?: Element): SdkAppIdReading | undefined {
  const attempts: [SdkAppIdSource, () => number | undefined][] = [
    ['app-selector', () => (scope ? fromToolSelector(scope) : undefined)],
    ['url', () => fromUrl(url)],
    ['app-selector', () => fromAppSelector(doc)],
    ['top-bar', () => fromTopBar(doc)],
    ['page-text', () => fromPageText(doc, url)],
  ];
  for (const [source, read] of attempts) {
    const sdkAppId = read();
    if (sdkAppId !== undefined) return { sdkAppId, source };
  }
  return undefined;
}

/** The current app's SDKAppID (see `readSdkAppIdWithSource` for where it comes from). */
export function readSdkAppId(doc: Document, url: string, scope?: Element): number | undefined {
  return readSdkAppIdWithSource(doc, url, scope)?.sdkAppId;
}
