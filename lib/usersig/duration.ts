import type { Lang } from '../i18n.ts';

const UNITS: Array<[number, string, string]> = [
  [365 * 86_400, '年', 'y'],
  [86_400, '天', 'd'],
  [3_600, '小时', 'h'],
  [60, '分钟', 'min'],
  [1, '秒', 's'],
];

/** The largest whole unit: "2 y", "5 min", "3 天". */
export function formatDuration(seconds: number, lang: Lang): string {
  const abs = Math.abs(seconds);
  for (const [size, zh, en] of UNITS) {
    if (abs >= size || size === 1) {
      const n = Math.floor(abs / size);
      return lang === 'zh' ? `${n} ${zh}` : `${n} ${en}`;
    }
  }
  return String(seconds);
}

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
