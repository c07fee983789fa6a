import type { Lang } from '../lib/i18n.ts';

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

const UNITS: Array<[number, string, string]> = [
  [365 * 86_400, '年', 'y'],
  [86_400, '天', 'd'],
  [3_600, '小时', 'h'],
  [60, '分钟', 'min'],
  [1, '秒', 's'],
];

/** The two largest units: "2 d 3 h", "5 min", "2 天 3 小时". */
export function formatSpan(seconds: number, lang: Lang): string {
  let rest = Math.abs(Math.round(seconds));
  const parts: string[] = [];
  for (const [size, zh, en] of UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0 || (size === 1 && parts.length === 0)) {
      parts.push(lang === 'zh' ? `${n} ${zh}` : `${n} ${en}`);
      rest -= n * size;
    } else if (parts.length === 1) break;
  }
  return parts.join(' ');
}

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
