// popup-zh.html: the popup with Chinese built in; the background makes it the toolbar popup when
// the user reads Chinese (entrypoints/popup/popup-page.ts). Loads as popup.html does (its main.tsx).
import '../../components/theme.css';
import '../popup/popup.css';
import { afterLoad } from '../popup/after-load.ts';
import { bootPopup } from '../popup/boot.ts';

bootPopup();
afterLoad(() =>
  Promise.all([import('../../components/messages-zh.ts'), import('../../lib/usersig/problem-texts-zh.ts'), import('../popup/start.tsx')]).then(([, , { startPopup }]) =>
    startPopup('zh'),
  ),
);
