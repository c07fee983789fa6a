// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeatureManager, REDETECT_DELAY_MS } from '../../../entrypoints/console.content/manager.ts';
import type { ConsoleFeature, FeatureContext } from '../../../entrypoints/console.content/feature.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const feature = (f: Omit<ConsoleFeature, 'pages'>): ConsoleFeature => ({ ...f, pages: [] });

/** A verifier card (heading + field), as a section that React may replace whole. */
function verifierSection(): HTMLElement {
  const section = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = 'UserSig verification tool';
  const input = document.createElement('input');
  section.append(heading, input);
  return section;
}

function verifierPage() {
  document.body.replaceChildren(verifierSection());
}

/** Polls (no fixed sleep) until `check` holds, up to a few re-detection delays. */
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, REDETECT_DELAY_MS / 4));
  expect(check()).toBe(true);
}

describe('feature manager', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a feature that throws, synchronously or later, stops neither the others nor the page', async () => {
    verifierPage();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const ran: string[] = [];
    const features: ConsoleFeature[] = [
      feature({ id: 'throws', tools: 'any', init: () => { throw new Error('broken markup'); } }),
      feature({ id: 'rejects', tools: ['usersig-verifier'], init: async () => { await settle(); throw new Error('later'); } }),
      feature({ id: 'works', tools: ['usersig-verifier'], init: () => { ran.push('works'); } }),
      feature({ id: 'elsewhere', tools: ['offline-push'], init: () => { ran.push('elsewhere'); } }),
    ];
    const manager = createFeatureManager(features, document);
    manager.refresh();
    await settle();
    await settle();
    expect(ran).toEqual(['works']);
    expect(manager.running().sort()).toEqual(['rejects', 'throws', 'works']);
    // Each failure is logged once, with the feature's name.
    const logged = debug.mock.calls.map((c) => String(c[0]));
    expect(logged.filter((l) => l.includes('throws'))).toHaveLength(1);
    expect(logged.filter((l) => l.includes('rejects'))).toHaveLength(1);
  });

  it('stops a feature when its tool leaves the page, and aborts its signal', async () => {
    verifierPage();
    let signal: AbortSignal | undefined;
    const manager = createFeatureManager([feature({ id: 'f', tools: ['usersig-verifier'], init: (ctx) => { signal = ctx.signal; } })], document);
    manager.refresh();
    await settle();
    expect(signal?.aborted).toBe(false);
    const other = document.createElement('h3');
    other.textContent = 'Something else';
    document.body.replaceChildren(other);
    manager.refresh();
    expect(signal?.aborted).toBe(true);
    expect(manager.running()).toEqual([]);
  });

  it('does not restart a feature for every page when tools come and go', async () => {
    document.body.replaceChildren();
    let starts = 0;
    const manager = createFeatureManager([feature({ id: 'any', tools: 'any', init: () => { starts++; } })], document);
    manager.refresh();
    verifierPage();
    manager.refresh();
    await settle();
    expect(starts).toBe(1);
    manager.refresh(true);
    await settle();
    expect(starts).toBe(2);
  });

  it('runs a feature again on the new section when the page replaces its section (React remounting a card)', async () => {
    verifierPage();
    const starts: FeatureContext[] = [];
    const manager = createFeatureManager([feature({ id: 'f', tools: ['usersig-verifier'], init: (ctx) => { starts.push(ctx); } })], document);
    manager.start();
    await until(() => starts.length === 1);
    const first = starts[0]!;
    // Nothing but the page's own change: the one observer notices and the manager re-detects.
    const remounted = verifierSection();
    document.body.replaceChildren(remounted);
    await until(() => starts.length === 2);
    expect(first.signal.aborted).toBe(true);
    expect(starts[1]!.tools[0]!.root).toBe(remounted);
    expect(starts[1]!.signal.aborted).toBe(false);
    manager.stopAll();
  });

  it('does not restart a feature for changes that leave its section in place', async () => {
    verifierPage();
    const starts: string[] = [];
    const manager = createFeatureManager(
      [
        feature({ id: 'verifier', tools: ['usersig-verifier'], init: () => { starts.push('verifier'); } }),
        feature({ id: 'push', tools: ['offline-push'], init: () => { starts.push('push'); } }),
      ],
      document,
    );
    manager.start();
    await until(() => starts.length === 1);
    document.querySelector('section')!.append(document.createElement('input'));
    const row = document.createElement('p');
    row.textContent = 'a log row';
    document.body.append(row);
    // Another tool appearing in the same burst shows that re-detection ran.
    const push = document.createElement('section');
    const heading = document.createElement('h3');
    heading.textContent = 'Offline push issue finder';
    push.append(heading, document.createElement('input'));
    document.body.append(push);
    await until(() => starts.includes('push'));
    expect(starts).toEqual(['verifier', 'push']);
    manager.stopAll();
  });

  it('gives features the page changes until they stop, without our own controls', async () => {
    verifierPage();
    const batches: MutationRecord[][] = [];
    let ctx: FeatureContext | undefined;
    const manager = createFeatureManager([feature({ id: 'f', tools: 'any', init: (c) => { ctx = c; c.onPageChange((records) => batches.push([...records])); } })], document);
    manager.start();
    await until(() => ctx !== undefined);
    const ours = document.createElement('span');
    ours.setAttribute('data-imch', 'decode');
    document.body.append(ours);
    const text = document.createElement('p');
    text.textContent = 'page text';
    document.body.append(text);
    await until(() => batches.length > 0);
    const added = batches.flat().flatMap((r) => [...r.addedNodes]);
    expect(added).toContain(text);
    expect(added).not.toContain(ours);
    manager.stopAll();
    expect(ctx!.signal.aborted).toBe(true);
    const count = batches.length;
    document.body.append(document.createElement('p'));
    await settle();
    expect(batches.length).toBe(count);
  });
});

describe('feature switches', () => {
  it('starts nothing before the switches are read, then only the features switched on; follows a change live', async () => {
    verifierPage();
    const on = new Map<string, boolean>();
    let changed: (() => void) | undefined;
    let followSignal: AbortSignal | undefined;
    const switches = {
      isOn: (id: string) => on.get(id) ?? false,
      follow: (cb: () => void, signal: AbortSignal) => { changed = cb; followSignal = signal; },
    };
    const signals = new Map<string, AbortSignal>();
    const mk = (id: string) => feature({ id, tools: ['usersig-verifier'], init: (ctx) => { signals.set(id, ctx.signal); } });
    const manager = createFeatureManager([mk('a'), mk('b')], document, switches);
    manager.start();
    await settle();
    expect(manager.running()).toEqual([]);
    on.set('a', true).set('b', false);
    changed!();
    await settle();
    expect(manager.running()).toEqual(['a']);
    const first = signals.get('a')!;
    on.set('a', false).set('b', true);
    changed!();
    await settle();
    expect(first.aborted).toBe(true);
    expect(manager.running()).toEqual(['b']);
    // Switching b on again does not restart it: the running one keeps its signal.
    const b = signals.get('b')!;
    changed!();
    await settle();
    expect(b.aborted).toBe(false);
    manager.stopAll();
    expect(followSignal?.aborted).toBe(true);
  });
});
