// popup-zh.html: the popup with Chinese built in; the background makes it the toolbar popup when
// the user reads Chinese (entrypoints/popup/popup-page.ts).
import '../../components/messages-zh.ts';
import '../../lib/usersig/problem-texts-zh.ts';
import { startPopup } from '../popup/start.tsx';

startPopup('zh');
