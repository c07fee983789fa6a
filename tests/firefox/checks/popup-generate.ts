import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import {
  APP,
  KEY,
  byLabel,
  byRole,
  check,
  expectCount,
  expectText,
  expectValue,
  expectVerdict,
  fill,
  openPopup,
  resetPopupStorage,
  click,
} from '../popup-helpers.ts';

/** popup.spec.ts's generation tests in Firefox: the Generate tab, real clicks, the same fields. */
const checks: Check[] = [
  {
    name: 'popup: generate then verify round-trips, for a UserSig and a PrivateMapKey',
    mirrors: ['generate then verify round-trips, for a UserSig and a PrivateMapKey'],
    timeoutMs: 30_000,
    async run(ctx) {
      const popup = await openPopup(ctx, { lang: 'en' });
      await resetPopupStorage(ctx, popup);
      await click(await byRole(popup, 'tab', 'Generate'));
      await fill(popup, '#gen-app', APP);
      await fill(popup, '#gen-user', 'zoe');
      await fill(popup, '#gen-key', KEY);
      await click(await byRole(popup, 'button', 'Generate', { exact: true }));
      await expectValue(popup, '#gen-output', /^eJ/);
      const userSig = await popup.$eval('#gen-output', (e) => (e as HTMLTextAreaElement).value);
      await click(await byRole(popup, 'button', 'Open in decoder'));
      await expectVerdict(popup, 'verified');
      await expectText(popup, '[data-field=identifier]', { contains: 'zoe' });
      await expectText(popup, '[data-field=expire]', { contains: '15552000' });
      // The decoder shows what was generated, not something left over.
      assert.equal(await popup.$eval('#paste', (e) => (e as HTMLTextAreaElement).value), userSig);

      await click(await byRole(popup, 'tab', 'Generate'));
      await check(await byLabel(popup, 'PrivateMapKey (TRTC room)'));
      await check(await byLabel(popup, 'Room string'));
      await fill(popup, '#gen-room', 'room-42');
      await click(await byRole(popup, 'button', 'Audience'));
      await click(await byRole(popup, 'button', 'Generate', { exact: true }));
      await expectValue(popup, '#gen-output', /^eJ/);
      const pmk = await popup.$eval('#gen-output', (e) => (e as HTMLTextAreaElement).value);
      assert.notEqual(pmk, userSig, 'a new token was generated for the room');
      await click(await byRole(popup, 'button', 'Open in decoder'));
      await expectVerdict(popup, 'verified');
      await expectText(popup, '[data-field=roomStr]', { equals: 'room-42' });
      await expectCount(popup, '[data-privilege][data-granted=true]', 3);
    },
  },
  {
    name: 'popup: generation refuses bad input with a specific message',
    mirrors: ['generation refuses bad input with a specific message'],
    timeoutMs: 20_000,
    async run(ctx) {
      const popup = await openPopup(ctx, { lang: 'en' });
      await click(await byRole(popup, 'tab', 'Generate'));
      await fill(popup, '#gen-app', 'not-a-number');
      await fill(popup, '#gen-user', 'zoe');
      await fill(popup, '#gen-key', KEY);
      await click(await byRole(popup, 'button', 'Generate', { exact: true }));
      await expectText(popup, '[data-part=gen-error]', { contains: 'TLS.sdkappid' });
    },
  },
];

export default checks;
