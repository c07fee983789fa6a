import type { Lang } from '../../lib/i18n.ts';
import type { DetectedTool, ToolId } from '../../lib/console/tools.ts';

/** The page's changes since the last call, without the ones that only add our own controls. */
export type PageChangeListener = (records: readonly MutationRecord[]) => void;

export interface FeatureContext {
  /** Aborted when the feature must stop: navigation, its tool leaving or being remounted, or unload. */
  signal: AbortSignal;
  lang: Lang;
  /** The tools on screen that this feature enhances (their sections, as found at start). */
  tools: DetectedTool[];
  document: Document;
  url: string;
  /**
   * Subscribes to the page's one MutationObserver (childList, text, and `value` attributes) until
   * the signal aborts. Listeners run inside the observer's callback: queue work, never do it there.
   */
  onPageChange(listener: PageChangeListener): void;
}

/** One console feature: one folder (`features/<id>/`), registered with the tools it enhances. */
export interface ConsoleFeature {
  /** Also the key of its on/off switch in the settings (lib/console/feature-ids.ts). */
  id: string;
  /** The tools it runs on; 'any' runs on every console page. */
  tools: readonly ToolId[] | 'any';
  init(ctx: FeatureContext): void | Promise<void>;
  /** Real console pages it runs on (documentation, checked by tests/unit/content/feature-folders.test.ts). */
  pages: readonly string[];
}
