// The Ant Design UserSig tools page (tests/fixtures/console/antd/page.ts): what the e2e test and
// its Firefox mirror check there. Plain Node too: erasable TypeScript only.
import { FIRST_APP, SECOND_APP, type TokenSpec } from './console-tea.ts';

export { ANTD_TEXTS, ANTD_TOOLS_URL, antdToolsPage, fulfilAntdRequest } from '../fixtures/console/antd/page.ts';
export { FIRST_APP, makeToken } from './console-tea.ts';

export const ANTD_DESCRIBE = 'console on a library the replicas do not use (Ant Design, console.trtc.io/usersig-tools)';
export const ANTD_TITLE =
  'Copy diagnostics on both cards, the picker on both UserID fields, decode beside the generated UserSig, a UserID saved from one field picked into the other, and the pre-check reads the card’s own drop-down (70013, 70014, pass)';

/** The page shows FIRST_APP in both drop-downs; alice is saved from the generator and picked into the verifier. */
export const ANTD_APP = { name: 'demo-app', sdkAppId: FIRST_APP.sdkAppId };

export const ANTD_PRECHECKS: readonly { name: string; token: TokenSpec; verdict: 'problem' | 'pass'; code?: string }[] = [
  { name: 'another UserID', token: { of: 'bob', app: FIRST_APP }, verdict: 'problem', code: '70013' },
  { name: 'another app than the drop-down shows', token: { of: 'alice', app: SECOND_APP }, verdict: 'problem', code: '70014' },
  { name: 'the UserID and the app shown', token: { of: 'alice', app: FIRST_APP }, verdict: 'pass' },
];
