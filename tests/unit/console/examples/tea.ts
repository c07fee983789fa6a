// Examples rendered by TEA itself: the replica app's cards (tests/fixtures/console/tea/ssr.ts) and
// small TEA samples (tests/unit/console/tea): the card's description inside the title's heading,
// badges after the name, on documented routes and on routes never seen before.
import type { ToolId } from '../../../../lib/console/tools.ts';
import { TEA_TOOL_VARIANTS, teaToolMarkup } from '../../../fixtures/console/tea/ssr.ts';
import { offlinePush, troubleshootingLog, userSigGenerator, userSigVerifier, userStatus } from '../tea/tools.ts';
import { EN, ZH, type PageExample } from './types.ts';

const root = { expectRoot: true };
/** The replica's card is the first element of its markup. */
const EXPECT_ROOT = /^<div class="tea-card[^"]*"/;

/** Every variant of every tool of the TEA replica app, zh and en, on a route the code has never seen. */
async function replicaExamples(tool: ToolId): Promise<PageExample[]> {
  const examples: PageExample[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const variant of Object.keys(TEA_TOOL_VARIANTS[tool])) {
      const html = await teaToolMarkup(tool, lang, variant as never);
      if (!EXPECT_ROOT.test(html)) throw new Error(`${tool} ${variant}: the replica's card markup changed`);
      examples.push({
        name: `TEA replica ${lang} ${variant}`,
        url: `${lang === 'zh' ? ZH : EN}/im/replica/${tool}/${variant}`,
        html: html.replace(EXPECT_ROOT, (card) => `${card} data-expect-root`),
      });
    }
  }
  return examples;
}

const replica = {
  'offline-push': await replicaExamples('offline-push'),
  'user-status': await replicaExamples('user-status'),
  'usersig-generator': await replicaExamples('usersig-generator'),
  'usersig-verifier': await replicaExamples('usersig-verifier'),
  'troubleshooting-log': await replicaExamples('troubleshooting-log'),
};

export const teaExamples: Record<ToolId, PageExample[]> = {
  'offline-push': [
    ...replica['offline-push'],
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-push-check`, html: offlinePush('zh', 'idle', root) },
    { name: 'TEA en with results, on an unseen route', url: `${EN}/im/app/1400000001/tools/push`, html: offlinePush('en', 'failed', root) },
    { name: 'TEA zh with a Beta badge', url: `${ZH}/im/auxiliary/push`, html: offlinePush('zh', 'devices', { ...root, badge: 'Beta' }) },
  ],
  'user-status': [
    ...replica['user-status'],
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-push-check`, html: userStatus('zh', false, root) },
    { name: 'TEA en with results, on an unseen route', url: `${EN}/im/detail/tools?tab=push`, html: userStatus('en', true, root) },
    { name: 'TEA zh with a 新版 badge', url: `${ZH}/im/tool-push-check`, html: userStatus('zh', true, { ...root, badge: '新版' }) },
  ],
  'usersig-generator': [
    ...replica['usersig-generator'],
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-usersig`, html: userSigGenerator('zh', false, root) },
    { name: 'TEA en with the UserSig shown as text, on an unseen route', url: `${EN}/im/auxiliary/usersig-tools`, html: userSigGenerator('en', true, root) },
  ],
  'usersig-verifier': [
    ...replica['usersig-verifier'],
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-usersig`, html: userSigVerifier('zh', 'idle', root) },
    { name: 'TEA en with a verdict, on an unseen route', url: `${EN}/im/detail/tools?tab=usersig`, html: userSigVerifier('en', 'failed', root) },
    { name: 'TEA en Beta badge', url: `${EN}/im/tool-usersig`, html: userSigVerifier('en', 'verified', { ...root, badge: 'Beta' }) },
  ],
  'troubleshooting-log': [
    ...replica['troubleshooting-log'],
    { name: 'TEA zh, description in the heading', url: `${ZH}/im/tool-log`, html: troubleshootingLog('zh', 0, root) },
    { name: 'TEA en with rows, on an unseen route', url: `${EN}/im/app/1400000001/logs`, html: troubleshootingLog('en', 3, root) },
  ],
};
