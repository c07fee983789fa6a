import { createHost } from './host.ts';
import triggerCss from './trigger.css?inline';
import { guardClicks } from './visible.ts';

export interface Trigger {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** Where the feature's panel renders, inside the same closed root. */
  mount: HTMLDivElement;
}

/**
 * The small button every console feature puts on the page, in its own closed shadow root: one
 * style (trigger.css) for all of them. It acts only on clicks the user made on it, seen
 * (ui/visible.ts): listeners the features add run only after that check has passed.
 */
export function createTrigger(kind: string, text: string, label: string): Trigger {
  const { host, root } = createHost(kind);
  const style = document.createElement('style');
  style.textContent = triggerCss;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'trigger';
  button.textContent = text;
  button.title = label;
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  guardClicks(host, button);
  const mount = document.createElement('div');
  root.append(style, button, mount);
  return { host, root, button, mount };
}

/**
 * Closes an open panel on a press outside its host, or on Escape (then focus goes back to
 * `focusBack`). Returns the function that stops listening.
 */
export function dismissOnOutside(doc: Document, host: Element, close: () => void, focusBack: HTMLElement): () => void {
  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) close();
  };
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    close();
    focusBack.focus();
  };
  doc.addEventListener('pointerdown', onOutside, true);
  doc.addEventListener('keydown', onEscape, true);
  return () => {
    doc.removeEventListener('pointerdown', onOutside, true);
    doc.removeEventListener('keydown', onEscape, true);
  };
}
