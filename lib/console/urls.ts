/** The IM console on the Chinese site and on the international site. */
export const CONSOLE_HOSTS = ['console.cloud.tencent.com', 'console.tencentcloud.com'] as const;

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

/** The console route without trailing slash, e.g. `/im/tool-usersig`. */
export function consolePath(url: string): string | undefined {
  const u = parseUrl(url);
  return u ? u.pathname.replace(/\/+$/, '') || '/' : undefined;
}
