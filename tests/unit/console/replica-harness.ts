// Runs a console replica (tests/fixtures/console) with its own script in a happy-dom window, so
// the page model is tested against what the replica really renders, re-renders included.
import { Window } from 'happy-dom';
import { detectTool, type ToolId } from '../../../lib/console/tools.ts';
import { fulfilConsoleRequest } from '../../fixtures/console/routes.ts';

export interface ReplicaPage {
  window: Window;
  document: Document;
  url: () => string;
  /** Waits until every timer and task of the page is done (late rendering, delayed results, row batches). */
  settle: () => Promise<void>;
  /** Types like a user: sets the value and fires `input`, which is all the replica listens to. */
  type: (el: Element | null | undefined, value: string) => void;
  click: (el: Element | null | undefined) => void;
  /** The nth tool card of the current page. */
  card: (n: number) => Element;
  close: () => Promise<void>;
}

/**
 * `realTimers: false` (default) clamps the replica's delays (spinners, result latency, row
 * batches) to a few milliseconds: same order of events, much faster tests.
 */
export async function openReplica(url: string, { realTimers = false } = {}): Promise<ReplicaPage> {
  const response = fulfilConsoleRequest(url);
  if (!response) throw new Error(`not a replica URL: ${url}`);
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      timer: { maxTimeout: realTimers ? -1 : 5 },
    },
  });
  const document = window.document as unknown as Document;
  window.document.write(response.body);
  const page: ReplicaPage = {
    window,
    document,
    url: () => window.location.href,
    settle: () => window.happyDOM.waitUntilComplete(),
    type(el, value) {
      if (!el) throw new Error('nothing to type into');
      (el as HTMLInputElement).value = value;
      el.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    },
    click(el) {
      if (!el) throw new Error('nothing to click');
      (el as HTMLElement).click();
    },
    card(n) {
      const card = document.querySelectorAll('section.tea-card')[n];
      if (!card) throw new Error(`no card ${n}`);
      return card;
    },
    close: () => window.happyDOM.close(),
  };
  await page.settle();
  return page;
}

/** The section root of a tool the page model finds on the replica; fails the test if it does not. */
export function toolRoot(p: ReplicaPage, id: ToolId): Element {
  const tool = detectTool(id, p.document, p.url());
  if (!tool) throw new Error(`${id} not detected`);
  return tool.root;
}
