import { browser } from 'wxt/browser';
import { readDetectedTool, type ToolReading } from '../../../lib/console/snapshot.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import { TOOL_IDS, TOOLS, detectTool, type DetectedTool, type ToolId } from '../../../lib/console/tools.ts';
import { buildDiagnostics } from '../../../lib/diagnostics/build.ts';
import { formatsFor, renderReport, type ReportFormat } from '../../../lib/diagnostics/render.ts';
import type { Diagnostics } from '../../../lib/diagnostics/schema.ts';
import type { Lang } from '../../../lib/i18n.ts';
import type { ConsoleFeature } from '../feature.ts';
import { createHost } from '../ui/host.ts';
import { DIAGNOSTICS_MESSAGES, type CopiedInfo } from './diagnostics-messages.ts';
import { DIAGNOSTICS_CSS } from './diagnostics-styles.ts';

/**
 * "Copy diagnostics" (复制诊断信息) on every auxiliary tool: a small button at the end of the
 * tool's header opens a preview of what the tool shows as a report (lib/diagnostics) in Markdown,
 * text or JSON (CSV too for log rows), tokens masked unless switched on; Copy puts it on the
 * clipboard (on click only). The panel is drawn with the DOM (text only, no innerHTML) in a closed
 * shadow root, so it needs neither Preact nor the lazily loaded UI bundle.
 *
 * Pages: /im/tool-push-check (offline push issue finder, user client status checker),
 * /im/tool-usersig (UserSig generator and verifier), the self-service troubleshooting logs.
 */
export const diagnostics: ConsoleFeature = {
  id: 'diagnostics',
  tools: TOOL_IDS,
  init({ signal, lang, tools, document }) {
    const controls = new Map<ToolId, Control>();
    const sync = () => {
      if (signal.aborted) return;
      for (const initial of tools) {
        let control = controls.get(initial.id);
        if (control?.host.isConnected) continue;
        // The console re-renders: find the tool's heading again before putting the button back.
        const tool = control ? detectTool(initial.id, document, document.location.href) : initial;
        if (!tool) continue;
        control ??= createControl(initial.id, lang, document);
        controls.set(initial.id, control);
        placeAfterHeading(tool, control.host);
      }
    };
    sync();
    const poll = setInterval(sync, 1000);
    signal.addEventListener('abort', () => {
      clearInterval(poll);
      for (const control of controls.values()) control.remove();
      controls.clear();
    });
  },
};

/** At the end of the tool's header: right after its heading. */
function placeAfterHeading(tool: DetectedTool, host: HTMLElement) {
  if (tool.heading.nextSibling !== host) tool.heading.after(host);
}

interface Control {
  host: HTMLElement;
  remove(): void;
}

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
  const start = performance.now();
  const url = doc.location.href;
  const tool = detectTool(id, doc, url);
  const reading: ToolReading = tool
    ? readDetectedTool(tool)
    : ({ tool: id, data: id === 'troubleshooting-log' ? { filters: {}, skippedRows: 0 } : {}, missing: ['reader'] } as ToolReading);
  performance.measure('imch:diagnostics:read', { start, end: performance.now() });
  const record = await buildDiagnostics({
    reading,
    lang,
    url,
    sdkAppId: readSdkAppId(doc, url),
    extension: { name: APP_NAME, version: extensionVersion() },
  });
  performance.measure('imch:diagnostics:capture', { start, end: performance.now() });
  return record;
}

type Props = Record<string, string | boolean | undefined>;

/** A tiny element builder: attributes and text only (never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Props = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

function createControl(id: ToolId, lang: Lang, doc: Document): Control {
  const m = DIAGNOSTICS_MESSAGES[lang];
  const toolName = TOOLS[id].headings[lang][0] ?? id;
  const { host, root } = createHost('diagnostics');
  host.dataset.tool = id;
  host.style.margin = '2px 0 0 4px';
  const style = el(doc, 'style');
  style.textContent = DIAGNOSTICS_CSS;
  const trigger = el(doc, 'button', { type: 'button', class: 'trigger', title: m.triggerTitle(toolName), 'aria-haspopup': 'dialog', 'aria-expanded': 'false' }, m.trigger);
  root.append(style, trigger);

  let panel: Panel | undefined;
  const close = () => {
    panel?.element.remove();
    panel = undefined;
    delete host.dataset.open;
    trigger.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
    doc.removeEventListener('keydown', onEscape, true);
  };
  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) close();
  };
  const onEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      close();
      trigger.focus();
    }
  };
  trigger.addEventListener('click', (event) => {
    // Only a real user's click: the page cannot drive our UI with synthetic events.
    if (!event.isTrusted) return;
    if (panel) return close();
    const view = doc.defaultView;
    const alignRight = !!view && host.getBoundingClientRect().left + 590 > view.innerWidth;
    // `data-open` on the host (capturing, ready, failed) tells tests and the page only that a panel is open.
    host.dataset.open = 'capturing';
    panel = createPanel({
      id,
      lang,
      doc,
      toolName,
      alignRight,
      onState: (state) => {
        if (host.dataset.open !== undefined) host.dataset.open = state;
      },
      onClose: () => {
        close();
        trigger.focus();
      },
    });
    root.append(panel.element);
    trigger.setAttribute('aria-expanded', 'true');
    doc.addEventListener('pointerdown', onOutside, true);
    doc.addEventListener('keydown', onEscape, true);
  });

  return {
    host,
    remove() {
      close();
      host.remove();
    },
  };
}

interface Panel {
  element: HTMLElement;
}

interface PanelOptions {
  id: ToolId;
  lang: Lang;
  doc: Document;
  toolName: string;
  alignRight: boolean;
  onState: (state: 'capturing' | 'ready' | 'failed') => void;
  onClose: () => void;
}

function createPanel({ id, lang, doc, toolName, alignRight, onState, onClose }: PanelOptions): Panel {
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
    { class: `panel${alignRight ? ' right' : ''}`, role: 'dialog', 'aria-label': m.panelTitle(toolName), lang: lang === 'zh' ? 'zh-CN' : 'en', 'data-tool': id, 'data-state': 'capturing' },
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
    const start = performance.now();
    text = renderReport(record, format, { includeTokens: full });
    performance.measure('imch:diagnostics:render', { start, end: performance.now() });
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
    const start = performance.now();
    const copied = text;
    try {
      await navigator.clipboard.writeText(copied);
      const rows = record.tool === 'troubleshooting-log' ? record.data.rows?.length : undefined;
      const info: CopiedInfo = { tool: toolName, format, masked: !full, chars: copied.length, ...(rows !== undefined ? { rows } : {}) };
      setStatus('copied', m.copied(info));
    } catch {
      setStatus('failed', m.copyFailed);
    }
    performance.measure('imch:diagnostics:copy', { start, end: performance.now() });
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

