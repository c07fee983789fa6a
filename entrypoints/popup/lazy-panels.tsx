import { lazy } from '../../components/lazy.tsx';

/** The verify form, under a decoded token (a few milliseconds after it, from the package). */
export const LazyVerifyForm = lazy(() => import('./VerifyForm.tsx').then((m) => m.VerifyForm));

/** The generator: most visits only decode. */
export const LazyGeneratePane = lazy(() => import('./GeneratePane.tsx').then((m) => m.GeneratePane));
/** The lint, with the first decoded token. */
export const LazyLints = lazy(() => import('./lint-panel.tsx').then((m) => m.Lints));
/** The tokens of a pasted log, and the comparison of two. */
export const LazyTokenList = lazy(() => import('./token-list-panel.tsx').then((m) => m.TokenList));
/** The comparison, when two tokens are pasted. */
export const LazyCompare = lazy(() => import('./compare-panel.tsx').then((m) => m.Compare));
/** The server snippets, once a token is generated. */
export const LazySnippets = lazy(() => import('./snippets-panel.tsx').then((m) => m.Snippets));
/** The offer of the decoder tab, for a text too big for the popup. */
export const LazyOpenInTab = lazy(() => import('./open-in-tab-panel.tsx').then((m) => m.OpenInTab));
