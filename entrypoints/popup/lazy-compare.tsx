import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import type { Assessment } from '../../lib/usersig/assess.ts';

type Panel = typeof import('./compare-panel.tsx');
let loaded: Promise<Panel> | undefined;

/** Two tokens pasted: the comparison loads as a chunk of its own. */
export function LazyCompare(props: { assessments: [Assessment, Assessment]; lang: Lang }) {
  const [panel, setPanel] = useState<Panel | undefined>();
  useEffect(() => {
    if (!panel) (loaded ??= import('./compare-panel.tsx')).then(setPanel);
  }, []);
  return panel ? <panel.Compare {...props} /> : null;
}
