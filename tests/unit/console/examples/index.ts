import type { ToolId } from '../../../../lib/console/tools.ts';
import { noToolExamples } from './no-tool.ts';
import { offlinePushExamples } from './offline-push.ts';
import { troubleshootingLogExamples } from './troubleshooting-log.ts';
import { teaExamples } from './tea.ts';
import type { PageExample } from './types.ts';
import { userStatusExamples } from './user-status.ts';
import { userSigGeneratorExamples } from './usersig-generator.ts';
import { userSigVerifierExamples } from './usersig-verifier.ts';

export type { PageExample } from './types.ts';
export { noToolExamples };

/** Each detector's own example pages (hand-written and rendered by TEA): each shows exactly that one tool. */
export const TOOL_EXAMPLES: Record<ToolId, PageExample[]> = {
  'offline-push': [...offlinePushExamples, ...teaExamples['offline-push']],
  'user-status': [...userStatusExamples, ...teaExamples['user-status']],
  'usersig-generator': [...userSigGeneratorExamples, ...teaExamples['usersig-generator']],
  'usersig-verifier': [...userSigVerifierExamples, ...teaExamples['usersig-verifier']],
  'troubleshooting-log': [...troubleshootingLogExamples, ...teaExamples['troubleshooting-log']],
};
