import { langFromLocale, type Lang } from '../lib/i18n.ts';

export type Theme = 'auto' | 'light' | 'dark';

/** `?lang=` and `?theme=` win (links and tests), then the saved setting, then the browser. */
export function initialPreferences(search: string, saved?: { lang?: Lang | 'auto'; theme?: Theme }): { lang: Lang; theme: Theme } {
  const params = new URLSearchParams(search);
  const qLang = params.get('lang');
  const qTheme = params.get('theme');
  const lang: Lang =
    qLang === 'zh' || qLang === 'en'
      ? qLang
      : saved?.lang && saved.lang !== 'auto'
        ? saved.lang
        : langFromLocale(typeof navigator === 'undefined' ? 'en' : navigator.language);
  const theme: Theme = qTheme === 'light' || qTheme === 'dark' || qTheme === 'auto' ? qTheme : (saved?.theme ?? 'auto');
  return { lang, theme };
}
