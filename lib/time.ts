// The one time formatter: popup, console panels and reports print times through it (pure: the
// time zone offset is passed in, so a report made in one zone prints the same anywhere).
import { formatSpan } from './usersig/duration.ts';

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

/** The two largest units: "2 d 3 h", "5 min", "2 天 3 小时". */
export const spanText = formatSpan;
