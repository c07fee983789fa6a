import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONSOLE_MATCHES } from './matches.ts';
import { createFeatureManager } from './manager.ts';
import { FEATURES } from './features/index.ts';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const manager = createFeatureManager(FEATURES);
    manager.refresh();
    ctx.addEventListener(window, 'wxt:locationchange', () => manager.refresh(true));
    // The console renders tools late and swaps them without navigation: re-detect, throttled.
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        if (ctx.isValid) manager.refresh();
      }, 150);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      manager.stopAll();
    });
  },
});
