// popup.html: the popup with English built in; the background makes it the toolbar popup when
// the user reads English (popup-page.ts).
import '../../components/messages-en.ts';
import '../../lib/usersig/problem-texts-en.ts';
// The popup's page layout (a 440 px body) with the page, not with the shared chunk: the decoder tab
// shares that chunk and must not take it.
import './popup.css';
import { startPopup } from './start.tsx';

startPopup('en');
