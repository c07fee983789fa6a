import { consoleLang } from '../../lib/console/lang.ts';
import { FIELD_SELECTOR } from '../../lib/console/dom.ts';
import { detectTools, type DetectedTool } from '../../lib/console/tools.ts';
import type { ConsoleFeature } from './feature.ts';
import { observePage, type PageChanges } from './page-changes.ts';
import type { Switches } from './switches.ts';

const reported = new Set<string>();

/** An error as text, also one from another compartment (Firefox Xrays hide its own properties). */
function describeError(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown; stack?: unknown } | null | undefined;
  const text = [e?.name, e?.message, e?.stack].filter((part) => typeof part === 'string' && part !== '').join(' | ');
  return text || `${Object.prototype.toString.call(error)} ${String(error)}`;
}

/** Logs a feature's failure once per page: the console must keep working, quietly. */
export function reportOnce(featureId: string, error: unknown): void {
  if (reported.has(featureId)) return;
  reported.add(featureId);
  // As text: an Error object reaches a log reader (or a test's console listener) as a bare handle.
  console.debug(`[IM Console Helper] ${featureId} stopped: ${describeError(error)}`);
}

interface Running {
  controller: AbortController;
  signature: string;
}

/** Re-detection waits this long after a relevant change, so a burst of changes costs one pass. */
export const REDETECT_DELAY_MS = 120;
/** Past this many added nodes in one batch, re-detect rather than look into each of them. */
const MANY_ADDED = 200;
/** What can start a tool section: a heading or a field (detection needs both). */
const SECTION_PARTS = `h1, h2, h3, h4, h5, h6, [role="heading"], ${FIELD_SELECTOR}`;

function toolsFor(feature: ConsoleFeature, tools: DetectedTool[]): DetectedTool[] {
  return feature.tools === 'any' ? tools : tools.filter((t) => (feature.tools as readonly string[]).includes(t.id));
}

/** Identity of page elements, for signatures: a remounted section is a new element, a new number. */
function identities() {
  const ids = new WeakMap<Element, number>();
  let next = 0;
  return (el: Element) => {
    let id = ids.get(el);
    if (id === undefined) ids.set(el, (id = ++next));
    return id;
  };
}

/**
 * Starts every feature whose tools are on screen, each isolated by its own try/catch and
 * AbortSignal, and never awaits one feature before starting the next. It owns the page's one
 * MutationObserver: features subscribe to it, and the manager re-detects the tools (throttled)
 * when a change could add, remove or remount a tool section, restarting a feature whose sections
 * changed identity (React remounting a card after a query or an app switch) or left the page.
 */
export function createFeatureManager(features: ConsoleFeature[], doc: Document = document, switches?: Switches) {
  const running = new Map<string, Running>();
  let following: AbortController | undefined;
  const idOf = identities();
  let current: DetectedTool[] = [];
  let page: PageChanges | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(id: string) {
    running.get(id)?.controller.abort();
    running.delete(id);
  }

  function refresh(force = false) {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const url = doc.location?.href ?? '';
    let tools: DetectedTool[];
    try {
      tools = detectTools(doc, url);
    } catch (error) {
      reportOnce('page-model', error);
      return;
    }
    current = tools;
    const lang = consoleLang(url, doc);
    for (const feature of features) {
      const mine = toolsFor(feature, tools);
      const applies = feature.tools === 'any' || mine.length > 0;
      // A feature for every page does not restart when tools come and go, only on language change.
      const signature = feature.tools === 'any' ? lang : `${lang}|${mine.map((t) => `${t.id}:${idOf(t.root)}:${idOf(t.heading)}`).join(',')}`;
      const was = running.get(feature.id);
      if (!applies || (switches && !switches.isOn(feature.id))) {
        if (was) stop(feature.id);
        continue;
      }
      if (was && was.signature === signature && !force) continue;
      if (was) stop(feature.id);
      const controller = new AbortController();
      running.set(feature.id, { controller, signature });
      const { signal } = controller;
      const onPageChange = (listener: Parameters<PageChanges['subscribe']>[0]) => page?.subscribe(listener, signal);
      // A microtask each, so a slow or broken feature never delays the others.
      queueMicrotask(async () => {
        try {
          await feature.init({ signal, lang, tools: mine, document: doc, url, onPageChange });
        } catch (error) {
          reportOnce(feature.id, error);
        }
      });
    }
  }

  /** Could this batch add, remove or remount a tool section? Cheap: no walk over the page. */
  function relevant(records: readonly MutationRecord[]): boolean {
    if (current.some((t) => !t.root.isConnected || !t.heading.isConnected)) return true;
    let added = 0;
    for (const record of records) {
      if (record.type === 'characterData') {
        // A heading's words changed (the console switched language): detection may differ.
        if (record.target.parentElement?.closest('h1, h2, h3, h4, h5, h6, [role="heading"]')) return true;
        continue;
      }
      if (record.type !== 'childList') continue;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (++added > MANY_ADDED) return true;
        const el = node as Element;
        if (el.matches(SECTION_PARTS) || el.querySelector(SECTION_PARTS)) return true;
      }
    }
    return false;
  }

  function start() {
    page ??= observePage(doc);
    const always = new AbortController().signal;
    page.subscribe((records) => {
      if (timer !== undefined || !relevant(records)) return;
      timer = setTimeout(() => refresh(), REDETECT_DELAY_MS);
    }, always);
    if (!switches) return refresh();
    // Switched off or on in the options page: stop or start just that feature, no reload.
    following = new AbortController();
    switches.follow(() => refresh(), following.signal);
  }

  function stopAll() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const id of [...running.keys()]) stop(id);
    following?.abort();
    following = undefined;
    page?.disconnect();
    page = undefined;
  }

  return { start, refresh, stopAll, running: () => [...running.keys()] };
}
