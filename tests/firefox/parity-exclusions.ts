/**
 * e2e tests with no Firefox counterpart, each with the reason. Keep this short: a user path
 * belongs in a Firefox check (its `mirrors`), not here.
 */
const HELD_APP =
  "holds the popup's app to see the page before it; Firefox gives a check no such hold (BiDi does not intercept an extension's own files, preload scripts do not reach moz-extension:// pages, prefers-color-scheme emulation is CDP-only). The markup the app takes over is checked in Firefox (popup-before-app.ts); boot.ts and the app are the same files.";

const BLANK_FLOOR =
  "not a user path: a blank page's first opening, the floor printed beside the popup's first-opening figure (#16). Firefox's runner starts one browser for all its checks, so it has no first opening after a start to compare (popup-timing.ts).";

export const PARITY_EXCLUSIONS: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3].map((n) => [`a browser just started, a blank extension page (${n} of 3) › timing: the first opening of a blank extension page`, BLANK_FLOOR])),
  "before the popup's app has loaded › what is typed before the app has loaded is kept, and decoded once it has": HELD_APP,
  "before the popup's app has loaded › a dark theme in the URL (the saved one) shows from the load, when the popup shows, on a light system, no flash": HELD_APP,
  "before the popup's app has loaded › a light theme in the URL (the saved one) shows from the load, when the popup shows, on a dark system, no flash": HELD_APP,
  "before the popup's app has loaded › a language other than the page's keeps the page hidden until the app shows it in that language": HELD_APP,
  "before the popup's app has loaded › a tab clicked before the app has loaded is chosen once it has": HELD_APP,
  "before the popup's app has loaded › a language and a theme chosen before the app has loaded are kept once it has": HELD_APP,
  'two pickers opened at once: the second chip drives its own frame and fills its own field':
    "Chrome's port race (every onConnect listener handed each port); Firefox matches frames by runtime.getFrameId through the relay. A Firefox check of the same path is still to write: there the first frame takes focus as it loads (Alt+↓ lands in it) and a click on a chip closes the other picker.",
};
