import type { Lang } from '../lib/i18n.ts';
import { formatSpan } from '../lib/usersig/duration.ts';
import { localOffsetMinutes, localText, utcText } from '../lib/time.ts';

/** `2026-11-21 23:43:02 (UTC+08:00)` in the browser's time zone. */
export function formatLocal(unix: number): string {
  return localText(unix * 1000, localOffsetMinutes(unix * 1000));
}

/** `2026-11-21 15:43:02 UTC`. */
export function formatUtc(unix: number): string {
  return utcText(unix * 1000);
}

export { formatSpan };

/** "expires in 2 d 3 h" / "expired 5 min ago". */
export function formatExpiry(expiresAt: number, now: number, lang: Lang): string {
  const left = expiresAt - now;
  if (left >= 0) return lang === 'zh' ? `${formatSpan(left, lang)}后过期` : `expires in ${formatSpan(left, lang)}`;
  return lang === 'zh' ? `已过期 ${formatSpan(left, lang)}` : `expired ${formatSpan(left, lang)} ago`;
}

export function formatIssued(time: number, now: number, lang: Lang): string {
  const ago = now - time;
  if (ago >= 0) return lang === 'zh' ? `${formatSpan(ago, lang)}前` : `${formatSpan(ago, lang)} ago`;
  return lang === 'zh' ? `${formatSpan(ago, lang)}后（时间在未来）` : `in ${formatSpan(ago, lang)} (in the future)`;
}
