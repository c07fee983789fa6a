// What the extension must do on the TEA console replica (tests/fixtures/console/tea), per site and
// tool: where to go, what to type, what to press, and what each feature must then show. Read by
// tests/e2e/console-tea.spec.ts (Playwright, Chromium) and tests/firefox/checks/console-tea.ts
// (Firefox ESR), so both runners walk the same paths and expect the same things.
// Plain data and small pure helpers; erasable TypeScript (plain Node), explicit .ts imports.
import type { Lang } from '../../lib/i18n.ts';
import type { ToolId } from '../../lib/console/tools.ts';
import { generateUserSig } from '../../lib/usersig/index.ts';
import { TEA_APPS, appLabel, type TeaApp } from '../fixtures/console/tea/apps.ts';
import {
  DEVICES,
  ERROR_INFOS,
  EVENT_NAMES,
  LOG_SEEDS,
  PUSH_FAILURES,
  STATE_CONCLUSIONS,
  STATE_NAMES,
  STATUSES,
  VENDOR_NAMES,
  VERIFY_FAILURES,
} from '../fixtures/console/tea/backend.ts';
import type { RouteFamily, TeaPage } from '../fixtures/console/tea/paths.ts';
import { TEA_TEXTS } from '../fixtures/console/tea/texts.ts';
import { teaUrl, type ConsoleOrigin } from '../fixtures/console/routes.ts';

export interface TeaSite {
  lang: Lang;
  origin: ConsoleOrigin;
  host: string;
}

export const TEA_SITES: readonly TeaSite[] = [
  { lang: 'zh', origin: 'https://console.cloud.tencent.com', host: 'console.cloud.tencent.com' },
  { lang: 'en', origin: 'https://console.tencentcloud.com', host: 'console.tencentcloud.com' },
];

/** The e2e describe title of a site; Firefox checks name their mirrors with it. */
export const teaDescribe = (site: TeaSite) => `console on TEA (${site.lang})`;

/** The app every path starts on (the console's selector shows it), and the one it switches to. */
export const FIRST_APP: TeaApp = TEA_APPS[0]!;
export const SECOND_APP: TeaApp = TEA_APPS[1]!;

/** Where the report must say the SDKAppID came from on these URLs (none carries it). */
export const SDKAPPID_SOURCE = 'app-selector';

/** What the top bar's app selector shows for an app. */
export const selectorText = (site: TeaSite, app: TeaApp) => appLabel(app, site.lang);

// ------------------------------------------------------------------ pages

export interface TeaPageScenario {
  page: TeaPage;
  /** The documented route and one the extension has never seen: features must not depend on it. */
  urls: { family: RouteFamily; url: string }[];
  /** Tool cards on the page, by their heading's tool name (each must get Copy diagnostics). */
  tools: { tool: ToolId; title: string }[];
  /** UserID inputs on the page (each must get the picker); the log's receiver/group field is not one. */
  userIdInputs: number;
}

const PAGE_TOOLS: Record<TeaPage, ToolId[]> = {
  push: ['offline-push', 'user-status'],
  usersig: ['usersig-generator', 'usersig-verifier'],
  log: ['troubleshooting-log'],
};

export function toolTitle(lang: Lang, tool: ToolId): string {
  const t = TEA_TEXTS[lang];
  return {
    'offline-push': t.push.title,
    'user-status': t.status.title,
    'usersig-generator': t.generator.title,
    'usersig-verifier': t.verifier.title,
    'troubleshooting-log': t.log.title,
  }[tool];
}

export function teaPages(site: TeaSite): TeaPageScenario[] {
  const unseen: Record<TeaPage, RouteFamily> = { push: 'app-path', usersig: 'detail-tab', log: 'auxiliary' };
  return (['push', 'usersig', 'log'] as const).map((page) => ({
    page,
    urls: [
      { family: 'documented', url: teaUrl(site.origin, page, 'documented') },
      { family: unseen[page], url: teaUrl(site.origin, page, unseen[page]) },
    ],
    tools: PAGE_TOOLS[page].map((tool) => ({ tool, title: toolTitle(site.lang, tool) })),
    userIdInputs: page === 'log' ? 1 : 2,
  }));
}

// ------------------------------------------------------------------ tokens typed into the verifier

/** A UserSig the test makes for itself with the app's key: `of` is its UserID; `truncated` keeps its first half. */
export interface TokenSpec {
  of: string;
  app: TeaApp;
  truncated?: boolean;
}

export async function makeToken(spec: TokenSpec, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const result = await generateUserSig({ sdkAppId: spec.app.sdkAppId, key: spec.app.secretKey, userId: spec.of, now: nowSeconds - 600 });
  if (!result.ok) throw new Error(`could not make a token for ${spec.of}: ${result.problem.code}`);
  return spec.truncated ? result.userSig.slice(0, Math.floor(result.userSig.length / 2)) : result.userSig;
}

/** `70013` exactly, or `7000x`: any of 70001…70009 (a truncated token may be malformed or fail to inflate). */
export type ExpectedCode = '70013' | '7000x';

export function codeMatches(expected: ExpectedCode, shown: string | null | undefined): boolean {
  return expected === '7000x' ? /^7000\d$/.test(shown ?? '') : shown === expected;
}

export interface PrecheckScenario {
  name: string;
  userId: string;
  token: Omit<TokenSpec, 'app'>;
  code: ExpectedCode;
}

/** Typed into the verifier (UserID field, then the UserSig field) on the app the console has selected. */
export const PRECHECKS: readonly PrecheckScenario[] = [
  { name: 'a UserID that differs from the token’s', userId: 'alice', token: { of: 'bob' }, code: '70013' },
  { name: 'a truncated token', userId: 'alice', token: { of: 'alice', truncated: true }, code: '7000x' },
];

// ------------------------------------------------------------------ the tools, their inputs and the reports

export interface Field {
  /** The Form.Item label of the field inside the tool's card. */
  label: string;
  value: string | TokenSpec;
  multiline?: boolean;
}

export interface ToolScenario {
  tool: ToolId;
  title: string;
  url: string;
  /** The report's `console.path`. */
  path: string;
  fields: Field[];
  /** Buttons to press in order; each waits for the text in `after` (the call's answer). */
  steps: { button: string; after: string }[];
  report: {
    /** Text the copied Markdown report must hold (what the tool shows). */
    contains: string[];
    /** Secrets the tool shows in full that the masked report holds only masked (`maskSecret`). */
    masked: string[];
    /** The page shows a UserSig (generated, typed or in log rows) whose masked form must be in the report. */
    shownUserSigs?: 'generated' | 'typed' | 'log-rows';
    /** Values read off the page after the steps (times and the like, which depend on the clock): see `shownValues`. */
    shown?: ShownSpec;
    /** Properties of the JSON report's `data`. */
    data?: Record<string, unknown>;
  };
}

/** Form.Item labels whose value cell, and table columns whose cells, the report must repeat. */
export interface ShownSpec {
  labels?: string[];
  columns?: string[];
}

/**
 * The texts a tool's card shows under `spec`. Runs in the page (Playwright's and puppeteer's
 * evaluate serialise it), so it is self-contained: no imports, no closures.
 */
export function shownValues(card: Element, spec: ShownSpec): string[] {
  const out: string[] = [];
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
  for (const label of spec.labels ?? []) {
    for (const item of Array.from(card.querySelectorAll('.tea-form__item'))) {
      if (text(item.querySelector('.tea-form__label')) === label) out.push(text(item.querySelector('.tea-form__controls')));
    }
  }
  for (const column of spec.columns ?? []) {
    const index = Array.from(card.querySelectorAll('thead th')).map(text).indexOf(column);
    if (index < 0) {
      out.push(`(no column ${column})`);
      continue;
    }
    for (const row of Array.from(card.querySelectorAll('tbody tr'))) out.push(text(row.querySelectorAll('td')[index]));
  }
  return out.filter((v) => v.length > 0);
}

/** The log rows of the default query's first page (ten, newest first), as the console lists them. */
export const LOG_FIRST_PAGE = LOG_SEEDS.slice(0, 10);
/** First-page rows whose request details carry a UserSig (each must get a decode control). */
export const LOG_FIRST_PAGE_USERSIGS = LOG_FIRST_PAGE.filter((r) => r.token).length;

export function toolScenarios(site: TeaSite): ToolScenario[] {
  const { lang } = site;
  const t = TEA_TEXTS[lang];
  const dave = DEVICES.dave!;
  const failure = PUSH_FAILURES[lang][dave[0]!.failure!];
  const alice = STATUSES.alice!;
  const verify = VERIFY_FAILURES[lang][70013]!;
  const url = (page: TeaPage) => teaUrl(site.origin, page, 'documented');
  const path = (page: TeaPage) => new URL(url(page)).pathname;
  return [
    {
      tool: 'offline-push',
      title: t.push.title,
      url: url('push'),
      path: path('push'),
      fields: [{ label: t.userId, value: 'dave' }],
      steps: [
        { button: t.push.getDevices, after: t.push.startTest },
        { button: t.push.startTest, after: t.push.failure },
      ],
      report: {
        contains: ['dave', String(FIRST_APP.sdkAppId), ...dave.map((d) => d.certificateId), ...dave.map((d) => VENDOR_NAMES[lang][d.vendor]), failure.cause, failure.solution],
        masked: dave.map((d) => d.token),
        shown: { columns: [t.push.columns.reportedAt] },
        data: { userId: 'dave', selectedCertificate: dave[0]!.certificateId },
      },
    },
    {
      tool: 'user-status',
      title: t.status.title,
      url: url('push'),
      path: path('push'),
      fields: [{ label: t.userId, value: 'alice' }],
      steps: [{ button: t.status.getStatus, after: t.status.canReceivePush }],
      report: {
        contains: ['alice', String(FIRST_APP.sdkAppId), STATE_NAMES[lang][alice.state], alice.clientType, STATE_CONCLUSIONS[lang][alice.state]],
        masked: [],
        shown: { labels: [t.status.lastLogin] },
        data: { userId: 'alice', status: alice.state, clientType: alice.clientType, canReceivePush: true },
      },
    },
    {
      tool: 'usersig-generator',
      title: t.generator.title,
      url: url('usersig'),
      path: path('usersig'),
      fields: [{ label: t.generator.userId, value: 'alice' }],
      steps: [{ button: t.generator.generate, after: t.generator.copy }],
      report: { contains: ['alice', String(FIRST_APP.sdkAppId)], masked: [], shownUserSigs: 'generated', data: { userId: 'alice' } },
    },
    {
      tool: 'usersig-verifier',
      title: t.verifier.title,
      url: url('usersig'),
      path: path('usersig'),
      fields: [
        { label: t.userId, value: 'alice' },
        { label: t.verifier.userSig, value: { of: 'bob', app: FIRST_APP }, multiline: true },
      ],
      steps: [{ button: t.verifier.verify, after: t.verifier.failed }],
      report: { contains: ['alice', String(FIRST_APP.sdkAppId), '70013', verify.cause, verify.solution], masked: [], shownUserSigs: 'typed', data: { userId: 'alice' } },
    },
    {
      tool: 'troubleshooting-log',
      title: t.log.title,
      url: url('log'),
      path: path('log'),
      fields: [],
      steps: [{ button: t.log.query, after: t.log.columns.detail }],
      report: {
        contains: [
          String(FIRST_APP.sdkAppId),
          ...new Set(LOG_FIRST_PAGE.map((r) => r.userId)),
          ...new Set(LOG_FIRST_PAGE.filter((r) => r.code !== 0).map((r) => String(r.code))),
          ...new Set(LOG_FIRST_PAGE.filter((r) => r.code !== 0).map((r) => ERROR_INFOS[lang][r.code]!)),
          ...new Set(LOG_FIRST_PAGE.map((r) => EVENT_NAMES[lang][r.event])),
          ...new Set(LOG_FIRST_PAGE.filter((r) => r.peerId).map((r) => r.peerId)),
        ],
        masked: [],
        shown: { columns: [t.log.columns.time] },
        shownUserSigs: 'log-rows',
      },
    },
  ];
}

/** UserSig-shaped runs in a text (the page's generated UserSig, log details): `eJ` and 40+ token characters. */
export function userSigsIn(text: string): string[] {
  return text.match(/eJ[A-Za-z0-9*_-]{40,}/g) ?? [];
}

/** The JSON report names where its SDKAppID came from: some property called `…source…` holding it, at its top or one level down. */
export function reportSdkAppIdSource(record: unknown): string | undefined {
  const look = (value: unknown, depth: number): string | undefined => {
    if (!value || typeof value !== 'object' || depth > 1) return undefined;
    for (const [key, v] of Object.entries(value)) {
      if (/source|from/i.test(key) && /sdkappid/i.test(key) && typeof v === 'string') return v;
      if (/sdkappid/i.test(key) && v && typeof v === 'object') {
        const inner = Object.entries(v).find(([k, x]) => /source|from/i.test(k) && typeof x === 'string');
        if (inner) return inner[1] as string;
      }
      const deeper = look(v, depth + 1);
      if (deeper) return deeper;
    }
    return undefined;
  };
  return look(record, 0);
}
