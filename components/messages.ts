import type { Lang } from '../lib/i18n.ts';
import type { EN_MESSAGES } from './messages-en.ts';

export type Messages = typeof EN_MESSAGES;

/**
 * UI strings by language. Each language's table registers itself when its module is imported
 * (messages-en.ts, messages-zh.ts): the popup loads only the one it shows (languages.ts),
 * bundles that switch at once import both (all-languages.ts).
 */
export const MESSAGES = {} as Record<Lang, Messages>;
