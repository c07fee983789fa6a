import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code loads as a chunk of its own the first time it renders (the popup opens without it). */
function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: Promise<ComponentType<P>> | undefined;
  return (props: P) => {
    const [Panel, setPanel] = useState<ComponentType<P> | undefined>();
    useEffect(() => {
      (loaded ??= load()).then((c) => setPanel(() => c));
    }, []);
    return Panel ? <Panel {...props} /> : null;
  };
}

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
