// popup.html: the popup with English built in; the background makes it the toolbar popup when
// the user reads English (popup-page.ts). The page's markup is the popup's first render, shown as
// soon as the document has loaded (Chrome shows an action popup only at its document's load); the
// app is imported after the load, so that nothing it fetches holds it, and takes that markup over.
import '../../components/theme.css';
import './popup.css';
import { afterLoad } from './after-load.ts';
import { bootPopup } from './boot.ts';

bootPopup();
afterLoad(() =>
  Promise.all([import('../../components/messages-en.ts'), import('../../lib/usersig/problem-texts-en.ts'), import('./start.tsx')]).then(([, , { startPopup }]) =>
    startPopup('en'),
  ),
);
