// Examples rendered by TEA itself (tests/unit/console/tea): the card's description inside the
// title's heading, badges after the name, on documented routes and on routes never seen before.
import type { ToolId } from '../../../../lib/console/tools.ts';
import { offlinePush, troubleshootingLog, userSigGenerator, userSigVerifier, userStatus } from '../tea/tools.ts';
import { EN, ZH, type PageExample } from './types.ts';

const root = { expectRoot: true };

export const teaExamples: Record<ToolId, PageExample[]> = {
  'offline-push': [
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-push-check`, html: offlinePush('zh', 'idle', root) },
    { name: 'TEA en with results, on an unseen route', url: `${EN}/im/app/1400000001/tools/push`, html: offlinePush('en', 'failed', root) },
    { name: 'TEA zh with a Beta badge', url: `${ZH}/im/auxiliary/push`, html: offlinePush('zh', 'devices', { ...root, badge: 'Beta' }) },
  ],
  'user-status': [
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-push-check`, html: userStatus('zh', false, root) },
    { name: 'TEA en with results, on an unseen route', url: `${EN}/im/detail/tools?tab=push`, html: userStatus('en', true, root) },
    { name: 'TEA zh with a 新版 badge', url: `${ZH}/im/tool-push-check`, html: userStatus('zh', true, { ...root, badge: '新版' }) },
  ],
  'usersig-generator': [
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-usersig`, html: userSigGenerator('zh', false, root) },
    { name: 'TEA en with the UserSig shown as text, on an unseen route', url: `${EN}/im/auxiliary/usersig-tools`, html: userSigGenerator('en', true, root) },
  ],
  'usersig-verifier': [
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-usersig`, html: userSigVerifier('zh', 'idle', root) },
    { name: 'TEA en with a verdict, on an unseen route', url: `${EN}/im/detail/tools?tab=usersig`, html: userSigVerifier('en', 'failed', root) },
    { name: 'TEA en Beta badge', url: `${EN}/im/tool-usersig`, html: userSigVerifier('en', 'verified', { ...root, badge: 'Beta' }) },
  ],
  'troubleshooting-log': [
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-log`, html: troubleshootingLog('zh', 0, root) },
    { name: 'TEA en with rows, on an unseen route', url: `${EN}/im/app/1400000001/logs`, html: troubleshootingLog('en', 3, root) },
  ],
};
