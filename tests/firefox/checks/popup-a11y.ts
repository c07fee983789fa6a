import assert from 'node:assert/strict';
import type { Check } from '../harness.ts';
import { KEY, expectCount, expectVerdict, fill, openPopup, resetPopupStorage, tokens, AXE_SOURCE } from '../popup-helpers.ts';


type AxeSummary = {
  version: string;
  violations: { id: string; impact: string | null; targets: string[] }[];
  passes: string[];
  incomplete: string[];
};

/**
 * popup.spec.ts's axe scan (AxeBuilder's default run: every rule axe enables by default) on the
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

    await popup.evaluate(AXE_SOURCE);
    const scan = async () => {
      const results = (await popup.evaluate(async () => {
        const axe = (window as unknown as { axe: { version: string; run(ctx: Document): Promise<any> } }).axe;
        const r = await axe.run(document);
        return {
          version: axe.version,
          violations: r.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => n.target.join(' ')) })),
          passes: r.passes.map((p: any) => p.id),
          incomplete: r.incomplete.map((p: any) => p.id),
        };
      })) as AxeSummary;
      ctx.log(`axe ${results.version}: ${results.passes.length} rules passed, ${results.violations.length} violated, ${results.incomplete.length} incomplete`);
      assert.ok(results.passes.length > 10, `axe evaluated the popup (${results.passes.length} rules passed)`);
      assert.ok([...results.passes, ...results.incomplete, ...results.violations.map((v) => v.id)].includes('color-contrast'), 'colour contrast was evaluated');
      assert.deepEqual(results.violations.map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`), []);
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
