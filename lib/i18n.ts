export type Lang = 'zh' | 'en';

/** Chinese for any zh-* locale, English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

export type Localized = Record<Lang, string>;
