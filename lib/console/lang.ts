import type { Lang } from '../i18n.ts';
import { parseUrl } from './urls.ts';

/**
 * The console's language: what the page declares (`<html lang>`) when it is zh or en, otherwise
 * by site: console.cloud.tencent.com is Chinese, console.tencentcloud.com (and anything else) English.
 */
export function consoleLang(url: string, doc?: Document): Lang {
  const declared = doc?.documentElement?.getAttribute('lang') ?? '';
  if (/^zh\b/i.test(declared)) return 'zh';
  if (/^en\b/i.test(declared)) return 'en';
  const host = parseUrl(url)?.hostname ?? '';
  return host === 'cloud.tencent.com' || host.endsWith('.cloud.tencent.com') ? 'zh' : 'en';
}
