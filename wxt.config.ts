import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONSOLE_MATCHES } from './entrypoints/console.content/matches.ts';

// The popup's own modules, needed the moment it opens, in one chunk rather than seven small ones
// (each file is compressed on its own, so small chunks cost more). Left out: the two pages' entry
// modules with their language's texts, what the options page shares with the popup, and what the
// popup loads later (the other language, generation, v1 verification, the copied report, the verify
// form that shows under a decoded token, a PrivateMapKey's room and privileges, the text handed
// over by the context menu or the selection).
const POPUP_AT_OPEN = {
  name: 'popup-main',
  test: (id: string) =>
    /[\\/]lib[\\/]time\.ts$/.test(id) ||
    (/[\\/](lib[\\/]usersig|lib[\\/]codes(?=[\\/]core-usersig)|components|entrypoints[\\/]popup(-zh)?)[\\/][^?]*\.tsx?$/.test(id) &&
      !/([\\/]main|[\\/]after-load|[\\/]preferences|GeneratePane|[\\/]generate|messages-(en|zh)|problem-texts-(en|zh)|[\\/](lint|compare|snippets|find-slices)(-texts)?|-panel|VerifyForm|PrivateMapKeyView|incoming-text|verify-v1|ecdsa|report|CodeExplanation)\.tsx?$/.test(id)),
  includeDependenciesRecursively: false,
};

/**
 * What every page at open shares (zod, Preact, the browser API, zod's settings, the settings
 * message, the language and theme choice) in one chunk: the picker frame (zod without Preact)
 * would otherwise split it into small files, and each small file compresses on its own (about
 * 0.8 KB gz at the popup's open). The picker frame takes Preact along.
 */
const SHARED_AT_OPEN = {
  name: 'shared',
  test: (id: string) =>
    /[\\/]node_modules[\\/](zod|preact|@wxt-dev[\\/]browser)[\\/]|[\\/]node_modules[\\/]wxt[\\/]dist[\\/]browser/.test(id) ||
    /[\\/](lib[\\/]zod|lib[\\/]i18n|lib[\\/]storage[\\/]settings-message|components[\\/]preferences)\.ts$/.test(id),
  includeDependenciesRecursively: false,
};

/**
 * The small modules a popup page's script imports before its load (WXT's page plugins, the import()
 * helper, the wait for the load) in one file: each is a fetch the load, which shows the popup, waits for.
 */
const BEFORE_LOAD = {
  name: 'page-start',
  test: /wxt-(html-)?plugins|vite[\\/]preload-helper|[\\/]popup[\\/](after-load|boot)\.ts$/,
  includeDependenciesRecursively: false,
};

/** Each language's texts needed at open (UI messages, problems, the UserSig codes' meanings) in one chunk. */
const TEXTS_AT_OPEN = (['en', 'zh'] as const).map((lang) => ({
  name: `problem-texts-${lang}`,
  test: new RegExp(`[\\\\/](messages|problem-texts|usersig-texts)-${lang}\\.ts$`),
  includeDependenciesRecursively: false,
}));

/**
 * With modulePreload off, every import() that Vite wraps in its preload helper has no
 * dependencies to preload (no chunk loaded later imports CSS: checked below), so the helper's 1.8 KB
 * (0.9 KB gz, in the popup's at-open budget) reduces to calling the import. Stands in for it.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const plainImports = {
  name: 'imch:plain-dynamic-imports',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id === PRELOAD_HELPER ? id : undefined),
  load: (id: string) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
  generateBundle(_: unknown, bundle: Record<string, { type: string; isDynamicEntry?: boolean; fileName: string; viteMetadata?: { importedCss: Set<string> } }>) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isDynamicEntry && (chunk.viteMetadata?.importedCss.size ?? 0) > 0) {
        throw new Error(`${chunk.fileName} imports CSS and loads on demand: the plain import() would not load its styles`);
      }
    }
  },
};

type BundleFile = { type: string; fileName: string; source?: string | Uint8Array; code?: string };

/**
 * What the popup pages' first paint and load (which shows the popup) wait for, fetched at once:
 * their styles inline (each stylesheet link is one more fetch; the extension pages' CSP restricts
 * scripts only, so inline styles are allowed), and the chunks their module script imports statically
 * preloaded beside it rather than found after it. With the boot code in the module (boot.ts), the
 * first opening after the browser starts went from 136 to 112 ms. A stylesheet no page or chunk
 * names any more is left out.
 */
const POPUP_PAGES = /[\\/]entrypoints[\\/]popup(-zh)?[\\/]index\.html$/;
const popupAtOnce = {
  name: 'imch:popup-at-once',
  enforce: 'post' as const,
  transformIndexHtml: {
    order: 'post' as const,
    handler(html: string, ctx: { filename: string; bundle?: Record<string, BundleFile>; chunk?: { fileName: string; imports: string[] } }) {
      if (!POPUP_PAGES.test(ctx.filename) || !ctx.bundle || !ctx.chunk) return html;
      const inlined = html.replace(/<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g, (_tag, file: string) => {
        const asset = ctx.bundle![file];
        if (asset?.type !== 'asset') throw new Error(`${ctx.filename} links ${file}, which the bundle does not hold`);
        return `<style>${typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)}</style>`;
      });
      const script = `<script type="module" crossorigin src="/${ctx.chunk.fileName}"></script>`;
      if (!inlined.includes(script)) throw new Error(`${ctx.filename}: no ${script} to preload beside`);
      return inlined.replace(script, script + ctx.chunk.imports.map((file) => `\n    <link rel="modulepreload" crossorigin href="/${file}">`).join(''));
    },
  },
  generateBundle(_: unknown, bundle: Record<string, BundleFile>) {
    const files = Object.values(bundle);
    const named = files.map((f) => (f.type === 'chunk' ? f.code : f.fileName.endsWith('.html') ? String(f.source) : '')).join('\n');
    for (const file of files) if (file.fileName.endsWith('.css') && !named.includes(file.fileName)) delete bundle[file.fileName];
  },
};

export default defineConfig({
  // No webextension-polyfill module: Chrome MV3 and Firefox both have promise-based APIs, and the
  // polyfill would cost 3 KB gzipped in every bundle.
  imports: false,
  vite: () => ({
    plugins: [preact(), plainImports, popupAtOnce],
    build: {
      target: 'es2022',
      // No preload helper around import(): the popup's page imports its app after the document
      // (main.tsx), and preload links for that would hold the document's load, which shows the
      // popup. What the load waits for anyway, the popup pages preload themselves (popupAtOnce).
      modulePreload: false,
      sourcemap: process.env.IMCH_SOURCEMAP === '1',
    },
  }),
  hooks: {
    // Only the build that holds the popup splits code; scripts are single files.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The console UI bundle is an ES module (WXT builds unlisted scripts as IIFEs): the content
      // script takes the UI from the namespace of its import(), not from a global the page can
      // shadow. One file, as the IIFE was. The same for console-layer.js (ui/lazy-ui.ts).
      if (entrypoints.some((e) => e.name === 'console-ui' || e.name === 'console-layer') && config.build?.lib) {
        config.build.lib.formats = ['es'];
        const build = config.build as { rolldownOptions?: { output?: Record<string, unknown> } };
        ((build.rolldownOptions ??= {}).output ??= {}).codeSplitting = false;
      }
      if (!entrypoints.some((e) => e.name === 'popup')) return;
      const build = (config.build ??= {}) as { rolldownOptions?: { output?: Record<string, unknown> } };
      const output = ((build.rolldownOptions ??= {}).output ??= {});
      output.codeSplitting = { groups: [BEFORE_LOAD, SHARED_AT_OPEN, POPUP_AT_OPEN, ...TEXTS_AT_OPEN] };
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'reports/**', 'docs/screenshots/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and saved UserIDs; contextMenus: "Decode UserSig" on a selection;
    // activeTab + scripting: read the selection when the popup opens (keyboard command or click).
    action: { default_title: '__MSG_extName__' },
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // The console UI bundle, loaded by the content script on first use, and the saved-UserID
    // picker's frame page; only the console may load them, and in Chrome under a URL that
    // changes every session.
    web_accessible_resources:
      browser === 'firefox'
        ? ['console-ui.js', 'console-layer.js', 'userid-picker-frame.html']
        : [
            {
              resources: ['console-ui.js', 'console-layer.js', 'userid-picker-frame.html'],
              matches: CONSOLE_MATCHES,
              use_dynamic_url: true,
            },
          ],
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Ctrl+Shift+U', mac: 'Command+Shift+U' },
        description: '__MSG_commandDecodeSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'im-console-helper@im-tools.dev',
              // 140 (ESR) is the first release that knows data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
