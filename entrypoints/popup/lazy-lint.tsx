import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import type { DecodeResult } from '../../lib/usersig/types.ts';

type Panel = typeof import('./lint-panel.tsx');
let loaded: Promise<Panel> | undefined;
const load = () => (loaded ??= import('./lint-panel.tsx'));

/** The lint loads as a chunk of its own with the first decoded token (the popup opens without it). */
export function LazyLints(props: { decoded: DecodeResult; lang: Lang; now: number }) {
  const [panel, setPanel] = useState<Panel | undefined>();
  useEffect(() => {
    if (!panel) load().then(setPanel);
  }, []);
  return panel ? <panel.Lints {...props} /> : null;
}
