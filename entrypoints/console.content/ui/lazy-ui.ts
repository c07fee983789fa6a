import { browser } from 'wxt/browser';
import type { ConsoleUi } from './console-ui.tsx';

// Must match CONSOLE_UI_GLOBAL in console-ui.tsx (not imported: that would bundle the UI here).
const GLOBAL = '__imchConsoleUi';
let loading: Promise<ConsoleUi> | undefined;

/**
 * Loads the UI bundle into the content script's own world on first use. The file is
 * web-accessible to the console origins only, under a per-session URL in Chrome.
 */
export function loadConsoleUi(): Promise<ConsoleUi> {
  loading ??= (async () => {
    const scope = globalThis as unknown as Record<string, ConsoleUi | undefined>;
    if (!scope[GLOBAL]) {
      await import(/* @vite-ignore */ browser.runtime.getURL('/console-ui.js'));
    }
    const ui = scope[GLOBAL];
    if (!ui) throw new Error('console UI did not load');
    return ui;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
