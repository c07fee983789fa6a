import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import {
  APP,
  KEY,
  byLabel,
  byRole,
  check,
  expectValue,
  expectVerdict,
  expectVisibleText,
  fill,
  openPopup,
  resetPopupStorage,
  storageDump,
  tokens,
  click,
} from '../popup-helpers.ts';

/**
 * The SecretKey in the popup's storage, in Firefox: remembered only on request and only in the
 * local area (never sync, never session), gone after "Forget key" and after reopening; a key not
 * remembered is nowhere in storage. Storage is read through the popup page's own `browser.storage`.
 */
const checks: Check[] = [
  {
    name: 'popup: a remembered key survives reopening the popup and is gone after forget',
    mirrors: ['a remembered key survives reopening the popup and is gone after forget'],
    timeoutMs: 30_000,
    async run(ctx) {
      let popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', tokens.valid.token);
      await fill(popup, '#verify-key', KEY);
      await check(await byLabel(popup, `Remember this key for SDKAppID ${APP} on this device`));
      await expectVisibleText(popup, `Key remembered for SDKAppID ${APP}`);
      await popup.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectValue(popup, '#verify-key', KEY);
      await expectVerdict(popup, 'verified');
      const stored = await storageDump(popup);
      assert.ok(stored.local.includes(KEY), 'the remembered key is in storage.local');
      assert.ok(!stored.sync.includes(KEY), 'the key is not in storage.sync');
      await click(await byRole(popup, 'button', 'Forget key'));
      await expectValue(popup, '#verify-key', '');
      await popup.close();

      popup = await openPopup(ctx, { lang: 'en' });
      await fill(popup, '#paste', tokens.valid.token);
      await expectVerdict(popup, 'decoded');
      await expectValue(popup, '#verify-key', '');
      const after = await storageDump(popup);
      assert.ok(!after.local.includes(KEY), 'the forgotten key is gone from storage.local');
    },
  },
  {
    name: 'popup: a key that is not remembered never reaches storage',
    mirrors: ['a key that is not remembered never reaches storage'],
    timeoutMs: 20_000,
    async run(ctx) {
      const popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await fill(popup, '#paste', tokens.valid.token);
      await fill(popup, '#verify-key', KEY);
      await expectVerdict(popup, 'verified');
      await new Promise((r) => setTimeout(r, 300)); // room for a late (debounced) write to show
      const all = await storageDump(popup);
      assert.ok(!JSON.stringify(all).includes(KEY), `the key is in storage: ${JSON.stringify(all).slice(0, 300)}`);
    },
  },
];

export default checks;
