import type { Lang } from '../../lib/i18n.ts';
import type { DetectedTool, ToolId } from '../../lib/console/tools.ts';

export interface FeatureContext {
  /** Aborted when the feature must stop: navigation, its tool leaving the page, or unload. */
  signal: AbortSignal;
  lang: Lang;
  /** The tools on screen that this feature enhances. */
  tools: DetectedTool[];
  document: Document;
  url: string;
}

/** One console feature: one file, registered with the tools it enhances. */
export interface ConsoleFeature {
  id: string;
  /** The tools it runs on; 'any' runs on every console page. */
  tools: readonly ToolId[] | 'any';
  init(ctx: FeatureContext): void | Promise<void>;
}
