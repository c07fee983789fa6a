import type { Lang } from '../lib/i18n.ts';

/** Loads the UI and problem texts of one language; each is a chunk of its own in the popup. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh') await Promise.all([import('./messages-zh.ts'), import('../lib/usersig/problem-texts-zh.ts')]);
  else await Promise.all([import('./messages-en.ts'), import('../lib/usersig/problem-texts-en.ts')]);
}
