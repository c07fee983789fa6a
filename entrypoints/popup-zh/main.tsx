// popup-zh.html: the popup with Chinese built in; the background makes it the toolbar popup when
// the user reads Chinese (entrypoints/popup/popup-page.ts).
import '../../components/messages-zh.ts';
import '../../lib/usersig/problem-texts-zh.ts';
// The popup's page layout (a 440 px body) with the page, not with the shared chunk: the decoder tab
// shares that chunk and must not take it.
import '../popup/popup.css';
import { startPopup } from '../popup/start.tsx';

startPopup('zh');
