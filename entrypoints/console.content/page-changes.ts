import type { PageChangeListener } from './feature.ts';
import { isOurs } from './ui/host.ts';

export interface PageChanges {
  subscribe(listener: PageChangeListener, signal: AbortSignal): void;
  disconnect(): void;
}

/** A record that only adds our own controls (with nothing removed) is ours: nobody needs it. */
function onlyOurs(record: MutationRecord): boolean {
  if (record.type !== 'childList' || record.removedNodes.length > 0 || record.addedNodes.length === 0) return false;
  for (const node of record.addedNodes) if (!isOurs(node)) return false;
  return true;
}

/**
 * The one MutationObserver of the content script; features subscribe to it. It watches the
 * structure and text of the page, and the `value` attribute, which React writes when it sets a
 * controlled input's value from code (a generated UserSig): the only attribute any feature needs.
 */
export function observePage(doc: Document): PageChanges {
  const listeners = new Set<PageChangeListener>();
  const observer = new MutationObserver((all) => {
    const records = all.filter((r) => !onlyOurs(r));
    if (records.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(records);
      } catch {
        // A listener's failure is its feature's; the others still hear of the change.
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  return {
    subscribe(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    disconnect() {
      observer.disconnect();
      listeners.clear();
    },
  };
}
