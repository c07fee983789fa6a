import type { Lang } from '../lib/i18n.ts';
import { hasTexts } from '../lib/usersig/problem-texts.ts';
import { MESSAGES } from './messages.ts';

/** Loads the UI and problem texts of one language (chunks of their own) unless they are here. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (MESSAGES[lang] && hasTexts(lang)) return;
  if (lang === 'zh') await Promise.all([import('./messages-zh.ts'), import('../lib/usersig/problem-texts-zh.ts')]);
  else await Promise.all([import('./messages-en.ts'), import('../lib/usersig/problem-texts-en.ts')]);
}
