// Offline push issue finder (离线推送定位工具): UserID → device information → test push.
import { controlValue, isSelect, spacedText, textOf } from './dom.ts';
import { findButton, findControl, findLabelledValue, readLabelledText } from './fields.ts';
import type { Reading } from './reading.ts';
import { findResultBox, messageBoxes } from './result-box.ts';
import { outcomeOfResult } from './result-words.ts';
import { readTable } from './table.ts';
import { containsAny } from './text.ts';
import { findUserIdInputs } from './user-id-inputs.ts';
import { CertificateIdSchema, DeviceTokenSchema, LongTextSchema, ShortTextSchema, UserIdSchema, accept } from './values.ts';

import type { PushVendor } from './enums.ts';

export { PUSH_VENDORS, type PushVendor } from './enums.ts';

export interface PushDevice {
  certificateId: string;
  vendor: PushVendor;
  /** The vendor as the console wrote it, e.g. "华为" or "Apple (APNs)". */
  vendorLabel: string;
  token: string;
  reportedAt?: string;
}

export interface PushTestResult {
  ok: boolean;
  reason?: string;
  fix?: string;
  /** The whole result text, for display. */
  message: string;
}

export interface OfflinePushSnapshot {
  userId?: string;
  /** Absent until device information is shown; [] when the console says there is none. */
  devices?: PushDevice[];
  /** The console's message when there are no devices. */
  noDevicesMessage?: string;
  selectedCertificate?: string;
  testResult?: PushTestResult;
}

export interface OfflinePushLocators {
  userIdInput?: HTMLInputElement;
  getDevicesButton?: HTMLElement;
  deviceInfo?: Element;
  certificateSelect?: Element;
  startTestButton?: HTMLElement;
  testResult?: Element;
}

const TEXT = {
  getDevices: ['获取设备状态', '获取设备信息', 'Get device information', 'Get device info'],
  startTest: ['开始检测', 'Start testing', 'Start test'],
  deviceInfo: ['设备信息', '设备状态', 'Device information', 'Device info'],
  certificate: ['证书 ID', 'Certificate ID'],
  testResult: ['检测结果', 'Test results', 'Test result'],
  noDevices: ['暂无', '没有', '未上报', '无设备', 'No device', 'No data', 'not reported', 'No certificate'],
  reason: ['失败原因', '原因', 'Cause', 'Reason', 'Failure cause'],
  fix: ['解决方案', '解决办法', 'Solution', 'Suggested fix', 'Fix'],
};

const COLUMNS = {
  certificateId: ['证书 ID', 'Certificate ID'],
  vendor: ['推送通道', '厂商', '推送厂商', '平台', 'Push channel', 'Vendor', 'Platform'],
  token: ['设备 Token', 'Token', 'Device token'],
  reportedAt: ['上报时间', 'Reported at', 'Report time'],
};

const VENDOR_WORDS: [PushVendor, string[]][] = [
  ['apns', ['apns', 'apple', '苹果', 'ios']],
  ['honor', ['honor', '荣耀']],
  ['huawei', ['huawei', '华为', 'hms']],
  ['xiaomi', ['xiaomi', '小米', 'mipush']],
  ['oppo', ['oppo']],
  ['vivo', ['vivo']],
  ['meizu', ['meizu', '魅族']],
  ['fcm', ['fcm', 'google', '谷歌', 'firebase']],
];

export function vendorOf(label: string): PushVendor {
  return VENDOR_WORDS.find(([, words]) => containsAny(label, words))?.[0] ?? 'other';
}

/** Device information: labelled, else the section itself when it shows the device table or says there is none. */
function findDeviceInfo(root: Element): Element | undefined {
  const labelled = findLabelledValue(root, TEXT.deviceInfo);
  if (labelled) return labelled;
  if (readTable(root, COLUMNS)) return root;
  return messageBoxes(root).find((box) => containsAny(textOf(box, 400), TEXT.noDevices));
}

export function locateOfflinePush(root: Element): OfflinePushLocators {
  return {
    userIdInput: findUserIdInputs(root)[0],
    getDevicesButton: findButton(root, TEXT.getDevices),
    deviceInfo: findDeviceInfo(root),
    certificateSelect: findControl(root, TEXT.certificate),
    startTestButton: findButton(root, TEXT.startTest),
    // The test push's outcome, labelled "检测结果" or shown as a message box with no label.
    testResult: findResultBox(root, TEXT.testResult, (box) => outcomeOfResult(box) !== undefined),
  };
}

function readDevices(container: Element, missing: string[]): Pick<OfflinePushSnapshot, 'devices' | 'noDevicesMessage'> {
  const table = readTable(container, COLUMNS);
  if (!table) {
    const message = accept(LongTextSchema, spacedText(container));
    if (message === undefined) missing.push('deviceTable');
    return { devices: [], noDevicesMessage: message };
  }
  const devices: PushDevice[] = [];
  table.rows.forEach((row, i) => {
    const certificateId = accept(CertificateIdSchema, row.certificateId);
    const token = accept(DeviceTokenSchema, row.token);
    const vendorLabel = accept(ShortTextSchema, row.vendor) ?? '';
    if (certificateId === undefined || token === undefined) {
      missing.push(`devices[${i}]`);
      return;
    }
    const reportedAt = accept(ShortTextSchema, row.reportedAt);
    devices.push({ certificateId, vendor: vendorOf(vendorLabel), vendorLabel, token, ...(reportedAt ? { reportedAt } : {}) });
  });
  return { devices };
}

function readTestResult(container: Element): PushTestResult | undefined {
  const message = accept(LongTextSchema, spacedText(container));
  const ok = message === undefined ? undefined : outcomeOfResult(container);
  if (message === undefined || ok === undefined) return undefined;
  const reason = accept(LongTextSchema, readLabelledText(container, TEXT.reason));
  const fix = accept(LongTextSchema, readLabelledText(container, TEXT.fix));
  return { ok, message, ...(ok ? {} : { ...(reason ? { reason } : {}), ...(fix ? { fix } : {}) }) };
}

export function readOfflinePush(root: Element): Reading<OfflinePushSnapshot> {
  const at = locateOfflinePush(root);
  const missing: string[] = [];
  const data: OfflinePushSnapshot = {};
  if (!at.userIdInput) missing.push('userIdInput');
  else {
    const userId = accept(UserIdSchema, at.userIdInput.value.trim());
    if (userId) data.userId = userId;
  }
  if (!at.getDevicesButton) missing.push('getDevicesButton');
  if (at.deviceInfo) Object.assign(data, readDevices(at.deviceInfo, missing));
  // The test step may only appear once devices are listed (TEA's console renders it then).
  const testStepExpected = (data.devices?.length ?? 0) > 0;
  if (!at.startTestButton && testStepExpected) missing.push('startTestButton');
  if (!at.certificateSelect) {
    if (testStepExpected) missing.push('certificateSelect');
  } else if (isSelect(at.certificateSelect) ? at.certificateSelect.options.length > 0 : true) {
    const selected = accept(CertificateIdSchema, controlValue(at.certificateSelect));
    if (selected) data.selectedCertificate = selected;
  }
  if (at.testResult) {
    const result = readTestResult(at.testResult);
    if (result) data.testResult = result;
    else missing.push('testResult');
  }
  return { data, missing };
}
