import { browser } from 'wxt/browser';
import { z } from '../../../lib/zod.ts';
import type { ConsoleUi } from './console-ui.tsx';
import type { createLayer } from '../features/decode-buttons/layer.ts';

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function');
/**
 * What the UI module must export (its default: entrypoints/console-ui.ts): checked, not trusted, as
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
  }),
});
/** entrypoints/console-layer.ts: the controls drawn over the page, alone. */
const LayerModule = z.object({ default: z.looseObject({ layer: fn }) });

/**
 * Loads one of our web-accessible ES modules into the content script's own world, once, and takes
 * what it exports from the module's namespace: no page-visible name is involved (a page element
 * `id="__imchConsoleUi"` once shadowed the global this read). The files are web-accessible to the
 * console origins only, under a per-session URL in Chrome.
 */
function lazyModule<T>(file: '/console-ui.js' | '/console-layer.js', schema: { safeParse(v: unknown): { success: boolean; data?: { default: unknown } } }): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failedImports = 0;
  return () => {
    loading ??= (async () => {
      // A failed import is remembered per URL for the page's life (Firefox once failed one under
      // load): a retry asks for the same file under a URL not tried yet.
      const url = browser.runtime.getURL(file) + (failedImports ? `?retry=${failedImports}` : '');
      const namespace: unknown = await import(/* @vite-ignore */ url).catch((error: unknown) => {
        failedImports++;
        throw error;
      });
      const parsed = schema.safeParse(namespace);
      if (!parsed.success) throw new Error(`${file} did not load`);
      return parsed.data!.default as T;
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

/** The console's UI (Preact, panels, texts), on first use. */
export const loadConsoleUi = lazyModule<ConsoleUi>('/console-ui.js', ConsoleUiModule);
/** The controls drawn over the page beside a log of thousands of rows, without the rest of the UI. */
export const loadLayer = lazyModule<{ layer: typeof createLayer }>('/console-layer.js', LayerModule);
