// popup.html: English built in.
import '../../components/messages-en.ts';
import '../../lib/usersig/problem-texts-en.ts';
import { startPopup } from './start.tsx';

startPopup();
