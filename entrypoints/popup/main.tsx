// popup.html: the popup with English built in; the background makes it the toolbar popup when
// the user reads English (popup-page.ts).
import '../../components/messages-en.ts';
import '../../lib/usersig/problem-texts-en.ts';
import { startPopup } from './start.tsx';

startPopup('en');
