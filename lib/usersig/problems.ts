// Problem and warning texts in both languages, and the server codes problems map to. Importing
// this module registers both; a page that needs one language at a time imports problem-texts.ts
// and loads problem-texts-en.ts or problem-texts-zh.ts (components/languages.ts).
import './problem-texts-en.ts';
import './problem-texts-zh.ts';

export { describeProblem, describeProblemServerCode, describeWarning, hasTexts, type ProblemText } from './problem-texts.ts';
export { formatDuration } from './duration.ts';
export { SERVER_CODES, describeServerCode } from './server-codes.ts';

export { PROBLEM_SERVER_CODES } from './problem-server-codes.ts';
