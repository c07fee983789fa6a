import { render, type ComponentChild } from 'preact';
import '../../../components/all-languages.ts';
import type { Lang } from '../../../lib/i18n.ts';
import type { DecodeResult } from '../../../lib/usersig/types.ts';
import { DecodePanel } from '../features/decode-buttons/DecodePanel.tsx';
import { PrecheckView, type Precheck } from '../features/verifier-precheck/PrecheckView.tsx';
import themeCss from '../../../components/theme.css?inline';
import panelCss from './panel.css?inline';
import diagnosticsCss from '../features/diagnostics/panel.css?inline';
import { createDiagnosticsPanel } from '../features/diagnostics/panel.tsx';
import { startCodeCells, type CodeCellsContext } from '../features/code-explanations/cells.ts';
import { openPickerFrame } from '../features/userid-picker/frame-host.ts';

/**
 * The console's UI components (Preact, the decoded view, problem texts). Loaded only when a
 * feature first needs to show something, so the content script that runs on every console page
 * stays small. entrypoints/console-ui.ts builds it as an ES module whose default export is this
 * object: the content script takes it from the import, never from a global the page could shadow.
 */
export const CONSOLE_UI = {
  /** The panels' stylesheet (the one palette, components/theme.css, and the panels' rules), for `addPanelStyles`. */
  styles: `${themeCss}\n${panelCss}\n${diagnosticsCss}`,
  decodePanel(mount: Element, props: { token: string; decoded: DecodeResult; lang: Lang; onClose: () => void }) {
    render(<DecodePanel {...props} />, mount);
  },
  precheck(mount: Element, props: { result: Precheck; lang: Lang }) {
    render(<PrecheckView {...props} />, mount);
  },
  /** The log table's error codes explained: finds the code cells and places their controls. */
  codeExplanations(ctx: Omit<CodeCellsContext, 'styles'>) {
    startCodeCells({ ...ctx, styles: CONSOLE_UI.styles });
  },
  /** For features' own Preact views. */
  render(mount: Element, view: ComponentChild) {
    render(view, mount);
  },
  unmount(mount: Element) {
    render(null, mount);
  },
  /** The diagnostics preview and copy panel (Preact, lib/diagnostics). */
  createDiagnosticsPanel,
  /** The saved-UserID picker's frame and its port (the lists themselves never come here). */
  openPickerFrame,
};

export type ConsoleUi = typeof CONSOLE_UI;
