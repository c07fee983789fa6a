import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { attr, findAll, shadowRootsOf, textOf, type DomNode } from './helpers/shadow.ts';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/console/usersigs.json', import.meta.url), 'utf8'));
const t = fixtures.tokens;
const KEY: string = t.valid.key;

/** Every text and attribute of the page, our closed shadow roots included. */
async function everything(page: import('@playwright/test').Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findAll(root, () => true)
      .map((n) => `${n.nodeValue} ${(n.attributes ?? []).join(' ')}`)
      .join('\n');
  } finally {
    await cdp.detach();
  }
}

test('a remembered SecretKey never reaches a console page, its DOM or a copied report', async ({ openPopup, page, serveConsole, clipboard }) => {
  // The user remembers the key of app 1400000001 in the popup.
  const popup = await openPopup({ lang: 'en' });
  await popup.locator('#paste').fill(t.valid.token);
  await popup.locator('#verify-key').fill(KEY);
  await popup.getByLabel(`Remember this key for SDKAppID ${t.valid.sdkAppId} on this device`).check();
  await expect(popup.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'verified');

  // The popup's own report names the verdict, never the key.
  await popup.getByRole('button', { name: 'Copy report' }).click();
  await expect.poll(() => clipboard.read(popup)).toContain('Verified');
  expect(await clipboard.read(popup)).not.toContain(KEY);

  // Every console feature at work on the same app.
  await serveConsole();
  await page.goto('https://console.tencentcloud.com/im/tool-usersig');
  await page.locator('input').first().fill('alice');
  await page.getByRole('button', { name: 'Generate UserSig' }).click();
  await page.locator('textarea').last().fill(t.valid.token);
  await expect(page.locator('[data-imch=decode]')).toHaveCount(2);
  await page.locator('[data-imch=decode]').first().click();
  await expect(page.locator('[data-imch=decode][data-open]')).toHaveCount(1);
  await expect(page.locator('[data-imch=precheck]')).toHaveCount(1);
  const roots = await shadowRootsOf(page, 'decode');
  expect(findAll(roots[0]!, (n) => attr(n, 'role') === 'dialog')).toHaveLength(1);
  expect(roots.map(textOf).join(' ')).toContain('alice');
  expect(roots.map(textOf).join(' ')).not.toContain(KEY);

  const verifier = page.locator('[data-imch=diagnostics][data-tool=usersig-verifier]');
  await verifier.click();
  await expect(verifier).toHaveAttribute('data-open', 'ready', { timeout: 10_000 });
  await clipboard.write('-', page);
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard.read(page)).toContain('UserSig');
  const report = await clipboard.read(page);
  expect(report).not.toContain(KEY);

  const dom = await everything(page);
  expect(dom).toContain('alice');
  expect(dom).not.toContain(KEY);
});
