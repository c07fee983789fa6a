// Time formatting for reports (pure: the time zone offset is passed in, so a report made in one
// zone prints the same anywhere, and tests are deterministic).
import type { Lang } from '../i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function parts(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `UTC+08:00`. */
export function zoneName(offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-11-22 00:30:00 UTC` from unix milliseconds. */
export function utcText(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : `${parts(d)} UTC`;
}

/** `2026-11-22 08:30:00 (UTC+08:00)` from unix milliseconds and the zone's offset. */
export function localText(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return Number.isNaN(d.getTime()) ? String(ms) : `${parts(d)} (${zoneName(offsetMinutes)})`;
}

/** The browser's offset (minutes east of UTC) at a moment. */
export function localOffsetMinutes(ms: number): number {
  const offset = -new Date(ms).getTimezoneOffset();
  return Number.isFinite(offset) ? offset : 0;
}

const UNITS: Array<[number, string, string]> = [
  [365 * 86_400, '年', 'y'],
  [86_400, '天', 'd'],
  [3_600, '小时', 'h'],
  [60, '分钟', 'min'],
  [1, '秒', 's'],
];

/** The two largest units: "2 d 3 h", "5 min", "2 天 3 小时". */
export function spanText(seconds: number, lang: Lang): string {
  let rest = Math.abs(Math.round(seconds));
  const out: string[] = [];
  for (const [size, zh, en] of UNITS) {
    if (out.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0 || (size === 1 && out.length === 0)) {
      out.push(lang === 'zh' ? `${n} ${zh}` : `${n} ${en}`);
      rest -= n * size;
    } else if (out.length === 1) break;
  }
  return out.join(' ');
}
