import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONSOLE_MATCHES } from './matches.ts';
import { createFeatureManager } from './manager.ts';
import { FEATURES } from './features/index.ts';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const manager = createFeatureManager(FEATURES);
    // One observer for the page (the manager's); features subscribe to it, nothing polls.
    manager.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => manager.refresh(true));
    ctx.onInvalidated(() => manager.stopAll());
  },
});
