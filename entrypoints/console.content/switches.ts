import { browser } from 'wxt/browser';
import type { FeatureId } from '../../lib/console/feature-ids.ts';
import { DEFAULT_SWITCHES, parseSwitches, type FeatureSwitches } from '../../lib/storage/feature-switches.ts';
import { SETTINGS_STORAGE_KEY as KEY } from '../../lib/storage/settings-message.ts';
import { reportOnce } from './manager.ts';

/** Only the switches of the stored settings (the whole settings check stays out of this always-loaded bundle). */
const switchesOf = (stored: unknown) => (stored !== null && typeof stored === 'object' ? parseSwitches(Reflect.get(stored, 'features')) : undefined) ?? DEFAULT_SWITCHES;

export interface Switches {
  /** False until the stored switches are read: nothing starts before the user's choice is known. */
  isOn(id: string): boolean;
  /** Reads the switches, then calls `changed` now and on every later change, until `signal` aborts. */
  follow(changed: () => void, signal: AbortSignal): void;
}

/** The options page's per-feature switches as this console tab sees them, following changes live. */
export function storedSwitches(): Switches {
  let current: FeatureSwitches | undefined;
  return {
    isOn: (id) => current?.[id as FeatureId] ?? false,
    follow(changed, signal) {
      // Read afresh: a change made while no manager followed (off the tool routes) was not heard.
      current = undefined;
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local' || !(KEY in changes)) return;
        current = switchesOf(changes[KEY]!.newValue);
        changed();
      };
      browser.storage.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
      browser.storage.local.get(KEY).then(
        (got) => (current ??= switchesOf(got[KEY])),
        () => (current ??= DEFAULT_SWITCHES),
      ).then(() => {
        if (!signal.aborted) changed();
      }).catch((error: unknown) => reportOnce('switches', error));
    },
  };
}
