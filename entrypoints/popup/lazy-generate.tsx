import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GeneratePane } from './GeneratePane.tsx';

type Props = ComponentProps<typeof GeneratePane>;
let loaded: Promise<typeof GeneratePane> | undefined;

/** The generator loads when its tab first opens: most visits only decode. */
export function LazyGeneratePane(props: Props) {
  const [Pane, setPane] = useState<typeof GeneratePane | undefined>();
  useEffect(() => {
    loaded ??= import('./GeneratePane.tsx').then((m) => m.GeneratePane);
    loaded.then((component) => setPane(() => component));
  }, []);
  return Pane ? <Pane {...props} /> : null;
}
