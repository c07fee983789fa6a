/** The Tencent Cloud consoles (Chinese site, international site), where IM and TRTC live. */
export const CONSOLE_HOSTS = ['console.cloud.tencent.com', 'console.tencentcloud.com'] as const;
/** The Tencent RTC console: TRTC and Chat of the international docs, with its shared UserSig tools. */
export const TRTC_IO_HOST = 'console.trtc.io';
/** Every host the content script is injected on (the manifest matches these hosts, nothing wider). */
export const FEATURE_HOSTS = [...CONSOLE_HOSTS, TRTC_IO_HOST] as const;

/**
 * Where features run, per host: the IM console, the TRTC console's UserSig tool ("开发辅助 >
 * UserSig生成&校验"), and on console.trtc.io its UserSig tools and the Chat pages. Anywhere else
 * on these hosts the content script does nothing (see console.content/index.ts).
 */
const TOOL_ROUTES: Record<(typeof FEATURE_HOSTS)[number], RegExp> = {
  'console.cloud.tencent.com': /^\/(im|trtc\/usersigtool)(\/|$)/,
  'console.tencentcloud.com': /^\/(im|trtc\/usersigtool)(\/|$)/,
  'console.trtc.io': /^\/(usersig|chat)(\/|$|[-_])/,
};

export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Is this a page of the IM console (`/im` and below) on one of the console hosts? */
export function isImConsoleUrl(url: string): boolean {
  const u = parseUrl(url);
  return !!u && u.protocol === 'https:' && (CONSOLE_HOSTS as readonly string[]).includes(u.hostname) && /^\/im(\/|$)/.test(u.pathname);
}

/** Is this a page the features run on (IM, the TRTC UserSig tool, console.trtc.io's UserSig and Chat pages)? */
export function isFeatureUrl(url: string): boolean {
  const u = parseUrl(url);
  if (!u || u.protocol !== 'https:') return false;
  const routes = TOOL_ROUTES[u.hostname as (typeof FEATURE_HOSTS)[number]];
  return !!routes && routes.test(u.pathname);
}

/** The console route without trailing slash, e.g. `/im/tool-usersig`. */
export function consolePath(url: string): string | undefined {
  const u = parseUrl(url);
  return u ? u.pathname.replace(/\/+$/, '') || '/' : undefined;
}
