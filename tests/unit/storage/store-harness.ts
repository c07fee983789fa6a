import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUARANTINE_KEY_PREFIX } from '../../../lib/storage/quarantine.ts';
import type { Result } from '../../../lib/storage/errors.ts';
import { createUserIdStore, type UserIdStore } from '../../../lib/storage/userid-store.ts';
import { serveWrites } from '../../../lib/storage/writer.ts';

/**
 * Each store stands for one page (the options page, a picker frame in a console tab). They share
 * browser.storage (fakeBrowser) and the background, the one writer, served here with a clock
 * that ticks a second per read.
 */
export function useStores() {
  let stores: UserIdStore[] = [];
  let clock = 1_750_000_000_000;
  const background = () => serveWrites(() => true, { now: () => (clock += 1000) });
  const started = () => fakeBrowser.runtime.onMessage.hasListeners();

  // The background starts with the first page (tests put what an older version stored first).
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    for (const store of stores) store.dispose();
    stores = [];
  });

  return {
    /** A background restart (Chrome's service worker woken again): a fresh writer. */
    restartBackground() {
      fakeBrowser.runtime.onMessage.removeAllListeners();
      background();
    },
    tab(): UserIdStore {
      if (!started()) background();
      const store = createUserIdStore();
      stores.push(store);
      return store;
    },
  };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result.value;
}

export async function localData(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}
export async function syncData(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.sync.get(null);
}

export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the background set aside (lib/storage/quarantine.ts), oldest first. */
export async function listQuarantine() {
  const all = await fakeBrowser.storage.local.get(null);
  const records = Object.entries(all)
    .filter(([key]) => key.startsWith(QUARANTINE_KEY_PREFIX))
    .map(([key, record]) => ({ id: key.slice(QUARANTINE_KEY_PREFIX.length), ...(record as { source: string; path: string; value: unknown; reason: string; at: number }) }));
  return { ok: true as const, value: records.sort((a, b) => a.at - b.at) };
}
