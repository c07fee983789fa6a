/**
 * tests/e2e/console.spec.ts in Firefox ESR: the same paths on the same replicas (zh at
 * console.cloud.tencent.com, en at console.tencentcloud.com) with the same tokens, the same
 * outcomes asserted. Our UI is read inside its closed shadow roots over BiDi (../shadow.ts).
 * Run alone with `node tests/firefox/run.ts --grep '^console \('`.
 */
import assert from 'node:assert/strict';
import type { Check, CheckContext } from '../harness.ts';
import { shadowRootsOf } from '../shadow.ts';
import {
  EXPECT_MS,
  SITES,
  buttonNamed,
  controlCount,
  decodeDialogs,
  decodedField,
  describeTitle,
  fill,
  insertText,
  openConsole,
  pageErrors,
  poll,
  precheckCount,
  readPrecheck,
  sleep,
  tokens,
  verifierFields,
  waitForElement,
  waitForScanToReach,
  click,
} from '../console-helpers.ts';
import type { Site } from '../console-helpers.ts';

function siteChecks(site: Site): Check[] {
  /** A check's name and the e2e test it mirrors, from the e2e title written once. */
  const titled = (t: string) => ({ name: `${describeTitle(site)}: ${t}`, mirrors: [`${describeTitle(site)} › ${t}`] });
  const checks: Check[] = [];

  /** The generator's page, Generate clicked for alice, and the one decode control of its UserSig. */
  async function generated(ctx: CheckContext) {
    const page = await openConsole(ctx, `${site.origin}/im/tool-usersig`);
    const generator = await waitForElement(page, 'the first input', () => document.querySelector('input'));
    await fill(generator, 'alice');
    await click(await buttonNamed(page, site.generate, false));
    await poll('one decode control', () => controlCount(page), (n) => n === 1, 5_000 + 3_000);
    return page;
  }

  checks.push({
    ...titled('no control appears where there is no UserSig'),
    timeoutMs: 20_000,
    async run(ctx) {
      const page = await openConsole(ctx, `${site.origin}/im/tool-push-check`);
      await waitForElement(page, 'a visible h2/h3', () => {
        const h = document.querySelector('h2, h3') as HTMLElement | null;
        return h && h.getBoundingClientRect().height > 0 ? h : null;
      });
      // Not vacuous: the scan has passed the whole page when the sentinel's control shows.
      await waitForScanToReach(page);
      assert.equal(await controlCount(page), 1, 'a decode control besides the sentinel’s');
      assert.equal(await precheckCount(page), 0, 'a pre-check on a page without the verifier');
    },
  });

  checks.push({
    ...titled('a generated UserSig gets a decode control that opens the decoded view'),
    timeoutMs: 25_000,
    async run(ctx) {
      const page = await generated(ctx);
      const control = await page.$('[data-imch=decode]');
      assert.ok(control);
      await click(control);
      await poll('the decoded view opens (role=dialog in the control)', () => decodeDialogs(page), (n) => n === 1);
      assert.match(await decodedField(page, 'identifier'), /alice/, 'identifier field');
      assert.match(await decodedField(page, 'sdkAppId'), /1400000001/, 'sdkAppId field');
      await page.keyboard.press('Escape');
      await poll('Escape closes the decoded view', () => decodeDialogs(page), (n) => n === 0);
    },
  });

  checks.push({
    ...titled('near the window’s bottom, a decode control opens its panel upwards, inside the window'),
    timeoutMs: 25_000,
    async run(ctx) {
      const page = await generated(ctx);
      // A window that ends 120 px under the control: more room above it than below.
      const at = (await (await page.$('[data-imch=decode]'))!.boundingBox())!;
      await page.setViewport({ width: 1280, height: Math.ceil(at.y + at.height + 120) });
      await click((await page.$('[data-imch=decode]'))!);
      await poll('the decoded view opens', () => decodeDialogs(page), (n) => n === 1);
      const [root] = await shadowRootsOf(page, 'decode');
      const panel = await root!.evaluate((r) => {
        const box = r.querySelector('[role=dialog]')!.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      });
      const control = (await (await page.$('[data-imch=decode]'))!.boundingBox())!;
      // Inside the console's content area, which scrolls under its top bar and clips what leaves it.
      const area = await page.evaluate(() => document.querySelector('main, [role=main]')!.getBoundingClientRect().top);
      assert.ok(panel.bottom <= control.y + 1, `the panel (${JSON.stringify(panel)}) opens above the control at ${control.y}`);
      assert.ok(panel.top >= area - 1, `the panel's top ${panel.top} inside the content area from ${area}`);
      assert.ok(panel.bottom - panel.top > 100, 'the panel has room');
    },
  });

  const cases = [
    { name: 'valid', token: tokens.valid!.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'pass', code: undefined },
    { name: 'expired', token: tokens.expired!.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70001' },
    { name: 'another UserID', token: tokens.otherUser!.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70013' },
    { name: 'another app', token: tokens.valid!.token, userId: 'alice', url: '/im/tool-usersig?sdkappid=1400000002', verdict: 'problem', code: '70014' },
    { name: 'truncated', token: tokens.truncated!.token, userId: 'alice', url: '/im/tool-usersig', verdict: 'problem', code: '70003' },
  ];
  for (const c of cases) {
    checks.push({
      ...titled(`the verifier pre-check: ${c.name}`),
      timeoutMs: 20_000,
      async run(ctx) {
        const page = await openConsole(ctx, `${site.origin}${c.url}`);
        const { userId, userSig } = await verifierFields(page);
        await fill(userId, c.userId);
        await fill(userSig, c.token);
        await poll(`pre-check verdict ${c.verdict}`, async () => (await readPrecheck(page)).verdict, (v) => v === c.verdict);
        const shown = await readPrecheck(page);
        assert.ok(shown.text.includes(site.precheck), `the pre-check says "${site.precheck}": ${shown.text.slice(0, 200)}`);
        if (c.code) assert.equal(shown.codes[0], c.code, `first server code (all: ${shown.codes.join(', ')})`);
        else assert.deepEqual(shown.codes, []);
      },
    });
  }

  checks.push({
    ...titled('controls appear for UserSigs in log rows rendered late, and after a route change'),
    timeoutMs: 25_000,
    async run(ctx) {
      const page = await openConsole(ctx, `${site.origin}/im/tool-push-check`);
      const link = await waitForElement(
        page,
        'the troubleshooting-log link',
        (text: string) =>
          [...document.querySelectorAll('nav a, aside a, [role=navigation] a')].find((a) => (a.textContent ?? '').toLowerCase().includes(text)) as HTMLAnchorElement | undefined,
        EXPECT_MS,
        site.lang === 'zh' ? '自助排障日志' : 'troubleshooting',
      );
      await link.click();
      // A route change, not a load: the same document moved on with pushState.
      await poll('the SPA moved to /im/tool-log', () => page.evaluate(() => location.pathname), (p) => p === '/im/tool-log');
      await click(await buttonNamed(page, site.query, true));
      const tokenCells = () =>
        page.evaluate(() => {
          const cells = [...document.querySelectorAll('td, [role=cell]')].filter((c) => /eJ[A-Za-z0-9*_-]{40,}/.test(c.textContent ?? ''));
          return { count: cells.length, firstVisible: !!cells[0] && cells[0].getBoundingClientRect().height > 0 };
        });
      await poll('a visible table cell with a UserSig', tokenCells, (c) => c.firstVisible, 5_000 + 3_000);
      const expected = (await tokenCells()).count;
      assert.ok(expected > 0);
      await poll(`${expected} decode controls (one per UserSig cell)`, () => controlCount(page), (n) => n === expected);
      const verdicts = await poll(
        'every control has its verdict',
        () => page.evaluate(() => [...document.querySelectorAll('[data-imch=decode]')].map((h) => h.getAttribute('data-verdict'))),
        (v) => v.every((x) => x !== null),
      );
      ctx.log(`${expected} UserSig cells, ${verdicts.length} controls: ${verdicts.join(', ')}`);
      assert.ok(verdicts.includes('problem'), `verdicts: ${verdicts.join(', ')}`);
      assert.equal((await tokenCells()).count, expected, 'the UserSig cells are still there');
    },
  });

  checks.push({
    ...titled('the page cannot open or read our UI'),
    timeoutMs: 20_000,
    async run(ctx) {
      const page = await openConsole(ctx, `${site.origin}/im/tool-usersig`);
      const { userSig } = await verifierFields(page);
      await fill(userSig, tokens.valid!.token);
      await poll('one decode control', () => controlCount(page), (n) => n === 1);
      const probe = await page.evaluate(() => {
        const host = document.querySelector('[data-imch=decode]') as HTMLElement;
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        window.postMessage({ type: 'imch', open: true }, '*');
        return {
          shadowRoot: host.shadowRoot === null,
          text: host.textContent,
          keys: JSON.stringify(Object.keys(host)),
          // Firefox gives extensions' content scripts `openOrClosedShadowRoot`; never the page.
          openOrClosed: typeof (host as unknown as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot,
        };
      });
      ctx.log(`the page sees: shadowRoot ${probe.shadowRoot ? 'null' : 'an object'}, text ${JSON.stringify(probe.text)}, own keys ${probe.keys}`);
      assert.equal(probe.shadowRoot, true, 'host.shadowRoot is null for the page');
      assert.equal(probe.text, '', 'nothing of ours in the light DOM');
      assert.equal(probe.openOrClosed, 'undefined', 'the page has no openOrClosedShadowRoot');
      const [root] = await shadowRootsOf(page, 'decode');
      assert.ok(root, 'the control has a shadow root (read over BiDi)');
      // A real click toggles the panel: it opens only if the forged click opened nothing.
      const control = await page.$('[data-imch=decode]');
      await click(control!);
      await poll('a real click opens the decoded view', () => decodeDialogs(page), (n) => n === 1);
    },
  });

  checks.push({
    ...titled('on a page with unexpected markup the console keeps working and nothing throws'),
    timeoutMs: 20_000,
    async run(ctx) {
      const page = await ctx.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const { errors, proveListening } = pageErrors(page);
      await openConsole(ctx, `${site.origin}/im/tool-usersig?broken=1`, page);
      const editable = await waitForElement(page, 'the editable UserSig box', () => document.querySelector('[contenteditable]') as HTMLElement | null);
      await editable.click();
      await insertText(page, tokens.expired!.token);
      const verify = await waitForElement(
        page,
        'the Verify button',
        (text: string) => [...document.querySelectorAll('button, [role=button]')].find((b) => (b.textContent ?? '').includes(text)) as HTMLElement | undefined,
        EXPECT_MS,
        site.lang === 'zh' ? '校验' : 'Verify',
      );
      await click(verify);
      await waitForScanToReach(page);
      assert.deepEqual(errors, []);
      // The replica's own verifier answered (its result line under the button), so the console
      // kept working; and the error listener above was live.
      const out = await poll('the broken page still verifies', () => page.evaluate(() => document.querySelector('.x-box:last-child p')?.textContent ?? ''), (t) => /^(OK|\d{5})$/.test(t));
      assert.match(out, /^(OK|\d{5})$/, 'the broken page still verifies');
      await proveListening();
    },
  });

  return checks;
}

export default SITES.flatMap(siteChecks);
