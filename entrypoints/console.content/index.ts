import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONSOLE_MATCHES } from './matches.ts';
import { createFeatureManager } from './manager.ts';
import { createRouteGate } from './route-gate.ts';
import { FEATURES } from './features/index.ts';
import { storedSwitches } from './switches.ts';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // One observer for the page (the manager's), on tool routes only; features subscribe to it.
    const switches = storedSwitches();
    const gate = createRouteGate(() => createFeatureManager(FEATURES, document, switches));
    gate.follow(location.href);
    // The event can come before the page's pushState has committed the URL: act after it.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const url = event.newUrl.href;
      queueMicrotask(() => gate.follow(url));
    });
    ctx.onInvalidated(() => gate.stop());
  },
});
