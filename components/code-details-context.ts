import { createContext, type ComponentType } from 'preact';
import type { Lang } from '../lib/i18n.ts';

/**
 * How a page shows the full dictionary entry of a problem's server code: the popup provides a
 * component that loads the dictionary on first use; pages that provide none show no expander.
 */
export const CodeDetailsContext = createContext<ComponentType<{ code: number; lang: Lang }> | undefined>(undefined);
