import { browser } from 'wxt/browser';
import { z } from '../../../lib/zod.ts';
import type { ConsoleUi } from './console-ui.tsx';

let loading: Promise<ConsoleUi> | undefined;
let failedImports = 0;

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function');
/**
 * What the module must export (its default: entrypoints/console-ui.ts): checked, not trusted, as
 * anything imported. The full type comes from console-ui.tsx; this checks its shape.
 */
const ConsoleUiModule = z.object({
  default: z.looseObject({
    styles: z.string(),
    decodePanel: fn,
    precheck: fn,
    codeExplanations: fn,
    render: fn,
    unmount: fn,
    createDiagnosticsPanel: fn,
    openPickerFrame: fn,
    layer: fn,
  }),
});

/**
 * Loads the UI bundle into the content script's own world on first use, and takes the UI from the
 * module's namespace: no page-visible name is involved (a page element `id="__imchConsoleUi"`
 * once shadowed the global this read). The file is web-accessible to the console origins only,
 * under a per-session URL in Chrome.
 */
export function loadConsoleUi(): Promise<ConsoleUi> {
  loading ??= (async () => {
    // A failed import is remembered per URL for the page's life (Firefox once failed one under
    // load): a retry asks for the same file under a URL not tried yet.
    const url = browser.runtime.getURL('/console-ui.js') + (failedImports ? `?retry=${failedImports}` : '');
    const namespace: unknown = await import(/* @vite-ignore */ url).catch((error: unknown) => {
      failedImports++;
      throw error;
    });
    const parsed = ConsoleUiModule.safeParse(namespace);
    if (!parsed.success) throw new Error('console UI did not load');
    return parsed.data.default as unknown as ConsoleUi;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
