// The "Copy diagnostics" panel: reads the tool (lib/console), builds the record and renders it
// (lib/diagnostics), previews it, copies it on click. DOM only (text, never HTML), so it can move
// into the lazily loaded console UI bundle as it is: the feature file only needs `createDiagnosticsPanel`.
import { browser } from 'wxt/browser';
import { readDetectedTool, type ToolReading } from '../../../../lib/console/snapshot.ts';
import { readSdkAppIdWithSource } from '../../../../lib/console/sdkappid.ts';
import { detectTool, type ToolId } from '../../../../lib/console/tools.ts';
import { buildDiagnostics } from '../../../../lib/diagnostics/build.ts';
import { formatsFor, renderReport, type ReportFormat } from '../../../../lib/diagnostics/render.ts';
import type { Diagnostics } from '../../../../lib/diagnostics/schema.ts';
import type { Lang } from '../../../../lib/i18n.ts';
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
  const app = readSdkAppIdWithSource(doc, url);
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

export type Props = Record<string, string | boolean | undefined>;

/** A tiny element builder: attributes and text only (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Props = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

export interface DiagnosticsPanel {
  element: HTMLElement;
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

export function createDiagnosticsPanel({ id, lang, doc, toolName, alignRight, onState, onClose }: DiagnosticsPanelOptions): DiagnosticsPanel {
  const m = DIAGNOSTICS_MESSAGES[lang];
  let record: Diagnostics | undefined;
  let format: ReportFormat = 'markdown';
  let full = false;
  let text = '';
  let round = 0;

  const closeButton = el(doc, 'button', { type: 'button', 'aria-label': m.close, 'data-action': 'close' }, '×');
  closeButton.addEventListener('click', onClose);
  const element = el(
    doc,
    'div',
    { class: `imch panel diagnostics${alignRight ? ' right' : ''}`, 'data-theme': 'light', role: 'dialog', 'aria-label': m.panelTitle(toolName), lang: lang === 'zh' ? 'zh-CN' : 'en', 'data-tool': id, 'data-state': 'capturing' },
    el(doc, 'header', {}, el(doc, 'strong', {}, m.panelTitle(toolName)), closeButton),
  );
  const body = el(doc, 'div');
  const capturing = el(doc, 'p', { class: 'help' }, m.capturing);
  element.append(capturing, body);

  const formatRow = el(doc, 'div', { class: 'row', role: 'radiogroup', 'aria-label': m.format }, el(doc, 'span', { class: 'help' }, `${m.format}:`));
  const fullBox = el(doc, 'input', { type: 'checkbox', 'data-action': 'full' });
  const fullLabel = el(doc, 'label', { class: 'switch' }, fullBox, m.includeTokens);
  const fullHelp = el(doc, 'p', { class: 'help' }, m.includeTokensHelp);
  const fullWarning = el(doc, 'p', { class: 'banner warn', 'data-full-warning': true });
  const missing = el(doc, 'p', { class: 'help' });
  const preview = el(doc, 'pre', { 'data-preview': true, tabindex: '0', 'aria-label': m.preview });
  const copyButton = el(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'copy' }, m.copy);
  const recapture = el(doc, 'button', { type: 'button', 'data-action': 'recapture' }, m.recapture);
  const status = el(doc, 'p', { class: 'banner', 'aria-live': 'polite', 'data-status': '' });
  body.append(formatRow, fullLabel, fullHelp, fullWarning, missing, preview, el(doc, 'div', { class: 'row' }, copyButton, recapture), status);
  body.hidden = true;

  const setStatus = (kind: '' | 'copied' | 'failed', message = '') => {
    status.dataset.status = kind;
    status.className = `banner${kind === 'copied' ? ' ok' : kind === 'failed' ? ' bad' : ''}`;
    status.textContent = message;
  };

  const update = () => {
    if (!record) return;
    text = renderReport(record, format, { includeTokens: full });
    const { shown, more } = head(text, PREVIEW_LINES);
    preview.textContent = more > 0 ? `${shown}${m.previewMore(more)}\n` : shown;
    for (const button of formatRow.querySelectorAll<HTMLButtonElement>('button[data-format]')) {
      button.setAttribute('aria-checked', String(button.dataset.format === format));
    }
    fullWarning.textContent = full ? m.fullWarning : '';
    element.dataset.format = format;
    element.dataset.tokens = full ? 'full' : 'masked';
  };

  const show = (r: Diagnostics) => {
    record = r;
    for (const old of formatRow.querySelectorAll('button')) old.remove();
    const formats = formatsFor(r);
    if (!formats.includes(format)) format = 'markdown';
    for (const f of formats) {
      const button = el(doc, 'button', { type: 'button', role: 'radio', 'data-format': f }, m.formats[f]);
      button.addEventListener('click', () => {
        format = f;
        setStatus('');
        update();
      });
      formatRow.append(button);
    }
    missing.className = r.missing.length > 0 ? 'banner warn' : 'help';
    missing.dataset.missing = String(r.missing.length);
    missing.textContent = r.missing.length > 0 ? m.partial(r.missing.length) : m.complete;
    update();
    capturing.hidden = true;
    body.hidden = false;
    element.dataset.state = 'ready';
    onState('ready');
    copyButton.focus();
  };

  const run = () => {
    const mine = ++round;
    element.dataset.state = 'capturing';
    onState('capturing');
    capturing.textContent = m.capturing;
    capturing.className = 'help';
    capturing.hidden = false;
    setStatus('');
    capture(id, lang, doc).then(
      (r) => {
        if (mine === round) show(r);
      },
      () => {
        if (mine !== round) return;
        element.dataset.state = 'failed';
        onState('failed');
        capturing.className = 'banner bad';
        capturing.textContent = m.captureFailed;
      },
    );
  };

  fullBox.addEventListener('change', () => {
    full = fullBox.checked;
    setStatus('');
    update();
  });
  recapture.addEventListener('click', run);
  copyButton.addEventListener('click', async (event) => {
    if (!event.isTrusted || !record) return;
    const copied = text;
    try {
      await navigator.clipboard.writeText(copied);
      const rows = record.tool === 'troubleshooting-log' ? record.data.rows?.length : undefined;
      const info: CopiedInfo = { tool: toolName, format, masked: !full, chars: copied.length, ...(rows !== undefined ? { rows } : {}) };
      setStatus('copied', m.copied(info));
    } catch {
      setStatus('failed', m.copyFailed);
    }
  });

  run();
  return { element };
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

