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

/** A found token's decode, from the cache (keyed by the found token itself, so never another text's) or decoded once. */
type DecodeCache = WeakMap<FoundUserSig, DecodeResult>;

function useDecoded(token: FoundUserSig, cache: DecodeCache): DecodeResult | undefined {
  // A row stays mounted while a new text streams in (rows are keyed by offset): the state says
  // which token its decode belongs to, so another text's token never shows it.
  const [decoded, setDecoded] = useState<{ token: FoundUserSig; result: DecodeResult } | undefined>();
  const result = decoded?.token === token ? decoded.result : cache.get(token);
  useEffect(() => {
    if (cache.get(token)) return;
    let live = true;
    decodeUserSig(token.text).then((r) => {
      cache.set(token, r);
      if (live) setDecoded({ token, result: r });
    });
    return () => {
      live = false;
    };
  }, [token]);
  return result;
}

function Row({ token, n, lang, now, selected, onSelect, cache }: { token: FoundUserSig; n: number; lang: Lang; now: number; selected: boolean; onSelect: () => void; cache: DecodeCache }) {
  const result = useDecoded(token, cache);
  const t = TEXTS[lang];
  const summary = !result ? '…' : result.ok ? `${result.token.identifier} · ${result.token.sdkAppId} · ${formatExpiry(result.token.expiresAt, now, lang)}` : describeProblem(result.problem, lang).title;
  return (
    <button type="button" aria-pressed={selected} onClick={onSelect} data-ok={result ? String(result.ok) : undefined} style="width: 100%; height: 100%; text-align: start; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">
      <strong>{t.token(n)}</strong> <span class="mono">{summary}</span> <span class="muted">{t.at(token.index + 1)}</span>
    </button>
  );
}

/** The chosen row's decode: from the cache its row filled, or decoded here if it is not there yet. */
function ChosenDetail({ token, cache, lang, now }: { token: FoundUserSig; cache: DecodeCache; lang: Lang; now: number }) {
  const result = useDecoded(token, cache);
  return result ? <DecodedView decoded={result} lang={lang} now={now} /> : <p class="help">…</p>;
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
  const cache = useRef<DecodeCache>(new WeakMap()).current;

  useEffect(() => {
    if (handoff) takeText(handoff).then((handed) => handed !== undefined && load(handed));
  }, []);
  const [unreadable, setUnreadable] = useState<string | undefined>();
  const openFile = (file: File | undefined) => {
    setUnreadable(undefined);
    file?.text().then(load, () => setUnreadable(file.name));
  };
  const load = (next: string) => {
    setSelected(undefined);
    setTop(0);
    setLoaded(next.length);
    setSource({ text: next });
  };

  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil(top / ROW) + VIEW_ROWS + OVERSCAN);
  const chosen = selected === undefined ? undefined : found[selected];

  return (
    // The theme covers the whole page (body margin 0 in main.tsx), not only the centred column:
    // a long detail must not run onto the browser's white canvas in the dark theme.
    <div class="imch decoder" data-theme={theme} style="min-height: 100vh">
    <main style="max-width: 960px; margin: 0 auto; padding: 12px">
      <h1>{t.title}</h1>
      <label for="big-paste">{t.paste}</label>
      <textarea id="big-paste" rows={4} spellcheck={false} style="width: 100%" onInput={(e) => load(e.currentTarget.value)} />
      <label for="big-file">{t.file}</label>
      <input id="big-file" type="file" accept=".log,.txt,.json,text/*" onChange={(e) => openFile(e.currentTarget.files?.[0])} />
      {unreadable !== undefined && <p class="help" role="alert" data-part="unreadable">{t.unreadable(unreadable)}</p>}
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
          {chosen ? <ChosenDetail token={chosen} cache={cache} lang={lang} now={now} /> : <p class="help">{t.choose}</p>}
        </div>
      </div>
    </main>
    </div>
  );
}
