import { TOOL_IDS, TOOLS, type DetectedTool, type ToolId } from '../../../../lib/console/tools.ts';
import type { Lang } from '../../../../lib/i18n.ts';
import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { createTrigger, dismissOnOutside } from '../../ui/trigger.ts';
import { addPanelStyles } from '../../ui/host.ts';
import { reportOnce } from '../../manager.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';
import { DIAGNOSTICS_TRIGGER_MESSAGES } from './trigger-messages.ts';
import type { DiagnosticsPanel } from './panel.tsx';

/**
 * "Copy diagnostics" (复制诊断信息) on every auxiliary tool: a small button at the end of the
 * tool's header opens a preview of what the tool shows as a report (lib/diagnostics) in Markdown,
 * text or JSON (CSV too for log rows), tokens masked unless switched on; Copy puts it on the
 * clipboard (on click only). This file is the trigger and its placement; the panel (panel.ts)
 * comes with the console UI bundle loaded on first use.
 */
function init({ signal, lang, tools, document, onPageChange }: FeatureContext) {
  const controls = tools.map((tool) => ({ tool, control: createControl(tool.id, lang, document) }));
  // The manager restarts this feature when a tool's heading or section is replaced; here only
  // the button itself can go missing (the console re-rendering the header's children).
  const place = () => {
    for (const { tool, control } of controls) {
      if (!control.host.isConnected && tool.heading.isConnected) placeByHeading(tool, control.host);
    }
  };
  place();
  onPageChange(place);
  signal.addEventListener('abort', () => {
    for (const { control } of controls) control.remove();
  });
}

/**
 * Beside the tool's heading without moving the console: in a block header, floated at the right
 * of the heading's first line, level with it, if the heading keeps its height (its text has room
 * beside the button); otherwise on the line after the heading.
 */
function placeByHeading({ heading }: DetectedTool, host: HTMLElement) {
  const view = heading.ownerDocument.defaultView;
  const parent = heading.parentElement;
  if (view && parent && view.getComputedStyle(parent).display === 'block') {
    const height = heading.getBoundingClientRect().height;
    host.style.cssFloat = 'right';
    host.style.marginTop = '0';
    heading.before(host);
    if (heading.getBoundingClientRect().height === height) {
      host.style.marginTop = `${Math.max(0, heading.getBoundingClientRect().top - host.getBoundingClientRect().top)}px`;
      return;
    }
  }
  host.style.cssFloat = '';
  host.style.marginTop = '2px';
  heading.after(host);
}

interface Control {
  host: HTMLElement;
  remove(): void;
}

function createControl(id: ToolId, lang: Lang, doc: Document): Control {
  const m = DIAGNOSTICS_TRIGGER_MESSAGES[lang];
  const toolName = TOOLS[id].headings[lang][0] ?? id;
  const { host, root, button: trigger } = createTrigger('diagnostics', m.trigger, m.triggerTitle(toolName));
  host.dataset.tool = id;
  host.style.margin = '2px 0 0 4px';
  trigger.setAttribute('aria-haspopup', 'dialog');

  let panel: DiagnosticsPanel | undefined;
  let opening = false;
  let stopDismiss = () => {};
  const close = () => {
    panel?.remove();
    panel = undefined;
    stopDismiss();
    delete host.dataset.open;
    trigger.setAttribute('aria-expanded', 'false');
  };
  const open = async (event: MouseEvent) => {
    // Only a real user's click: the page cannot drive our UI with synthetic events.
    if (!event.isTrusted || opening) return;
    if (panel) return close();
    const view = doc.defaultView;
    const alignRight = !!view && host.getBoundingClientRect().left + 590 > view.innerWidth;
    // `data-open` on the host (capturing, ready, failed) tells tests and the page only that a panel is open.
    host.dataset.open = 'capturing';
    opening = true;
    let ui;
    try {
      ui = await loadConsoleUi();
    } catch (error) {
      host.dataset.open = 'failed';
      reportOnce('diagnostics', error);
      return;
    } finally {
      opening = false;
    }
    addPanelStyles(root, ui.styles);
    panel = ui.createDiagnosticsPanel({
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
    stopDismiss = dismissOnOutside(doc, host, close, trigger);
  };
  trigger.addEventListener('click', (event) => {
    open(event).catch((error: unknown) => {
      host.dataset.open = 'failed';
      reportOnce('diagnostics', error);
    });
  });

  return {
    host,
    remove() {
      close();
      host.remove();
    },
  };
}

export const diagnostics: ConsoleFeature = {
  id: 'diagnostics',
  tools: TOOL_IDS,
  init,
  pages: [
    // Offline push issue finder and user client status checker.
    'https://console.cloud.tencent.com/im/tool-push-check',
    'https://console.tencentcloud.com/im/tool-push-check',
    // UserSig generator and verifier.
    'https://console.cloud.tencent.com/im/tool-usersig',
    'https://console.tencentcloud.com/im/tool-usersig',
    // Self-service troubleshooting logs.
    'https://console.cloud.tencent.com/im/tool-log',
    'https://console.tencentcloud.com/im/tool-log',
  ],
};
