import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { KEY, expectCount, expectVerdict, fill, openPopup, resetPopupStorage, tokens, axeReport } from '../popup-helpers.ts';


/**
 * popup.spec.ts's axe scan (tests/shared/axe.ts: every rule axe enables by default) on the
 * popup as Firefox renders it, light and dark: a PrivateMapKey decoded and verified, then an
 * expired UserSig for another UserID (problem cards, failed checks). No violation of any impact. axe-core's own source is evaluated in the page over WebDriver BiDi,
 * which the popup's CSP (script-src 'self') does not govern; the check proves it ran by requiring
 * results, colour contrast among the rules evaluated.
 */
const checks: Check[] = (['light', 'dark'] as const).map((theme) => ({
  name: `popup: no accessibility violations (${theme}), verified and with problems, axe-core in Firefox`,
  mirrors: [`no accessibility violations (${theme}), verified and with problems`],
  timeoutMs: 40_000,
  async run(ctx) {
    const popup = await openPopup(ctx, { lang: 'en', theme });
    await resetPopupStorage(ctx, popup);
    assert.equal(await popup.$eval('.imch.popup', (e) => e.getAttribute('data-theme')), theme, 'the popup took the theme');
    await fill(popup, '#paste', tokens.privateMapKey.token);
    await fill(popup, '#verify-key', KEY);
    await expectVerdict(popup, 'verified');

    const scan = async () => {
      const report = await axeReport(popup);
      ctx.log(`axe ${report.version}: ${report.passes} rules passed, ${report.violations.length} violated, ${report.incomplete} incomplete`);
      assert.ok(report.contrastRead, 'colour contrast was evaluated');
      assert.deepEqual(report.violations, []);
    };
    await scan();
    // Problem cards and checks on screen: headings and landmarks hold too.
    await fill(popup, '#paste', tokens.expired.token);
    await fill(popup, '#verify-user', 'bob');
    await expectCount(popup, '.problem', 2);
    await scan();
  },
}));

export default checks;
