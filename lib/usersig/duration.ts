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
