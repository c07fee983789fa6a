import { defineContentScript } from 'wxt/utils/define-content-script';
import { isFeatureUrl } from '../../lib/console/urls.ts';
import { CONSOLE_MATCHES } from './matches.ts';
import { createFeatureManager } from './manager.ts';
import { FEATURES } from './features/index.ts';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Created on a tool route only: elsewhere on the console no observer, no scan, no storage read.
    let manager: ReturnType<typeof createFeatureManager> | undefined;
    const follow = (url: string) => {
      if (!isFeatureUrl(url)) {
        manager?.stopAll();
        manager = undefined;
        return;
      }
      if (manager) manager.refresh(true);
      else {
        // One observer for the page (the manager's); features subscribe to it, nothing polls.
        manager = createFeatureManager(FEATURES);
        manager.start();
      }
    };
    follow(location.href);
    // The event can come before the page's pushState has committed the URL: act after it.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const url = event.newUrl.href;
      queueMicrotask(() => follow(url));
    });
    ctx.onInvalidated(() => manager?.stopAll());
  },
});
