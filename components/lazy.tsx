import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads as a chunk of its own the first time it renders (a page opens
 * without it). A chunk that fails to load (the extension was updated under an open page) leaves
 * the part out, throws nothing, and is asked for again the next time the part renders.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: Promise<ComponentType<P>> | undefined;
  return (props: P) => {
    const [Panel, setPanel] = useState<ComponentType<P> | undefined>();
    useEffect(() => {
      (loaded ??= load()).then(
        (c) => setPanel(() => c),
        () => (loaded = undefined),
      );
    }, []);
    return Panel ? <Panel {...props} /> : null;
  };
}
