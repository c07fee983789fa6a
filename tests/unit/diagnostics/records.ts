// Readings as lib/console's readers return them, for the diagnostics tests (no DOM needed).
import type { ToolReading } from '../../../lib/console/snapshot.ts';
import { buildDiagnostics, type CaptureInput } from '../../../lib/diagnostics/index.ts';
import { readUserSigFixtures } from '../../fixtures/console/usersig-fixtures.ts';

export const fixtures = readUserSigFixtures();

/** 2026-11-22 00:30:00 UTC, captured in UTC+08:00. */
export const NOW = Date.UTC(2026, 10, 22, 0, 30, 0);
export const EXTENSION = { name: 'IM Console Helper', version: '0.1.0' };

export const APNS_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const OPPO_TOKEN = 'OPPO_CN_6f1b8d2e0c4a4e3b9a7c5d1e2f3a4b5c';

export const READINGS = {
  pushDave: {
    tool: 'offline-push',
    data: {
      userId: 'dave',
      devices: [
        { certificateId: '15001', vendor: 'apns', vendorLabel: 'Apple (APNs)', token: APNS_TOKEN, reportedAt: '2026-11-22 08:18:00' },
        { certificateId: '15002', vendor: 'oppo', vendorLabel: 'OPPO', token: OPPO_TOKEN, reportedAt: '2026-11-21 22:30:00' },
      ],
      selectedCertificate: '15001',
      testResult: {
        ok: false,
        message: 'Push failed Reason: APNs returned BadDeviceToken. Solution: use the matching certificate.',
        reason: 'APNs returned BadDeviceToken: the certificate environment (development/production) does not match the device token.',
        fix: 'Use the development certificate for tokens from Xcode builds and the production certificate for App Store / TestFlight builds.',
      },
    },
    missing: [],
  },
  pushEmpty: { tool: 'offline-push', data: {}, missing: [] },
  pushNoDevices: { tool: 'offline-push', data: { userId: 'nobody', devices: [], noDevicesMessage: 'This UserID has not reported any certificate ID or device token.' }, missing: [] },
  statusAlice: {
    tool: 'user-status',
    data: { userId: 'alice', status: 'push-online', statusLabel: 'Push online', clientType: 'iOS', sdkVersion: '7.9.5666', lastLoginTime: '2026-11-22 06:55:00', conclusion: 'The user is push online and ready to receive offline push messages.', canReceivePush: true },
    missing: [],
  },
  statusBroken: { tool: 'user-status', data: {}, missing: ['userIdInput', 'getStatusButton'] },
  generatorAlice: { tool: 'usersig-generator', data: { userId: 'alice', userSig: fixtures.tokens.valid.token }, missing: [] },
  verifierExpired: {
    tool: 'usersig-verifier',
    data: { userId: 'alice', userSig: fixtures.tokens.expired.token, verdict: { ok: false, errorCode: 70001, reason: 'The UserSig has expired.', fix: 'Generate a new UserSig.' } },
    missing: [],
  },
  verifierTruncated: { tool: 'usersig-verifier', data: { userId: 'alice', userSig: fixtures.tokens.truncated.token }, missing: [] },
  logs: {
    tool: 'troubleshooting-log',
    data: {
      filters: { eventLabel: 'All', event: 'all', timeRange: '2026-11-19 08:30:00 ~ 2026-11-22 08:30:00' },
      rows: [
        { time: '2026-11-22 08:27:00', eventLabel: 'Login', event: 'login', userId: 'alice', errorCode: 70001, errorInfo: 'UserSig expired', detail: JSON.stringify({ Platform: 'iOS', SDKAppID: 1400000001, UserSig: fixtures.tokens.expired.token }) },
        { time: '2026-11-22 08:25:00', eventLabel: 'Send one-to-one message', event: 'c2c-message', userId: 'alice', peerId: 'bob', errorCode: 0, errorInfo: 'OK', detail: '{"Platform":"iOS","MsgType":"TIMTextElem"}' },
        { time: '2026-11-22 08:16:00', eventLabel: 'Offline push', event: 'offline-push', userId: 'bob', peerId: 'alice', errorCode: 90001, errorInfo: 'Push failed, "token", invalid\nretry', detail: '=cmd|calc' },
      ],
      skippedRows: 0,
    },
    missing: [],
  },
  logsBroken: { tool: 'troubleshooting-log', data: { filters: {}, skippedRows: 0 }, missing: ['eventSelect', 'userIdInput', 'peerIdInput', 'errorCodeInput', 'timeRange', 'resultTable'] },
} satisfies Record<string, ToolReading>;

export function build(reading: ToolReading, extra: Partial<CaptureInput> = {}) {
  return buildDiagnostics({
    reading,
    lang: 'en',
    url: 'https://console.tencentcloud.com/im/tool-push-check?sdkappid=1400000001',
    sdkAppId: 1400000001,
    now: NOW,
    tzOffsetMinutes: 480,
    extension: EXTENSION,
    ...extra,
  });
}
