// One typed record of whatever tool is on screen: the input of diagnostics and features.
import { readOfflinePush, type OfflinePushSnapshot } from './offline-push.ts';
import type { Reading } from './reading.ts';
import type { DetectedTool, ToolId } from './tools.ts';
import { readTroubleshootingLog, type TroubleshootingLogSnapshot } from './troubleshooting-log.ts';
import { readUserStatus, type UserStatusSnapshot } from './user-status.ts';
import { readUserSigGenerator, type UserSigGeneratorSnapshot } from './usersig-generator.ts';
import { readUserSigVerifier, type UserSigVerifierSnapshot } from './usersig-verifier.ts';

export interface ToolSnapshots {
  'offline-push': OfflinePushSnapshot;
  'user-status': UserStatusSnapshot;
  'usersig-generator': UserSigGeneratorSnapshot;
  'usersig-verifier': UserSigVerifierSnapshot;
  'troubleshooting-log': TroubleshootingLogSnapshot;
}

export type ToolReading = { [K in ToolId]: { tool: K } & Reading<ToolSnapshots[K]> }[ToolId];

const READERS: { [K in ToolId]: (root: Element) => Reading<ToolSnapshots[K]> } = {
  'offline-push': readOfflinePush,
  'user-status': readUserStatus,
  'usersig-generator': readUserSigGenerator,
  'usersig-verifier': readUserSigVerifier,
  'troubleshooting-log': readTroubleshootingLog,
};

export function readTool<K extends ToolId>(id: K, root: Element): Reading<ToolSnapshots[K]> {
  return READERS[id](root);
}

/** Reads a detected tool; a reader that throws on odd markup yields an empty, all-missing reading. */
export function readDetectedTool(tool: DetectedTool): ToolReading {
  try {
    return { tool: tool.id, ...readTool(tool.id, tool.root) } as ToolReading;
  } catch {
    return { tool: tool.id, data: tool.id === 'troubleshooting-log' ? { filters: {}, skippedRows: 0 } : {}, missing: ['reader'] } as ToolReading;
  }
}
