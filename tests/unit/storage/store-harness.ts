import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ListArea } from '../../../lib/storage/keys.ts';
import type { Result } from '../../../lib/storage/result.ts';
import { createUserIdStore, type UserIdStore, type UserIdStoreOptions } from '../../../lib/storage/userid-store.ts';
import { serveSettingsWrites } from '../../../lib/storage/settings-writer.ts';

/**
 * Each store stands for one extension context (a content script in a tab, the options page).
 * They share browser.storage (fakeBrowser), nothing else.
 */
export function useStores() {
  let stores: UserIdStore[] = [];
  let clock = 1_750_000_000_000;
  const state = { preferred: 'local' as ListArea };

  beforeEach(() => {
    fakeBrowser.reset();
    // The background's side of updateSettings (the one writer of the settings).
    serveSettingsWrites(() => true);
    state.preferred = 'local';
  });
  afterEach(() => {
    for (const store of stores) store.dispose();
    stores = [];
  });

  return {
    state,
    tab(options: UserIdStoreOptions = {}): UserIdStore {
      const store = createUserIdStore({
        now: () => (clock += 1000),
        preferredArea: async () => state.preferred,
        observerRepairDelayMs: 10,
        ...options,
      });
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
