import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedSwitches } from '../../../entrypoints/console.content/switches.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const setSwitch = (on: boolean) => fakeBrowser.storage.local.set({ settings: { features: { 'decode-buttons': on } } });

beforeEach(() => fakeBrowser.reset());

describe('the console tab’s feature switches (switches.ts)', () => {
  it('a switch changed while the tab was off the tool routes holds when a new manager follows', async () => {
    await setSwitch(true);
    const switches = storedSwitches();
    const first = new AbortController();
    switches.follow(() => {}, first.signal);
    await settle();
    expect(switches.isOn('decode-buttons')).toBe(true);
    // The user leaves the tool routes (the route gate drops the manager) and switches the feature off.
    first.abort();
    await setSwitch(false);
    let told = 0;
    const second = new AbortController();
    switches.follow(() => told++, second.signal);
    // Nothing runs on the old answer while the new one is read.
    expect(switches.isOn('decode-buttons')).toBe(false);
    await settle();
    expect(switches.isOn('decode-buttons')).toBe(false);
    expect(told).toBe(1);
    await setSwitch(true);
    await settle();
    expect(switches.isOn('decode-buttons')).toBe(true);
    expect(told).toBe(2);
    second.abort();
  });
});
