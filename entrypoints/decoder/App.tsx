import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n.ts';
import { decodeUserSig } from '../../lib/usersig/decode.ts';
import type { FoundUserSig } from '../../lib/usersig/find.ts';
import { findUserSigsInSlices } from '../../lib/usersig/find-slices.ts';
import type { DecodeResult } from '../../lib/usersig/types.ts';
import { DecodedView } from '../../components/DecodedView.tsx';
import { formatExpiry } from '../../components/format.ts';
import type { Theme } from '../../components/preferences.ts';
import { useNow } from '../../components/useNow.ts';
import { describeProblem } from '../../lib/usersig/problem-texts.ts';
import { takeText } from './handoff.ts';
import { TEXTS } from './texts.ts';

const ROW = 32;
const VIEW_ROWS = 16;
const OVERSCAN = 4;
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

type State = 'idle' | 'searching' | 'done';

/** The search, streamed: results are appended slice by slice, with the browser free to paint between. */
function useStreamedSearch(source: { text: string }): { found: FoundUserSig[]; count: number; state: State } {
  const found = useRef<FoundUserSig[]>([]);
  const [progress, setProgress] = useState<{ count: number; state: State }>({ count: 0, state: 'idle' });
  useEffect(() => {
    let live = true;
    const text = source.text;
    found.current = [];
    setProgress({ count: 0, state: text ? 'searching' : 'idle' });
    if (!text) return;
    (async () => {
      for (const batch of findUserSigsInSlices(text)) {
        if (!live) return;
        if (batch.length > 0) {
          for (const f of batch) found.current.push(f);
          setProgress({ count: found.current.length, state: 'searching' });
        }
        await yieldToBrowser();
      }
      if (live) setProgress({ count: found.current.length, state: 'done' });
    })();
    return () => {
      live = false;
    };
  }, [source]);
  return { found: found.current, ...progress };
}

function Row({ token, n, lang, now, selected, onSelect, cache }: { token: FoundUserSig; n: number; lang: Lang; now: number; selected: boolean; onSelect: () => void; cache: Map<number, DecodeResult> }) {
  const [result, setResult] = useState(cache.get(token.index));
  useEffect(() => {
    if (result) return;
    let live = true;
    decodeUserSig(token.text).then((r) => {
      cache.set(token.index, r);
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [token.index]);
  const t = TEXTS[lang];
  const summary = !result ? '…' : result.ok ? `${result.token.identifier} · ${result.token.sdkAppId} · ${formatExpiry(result.token.expiresAt, now, lang)}` : describeProblem(result.problem, lang).title;
  return (
    <button type="button" aria-pressed={selected} onClick={onSelect} data-ok={result ? String(result.ok) : undefined} style="width: 100%; height: 100%; text-align: start; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">
      <strong>{t.token(n)}</strong> <span class="mono">{summary}</span> <span class="muted">{t.at(token.index + 1)}</span>
    </button>
  );
}

export function App({ lang, theme, handoff }: { lang: Lang; theme: Theme; handoff?: string }) {
  const t = TEXTS[lang];
  const now = useNow();
  // An object, so that opening the same text again searches again.
  const [source, setSource] = useState({ text: '' });
  const [loaded, setLoaded] = useState<number | undefined>();
  const { found, count, state } = useStreamedSearch(source);
  const [top, setTop] = useState(0);
  const [selected, setSelected] = useState<number | undefined>();
  const cache = useRef(new Map<number, DecodeResult>()).current;

  useEffect(() => {
    if (handoff) takeText(handoff).then((handed) => handed !== undefined && load(handed));
  }, []);
  const load = (next: string) => {
    cache.clear();
    setSelected(undefined);
    setTop(0);
    setLoaded(next.length);
    setSource({ text: next });
  };

  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil(top / ROW) + VIEW_ROWS + OVERSCAN);
  const chosen = selected === undefined ? undefined : found[selected];
  const chosenResult = chosen ? cache.get(chosen.index) : undefined;

  return (
    // The theme covers the whole page (body margin 0 in main.tsx), not only the centred column:
    // a long detail must not run onto the browser's white canvas in the dark theme.
    <div class="imch decoder" data-theme={theme} style="min-height: 100vh">
    <main style="max-width: 960px; margin: 0 auto; padding: 12px">
      <h1>{t.title}</h1>
      <label for="big-paste">{t.paste}</label>
      <textarea id="big-paste" rows={4} spellcheck={false} style="width: 100%" onInput={(e) => load(e.currentTarget.value)} />
      <label for="big-file">{t.file}</label>
      <input id="big-file" type="file" accept=".log,.txt,.json,text/*" onChange={(e) => e.currentTarget.files?.[0]?.text().then(load)} />
      {loaded !== undefined && <p class="help" data-part="loaded">{t.loaded(loaded)}</p>}
      <p role="status" data-part="progress" data-state={state} data-count={count}>
        {state === 'idle' ? '' : state === 'searching' ? t.searching(count) : t.done(count)}
      </p>
      <div style="display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px">
        <div
          data-part="results"
          role="region"
          aria-label={t.list}
          tabIndex={0}
          style={`height: ${ROW * VIEW_ROWS}px; overflow: auto; position: relative; border: 1px solid var(--border)`}
          onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        >
          <ol aria-label={t.list} style={`height: ${count * ROW}px; margin: 0; padding: 0; list-style: none; position: relative`}>
            {found.slice(first, last).map((token, i) => {
              const at = first + i;
              return (
                <li key={token.index} aria-setsize={count} aria-posinset={at + 1} style={`position: absolute; top: ${at * ROW}px; left: 0; right: 0; height: ${ROW}px`}>
                  <Row token={token} n={at + 1} lang={lang} now={now} selected={at === selected} onSelect={() => setSelected(at)} cache={cache} />
                </li>
              );
            })}
          </ol>
        </div>
        <div data-part="detail">
          {chosenResult ? <DecodedView decoded={chosenResult} lang={lang} now={now} /> : <p class="help">{t.choose}</p>}
        </div>
      </div>
    </main>
    </div>
  );
}
