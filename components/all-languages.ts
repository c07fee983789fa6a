// Both languages, statically: for bundles that switch language without waiting (console UI).
import './messages-en.ts';
import './messages-zh.ts';
import '../lib/usersig/problem-texts-en.ts';
import '../lib/usersig/problem-texts-zh.ts';
