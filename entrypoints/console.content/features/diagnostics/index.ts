import { TOOL_IDS, TOOLS, detectTool, type DetectedTool, type ToolId } from '../../../lib/console/tools.ts';
import type { Lang } from '../../../lib/i18n.ts';
import type { ConsoleFeature } from '../feature.ts';
import { createTrigger, dismissOnOutside } from '../ui/trigger.ts';
import { DIAGNOSTICS_MESSAGES } from './diagnostics-messages.ts';
import type { DiagnosticsPanel } from './diagnostics-panel.ts';
import { loadConsoleUi } from '../ui/lazy-ui.ts';
import { DIAGNOSTICS_CSS } from './diagnostics-styles.ts';

/**
 * "Copy diagnostics" (复制诊断信息) on every auxiliary tool: a small button at the end of the
 * tool's header opens a preview of what the tool shows as a report (lib/diagnostics) in Markdown,
 * text or JSON (CSV too for log rows), tokens masked unless switched on; Copy puts it on the
 * clipboard (on click only). The panel is drawn with the DOM (text only, no innerHTML) in a closed
 * shadow root. This file is the trigger and its placement; the panel and the report layer are in
 * diagnostics-panel.ts, which comes with the console UI bundle loaded on first use.
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

function createControl(id: ToolId, lang: Lang, doc: Document): Control {
  const m = DIAGNOSTICS_MESSAGES[lang];
  const toolName = TOOLS[id].headings[lang][0] ?? id;
  const { host, root, button: trigger } = createTrigger('diagnostics', DIAGNOSTICS_CSS, m.trigger, m.triggerTitle(toolName));
  host.dataset.tool = id;
  host.style.margin = '2px 0 0 4px';
  trigger.setAttribute('aria-haspopup', 'dialog');

  let panel: DiagnosticsPanel | undefined;
  let opening = false;
  let stopDismiss = () => {};
  const close = () => {
    panel?.element.remove();
    panel = undefined;
    stopDismiss();
    delete host.dataset.open;
    trigger.setAttribute('aria-expanded', 'false');
  };
  trigger.addEventListener('click', async (event) => {
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
    } catch {
      host.dataset.open = 'failed';
      return;
    } finally {
      opening = false;
    }
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
  });

  return {
    host,
    remove() {
      close();
      host.remove();
    },
  };
}

