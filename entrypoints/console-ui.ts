import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CONSOLE_UI, CONSOLE_UI_GLOBAL } from './console.content/ui/console-ui.tsx';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[CONSOLE_UI_GLOBAL] = CONSOLE_UI;
});
