// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeatureManager } from '../../../entrypoints/console.content/manager.ts';
import type { ConsoleFeature } from '../../../entrypoints/console.content/feature.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function verifierPage() {
  document.body.innerHTML = '';
  const section = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = 'UserSig verification tool';
  const input = document.createElement('input');
  section.append(heading, input);
  document.body.append(section);
}

describe('feature manager', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a feature that throws, synchronously or later, stops neither the others nor the page', async () => {
    verifierPage();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const ran: string[] = [];
    const features: ConsoleFeature[] = [
      { id: 'throws', tools: 'any', init: () => { throw new Error('broken markup'); } },
      { id: 'rejects', tools: ['usersig-verifier'], init: async () => { await settle(); throw new Error('later'); } },
      { id: 'works', tools: ['usersig-verifier'], init: () => { ran.push('works'); } },
      { id: 'elsewhere', tools: ['offline-push'], init: () => { ran.push('elsewhere'); } },
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
    const manager = createFeatureManager([{ id: 'f', tools: ['usersig-verifier'], init: (ctx) => { signal = ctx.signal; } }], document);
    manager.refresh();
    await settle();
    expect(signal?.aborted).toBe(false);
    document.body.innerHTML = '<h3>Something else</h3>';
    manager.refresh();
    expect(signal?.aborted).toBe(true);
    expect(manager.running()).toEqual([]);
  });

  it('does not restart a feature for every page when tools come and go', async () => {
    document.body.innerHTML = '';
    let starts = 0;
    const manager = createFeatureManager([{ id: 'any', tools: 'any', init: () => { starts++; } }], document);
    manager.refresh();
    verifierPage();
    manager.refresh();
    await settle();
    expect(starts).toBe(1);
    manager.refresh(true);
    await settle();
    expect(starts).toBe(2);
  });
});
