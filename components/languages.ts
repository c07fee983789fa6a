import type { Lang } from '../lib/i18n.ts';

/** Loads the texts of a language that is not built in (only English is). */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh') await Promise.all([import('./messages-zh.ts'), import('../lib/usersig/problem-texts-zh.ts')]);
}
