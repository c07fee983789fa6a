// The "Copy diagnostics" panel: reads the tool (lib/console), builds the record and renders it
// (lib/diagnostics), previews it, copies it on click. Preact, in the lazily loaded console UI
// bundle: the feature's index.ts only needs `createDiagnosticsPanel`.
import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readDetectedTool, type ToolReading } from '../../../../lib/console/snapshot.ts';
import { readSdkAppIdWithSource } from '../../../../lib/console/sdkappid.ts';
import { detectTool, type ToolId } from '../../../../lib/console/tools.ts';
import { buildDiagnostics } from '../../../../lib/diagnostics/build.ts';
import { formatsFor, renderReport, type ReportFormat } from '../../../../lib/diagnostics/render.ts';
import type { Diagnostics } from '../../../../lib/diagnostics/schema.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import { parseSettings, SETTINGS_STORAGE_KEY } from '../../../../lib/storage/settings-schema.ts';
import { DIAGNOSTICS_MESSAGES, type CopiedInfo } from './messages.ts';

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

const APP_NAME = 'IM Console Helper';

/** Reads the tool as it is on screen now and builds its record (tokens in full; masked on output). */
export async function capture(id: ToolId, lang: Lang, doc: Document): Promise<Diagnostics> {
  const url = doc.location.href;
  const tool = detectTool(id, doc, url);
  const reading: ToolReading = tool
    ? readDetectedTool(tool)
    : ({ tool: id, data: id === 'troubleshooting-log' ? { filters: {}, skippedRows: 0 } : {}, missing: ['reader'] } as ToolReading);
  const app = readSdkAppIdWithSource(doc, url, tool?.root);
  const record = await buildDiagnostics({
    reading,
    lang,
    url,
    sdkAppId: app?.sdkAppId,
    sdkAppIdSource: app?.source,
    extension: { name: APP_NAME, version: extensionVersion() },
  });
  return record;
}

/** The options page's "mask tokens in copied diagnostics" setting: the panel's default (masked if unreadable). */
export async function maskByDefault(): Promise<boolean> {
  try {
    return parseSettings((await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).settings.maskDiagnostics;
  } catch {
    return true;
  }
}

export interface DiagnosticsPanel {
  element: HTMLElement;
  /** Unmounts the panel and takes it off the page. */
  remove(): void;
}

export interface DiagnosticsPanelOptions {
  id: ToolId;
  lang: Lang;
  doc: Document;
  toolName: string;
  alignRight: boolean;
  onState: (state: 'capturing' | 'ready' | 'failed') => void;
  onClose: () => void;
}

type Captured = { state: 'capturing' } | { state: 'ready'; record: Diagnostics } | { state: 'failed' };
type Status = { kind: '' | 'copied' | 'failed'; message: string };
const NO_STATUS: Status = { kind: '', message: '' };

function Panel({ id, lang, doc, toolName, alignRight, onState, onClose }: DiagnosticsPanelOptions) {
  const m = DIAGNOSTICS_MESSAGES[lang];
  const [round, setRound] = useState(0);
  const [captured, setCaptured] = useState<Captured>({ state: 'capturing' });
  const [chosen, setChosen] = useState<ReportFormat>('markdown');
  const [full, setFull] = useState(false);
  const [status, setStatus] = useState<Status>(NO_STATUS);
  const copyButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    setCaptured({ state: 'capturing' });
    setStatus(NO_STATUS);
    onState('capturing');
    // The first capture also reads the mask setting, so the record shows ready with its default;
    // a recapture keeps what the user chose.
    Promise.all([capture(id, lang, doc), round === 0 ? maskByDefault() : undefined]).then(
      ([record, mask]) => {
        if (!live) return;
        if (mask !== undefined) setFull(!mask);
        setCaptured({ state: 'ready', record });
        onState('ready');
      },
      () => {
        if (!live) return;
        setCaptured({ state: 'failed' });
        onState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  // Focus moves to Copy as the panel shows ready (layout effect: before the next key can land), so Enter copies.
  useLayoutEffect(() => {
    if (captured.state === 'ready') copyButton.current?.focus();
  }, [captured]);

  const record = captured.state === 'ready' ? captured.record : undefined;
  const formats = record ? formatsFor(record) : [];
  const format: ReportFormat = formats.includes(chosen) ? chosen : 'markdown';
  const text = useMemo(() => (record ? renderReport(record, format, { includeTokens: full }) : ''), [record, format, full]);
  const { shown, more } = head(text, PREVIEW_LINES);

  const copy = async (event: MouseEvent) => {
    if (!event.isTrusted || !record) return;
    const copied = text;
    try {
      await navigator.clipboard.writeText(copied);
      const rows = record.tool === 'troubleshooting-log' ? record.data.rows?.length : undefined;
      const info: CopiedInfo = { tool: toolName, format, masked: !full, chars: copied.length, ...(rows !== undefined ? { rows } : {}) };
      setStatus({ kind: 'copied', message: m.copied(info) });
    } catch {
      setStatus({ kind: 'failed', message: m.copyFailed });
    }
  };

  return (
    <div
      class={`imch panel diagnostics${alignRight ? ' right' : ''}`}
      data-theme="light"
      role="dialog"
      aria-label={m.panelTitle(toolName)}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-tool={id}
      data-state={captured.state}
      data-format={record ? format : undefined}
      data-tokens={record ? (full ? 'full' : 'masked') : undefined}
    >
      <header>
        <strong>{m.panelTitle(toolName)}</strong>
        <button type="button" aria-label={m.close} data-action="close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class={captured.state === 'failed' ? 'banner bad' : 'help'} hidden={captured.state === 'ready'}>
        {captured.state === 'failed' ? m.captureFailed : m.capturing}
      </p>
      <div hidden={!record}>
        <div class="row" role="radiogroup" aria-label={m.format}>
          <span class="help">{`${m.format}:`}</span>
          {formats.map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              data-format={f}
              aria-checked={f === format}
              onClick={() => {
                setChosen(f);
                setStatus(NO_STATUS);
              }}
            >
              {m.formats[f]}
            </button>
          ))}
        </div>
        <label class="switch">
          <input
            type="checkbox"
            data-action="full"
            checked={full}
            onChange={(event) => {
              setFull(event.currentTarget.checked);
              setStatus(NO_STATUS);
            }}
          />
          {m.includeTokens}
        </label>
        <p class="help">{m.includeTokensHelp}</p>
        <p class="banner warn" data-full-warning="">
          {full ? m.fullWarning : ''}
        </p>
        {record && (
          <p class={record.missing.length > 0 ? 'banner warn' : 'help'} data-missing={String(record.missing.length)}>
            {record.missing.length > 0 ? m.partial(record.missing.length) : m.complete}
          </p>
        )}
        <pre data-preview="" tabIndex={0} aria-label={m.preview}>
          {more > 0 ? `${shown}${m.previewMore(more)}\n` : shown}
        </pre>
        <div class="row">
          <button type="button" class="primary" data-action="copy" ref={copyButton} onClick={copy}>
            {m.copy}
          </button>
          <button type="button" data-action="recapture" onClick={() => setRound((r) => r + 1)}>
            {m.recapture}
          </button>
        </div>
        <p class={`banner${status.kind === 'copied' ? ' ok' : status.kind === 'failed' ? ' bad' : ''}`} aria-live="polite" data-status={status.kind}>
          {status.message}
        </p>
      </div>
    </div>
  );
}

/** Renders the panel (Preact, in the UI bundle) into a new element for the trigger's shadow root. */
export function createDiagnosticsPanel(options: DiagnosticsPanelOptions): DiagnosticsPanel {
  const element = options.doc.createElement('div');
  render(<Panel {...options} />, element);
  return {
    element,
    remove() {
      render(null, element);
      element.remove();
    },
  };
}

const PREVIEW_LINES = 120;

/** The first lines of a long text, and how many more there are (without splitting all of it). */
function head(text: string, lines: number): { shown: string; more: number } {
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return { shown: text, more: 0 };
    at = next + 1;
  }
  if (at >= text.length) return { shown: text, more: 0 };
  let more = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n', at); i !== -1; i = text.indexOf('\n', i + 1)) more++;
  return { shown: text.slice(0, at), more };
}
