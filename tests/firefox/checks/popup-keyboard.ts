import type { Check } from '../harness.ts';
import { expectIn, expectVerdict, openPopup, resetPopupStorage, tokens } from '../popup-helpers.ts';

/**
 * popup.spec.ts's keyboard path in Firefox: the paste box has focus on opening (autofocus), the
 * token goes in through the keyboard to whatever has focus (real key input over BiDi, no element
 * targeted), and the tab list moves with ArrowRight, selection and focus together.
 */
const check: Check = {
  name: 'popup: the popup is fully usable by keyboard',
  mirrors: ['the popup is fully usable by keyboard'],
  timeoutMs: 30_000,
  async run(ctx) {
    const popup = await openPopup(ctx, { lang: 'en' });
    await resetPopupStorage(ctx, popup);
    await expectIn(popup, '#paste has focus on opening', () => ({ ok: document.activeElement?.id === 'paste', seen: document.activeElement?.outerHTML.slice(0, 80) }));
    await popup.keyboard.type(tokens.valid.token);
    await expectIn(popup, 'the keys went into the paste box', (t: string) => {
      const v = (document.getElementById('paste') as HTMLTextAreaElement).value;
      return { ok: v === t, seen: v.slice(0, 40) };
    }, tokens.valid.token);
    await expectVerdict(popup, 'decoded');
    await popup.$eval('[role=tab][aria-selected=true]', (e) => (e as HTMLElement).focus());
    await popup.keyboard.press('ArrowRight');
    await expectIn(popup, 'the Generate tab is selected and focused', () => {
      const tab = [...document.querySelectorAll('[role=tab]')].find((e) => e.textContent?.trim() === 'Generate');
      return { ok: tab?.getAttribute('aria-selected') === 'true' && document.activeElement === tab, seen: { selected: tab?.getAttribute('aria-selected'), focused: document.activeElement?.textContent } };
    });
  },
};

export default check;
