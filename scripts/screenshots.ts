// Screenshots for the README: the popup in each state, both languages, light and dark, and the
// console replicas with the extension. `npm run build` first; writes docs/screenshots/*.png.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fulfilConsoleRequest } from '../tests/fixtures/console/routes.ts';
import { CHROMIUM, chromiumArgsWithExtension } from '../tests/e2e/helpers/chromium.ts';

const OUT = 'docs/screenshots';
// A private copy, so a rebuild running meanwhile cannot pull files from under the browser.
const ext = mkdtempSync(join(tmpdir(), 'shots-ext-'));
cpSync(join(process.cwd(), '.output/chrome-mv3'), ext, { recursive: true });
const fixtures = JSON.parse(readFileSync('tests/fixtures/console/usersigs.json', 'utf8'));
const t = fixtures.tokens;
const only = process.argv[2];

const context: BrowserContext = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shots-')), {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: chromiumArgsWithExtension(ext),
});
for (const origin of ['https://console.cloud.tencent.com', 'https://console.tencentcloud.com']) {
  await context.route(`${origin}/**`, (route) => {
    const r = fulfilConsoleRequest(route.request().url());
    return r ? route.fulfill({ status: r.status, contentType: r.contentType, body: r.body }) : route.abort();
  });
}
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;

async function popup(name: string, query: string, act: (p: Page) => Promise<void>) {
  if (only && !name.includes(only)) return;
  const page = await context.newPage();
  await page.setViewportSize({ width: 440, height: 700 });
  // The page a reader of that language gets from the toolbar button.
  const file = new URLSearchParams(query).get('lang') === 'zh' ? 'popup-zh.html' : 'popup.html';
  await page.goto(`chrome-extension://${id}/${file}?${query}`);
  await page.waitForSelector('#paste');
  await act(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  await page.close();
  console.log(`${OUT}/${name}.png`);
}

async function consolePage(name: string, url: string, act: (p: Page) => Promise<void>, size = { width: 1280, height: 900 }) {
  if (only && !name.includes(only)) return;
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(url);
  await page.waitForSelector('#qc-main[aria-busy="false"]');
  await act(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  await page.close();
  console.log(`${OUT}/${name}.png`);
}

const KEY = t.valid.key;
await popup('popup-verified-en-light', 'lang=en&theme=light', async (p) => {
  await p.fill('#paste', t.valid.token);
  await p.fill('#verify-key', KEY);
  await p.fill('#verify-app', String(t.valid.sdkAppId));
  await p.fill('#verify-user', 'alice');
});
await popup('popup-verified-zh-dark', 'lang=zh&theme=dark', async (p) => {
  await p.fill('#paste', t.valid.token);
  await p.fill('#verify-key', KEY);
});
await popup('popup-expired-zh-light', 'lang=zh&theme=light', async (p) => {
  await p.fill('#paste', t.expired.token);
});
await popup('popup-wrong-key-en-dark', 'lang=en&theme=dark', async (p) => {
  await p.fill('#paste', t.wrongKey.token);
  await p.fill('#verify-key', KEY);
  await p.fill('#verify-user', 'bob');
});
await popup('popup-privatemapkey-en-light', 'lang=en&theme=light', async (p) => {
  await p.fill('#paste', t.privateMapKey.token);
});
await popup('popup-truncated-zh-dark', 'lang=zh&theme=dark', async (p) => {
  await p.fill('#paste', t.truncated.token);
});
await popup('popup-log-en-light', 'lang=en&theme=light', async (p) => {
  await p.fill('#paste', `login alice sig=${t.valid.token}\nlogin alice sig=${t.expired.token} ret=70001\nlogin bob sig=${t.otherUser.token}`);
});
await popup('popup-generate-zh-light', 'lang=zh&theme=light', async (p) => {
  await p.getByRole('tab', { name: '生成' }).click();
  await p.fill('#gen-app', String(t.valid.sdkAppId));
  await p.fill('#gen-user', 'alice');
  await p.fill('#gen-key', KEY);
  await p.getByRole('button', { name: '生成', exact: true }).click();
});

for (const [lang, origin] of [['zh', 'https://console.cloud.tencent.com'], ['en', 'https://console.tencentcloud.com']] as const) {
  await consolePage(`console-usersig-precheck-${lang}`, `${origin}/im/tool-usersig`, async (p) => {
    const boxes = p.locator('textarea');
    await boxes.last().fill(t.otherUser.token);
    await p.locator('input').nth(1).fill('alice');
  });
  await consolePage(`console-decode-panel-${lang}`, `${origin}/im/tool-usersig`, async (p) => {
    await p.locator('input').first().fill('alice');
    await p.getByRole('button', { name: lang === 'zh' ? '生成签名（UserSig）' : 'Generate UserSig' }).click();
    await p.locator('[data-imch=decode]').first().click();
    await p.waitForSelector('[data-imch=decode][data-open]');
  }, { width: 1280, height: 1000 });
  await consolePage(`console-log-${lang}`, `${origin}/im/tool-log`, async (p) => {
    await p.getByRole('button', { name: lang === 'zh' ? '查询' : 'Query', exact: true }).click();
    await p.waitForSelector('[data-imch=decode]');
  });
}
await context.close();
