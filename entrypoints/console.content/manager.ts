import { consoleLang } from '../../lib/console/lang.ts';
import { detectTools, type DetectedTool } from '../../lib/console/tools.ts';
import type { ConsoleFeature } from './feature.ts';

const reported = new Set<string>();

/** Logs a feature's failure once per page: the console must keep working, quietly. */
export function reportOnce(featureId: string, error: unknown): void {
  if (reported.has(featureId)) return;
  reported.add(featureId);
  console.debug(`[IM Console Helper] ${featureId} stopped:`, error);
}

interface Running {
  controller: AbortController;
  signature: string;
}

function toolsFor(feature: ConsoleFeature, tools: DetectedTool[]): DetectedTool[] {
  return feature.tools === 'any' ? tools : tools.filter((t) => (feature.tools as readonly string[]).includes(t.id));
}

/**
 * Starts every feature whose tools are on screen, each isolated by its own try/catch and
 * AbortSignal. Never awaits one feature before starting the next. `refresh` re-detects the
 * tools (after late rendering or SPA navigation) and restarts only features whose tools changed.
 */
export function createFeatureManager(features: ConsoleFeature[], doc: Document = document) {
  const running = new Map<string, Running>();

  function stop(id: string) {
    running.get(id)?.controller.abort();
    running.delete(id);
  }

  function refresh(force = false) {
    const url = doc.location?.href ?? '';
    let tools: DetectedTool[];
    try {
      tools = detectTools(doc, url);
    } catch (error) {
      reportOnce('page-model', error);
      return;
    }
    const lang = consoleLang(url, doc);
    for (const feature of features) {
      const mine = toolsFor(feature, tools);
      const applies = feature.tools === 'any' || mine.length > 0;
      // A feature for every page does not restart when tools come and go, only on language change.
      const signature = feature.tools === 'any' ? lang : `${lang}|${mine.map((t) => t.id).join(',')}`;
      const current = running.get(feature.id);
      if (!applies) {
        if (current) stop(feature.id);
        continue;
      }
      if (current && current.signature === signature && !force) continue;
      if (current) stop(feature.id);
      const controller = new AbortController();
      running.set(feature.id, { controller, signature });
      // A microtask each, so a slow or broken feature never delays the others.
      queueMicrotask(async () => {
        try {
          const start = performance.now();
          const done = feature.init({ signal: controller.signal, lang, tools: mine, document: doc, url });
          // User Timing entries of the synchronous work, read by the e2e performance figures.
          performance.measure(`imch:init:${feature.id}`, { start, end: performance.now() });
          await done;
        } catch (error) {
          reportOnce(feature.id, error);
        }
      });
    }
  }

  function stopAll() {
    for (const id of [...running.keys()]) stop(id);
  }

  return { refresh, stopAll, running: () => [...running.keys()] };
}
