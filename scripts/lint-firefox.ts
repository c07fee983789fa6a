// web-ext lint on the Firefox build: no errors, and every warning must carry a reason here.
import { spawnSync } from 'node:child_process';

interface Message {
  code: string;
  file?: string;
  message: string;
}

/** Warnings we accept, each with why. Anything else fails. */
const EXPLAINED: Array<{ code: string; file: RegExp; message: RegExp; why: string }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(console-ui\.js|chunks\/.*\.js)$/,
    message: /innerHTML/,
    why: "Preact's renderer supports dangerouslySetInnerHTML; our code never uses it (tests/guarantees/bundles.test.ts checks that no source of ours writes HTML).",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-scripts\/console\.js$/,
    message: /call to import/,
    why: "import() of the extension's own console-ui.js (runtime.getURL, a fixed file inside the package), loaded on first use to keep the content script small.",
  },
];

const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted=false', '--output', 'json'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: { errors: Message[]; warnings: Message[]; notices: Message[] };
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(result.stdout, result.stderr);
  console.error('web-ext lint: no JSON report');
  process.exit(1);
}
let failed = false;
for (const e of report.errors) {
  failed = true;
  console.log(`error    ${e.code} ${e.file ?? ''}: ${e.message}`);
}
for (const w of report.warnings) {
  const reason = EXPLAINED.find((x) => x.code === w.code && x.file.test(w.file ?? '') && x.message.test(w.message));
  if (!reason) failed = true;
  console.log(`warning  ${w.code} ${w.file ?? ''}: ${w.message}\n         ${reason ? `explained: ${reason.why}` : 'NOT EXPLAINED'}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(failed ? 1 : 0);
