import type { Lang } from '../lib/i18n.ts';
import { formatSpan } from '../lib/usersig/duration.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-21 23:43:02` in the browser's time zone, with the zone's offset. */
export function formatLocal(unix: number): string {
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return String(unix);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} (${zone})`;
}

export function formatUtc(unix: number): string {
  const d = new Date(unix * 1000);
  return Number.isNaN(d.getTime()) ? String(unix) : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
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
