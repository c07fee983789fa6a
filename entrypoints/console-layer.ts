import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createLayer } from './console.content/features/decode-buttons/layer.ts';

// Decode controls drawn over the page beside a log of thousands of rows: a module of its own (an
// ES module, as console-ui.js), so such a page pays neither its bytes in the content script nor
// the evaluation of the whole console UI (an 88 ms task on the 50,000-row page).
export default defineUnlistedScript(() => ({ layer: createLayer }));
