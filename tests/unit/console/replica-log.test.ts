// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectTool } from '../../../lib/console/tools.ts';
import { locateTroubleshootingLog, readTroubleshootingLog } from '../../../lib/console/troubleshooting-log.ts';
import { readUserSigFixtures } from '../../fixtures/console/usersig-fixtures.ts';
import { openReplica, type ReplicaPage } from './replica-harness.ts';

const fixtures = readUserSigFixtures();
const PAGES = {
  zh: 'https://console.cloud.tencent.com/im/tool-log',
  en: 'https://console.tencentcloud.com/im/tool-log',
} as const;

let page: ReplicaPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function root(p: ReplicaPage): Element {
  const tool = detectTool('troubleshooting-log', p.document, p.url());
  if (!tool) throw new Error('troubleshooting-log not detected');
  return tool.root;
}

async function query(p: ReplicaPage) {
  p.click(locateTroubleshootingLog(root(p)).queryButton);
  await p.settle();
  return readTroubleshootingLog(root(p));
}

async function pickEvent(p: ReplicaPage, label: string) {
  p.click(locateTroubleshootingLog(root(p)).eventSelect);
  await p.settle();
  const option = [...root(p).querySelectorAll('[role="option"]')].find((o) => o.textContent === label);
  p.click(option);
  await p.settle();
}

for (const lang of ['zh', 'en'] as const) {
  describe(`troubleshooting logs replica (${lang})`, () => {
    it('reads the filters and an empty table before the first query', async () => {
      page = await openReplica(PAGES[lang]);
      const { data, missing } = readTroubleshootingLog(root(page));
      expect(missing).toEqual([]);
      expect(data.rows).toEqual([]);
      expect(data.filters).toMatchObject({ event: 'all', eventLabel: lang === 'zh' ? '全部' : 'All' });
      expect(data.filters.timeRange).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ~ \d{4}-/);
      expect(data.filters.userId).toBeUndefined();
    });

    it('reads every row of the default result, with UserSigs in the login details', async () => {
      page = await openReplica(PAGES[lang]);
      const { data, missing } = await query(page);
      expect(missing).toEqual([]);
      expect(data.skippedRows).toBe(0);
      expect(data.rows).toHaveLength(20);
      const first = data.rows?.[0];
      expect(first).toMatchObject({ event: 'login', userId: 'alice', errorCode: 70001 });
      expect(first?.peerId).toBeUndefined();
      expect(first?.detail).toContain(fixtures.tokens.expired.token);
      const codes = data.rows?.filter((r) => r.event === 'login' && r.errorCode !== 0).map((r) => r.errorCode);
      expect(codes).toEqual([70001, 70009, 70013]);
      expect(data.rows?.find((r) => r.errorCode === 70013)?.detail).toContain(fixtures.tokens.otherUser.token);
      expect(data.rows?.find((r) => r.event === 'group-message')?.peerId).toMatch(/^@TGS#/);
    });

    it('reads the filters the user set and the rows they select', async () => {
      page = await openReplica(PAGES[lang]);
      await pickEvent(page, lang === 'zh' ? '登录' : 'Login');
      page.type(locateTroubleshootingLog(root(page)).userIdInput, 'alice');
      page.type(locateTroubleshootingLog(root(page)).errorCodeInput, '70009');
      const { data } = await query(page);
      expect(data.filters).toMatchObject({ event: 'login', userId: 'alice', errorCode: 70009 });
      expect(data.filters.peerId).toBeUndefined();
      expect(data.rows).toEqual([expect.objectContaining({ event: 'login', userId: 'alice', errorCode: 70009, detail: expect.stringContaining(fixtures.tokens.wrongKey.token) })]);
    });
  });
}

describe('troubleshooting logs replica with 5,000 rows', () => {
  it('reads 5,000 rows appended in batches (UserID stress_5000)', async () => {
    page = await openReplica(PAGES.zh);
    page.type(locateTroubleshootingLog(root(page)).userIdInput, 'stress_5000');
    const batches: number[] = [];
    // One observer callback per task that added rows: how many rows each task added.
    const observer = new page.window.MutationObserver((records) => {
      let rows = 0;
      for (const r of records) for (const n of r.addedNodes) if ((n as unknown as Element).tagName === 'TR') rows++;
      if (rows > 1) batches.push(rows);
    });
    observer.observe(root(page).querySelector('tbody') as never, { childList: true, subtree: true });
    const { data } = await query(page);
    observer.disconnect();
    const again = readTroubleshootingLog(root(page));
    expect(data.rows).toHaveLength(5000);
    expect(again.data.rows).toHaveLength(5000);
    expect(data.rows?.every((r) => r.userId === 'stress_5000')).toBe(true);
    expect(data.rows?.filter((r) => r.detail?.includes(fixtures.tokens.valid.token))).toHaveLength(1);
    // Appended like a lazily rendered table: many small batches, not one big insert.
    expect(batches.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...batches)).toBeLessThanOrEqual(250);
  });

  // The browsers load ?rows=5000 (and read all 5,000 above); here the parameter itself, on fewer
  // rows: happy-dom took 12 s to render the 5,000 a second time.
  it('serves ?rows=N as N rows for any query', async () => {
    page = await openReplica(`${PAGES.en}?rows=600`);
    expect((await query(page)).data.rows).toHaveLength(600);
  });
});
