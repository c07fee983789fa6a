import type { ToolId } from '../../../../lib/console/tools.ts';
import { noToolExamples } from './no-tool.ts';
import { offlinePushExamples } from './offline-push.ts';
import { troubleshootingLogExamples } from './troubleshooting-log.ts';
import type { PageExample } from './types.ts';
import { userStatusExamples } from './user-status.ts';
import { userSigGeneratorExamples } from './usersig-generator.ts';
import { userSigVerifierExamples } from './usersig-verifier.ts';

export type { PageExample } from './types.ts';
export { noToolExamples };

/** Each detector's own example pages: each shows exactly that one tool. */
export const TOOL_EXAMPLES: Record<ToolId, PageExample[]> = {
  'offline-push': offlinePushExamples,
  'user-status': userStatusExamples,
  'usersig-generator': userSigGeneratorExamples,
  'usersig-verifier': userSigVerifierExamples,
  'troubleshooting-log': troubleshootingLogExamples,
};
