// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { locateOfflinePush, readOfflinePush } from '../../../lib/console/offline-push.ts';
import { locateUserStatus, readUserStatus } from '../../../lib/console/user-status.ts';
import { openReplica, toolRoot, type ReplicaPage } from './replica-harness.ts';

const PAGES = {
  zh: 'https://console.cloud.tencent.com/im/tool-push-check',
  en: 'https://console.tencentcloud.com/im/tool-push-check',
} as const;

let page: ReplicaPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function getDevices(p: ReplicaPage, userId: string) {
  p.type(locateOfflinePush(toolRoot(p, 'offline-push')).userIdInput, userId);
  p.click(locateOfflinePush(toolRoot(p, 'offline-push')).getDevicesButton);
  await p.settle();
}

async function startTest(p: ReplicaPage, certificateId?: string) {
  const at = locateOfflinePush(toolRoot(p, 'offline-push'));
  if (certificateId) {
    (at.certificateSelect as HTMLSelectElement).value = certificateId;
    at.certificateSelect!.dispatchEvent(new p.window.Event('change', { bubbles: true }) as unknown as Event);
  }
  p.click(at.startTestButton);
  await p.settle();
}

async function getStatus(p: ReplicaPage, userId: string) {
  p.type(locateUserStatus(toolRoot(p, 'user-status')).userIdInput, userId);
  p.click(locateUserStatus(toolRoot(p, 'user-status')).getStatusButton);
  await p.settle();
  return readUserStatus(toolRoot(p, 'user-status'));
}

for (const lang of ['zh', 'en'] as const) {
  describe(`offline push issue finder replica (${lang})`, () => {
    it('finds every part before anything is queried, and reads no values', async () => {
      page = await openReplica(PAGES[lang]);
      expect(readOfflinePush(toolRoot(page, 'offline-push'))).toEqual({ data: {}, missing: [] });
    });

    it('reads devices and a successful test push for alice, after the input was re-rendered', async () => {
      page = await openReplica(PAGES[lang]);
      const first = locateOfflinePush(toolRoot(page, 'offline-push')).userIdInput;
      await getDevices(page, 'alice');
      const reading = readOfflinePush(toolRoot(page, 'offline-push'));
      expect(first?.isConnected).toBe(false);
      expect(reading.missing).toEqual([]);
      expect(reading.data).toMatchObject({
        userId: 'alice',
        selectedCertificate: '12001',
        devices: [
          { certificateId: '12001', vendor: 'huawei', token: '0866471036250553300009154000CN01' },
          { certificateId: '12002', vendor: 'apns', token: '7f3c2a9b8e1d4c6fa0b5e2d9c8a7f6e5d4c3b2a1908f7e6d5c4b3a2918070605' },
        ],
      });
      expect(reading.data.devices?.[0]?.reportedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      await startTest(page, '12002');
      const after = readOfflinePush(toolRoot(page, 'offline-push')).data;
      expect(after.selectedCertificate).toBe('12002');
      expect(after.testResult).toMatchObject({ ok: true });
      expect(after.testResult?.reason).toBeUndefined();
    });

    it('reads a failed test push with its cause and solution (bob, Xiaomi token invalid)', async () => {
      page = await openReplica(PAGES[lang]);
      await getDevices(page, 'bob');
      await startTest(page);
      const { data, missing } = readOfflinePush(toolRoot(page, 'offline-push'));
      expect(missing).toEqual([]);
      expect(data.devices).toEqual([expect.objectContaining({ certificateId: '13001', vendor: 'xiaomi' })]);
      expect(data.testResult?.ok).toBe(false);
      expect(data.testResult?.reason).toMatch(/Token/i);
      expect(data.testResult?.fix).toContain('setOfflinePushConfig');
    });

    it('reads the failure of the certificate picked in the select (dave, APNs environment)', async () => {
      page = await openReplica(PAGES[lang]);
      await getDevices(page, 'dave');
      await startTest(page, '15001');
      const { data } = readOfflinePush(toolRoot(page, 'offline-push'));
      expect(data.selectedCertificate).toBe('15001');
      expect(data.testResult).toMatchObject({ ok: false, reason: expect.stringContaining('BadDeviceToken') });
    });

    it('reads "no device information" as an empty device list with the message', async () => {
      page = await openReplica(PAGES[lang]);
      await getDevices(page, 'nobody');
      const { data, missing } = readOfflinePush(toolRoot(page, 'offline-push'));
      expect(missing).toEqual([]);
      expect(data.devices).toEqual([]);
      expect(data.noDevicesMessage).toMatch(lang === 'zh' ? /未上报/ : /No certificate ID/);
      expect(data.selectedCertificate).toBeUndefined();
    });
  });

  describe(`user client status checker replica (${lang})`, () => {
    it('reads push-online / online / offline and whether offline pushes can arrive', async () => {
      page = await openReplica(PAGES[lang]);
      const alice = await getStatus(page, 'alice');
      expect(alice.missing).toEqual([]);
      expect(alice.data).toMatchObject({ userId: 'alice', status: 'push-online', clientType: 'iOS', sdkVersion: '7.9.5666', canReceivePush: true });
      expect(alice.data.lastLoginTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect((await getStatus(page, 'bob')).data).toMatchObject({ status: 'online', clientType: 'Android', canReceivePush: false });
      expect((await getStatus(page, 'carol')).data).toMatchObject({ status: 'offline', clientType: 'Web', canReceivePush: false });
    });

    it('reads an unknown UserID as a conclusion without status or verdict', async () => {
      page = await openReplica(PAGES[lang]);
      const { data } = await getStatus(page, 'nobody');
      expect(data.userId).toBe('nobody');
      expect(data.status).toBeUndefined();
      expect(data.canReceivePush).toBeUndefined();
      expect(data.conclusion).toBeTruthy();
    });

    it('reads the two tools independently', async () => {
      page = await openReplica(PAGES[lang]);
      await getStatus(page, 'carol');
      expect(readOfflinePush(toolRoot(page, 'offline-push')).data).toEqual({});
    });
  });
}
