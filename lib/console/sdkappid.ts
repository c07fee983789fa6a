import { SdkAppIdSchema, accept } from './values.ts';
import { parseUrl } from './urls.ts';

const URL_KEYS = ['sdkappid', 'appid'];
/** Where the console shows the current app: the top bar and its app switcher. */
const TOP_BAR_SELECTOR = 'header, [role="banner"], [class*="topbar"], [class*="top-bar"], [class*="app-switcher"], [class*="app-select"]';
const LABELLED_ID = /SDK\s*App\s*ID\s*[:：=]?\s*(\d{5,10})(?!\d)/i;

function fromText(text: string | null | undefined): number | undefined {
  const digits = LABELLED_ID.exec(text ?? '')?.[1];
  return digits ? accept(SdkAppIdSchema, Number(digits)) : undefined;
}

function fromUrl(url: string): number | undefined {
  const u = parseUrl(url);
  if (!u) return undefined;
  for (const [key, value] of u.searchParams) {
    if (URL_KEYS.includes(key.toLowerCase()) && /^\d{5,10}$/.test(value.trim())) {
      const id = accept(SdkAppIdSchema, Number(value.trim()));
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/** The current app's SDKAppID: URL query (`sdkappid=` / `appid=`) first, then the top bar. */
export function readSdkAppId(doc: Document, url: string): number | undefined {
  const inUrl = fromUrl(url);
  if (inUrl !== undefined) return inUrl;
  for (const region of doc.querySelectorAll(TOP_BAR_SELECTOR)) {
    const text = region.textContent ?? '';
    if (text.length > 5000) continue;
    const id = fromText(text);
    if (id !== undefined) return id;
  }
  return undefined;
}
