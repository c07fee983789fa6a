import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CONSOLE_UI } from './console.content/ui/console-ui.tsx';

// Built as an ES module (wxt.config.ts): WXT exports what `main` returns as the module's default,
// and the content script reads it from the namespace `import()` gives it (ui/lazy-ui.ts).
export default defineUnlistedScript(() => CONSOLE_UI);
