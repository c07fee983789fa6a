// What the extension must do on the TRTC consoles' replicas (tests/fixtures/console/trtc): the TRTC
// UserSig tool on both Tencent Cloud consoles (TEA) and console.trtc.io (TDesign), zh and en. Read
// by tests/e2e/console-trtc.spec.ts (Chromium) and tests/firefox/checks/console-trtc.ts (Firefox).
// Plain data and small pure helpers; erasable TypeScript (plain Node), explicit .ts imports.
import type { Lang } from '../../lib/i18n.ts';
import { TEA_APPS, appLabel, type TeaApp } from '../fixtures/console/tea/apps.ts';
import { STATE_CONCLUSIONS, STATE_NAMES, STATUSES, VERIFY_FAILURES } from '../fixtures/console/tea/backend.ts';
import { TEA_TEXTS } from '../fixtures/console/tea/texts.ts';
import { TRTC_IO_OTHER_PATHS, TRTC_IO_TOOL_PATHS, TRTC_OTHER_PATHS, TRTC_TOOL_PATH } from '../fixtures/console/trtc/paths.ts';
import { TRTC_IO_TEXTS, TRTC_TEA_TEXTS, type UserSigToolTexts } from '../fixtures/console/trtc/texts.ts';

export { makeToken, reportSdkAppIdSource, userSigsIn } from './console-tea.ts';

/** How a component library draws what the tests look for (selectors only; the extension is never told). */
export interface LibraryDom {
  card: string;
  /** The card's title element (a heading in TEA, a plain div in TDesign). */
  title: string;
  item: string;
  label: string;
  /** What opens an item's drop-down. */
  select: string;
  /** An option of the open drop-down. */
  option: string;
}

const DOM: Record<'tea' | 'tdesign', LibraryDom> = {
  tea: { card: '.tea-card', title: 'h1,h2,h3,h4,h5,h6', item: '.tea-form__item', label: '.tea-form__label', select: '.tea-dropdown', option: '.tea-list--option li, .tea-dropdown-box li' },
  tdesign: { card: '.t-card', title: '.t-card__title', item: '.t-form__item', label: '.t-form__label', select: '.t-select', option: '.t-select-option' },
};

export interface TrtcSite {
  /** The e2e describe title; Firefox checks name their mirrors with it. */
  describe: string;
  lang: Lang;
  library: 'tea' | 'tdesign';
  dom: LibraryDom;
  origin: string;
  texts: UserSigToolTexts;
  /** Where the UserSig tools are (console.trtc.io: the shared tool and the Chat console's). */
  toolUrls: string[];
  /** The same console's pages that are not tools, each reachable from the menu. */
  others: { url: string; menu: string }[];
  /** The menu entry leading to the (first) tool page. */
  toolMenu: string;
  /** What the tool's application drop-down shows for an app. */
  appText: (app: TeaApp) => string;
  /** console.trtc.io's Chat auxiliary tool found in the docs (Chat > Push > Access test: the user status checker). */
  chatStatus?: ChatStatusScenario;
}

export interface ChatStatusScenario {
  url: string;
  title: string;
  userId: string;
  button: string;
  /** A label the answer shows. */
  after: string;
  /** What the copied report must hold (every value the checker shows but the clock-dependent time). */
  contains: string[];
  /** The label of the clock-dependent value, read off the page and compared too. */
  timeLabel: string;
}

export const FIRST_APP: TeaApp = TEA_APPS[0]!;
export const SECOND_APP: TeaApp = TEA_APPS[1]!;

function teaSite(lang: Lang, origin: string): TrtcSite {
  const t = TRTC_TEA_TEXTS[lang];
  return {
    describe: `TRTC console on TEA (${lang})`,
    lang,
    library: 'tea',
    dom: DOM.tea,
    origin,
    texts: t,
    toolUrls: [origin + TRTC_TOOL_PATH],
    others: [
      { url: origin + TRTC_OTHER_PATHS.home, menu: t.home },
      { url: origin + TRTC_OTHER_PATHS.cvm, menu: t.cvm },
      { url: origin + TRTC_OTHER_PATHS.monitor, menu: t.monitor },
    ],
    toolMenu: t.page,
    appText: (app) => appLabel(app, lang),
  };
}

function trtcIoSite(lang: Lang): TrtcSite {
  const t = TRTC_IO_TEXTS[lang];
  const w = TEA_TEXTS[lang].status;
  const alice = STATUSES.alice!;
  const origin = 'https://console.trtc.io';
  const q = `?language=${lang}`;
  return {
    describe: `Tencent RTC console on TDesign (${lang})`,
    lang,
    library: 'tdesign',
    dom: DOM.tdesign,
    origin,
    texts: t,
    toolUrls: [origin + TRTC_IO_TOOL_PATHS.usersig + q, origin + TRTC_IO_TOOL_PATHS.chat + q],
    others: [
      { url: origin + TRTC_IO_OTHER_PATHS.home + q, menu: t.overview },
      { url: origin + TRTC_IO_OTHER_PATHS.monitor + q, menu: t.monitor },
    ],
    toolMenu: `${t.devTools} > ${t.page}`,
    appText: (app) => String(app.sdkAppId),
    chatStatus: {
      url: origin + TRTC_IO_TOOL_PATHS.accessTest + q,
      title: t.statusTitle,
      userId: 'alice',
      button: w.getStatus,
      after: w.canReceivePush,
      contains: ['alice', String(FIRST_APP.sdkAppId), STATE_NAMES[lang][alice.state], alice.clientType, STATE_CONCLUSIONS[lang][alice.state]],
      timeLabel: w.lastLogin,
    },
  };
}

export const TRTC_SITES: readonly TrtcSite[] = [
  teaSite('zh', 'https://console.cloud.tencent.com'),
  teaSite('en', 'https://console.tencentcloud.com'),
  trtcIoSite('zh'),
  trtcIoSite('en'),
];

/** The pre-check's expected first code when `userId` and a token `of` someone for `app` are typed while `selected` is chosen. */
export interface TrtcPrecheck {
  name: string;
  userId: string;
  token: { of: string; app: TeaApp };
  selected: TeaApp;
  code: '70013' | '70014' | 'pass';
}

/** In order, in one verifier: the drop-down changes between steps, the fields only when said. */
export const TRTC_PRECHECKS: readonly TrtcPrecheck[] = [
  { name: 'another UserID', userId: 'alice', token: { of: 'bob', app: FIRST_APP }, selected: FIRST_APP, code: '70013' },
  { name: 'a token of another app than the selected one', userId: 'alice', token: { of: 'alice', app: SECOND_APP }, selected: FIRST_APP, code: '70014' },
  { name: 'the token’s app selected', userId: 'alice', token: { of: 'alice', app: SECOND_APP }, selected: SECOND_APP, code: 'pass' },
  { name: 'the first app selected again', userId: 'alice', token: { of: 'alice', app: SECOND_APP }, selected: FIRST_APP, code: '70014' },
];

/** What the verifier's copied report must hold after Verify with alice and bob's token (70013). */
export function verifierReport(site: TrtcSite): string[] {
  const f = VERIFY_FAILURES[site.lang][70013]!;
  return ['alice', String(FIRST_APP.sdkAppId), '70013', f.cause, f.solution];
}

/**
 * The card whose title starts with `title`, and in it the control of the item labelled `label`
 * (or the card itself). Runs in the page (Playwright's and puppeteer's evaluate serialise it), so
 * it is self-contained.
 */
export function findInCard(arg: { dom: LibraryDom; title: string; label?: string; control?: string }): Element | null {
  const { dom, title, label, control } = arg;
  const card = Array.from(document.querySelectorAll(dom.card)).find((c) =>
    Array.from(c.querySelectorAll(dom.title)).some((h) => (h.textContent ?? '').trim().startsWith(title)),
  );
  if (!card || label === undefined) return card ?? null;
  const item = Array.from(card.querySelectorAll(dom.item)).find((i) => (i.querySelector(dom.label)?.textContent ?? '').trim() === label);
  return item?.querySelector(control ?? 'input, textarea') ?? null;
}

/** The value shown after a label in a result line (`.result-label` + sibling), self-contained for evaluate. */
export function shownAfterLabel(label: string): string {
  const el = Array.from(document.querySelectorAll('.result-label')).find((x) => (x.textContent ?? '').trim() === label);
  return (el?.nextElementSibling?.textContent ?? '').trim();
}
