// @vitest-environment happy-dom
// Every replica page against the page model: the tools it lists are the tools detected, in the
// right language and app; SPA navigation, late rendering and the broken variant.
import { afterEach, describe, expect, it } from 'vitest';
import { consoleLang } from '../../../lib/console/lang.ts';
import { readOfflinePush } from '../../../lib/console/offline-push.ts';
import { readSdkAppId } from '../../../lib/console/sdkappid.ts';
import { readDetectedTool } from '../../../lib/console/snapshot.ts';
import { detectTools, toolsForUrl } from '../../../lib/console/tools.ts';
import { readTroubleshootingLog } from '../../../lib/console/troubleshooting-log.ts';
import { findUserIdInputs } from '../../../lib/console/user-id-inputs.ts';
import { readUserStatus } from '../../../lib/console/user-status.ts';
import { readUserSigVerifier } from '../../../lib/console/usersig-verifier.ts';
import { REPLICA_PAGES } from '../../fixtures/console/routes.ts';
import { openReplica, type ReplicaPage } from './replica-harness.ts';

let page: ReplicaPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('every replica page', () => {
  for (const replica of REPLICA_PAGES) {
    it(`${replica.url}: ${replica.tools.join(' + ') || 'no tool'}`, async () => {
      page = await openReplica(replica.url);
      const tools = detectTools(page.document, page.url());
      expect(tools.map((t) => t.id)).toEqual(replica.tools);
      // Found on any route; `urlMatches` only says whether the route is the tool's documented one.
      expect(tools.every((t) => t.lang === replica.lang && t.urlMatches === toolsForUrl(replica.url).includes(t.id))).toBe(true);
      expect(consoleLang(page.url(), page.document)).toBe(replica.lang);
      expect(readSdkAppId(page.document, page.url())).toBe(replica.url.includes('sdkappid=1400000002') ? 1400000002 : 1400000001);
      for (const tool of tools) expect(() => readDetectedTool(tool)).not.toThrow();
    });
  }
});

describe('single-page behaviour', () => {
  it('shows a spinner first and the tools only after the late render', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-push-check');
    page.click(page.document.querySelector('a[href="/im/tool-usersig"]'));
    expect(page.document.querySelector('#qc-main')?.getAttribute('aria-busy')).toBe('true');
    expect(detectTools(page.document, page.url())).toEqual([]);
    await page.settle();
    expect(detectTools(page.document, page.url()).map((t) => t.id)).toEqual(['usersig-generator', 'usersig-verifier']);
  });

  it('changes route with pushState, without reloading, and back', async () => {
    page = await openReplica('https://console.tencentcloud.com/im/tool-usersig');
    const marker = page.document.createElement('meta');
    page.document.head.append(marker);
    page.click(page.document.querySelector('a[href="/im/tool-log"]'));
    await page.settle();
    expect(page.url()).toBe('https://console.tencentcloud.com/im/tool-log');
    expect(marker.isConnected).toBe(true);
    expect(page.window.history.length).toBe(2);
    expect(detectTools(page.document, page.url()).map((t) => t.id)).toEqual(['troubleshooting-log']);
    page.window.history.back();
    await page.settle();
    expect(page.url()).toBe('https://console.tencentcloud.com/im/tool-usersig');
    expect(detectTools(page.document, page.url()).map((t) => t.id)).toEqual(['usersig-generator', 'usersig-verifier']);
  });

  it('switches app from the top bar and keeps the URL in step', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-usersig?sdkappid=1400000001');
    page.click(page.document.querySelector('.qc-app-switcher__button'));
    page.click([...page.document.querySelectorAll('.qc-app-switcher__menu li')].find((li) => li.textContent?.includes('1400000002')));
    await page.settle();
    expect(page.url()).toContain('sdkappid=1400000002');
    expect(readSdkAppId(page.document, 'https://console.cloud.tencent.com/im/tool-usersig')).toBe(1400000002);
  });

  it('replaces the UserID input element when a tool re-renders, keeping its value', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-push-check');
    const [before] = findUserIdInputs(page.card(1));
    page.type(before, 'carol');
    page.click(page.card(1).querySelector('button'));
    await page.settle();
    const [after] = findUserIdInputs(page.card(1));
    expect(after).not.toBe(before);
    expect(before?.isConnected).toBe(false);
    expect(after?.value).toBe('carol');
  });

  it('ignores values set without an input event, like a controlled input', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-push-check');
    const [input] = findUserIdInputs(page.card(1));
    (input as HTMLInputElement).value = 'alice';
    page.click(page.card(1).querySelector('button'));
    await page.settle();
    expect(readUserStatus(page.card(1)).data.status).toBeUndefined();
    expect(page.card(1).querySelector('[role="alert"]')?.textContent).toBe('请输入 UserID');
  });
});

describe('broken variant (?broken=1): the page model stays quiet', () => {
  it('push check: the unlabelled finder is not detected; the status checker reports what is missing', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-push-check?broken=1');
    const tools = detectTools(page.document, page.url());
    expect(tools.map((t) => t.id)).toEqual(['user-status']);
    const status = readUserStatus(tools[0]!.root);
    expect(status.missing).toEqual(['userIdInput', 'getStatusButton']);
    page.type(tools[0]!.root.querySelector('input'), 'alice');
    page.click(tools[0]!.root.querySelector('button'));
    await page.settle();
    expect(readUserStatus(tools[0]!.root).data).toEqual({});
    expect(readOfflinePush(page.document.body).missing).toContain('getDevicesButton');
  });

  it('UserSig tools: only the verifier is recognisable, without UserSig field, button or verdict', async () => {
    page = await openReplica('https://console.tencentcloud.com/im/tool-usersig?broken=1');
    const tools = detectTools(page.document, page.url());
    expect(tools.map((t) => t.id)).toEqual(['usersig-verifier']);
    const reading = readUserSigVerifier(tools[0]!.root);
    expect(reading.missing).toEqual(['userSigInput', 'verifyButton']);
    expect(reading.data).toEqual({});
  });

  it('logs: no labelled filters and no table header, so no rows are guessed', async () => {
    page = await openReplica('https://console.cloud.tencent.com/im/tool-log?broken=1');
    const [tool] = detectTools(page.document, page.url());
    page.type(tool!.root.querySelector('input'), 'alice');
    page.click(tool!.root.querySelector('button'));
    await page.settle();
    expect(tool!.root.querySelectorAll('tr').length).toBeGreaterThan(0);
    const reading = readTroubleshootingLog(tool!.root);
    expect(reading.data.rows).toBeUndefined();
    expect(reading.missing).toEqual(['eventSelect', 'userIdInput', 'peerIdInput', 'errorCodeInput', 'timeRange', 'resultTable']);
  });
});
