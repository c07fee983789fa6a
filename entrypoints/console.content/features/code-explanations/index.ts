import type { ConsoleFeature, FeatureContext } from '../../feature.ts';
import { reportOnce } from '../../manager.ts';
import { loadConsoleUi } from '../../ui/lazy-ui.ts';

const report = (error: unknown) => reportOnce('code-explanations', error);

/**
 * Every error code in the troubleshooting-log table explained: a "?" after the code opens its
 * meaning, likely cause and fix (lib/codes, in the console's language, with the official page),
 * and for a UserSig code the decode of the row's UserSig. The content script's budget has no room
 * for it: this part only waits for a table on the log card, then the console UI bundle finds the
 * code cells and places the controls (cells.ts, control.tsx).
 */
function init(ctx: FeatureContext) {
  let started = false;
  const start = () => {
    if (started || !ctx.tools.some((t) => t.root.querySelector('th, [role="columnheader"]'))) return;
    started = true;
    // catch, not then's second argument: a throw in starting the cells is reported too.
    loadConsoleUi()
      .then((ui) => {
        if (!ctx.signal.aborted) ui.codeExplanations({ ...ctx, onError: report });
      })
      .catch(report);
  };
  start();
  if (!started) ctx.onPageChange(start);
}

export const codeExplanations: ConsoleFeature = {
  id: 'code-explanations',
  tools: ['troubleshooting-log'],
  init,
  pages: ['https://console.cloud.tencent.com/im/tool-log', 'https://console.tencentcloud.com/im/tool-log'],
};
